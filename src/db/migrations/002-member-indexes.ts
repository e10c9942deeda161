import { type Kysely, sql } from 'kysely'

const parentColumns = ['intercommunality_id', 'ept_id', 'departement_id', 'region_id'] as const

/**
 * Member lists are read by parent, filtered by kind and sorted by population then name: an index
 * in that exact order lets the database read the 20 rows of a page instead of every member
 * (a région page used to sort ~3,800 communes to find its départements). The expression must
 * match the ORDER BY of findMembers() word for word.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of parentColumns) {
    await db.schema.dropIndex(`territories_${column}_index`).execute()
    await sql`create index ${sql.raw(`territories_members_by_${column}`)} on territories (${sql.raw(column)}, kind, (coalesce(population_total, population_municipal, 0)) desc, name)`.execute(
      db,
    )
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of parentColumns) {
    await db.schema.dropIndex(`territories_members_by_${column}`).execute()
    await db.schema.createIndex(`territories_${column}_index`).on('territories').column(column).execute()
  }
}
