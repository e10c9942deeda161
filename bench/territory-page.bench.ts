/**
 * HTTP throughput of territory pages on SQLite: the built server (node dist/src/server.js) and a
 * bare Hono hello-world run as two child processes; autocannon runs here, in a third process.
 * Each URL: 2 s warm-up, then 10 s with 50 connections. Target: ≥ 1,000 requests/s for a page.
 * The server's CPU time per request (from /proc) is printed too: unlike requests/s, it hardly
 * depends on what else the machine runs. BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS override.
 */
import { prepareDatabase } from '../src/bootstrap.js'
import { loadConfig } from '../src/config.js'
import { load } from './support/http-load.js'
import {
  type Child,
  freePort,
  helloScript,
  host,
  httpGet,
  makeTempDir,
  removeTempDir,
  requireBuilt,
  serverEnv,
  serverScript,
  spawnNode,
  stopChild,
  waitFor200,
} from './support/processes.js'
import {
  envInteger,
  type Figure,
  heading,
  isMainModule,
  ms,
  note,
  report,
  runAlone,
  seconds,
} from './support/report.js'

const bench = 'territory-page'
const targetRps = 1000

const pages = [
  { label: 'commune page (Lyon, 69123)', path: '/territoires/commune/69123' },
  { label: 'EPCI page (CA du Pays Basque, 158 communes)', path: '/territoires/epci/200067106' },
]

async function startChild(
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

export async function run(): Promise<Figure[]> {
  heading('Territory page throughput (SQLite, HTTP, autocannon)')
  requireBuilt(serverScript)
  requireBuilt(helloScript)
  const duration = envInteger('BENCH_DURATION', 10, 1, 120)
  const warmUp = envInteger('BENCH_WARMUP', 2, 0, 60)
  const connections = envInteger('BENCH_CONNECTIONS', 50, 1, 1000)
  note(`${connections} connections, ${warmUp} s warm-up then ${duration} s per URL`)

  const dataDir = makeTempDir('jalons-bench-page-')
  const children: Child[] = []
  try {
    const serverSettings = { NODE_ENV: 'production', DATA_DIR: dataDir }
    const preparing = performance.now()
    const { handle } = await prepareDatabase(loadConfig(serverEnv({ ...serverSettings, PORT: '0' })))
    await handle.close()
    note(`data folder prepared in ${seconds(performance.now() - preparing)}`)

    const jalons = await startChild(
      serverScript,
      serverEnv({ ...serverSettings, PORT: String(await freePort()) }),
      '/healthz',
    )
    children.push(jalons.child)
    const hello = await startChild(helloScript, serverEnv({ PORT: String(await freePort()) }), '/')
    children.push(hello.child)

    const measure = async (label: string, url: string, server: Child) => {
      const answer = await httpGet(url, 5000)
      if (answer.status !== 200) throw new Error(`${url} answered HTTP ${answer.status}`)
      if (warmUp > 0) await load(url, warmUp, connections)
      const result = await load(url, duration, connections, server.process.pid)
      const cpu =
        result.cpuMsPerRequest === undefined
          ? ''
          : `; server CPU ${ms(result.cpuMsPerRequest)}/request (≈ ${Math.round(1000 / result.cpuMsPerRequest)} req/s per CPU-second)`
      note(
        `${label}: ${Math.round(result.rps)} req/s, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, ${result.requests} × 200, ${result.failures} failures, ${Buffer.byteLength(answer.body)} bytes${cpu}`,
      )
      return result
    }

    const helloResult = await measure('hello world', `${hello.base}/`, hello.child)
    const figures: Figure[] = []
    for (const page of pages) {
      const result = await measure(page.label, `${jalons.base}${page.path}`, jalons.child)
      figures.push(
        report({
          bench,
          database: 'SQLite',
          measure: `${page.label} req/s`,
          value: `${Math.round(result.rps)}${result.failures > 0 ? ` (${result.failures} failures)` : ''}`,
          target: `≥ ${targetRps}`,
          met: result.rps >= targetRps && result.failures === 0,
        }),
        report({
          bench,
          database: 'SQLite',
          measure: `${page.label} latency p50 / p99`,
          value: `${ms(result.p50)} / ${ms(result.p99)}`,
        }),
        ...(result.cpuMsPerRequest === undefined
          ? []
          : [
              report({
                bench,
                database: 'SQLite',
                measure: `${page.label} server CPU per request`,
                value: `${ms(result.cpuMsPerRequest)} (≈ ${Math.round(1000 / result.cpuMsPerRequest)} req/s per core)`,
              }),
            ]),
        report({
          bench,
          database: 'SQLite',
          measure: `${page.label} ÷ hello world`,
          value: `${((100 * result.rps) / helloResult.rps).toFixed(1)} %`,
        }),
      )
    }
    figures.push(
      report({
        bench,
        database: '-',
        measure: 'hello world req/s, p50 / p99',
        value: `${Math.round(helloResult.rps)}, ${ms(helloResult.p50)} / ${ms(helloResult.p99)}`,
      }),
    )
    return figures
  } finally {
    for (const child of children) await stopChild(child)
    removeTempDir(dataDir)
  }
}

if (isMainModule(import.meta.url)) await runAlone(run)
