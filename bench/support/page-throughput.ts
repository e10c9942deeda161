import { type Load, load } from './http-load.js'
import { type Child, host, httpGet, spawnNode, waitFor200 } from './processes.js'
import { envInteger, type Figure, ms, note, report } from './report.js'

/** How long and how hard each URL is loaded: BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS. */
export interface PageLoadSettings {
  duration: number
  warmUp: number
  connections: number
}

/** The load settings of the page benches, from the environment; printed. */
export function pageLoadSettings(): PageLoadSettings {
  const duration = envInteger('BENCH_DURATION', 10, 1, 120)
  const warmUp = envInteger('BENCH_WARMUP', 2, 0, 60)
  const connections = envInteger('BENCH_CONNECTIONS', 50, 1, 1000)
  note(`${connections} connections, ${warmUp} s warm-up then ${duration} s per URL`)
  return { duration, warmUp, connections }
}

/** `node <script>` as a child process, once it answers 200 on `readyPath`. */
export async function startServer(
  script: string,
  env: NodeJS.ProcessEnv,
  readyPath: string,
): Promise<{ child: Child; base: string }> {
  const port = Number(env.PORT)
  const child = spawnNode(script, env)
  const base = `http://${host}:${port}`
  const since = performance.now()
  await waitFor200(`${base}${readyPath}`, child, { since, timeoutMs: 60_000 })
  return { child, base }
}

/**
 * One URL: fetched once (it must answer 200), warmed up, then loaded with autocannon while the
 * server's CPU time is read; prints a line. Returns the load and the page as first fetched.
 */
export async function measurePage(
  label: string,
  url: string,
  server: Child,
  settings: PageLoadSettings,
): Promise<{ result: Load; body: string }> {
  const answer = await httpGet(url, 5000)
  if (answer.status !== 200) throw new Error(`${url} answered HTTP ${answer.status}`)
  if (settings.warmUp > 0) await load(url, settings.warmUp, settings.connections)
  const result = await load(url, settings.duration, settings.connections, server.process.pid)
  const cpu =
    result.cpuMsPerRequest === undefined
      ? ''
      : `; server CPU ${ms(result.cpuMsPerRequest)}/request (≈ ${Math.round(1000 / result.cpuMsPerRequest)} req/s per CPU-second)`
  note(
    `${label}: ${Math.round(result.rps)} req/s, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, ${result.requests} × 200, ${result.failures} failures, ${Buffer.byteLength(answer.body)} bytes${cpu}`,
  )
  return { result, body: answer.body }
}

/** A page's figures on SQLite: req/s against the target, latency, server CPU, share of hello world. */
export function pageFigures(
  bench: string,
  label: string,
  result: Load,
  hello: Load,
  targetRps: number,
): Figure[] {
  return [
    report({
      bench,
      database: 'SQLite',
      measure: `${label} req/s`,
      value: `${Math.round(result.rps)}${result.failures > 0 ? ` (${result.failures} failures)` : ''}`,
      target: `≥ ${targetRps}`,
      met: result.rps >= targetRps && result.failures === 0,
    }),
    report({
      bench,
      database: 'SQLite',
      measure: `${label} latency p50 / p99`,
      value: `${ms(result.p50)} / ${ms(result.p99)}`,
    }),
    ...(result.cpuMsPerRequest === undefined
      ? []
      : [
          report({
            bench,
            database: 'SQLite',
            measure: `${label} server CPU per request`,
            value: `${ms(result.cpuMsPerRequest)} (≈ ${Math.round(1000 / result.cpuMsPerRequest)} req/s per core)`,
          }),
        ]),
    report({
      bench,
      database: 'SQLite',
      measure: `${label} ÷ hello world`,
      value: `${((100 * result.rps) / hello.rps).toFixed(1)} %`,
    }),
  ]
}

/** The baseline's own figure. */
export function helloFigure(bench: string, hello: Load): Figure {
  return report({
    bench,
    database: '-',
    measure: 'hello world req/s, p50 / p99',
    value: `${Math.round(hello.rps)}, ${ms(hello.p50)} / ${ms(hello.p99)}`,
  })
}
