import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type DatabaseHandle, type DialectName, openDatabase } from '../db/database.js'
import { migrateToLatest } from '../db/migrate.js'
import { ensureBundledFactorBases } from '../modules/footprint/factor-bases.store.js'
import { ensureBundledReferentials } from '../modules/referential/referential.store.js'

/**
 * Every database test runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set. Each run
 * gets a fresh SQLite file or a fresh PostgreSQL schema, dropped afterwards, so runs never see
 * each other's data. With JALONS_REQUIRE_ALL_SUITES=1 (CI), a missing PostgreSQL is a failure.
 */
export interface TestDatabase extends DatabaseHandle {
  /** PostgreSQL: the run's own schema. */
  schema?: string
  dispose(): Promise<void>
}

export const requireAllSuites = process.env.JALONS_REQUIRE_ALL_SUITES === '1'

export function testDialects(): DialectName[] {
  if (process.env.TEST_DATABASE_URL) return ['sqlite', 'postgres']
  if (requireAllSuites)
    throw new Error(
      'JALONS_REQUIRE_ALL_SUITES=1 but TEST_DATABASE_URL is not set: PostgreSQL tests would be skipped',
    )
  return ['sqlite']
}

export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const handle = dialect === 'sqlite' ? await openTestSqlite() : await openTestPostgres()
  await migrateToLatest(handle.db, handle.schema ? { schema: handle.schema } : {})
  await ensureBundledReferentials(handle.db)
  await ensureBundledFactorBases(handle.db)
  return handle
}

async function openTestSqlite(): Promise<TestDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'jalons-test-'))
  const handle = await openDatabase(`sqlite:${join(folder, 'test.sqlite')}`)
  return {
    ...handle,
    dispose: async () => {
      await handle.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

async function openTestPostgres(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL as string
  const schema = `jalons_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const handle = await openDatabase(url, { searchPath: schema, poolSize: 4 })
  return {
    ...handle,
    schema,
    dispose: async () => {
      await handle.close()
      const cleaner = new pg.Client({ connectionString: url })
      await cleaner.connect()
      await cleaner.query(`drop schema ${schema} cascade`)
      await cleaner.end()
    },
  }
}
