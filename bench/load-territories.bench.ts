/**
 * Loading every official territory into an empty database: migrateToLatest + loadOfficialTerritories,
 * as the first start does. Fresh SQLite file; and a fresh PostgreSQL schema when BENCH_DATABASE_URL is set.
 * Target: ≤ 15 s on SQLite.
 */
import { type BenchDatabase, freshPostgres, freshSqlite, migrateAndLoad } from './support/databases.js'
import {
  benchDatabaseUrl,
  type Figure,
  heading,
  isMainModule,
  note,
  postgresFigures,
  report,
  runAlone,
  seconds,
} from './support/report.js'

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
  const figures = await measure(freshSqlite, true)
  const url = benchDatabaseUrl()
  if (url) figures.push(...(await postgresFigures(bench, () => measure(() => freshPostgres(url), false))))
  else note('PostgreSQL skipped (set BENCH_DATABASE_URL to measure it)')
  return figures
}

if (isMainModule(import.meta.url)) await runAlone(run)
