/**
 * HTTP throughput of territory pages on SQLite: the built server (node dist/src/server.js) and a
 * bare Hono hello-world run as two child processes; autocannon runs here, in a third process.
 * Each URL: 2 s warm-up, then 10 s with 50 connections. Target: ≥ 1,000 requests/s for a page.
 * The server's CPU time per request (from /proc) is printed too: unlike requests/s, it hardly
 * depends on what else the machine runs. BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS override.
 */
import { prepareDatabase } from '../src/bootstrap.js'
import { loadConfig } from '../src/config.js'
import {
  helloFigure,
  measurePage,
  pageFigures,
  pageLoadSettings,
  startServer,
} from './support/page-throughput.js'
import {
  type Child,
  freePort,
  helloScript,
  makeTempDir,
  removeTempDir,
  requireBuilt,
  serverEnv,
  serverScript,
  stopChild,
} from './support/processes.js'
import { type Figure, heading, isMainModule, note, runAlone, seconds } from './support/report.js'

const bench = 'territory-page'
const targetRps = 1000

const pages = [
  { label: 'commune page (Lyon, 69123)', path: '/territoires/commune/69123' },
  { label: 'EPCI page (CA du Pays Basque, 158 communes)', path: '/territoires/epci/200067106' },
]

export async function run(): Promise<Figure[]> {
  heading('Territory page throughput (SQLite, HTTP, autocannon)')
  requireBuilt(serverScript)
  requireBuilt(helloScript)
  const settings = pageLoadSettings()

  const dataDir = makeTempDir('jalons-bench-page-')
  const children: Child[] = []
  try {
    const serverSettings = { NODE_ENV: 'production', DATA_DIR: dataDir }
    const preparing = performance.now()
    const { handle } = await prepareDatabase(loadConfig(serverEnv({ ...serverSettings, PORT: '0' })))
    await handle.close()
    note(`data folder prepared in ${seconds(performance.now() - preparing)}`)

    const jalons = await startServer(
      serverScript,
      serverEnv({ ...serverSettings, PORT: String(await freePort()) }),
      '/healthz',
    )
    children.push(jalons.child)
    const hello = await startServer(helloScript, serverEnv({ PORT: String(await freePort()) }), '/')
    children.push(hello.child)

    const helloResult = (await measurePage('hello world', `${hello.base}/`, hello.child, settings)).result
    const figures: Figure[] = []
    for (const page of pages) {
      const { result } = await measurePage(page.label, `${jalons.base}${page.path}`, jalons.child, settings)
      figures.push(...pageFigures(bench, page.label, result, helloResult, targetRps))
    }
    figures.push(helloFigure(bench, helloResult))
    return figures
  } finally {
    for (const child of children) await stopChild(child)
    removeTempDir(dataDir)
  }
}

if (isMainModule(import.meta.url)) await runAlone(run)
