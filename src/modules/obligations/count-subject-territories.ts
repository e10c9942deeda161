import { type Kysely, sql } from 'kysely'
import type { Database, TerritoryKind } from '../../db/schema.js'
import type { Obligation } from './obligations.schemas.js'

/**
 * How many official territories of each kind an obligation certainly applies to, from population
 * alone (the same population the engine uses: totale when known, else municipale). Demo
 * territories never count.
 */
export async function countSubjectTerritories(
  db: Kysely<Database>,
  obligation: Obligation,
): Promise<Partial<Record<TerritoryKind, number>>> {
  const { kinds, minPopulation } = obligation.rule
  if (!kinds || minPopulation === undefined) return {}
  const rows = await db
    .selectFrom('territories')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('kind', 'in', kinds)
    .where('is_demo', '=', 0)
    .where(sql<number>`coalesce(population_total, population_municipal)`, '>', minPopulation)
    .groupBy('kind')
    .execute()
  return Object.fromEntries(rows.map((row) => [row.kind, row.count]))
}
