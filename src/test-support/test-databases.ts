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
  await migrateTestDatabase(handle)
  await ensureBundledReferentials(handle.db)
  await ensureBundledFactorBases(handle.db)
  return handle
}

/**
 * Kysely's migrator looks at every schema of the PostgreSQL database (its introspection calls
 * has_schema_privilege and pg_get_serial_sequence by schema name), so a schema another test file
 * drops at that very moment makes it fail with « schema jalons_test_… does not exist » — the
 * occasional red run seen in CI. Migrations therefore hold this advisory lock shared, and dropping
 * a test schema holds it exclusively: they never overlap, and migrations still run side by side.
 */
const testSchemaLock = 7_270_001

async function withSchemaLock<T>(mode: 'shared' | 'exclusive', work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL as string })
  await client.connect()
  const suffix = mode === 'shared' ? '_shared' : ''
  try {
    await client.query(`select pg_advisory_lock${suffix}($1)`, [testSchemaLock])
    return await work(client)
  } finally {
    // Ending the session releases the lock whatever happened.
    await client.end()
  }
}

/** Brings a test database to the latest schema; on PostgreSQL, never while a test schema is dropped. */
export async function migrateTestDatabase(handle: TestDatabase): Promise<string[]> {
  if (!handle.schema) return migrateToLatest(handle.db)
  return withSchemaLock('shared', () => migrateToLatest(handle.db, { schema: handle.schema }))
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
      await withSchemaLock('exclusive', (cleaner) => cleaner.query(`drop schema ${schema} cascade`))
    },
  }
}
