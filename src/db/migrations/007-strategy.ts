import { type Kysely, sql } from 'kysely'
import { isPostgres } from '../dialect.js'

/**
 * The strategy (decision 014): indicator values per year, objectives with their trajectory,
 * the action plan, REEN milestones, the free-text sections of the documents and the published
 * documents (immutable snapshots, the only thing the public ever sees).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db)
  // biome-ignore lint/suspicious/noExplicitAny: column builder of either dialect
  const id = (col: any) => (postgres ? col.primaryKey() : col.primaryKey().autoIncrement())
  const idType = postgres ? 'serial' : 'integer'
  const real = postgres ? 'double precision' : 'real'
  // biome-ignore lint/suspicious/noExplicitAny: column builder of either dialect
  const workspace = (col: any) => col.notNull().references('workspaces.id').onDelete('cascade')
  // biome-ignore lint/suspicious/noExplicitAny: column builder of either dialect
  const person = (col: any) => col.references('users.id').onDelete('set null')

  await db.schema
    .createTable('indicator_values')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('indicator_id', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('value', real, (col) => col.notNull())
    .addColumn('source', 'text')
    .addColumn('comment', 'text')
    .addColumn('evidence_url', 'text')
    .addColumn('evidence_file_name', 'text')
    .addColumn('evidence_file_path', 'text')
    .addColumn('evidence_content_type', 'text')
    .addColumn('evidence_bytes', 'integer')
    .addColumn('updated_by', 'integer', person)
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('indicator_values_unique', ['workspace_id', 'indicator_id', 'year'])
    .execute()

  await db.schema
    .createTable('objectives')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('indicator_id', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('decree_axis', 'integer')
    .addColumn('baseline_year', 'integer', (col) => col.notNull())
    .addColumn('baseline_value', real, (col) => col.notNull())
    .addColumn('targets', 'text', (col) => col.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_by', 'integer', person)
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('objectives_workspace').on('objectives').columns(['workspace_id']).execute()

  await db.schema
    .createTable('actions')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('commitments', 'text')
    .addColumn('decree_axis', 'integer')
    .addColumn('owner_user_id', 'integer', person)
    .addColumn('owner_service', 'text')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('budget_euros', real, (col) => col.check(sql`budget_euros >= 0`))
    .addColumn('is_public', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('recommendation_id', 'text')
    .addColumn('created_by', 'integer', person)
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('actions_workspace').on('actions').columns(['workspace_id']).execute()
  // One action per recommendation and workspace: a double click never makes two (partial index,
  // which both SQLite and PostgreSQL have).
  await db.schema
    .createIndex('actions_recommendation_unique')
    .on('actions')
    .columns(['workspace_id', 'recommendation_id'])
    .unique()
    .where(sql.ref('recommendation_id'), 'is not', null)
    .execute()

  await db.schema
    .createTable('action_objectives')
    .addColumn('action_id', 'integer', (col) => col.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('objective_id', 'integer', (col) =>
      col.notNull().references('objectives.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('action_objectives_pk', ['action_id', 'objective_id'])
    .execute()
  await db.schema
    .createIndex('action_objectives_objective')
    .on('action_objectives')
    .columns(['objective_id'])
    .execute()

  await db.schema
    .createTable('action_notes')
    .addColumn('id', idType, id)
    .addColumn('action_id', 'integer', (col) => col.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('author_id', 'integer', person)
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('action_notes_action').on('action_notes').columns(['action_id']).execute()

  await db.schema
    .createTable('strategy_milestones')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('date', 'text', (col) => col.notNull())
    .addColumn('year', 'integer')
    .addColumn('deliberation_number', 'text')
    .addColumn('document_url', 'text')
    .addColumn('comment', 'text')
    .addColumn('created_by', 'integer', person)
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('strategy_milestones_workspace')
    .on('strategy_milestones')
    .columns(['workspace_id'])
    .execute()

  await db.schema
    .createTable('strategy_texts')
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('section', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'integer', person)
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('strategy_texts_pk', ['workspace_id', 'section'])
    .execute()

  await db.schema
    .createTable('strategy_documents')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('html', 'text', (col) => col.notNull())
    .addColumn('snapshot', 'text', (col) => col.notNull())
    .addColumn('published_at', 'text', (col) => col.notNull())
    .addColumn('published_by', 'integer', person)
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'integer', person)
    .addUniqueConstraint('strategy_documents_version_unique', ['workspace_id', 'kind', 'version'])
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'strategy_documents',
    'strategy_texts',
    'strategy_milestones',
    'action_notes',
    'action_objectives',
    'actions',
    'objectives',
    'indicator_values',
  ])
    await db.schema.dropTable(table).execute()
}
