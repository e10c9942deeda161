/**
 * Start to first request served, territories already loaded: the data folder is prepared once
 * (prepareDatabase, as the first start does), then `node dist/src/server.js` is spawned several
 * times and GET /healthz is polled every 10 ms; the time runs from spawn to the first 200.
 * Target: ≤ 2 s.
 */
import { prepareDatabase } from '../src/bootstrap.js'
import { loadConfig } from '../src/config.js'
import {
  freePort,
  host,
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
  median,
  note,
  report,
  runAlone,
  seconds,
} from './support/report.js'

const bench = 'startup'
const targetMs = 2000

/** The server's settings, shared by the preparation and the measured starts. */
function settings(dataDir: string, port: number): Record<string, string> {
  return { NODE_ENV: 'production', DATA_DIR: dataDir, PORT: String(port) }
}

export async function run(): Promise<Figure[]> {
  heading('Start to first request served (territories already loaded)')
  requireBuilt(serverScript)
  const runs = envInteger('BENCH_STARTUP_RUNS', 5, 1, 50)
  const dataDir = makeTempDir('jalons-bench-startup-')
  try {
    const preparing = performance.now()
    const { handle, notes } = await prepareDatabase(loadConfig(serverEnv(settings(dataDir, 0))))
    await handle.close()
    note(`data folder prepared in ${seconds(performance.now() - preparing)} (${notes.join('; ')})`)

    const times: number[] = []
    for (let index = 0; index < runs; index++) {
      const port = await freePort()
      const since = performance.now()
      const child = spawnNode(serverScript, serverEnv(settings(dataDir, port)))
      try {
        const elapsed = await waitFor200(`http://${host}:${port}/healthz`, child, {
          since,
          intervalMs: 10,
          timeoutMs: 30_000,
        })
        times.push(elapsed)
        note(`run ${index + 1}/${runs}: ${seconds(elapsed)}`)
      } finally {
        await stopChild(child)
      }
    }
    const slowest = Math.max(...times)
    return [
      report({
        bench,
        database: 'SQLite',
        measure: `spawn → first 200, median of ${runs}`,
        value: seconds(median(times)),
      }),
      report({
        bench,
        database: 'SQLite',
        measure: `spawn → first 200, max of ${runs}`,
        value: seconds(slowest),
        target: `≤ ${seconds(targetMs)}`,
        met: slowest <= targetMs,
      }),
    ]
  } finally {
    removeTempDir(dataDir)
  }
}

if (isMainModule(import.meta.url)) await runAlone(run)
