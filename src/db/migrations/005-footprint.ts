import { type Kysely, sql } from 'kysely'
import { isPostgres } from '../dialect.js'

/**
 * The footprint of the IT estate (decision 013): factor bases stored whole per version, each
 * workspace's datacenters, inventory, type mapping, imports (run in the background), saved
 * scenarios and frozen yearly results.
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

  // Platform bases have no workspace; a workspace's own bases are seen by that workspace only.
  await db.schema
    .createTable('factor_bases')
    .addColumn('base_id', 'text', (col) => col.notNull())
    .addColumn('version', 'text', (col) => col.notNull())
    .addColumn('workspace_id', 'integer', (col) => col.references('workspaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('origin', 'text', (col) => col.notNull())
    .addColumn('published_at', 'text', (col) => col.notNull())
    .addColumn('published_by', 'integer', (col) => col.references('users.id'))
    .addPrimaryKeyConstraint('factor_bases_pk', ['base_id', 'version'])
    .execute()

  await db.schema
    .createTable('footprint_settings')
    .addColumn('workspace_id', 'integer', (col) => workspace(col).primaryKey())
    .addColumn('base_id', 'text', (col) => col.notNull())
    .addColumn('base_version', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('datacenters')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('short_name', 'text', (col) => col.notNull())
    .addColumn('long_name', 'text')
    .addColumn('pue', real, (col) => col.notNull().check(sql`pue >= 1`))
    .addColumn('country', 'text', (col) => col.notNull())
    .addUniqueConstraint('datacenters_workspace_name_unique', ['workspace_id', 'short_name'])
    .execute()

  await db.schema
    .createTable('inventory_items')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('model', 'text')
    .addColumn('quantity', 'integer', (col) => col.notNull().check(sql`quantity >= 1`))
    .addColumn('site', 'text')
    .addColumn('service', 'text')
    // Tags joined by '|' (never inside a tag: the readers split on it).
    .addColumn('tags', 'text')
    .addColumn('purchase_date', 'text')
    .addColumn('retirement_date', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('condition', 'text', (col) => col.notNull())
    .addColumn('disposal', 'text')
    .addColumn('datacenter', 'text')
    .addColumn('annual_kwh', real)
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('lifetime_years', real)
    .addColumn('reference', 'text')
    .addColumn('import_id', 'integer')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('inventory_items_workspace_index')
    .on('inventory_items')
    .columns(['workspace_id', 'id'])
    .execute()

  // Free-text type labels (NumEcoEval, G4IT files) a workspace has mapped to one of our types.
  await db.schema
    .createTable('type_mappings')
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('type_mappings_pk', ['workspace_id', 'label'])
    .execute()

  await db.schema
    .createTable('inventory_imports')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('format', 'text')
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_path', 'text', (col) => col.notNull())
    .addColumn('datacenter_file_name', 'text')
    .addColumn('datacenter_file_path', 'text')
    .addColumn('file_bytes', 'integer', (col) => col.notNull())
    .addColumn('mode', 'text')
    .addColumn('replace_inventory', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('total_rows', 'integer')
    .addColumn('valid_rows', 'integer')
    .addColumn('processed_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('imported_rows', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (col) => col.notNull().defaultTo(0))
    // JSON: the file's summary, preview rows and first errors (bounded), or the file problem.
    .addColumn('report', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .execute()
  await db.schema
    .createIndex('inventory_imports_workspace_index')
    .on('inventory_imports')
    .columns(['workspace_id', 'id'])
    .execute()

  await db.schema
    .createTable('footprint_scenarios')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('footprint_scenarios_name_unique', ['workspace_id', 'name'])
    .execute()

  // A year's footprint frozen with the base and version it used: history stays reproducible.
  await db.schema
    .createTable('footprint_results')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', 'integer', workspace)
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('base_id', 'text', (col) => col.notNull())
    .addColumn('base_version', 'text', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .addUniqueConstraint('footprint_results_unique', ['workspace_id', 'year', 'method'])
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'footprint_results',
    'footprint_scenarios',
    'inventory_imports',
    'type_mappings',
    'inventory_items',
    'datacenters',
    'footprint_settings',
    'factor_bases',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
