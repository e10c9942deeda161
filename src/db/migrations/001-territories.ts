import { type Kysely, sql } from 'kysely'
import { isPostgres as usesPostgres } from '../dialect.js'

// Migrations use `Kysely<any>`: they describe the schema as it was, not the current types.
// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = usesPostgres(db)
  const autoId = isPostgres ? 'serial' : 'integer'

  await db.schema
    .createTable('territories')
    .addColumn('id', autoId, (col) => (isPostgres ? col.primaryKey() : col.primaryKey().autoIncrement()))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('nature', 'text')
    .addColumn('siren', 'text')
    .addColumn('population_total', 'integer')
    .addColumn('population_municipal', 'integer')
    .addColumn('population_source', 'text', (col) => col.notNull())
    .addColumn('population_vintage', 'text', (col) => col.notNull())
    .addColumn('postcodes', 'text')
    .addColumn('intercommunality_id', 'integer', (col) => col.references('territories.id'))
    .addColumn('ept_id', 'integer', (col) => col.references('territories.id'))
    .addColumn('departement_id', 'integer', (col) => col.references('territories.id'))
    .addColumn('region_id', 'integer', (col) => col.references('territories.id'))
    .addColumn('is_demo', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('dataset_vintage', 'text', (col) => col.notNull())
    .addUniqueConstraint('territories_kind_code_unique', ['kind', 'code'])
    .execute()
  for (const column of ['intercommunality_id', 'ept_id', 'departement_id', 'region_id', 'siren']) {
    await db.schema.createIndex(`territories_${column}_index`).on('territories').column(column).execute()
  }

  // Prefix search is a range scan on `term`; PostgreSQL must compare bytes ("C"), like SQLite does,
  // otherwise its locale collation ignores spaces and the range would be wrong.
  await db.schema
    .createTable('territory_search_terms')
    .addColumn('term', 'text', (col) =>
      isPostgres ? col.notNull().modifyEnd(sql`collate "C"`) : col.notNull(),
    )
    .addColumn('territory_id', 'integer', (col) =>
      col.notNull().references('territories.id').onDelete('cascade'),
    )
    .addColumn('weight', 'integer', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('territory_search_terms_term_index')
    .on('territory_search_terms')
    .columns(['term', 'territory_id', 'weight'])
    .execute()
  await db.schema
    .createIndex('territory_search_terms_territory_index')
    .on('territory_search_terms')
    .column('territory_id')
    .execute()

  await db.schema
    .createTable('territory_declarations')
    .addColumn('territory_id', 'integer', (col) =>
      col.primaryKey().references('territories.id').onDelete('cascade'),
    )
    .addColumn('agents_fte', 'real')
    .addColumn('annual_purchases_cents', 'bigint')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('reference_data_loads')
    .addColumn('dataset', 'text', (col) => col.primaryKey())
    .addColumn('vintage', 'text', (col) => col.notNull())
    .addColumn('row_count', 'integer', (col) => col.notNull())
    .addColumn('loaded_at', 'text', (col) => col.notNull())
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'reference_data_loads',
    'territory_declarations',
    'territory_search_terms',
    'territories',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
