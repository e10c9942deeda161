import type { Kysely } from 'kysely'
import type { Database, TerritoryKind } from '../db/schema.js'

let sequence = 0

/** A fictitious territory of the given kind and population, with a workspace: for database tests. */
export async function insertTestWorkspace(
  db: Kysely<Database>,
  input: { kind?: TerritoryKind; population?: number | null; agents?: number | null } = {},
): Promise<{ workspaceId: number; territoryId: number }> {
  const code = `W${process.pid % 1000}${String(++sequence).padStart(5, '0')}`
  const population = input.population === undefined ? 60_000 : input.population
  const territory = await db
    .insertInto('territories')
    .values({
      kind: input.kind ?? 'commune',
      code,
      name: `Territoire de test ${code}`,
      nature: null,
      siren: null,
      population_total: population,
      population_municipal: population,
      population_source: 'test',
      population_vintage: 'test',
      postcodes: null,
      intercommunality_id: null,
      ept_id: null,
      departement_id: null,
      region_id: null,
      is_demo: 0,
      dataset_vintage: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (input.agents != null) {
    await db
      .insertInto('territory_declarations')
      .values({
        territory_id: territory.id,
        agents_fte: input.agents,
        annual_purchases_cents: null,
        updated_at: new Date().toISOString(),
      })
      .execute()
  }
  const workspace = await db
    .insertInto('workspaces')
    .values({ territory_id: territory.id, created_at: new Date().toISOString(), created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { workspaceId: workspace.id, territoryId: territory.id }
}
