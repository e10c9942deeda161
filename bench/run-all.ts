/**
 * Runs every bench in sequence and prints a summary table. `npm run bench` builds first.
 * PostgreSQL figures too when BENCH_DATABASE_URL is set.
 */
import { run as accounts } from './accounts.bench.js'
import { run as assessments } from './assessments.bench.js'
import { run as footprintEngine } from './footprint-engine.bench.js'
import { run as footprintImport } from './footprint-import.bench.js'
import { run as footprintPages } from './footprint-pages.bench.js'
import { run as inventoryImport } from './inventory-import.bench.js'
import { run as loadTerritories } from './load-territories.bench.js'
import { run as publicStrategyPage } from './public-strategy-page.bench.js'
import { run as search } from './search.bench.js'
import { run as startup } from './startup.bench.js'
import { run as strategyPdf } from './strategy-pdf.bench.js'
import { runCleanups } from './support/processes.js'
import { type Figure, printTable } from './support/report.js'
import { run as territoryPage } from './territory-page.bench.js'

const benches: [string, () => Promise<Figure[]>][] = [
  ['load-territories', loadTerritories],
  ['startup', startup],
  ['search', search],
  ['territory-page', territoryPage],
  ['accounts', accounts],
  ['assessments', assessments],
  ['footprint-engine', footprintEngine],
  ['footprint-import', footprintImport],
  ['inventory-import', inventoryImport],
  ['footprint-pages', footprintPages],
  ['public-strategy-page', publicStrategyPage],
  ['strategy-pdf', strategyPdf],
]

const figures: Figure[] = []
let failed = 0
const started = performance.now()
try {
  for (const [name, run] of benches) {
    try {
      figures.push(...(await run()))
    } catch (error) {
      failed++
      console.error(`\n${name} could not run: ${(error as Error)?.stack ?? String(error)}`)
      figures.push({
        bench: name,
        database: '-',
        measure: 'could not run',
        value: (error as Error)?.message?.split('\n')[0] ?? '',
      })
    }
  }
} finally {
  await runCleanups()
}

console.log(`\n== Summary (${((performance.now() - started) / 1000).toFixed(0)} s)`)
printTable(figures)
const missed = figures.filter((figure) => figure.met === false).length
const withTarget = figures.filter((figure) => figure.met !== undefined).length
console.log(
  `\n${withTarget - missed}/${withTarget} targets met${failed > 0 ? `, ${failed} bench(es) could not run` : ''}`,
)
if (!process.env.BENCH_DATABASE_URL)
  console.log('PostgreSQL figures: set BENCH_DATABASE_URL=postgres://… to measure them')
if (failed > 0) process.exitCode = 1
