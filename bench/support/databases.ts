import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { ensureBundledFactorBases } from '../../src/modules/footprint/factor-bases.store.js'
import { ensureBundledReferentials } from '../../src/modules/referential/referential.store.js'
import {
  loadOfficialTerritories,
  type OfficialLoadResult,
} from '../../src/modules/territories/load-official-territories.js'
import { makeTempDir, registerCleanup, removeTempDir } from './processes.js'
import { benchDatabaseUrl, type Figure, note, postgresFigures } from './report.js'

/** An empty database (no tables yet) that disposes of itself: file and folder, or schema. */
export interface BenchDatabase {
  handle: DatabaseHandle
  label: string
  /** PostgreSQL: the run's own schema. */
  schema?: string
  dispose(): Promise<void>
}

/** A fresh SQLite file in a new temporary folder. */
export async function freshSqlite(): Promise<BenchDatabase> {
  const dir = makeTempDir('jalons-bench-')
  const handle = await openDatabase(`sqlite:${join(dir, 'bench.sqlite')}`)
  const dispose = registerCleanup(async () => {
    await handle.close()
    removeTempDir(dir)
  })
  return { handle, label: 'SQLite', dispose }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/** A fresh schema in the PostgreSQL database at `url`, opened with search_path, dropped afterwards. */
export async function freshPostgres(url: string): Promise<BenchDatabase> {
  const schema = `jalons_bench_${randomBytes(6).toString('hex')}`
  await adminQuery(url, `create schema ${schema}`)
  let handle: DatabaseHandle | undefined
  const dispose = registerCleanup(async () => {
    await handle?.close()
    await adminQuery(url, `drop schema if exists ${schema} cascade`)
  })
  try {
    handle = await openDatabase(url, { searchPath: schema, poolSize: 10 })
  } catch (error) {
    await dispose()
    throw error
  }
  return { handle, label: 'PostgreSQL', schema, dispose }
}

/** Migrates an empty database and adds the bundled referentials and factor bases, as a first start does. */
export async function migrateWithBundledData(database: BenchDatabase): Promise<void> {
  const { db } = database.handle
  await migrateToLatest(db, database.schema ? { schema: database.schema } : {})
  await ensureBundledReferentials(db)
  await ensureBundledFactorBases(db)
}

export interface LoadTimings {
  migrateMs: number
  loadMs: number
  result: OfficialLoadResult
}

/** Migrates an empty database and loads the official territories, timing both steps. */
export async function migrateAndLoad(database: BenchDatabase): Promise<LoadTimings> {
  const started = performance.now()
  await migrateToLatest(database.handle.db, database.schema ? { schema: database.schema } : {})
  const migrated = performance.now()
  const result = await loadOfficialTerritories(database.handle.db)
  const loaded = performance.now()
  if (!result.loaded) throw new Error('the territories were already loaded: the database was not empty')
  return { migrateMs: migrated - started, loadMs: loaded - migrated, result }
}

/**
 * Runs a measure on a fresh SQLite database, then on PostgreSQL when BENCH_DATABASE_URL is set
 * (a failure there becomes one figure rather than stopping the other benches).
 */
export async function onEachDatabase(
  bench: string,
  measure: (open: () => Promise<BenchDatabase>, postgres: boolean) => Promise<Figure[]>,
): Promise<Figure[]> {
  const figures = await measure(freshSqlite, false)
  const url = benchDatabaseUrl()
  if (url) figures.push(...(await postgresFigures(bench, () => measure(() => freshPostgres(url), true))))
  else note('PostgreSQL skipped (set BENCH_DATABASE_URL to measure it)')
  return figures
}
