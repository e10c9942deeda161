/**
 * Loading every official territory into an empty database: migrateToLatest + loadOfficialTerritories,
 * as the first start does. Fresh SQLite file; and a fresh PostgreSQL schema when BENCH_DATABASE_URL is set.
 * Target: ≤ 15 s on SQLite.
 */
import { type BenchDatabase, migrateAndLoad, onEachDatabase } from './support/databases.js'
import { type Figure, heading, isMainModule, note, report, runAlone, seconds } from './support/report.js'

const bench = 'load-territories'
const targetMs = 15_000

async function measure(open: () => Promise<BenchDatabase>, withTarget: boolean): Promise<Figure[]> {
  const database = await open()
  try {
    const { migrateMs, loadMs, result } = await migrateAndLoad(database)
    const { terms } = await database.handle.db
      .selectFrom('territory_search_terms')
      .select((eb) => eb.fn.countAll<number>().as('terms'))
      .executeTakeFirstOrThrow()
    const totalMs = migrateMs + loadMs
    note(`[${database.label}] ${result.count} territories, ${Number(terms)} search terms, ${result.vintage}`)
    return [
      report({ bench, database: database.label, measure: 'territories loaded', value: String(result.count) }),
      report({
        bench,
        database: database.label,
        measure: 'migrate + load time',
        value: `${seconds(totalMs)} (migrate ${seconds(migrateMs)}, load ${seconds(loadMs)})`,
        ...(withTarget ? { target: `≤ ${seconds(targetMs)}`, met: totalMs <= targetMs } : {}),
      }),
    ]
  } finally {
    await database.dispose()
  }
}

export async function run(): Promise<Figure[]> {
  heading('Load all official territories into an empty database')
  return onEachDatabase(bench, (open, postgres) => measure(open, !postgres))
}

if (isMainModule(import.meta.url)) await runAlone(run)
