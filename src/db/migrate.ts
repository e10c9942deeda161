import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'
import * as territories from './migrations/001-territories.js'
import * as memberIndexes from './migrations/002-member-indexes.js'
import * as accounts from './migrations/003-accounts.js'
import * as referentialAssessments from './migrations/004-referential-assessments.js'
import * as footprint from './migrations/005-footprint.js'
import * as apiTokens from './migrations/006-api-tokens.js'
import * as strategy from './migrations/007-strategy.js'
import type { Database } from './schema.js'

// Listed by hand (not read from a folder) so the same list works from src/ under vitest and from dist/.
const migrations: Record<string, Migration> = {
  '001-territories': territories,
  '002-member-indexes': memberIndexes,
  '003-accounts': accounts,
  '004-referential-assessments': referentialAssessments,
  '005-footprint': footprint,
  '006-api-tokens': apiTokens,
  '007-strategy': strategy,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

export class MigrationError extends Error {}

/** Brings the schema to the latest version; safe to run at every start and from several processes. */
export async function migrateToLatest(
  db: Kysely<Database>,
  options: { schema?: string } = {},
): Promise<string[]> {
  // With several schemas in one PostgreSQL database (one per test run), Kysely must be told
  // where its own tables live, or it finds another schema's and skips creating them.
  const migrator = new Migrator({
    db,
    provider,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown'
    throw new MigrationError(`Migration ${failed} failed: ${(error as Error).message}`)
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName)
}
