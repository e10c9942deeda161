import { type Kysely, sql } from 'kysely'
import { isPostgres } from '../dialect.js'

/**
 * The versioned referential and the yearly self-assessments. A published referential version is
 * stored whole (JSON) and never changes; each assessment names the version it was answered under.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db)
  // biome-ignore lint/suspicious/noExplicitAny: column builder of either dialect
  const id = (col: any) => (postgres ? col.primaryKey() : col.primaryKey().autoIncrement())
  const idType = postgres ? 'serial' : 'integer'
  const real = postgres ? 'double precision' : 'real'

  await db.schema
    .createTable('referential_versions')
    .addColumn('version', 'text', (col) => col.primaryKey())
    .addColumn('referential_id', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('origin', 'text', (col) => col.notNull())
    .addColumn('published_at', 'text', (col) => col.notNull())
    .addColumn('published_by', 'integer', (col) => col.references('users.id'))
    .execute()

  await db.schema
    .createTable('assessments')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', 'integer', (col) =>
      col.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('referential_version', 'text', (col) =>
      col.notNull().references('referential_versions.version'),
    )
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer', (col) => col.references('users.id'))
    // Frozen at submission, so that later population vintages do not move past peer groups.
    .addColumn('tier', 'text')
    .addColumn('peer_kind', 'text')
    .addColumn('population_band', 'text')
    .addColumn('score', real)
    .addColumn('letter', 'text')
    // Every scope's score as one JSON object ({ ambition: {A1: 54}, commitment: {A1.E1: 53} }):
    // one row per assessment, written in the same update that submits it (decision 010).
    .addColumn('scores', 'text')
    .addUniqueConstraint('assessments_workspace_year_unique', ['workspace_id', 'year'])
    .execute()
  await db.schema
    .createIndex('assessments_year_index')
    .on('assessments')
    // The year only: submitting changes status and the peer columns, and leaving them out of
    // every index lets PostgreSQL update those rows in place (HOT) instead of re-indexing them.
    .column('year')
    .execute()

  await db.schema
    .createTable('assessment_answers')
    .addColumn('assessment_id', 'integer', (col) =>
      col.notNull().references('assessments.id').onDelete('cascade'),
    )
    .addColumn('question_id', 'text', (col) => col.notNull())
    .addColumn('level', 'integer', (col) => col.check(sqlLevelCheck()))
    .addColumn('comment', 'text')
    .addColumn('evidence_url', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'integer', (col) => col.references('users.id'))
    .addPrimaryKeyConstraint('assessment_answers_pk', ['assessment_id', 'question_id'])
    .execute()
}

// The database refuses a level outside 0–3 even if the application's check were bypassed.
function sqlLevelCheck() {
  return sql`level is null or (level >= 0 and level <= 3)`
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['assessment_answers', 'assessments', 'referential_versions']) {
    await db.schema.dropTable(table).execute()
  }
}
