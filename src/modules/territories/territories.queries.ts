import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database, TerritoriesTable, TerritoryKind } from '../../db/schema.js'
import { offsetOf, type Page, toPage } from '../../lib/pagination.js'

export type TerritoryRow = Selectable<TerritoriesTable>

export interface TerritorySummary {
  kind: TerritoryKind
  code: string
  name: string
  nature: string | null
  populationTotal: number | null
  populationMunicipal: number | null
  isDemo: boolean
}

const summaryColumns = [
  'territories.kind',
  'territories.code',
  'territories.name',
  'territories.nature',
  'territories.population_total',
  'territories.population_municipal',
  'territories.is_demo',
] as const

type SummaryRow = Pick<
  TerritoryRow,
  'kind' | 'code' | 'name' | 'nature' | 'population_total' | 'population_municipal' | 'is_demo'
>

export function toSummary(row: SummaryRow): TerritorySummary {
  return {
    kind: row.kind,
    code: row.code,
    name: row.name,
    nature: row.nature,
    populationTotal: row.population_total,
    populationMunicipal: row.population_municipal,
    isDemo: row.is_demo === 1,
  }
}

/** Just above every character a folded term can hold ([a-z0-9 ]), to turn a prefix into a range. */
const prefixEnd = '~'

export interface SearchOptions {
  folded: string
  kind?: TerritoryKind | undefined
  page: number
  pageSize: number
}

/**
 * Prefix search over the folded search terms: a range scan on an index, the same SQL on both
 * databases. Best match first (start of the name, then a later word, then codes), then the most
 * populated.
 */
export async function searchTerritories(
  db: Kysely<Database>,
  options: SearchOptions,
): Promise<Page<TerritorySummary>> {
  const { folded, kind, page, pageSize } = options
  let matches = db
    .selectFrom('territory_search_terms as terms')
    .where('terms.term', '>=', folded)
    .where('terms.term', '<', folded + prefixEnd)
  if (kind)
    matches = matches.innerJoin('territories as t', 't.id', 'terms.territory_id').where('t.kind', '=', kind)
  const best = matches
    .select([
      'terms.territory_id',
      sql<number>`min(terms.weight * 2 + case when terms.term = ${folded} then 0 else 1 end)`.as('rank'),
    ])
    .groupBy('terms.territory_id')
  const [rows, countRow] = await Promise.all([
    db
      .selectFrom(best.as('best'))
      .innerJoin('territories', 'territories.id', 'best.territory_id')
      .select(summaryColumns)
      .orderBy('best.rank')
      .orderBy(sql`coalesce(territories.population_total, territories.population_municipal, 0)`, 'desc')
      .orderBy('territories.name')
      .orderBy('territories.id')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize))
      .execute(),
    matches.select(sql<number>`count(distinct terms.territory_id)`.as('total')).executeTakeFirstOrThrow(),
  ])
  return toPage(rows.map(toSummary), page, pageSize, countRow.total)
}

export async function findTerritory(db: Kysely<Database>, kind: TerritoryKind, code: string) {
  return db
    .selectFrom('territories')
    .leftJoin('territory_declarations as declarations', 'declarations.territory_id', 'territories.id')
    .selectAll('territories')
    .select(['declarations.agents_fte', 'declarations.annual_purchases_cents', 'declarations.updated_at'])
    .where('territories.kind', '=', kind)
    .where('territories.code', '=', code)
    .executeTakeFirst()
}

export type TerritoryWithDeclaration = NonNullable<Awaited<ReturnType<typeof findTerritory>>>

/** Parents in order: intercommunality, EPT, département, région (those that exist). */
export async function findParents(
  db: Kysely<Database>,
  territory: TerritoryRow,
): Promise<TerritorySummary[]> {
  const ids = [
    territory.intercommunality_id,
    territory.ept_id,
    territory.departement_id,
    territory.region_id,
  ].filter((id): id is number => id !== null)
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('territories')
    .select([...summaryColumns, 'id'])
    .where('id', 'in', ids)
    .execute()
  return ids.flatMap((id) => rows.filter((row) => row.id === id).map(toSummary))
}

/** The column that points from a member to a territory of this kind, when the kind has members. */
const memberColumnOf: Partial<
  Record<TerritoryKind, 'intercommunality_id' | 'ept_id' | 'departement_id' | 'region_id'>
> = {
  epci: 'intercommunality_id',
  special: 'intercommunality_id',
  ept: 'ept_id',
  departement: 'departement_id',
  region: 'region_id',
}

/** Members are communes, except for a région, whose members are its départements. */
const memberKindOf = (kind: TerritoryKind): TerritoryKind => (kind === 'region' ? 'departement' : 'commune')

export function hasMembers(kind: TerritoryKind): boolean {
  return memberColumnOf[kind] !== undefined
}

export async function findMembers(
  db: Kysely<Database>,
  territory: TerritoryRow,
  page: number,
  pageSize: number,
): Promise<Page<TerritorySummary>> {
  const column = memberColumnOf[territory.kind]
  if (!column) return toPage([], 1, pageSize, 0)
  const members = db
    .selectFrom('territories')
    .where(column, '=', territory.id)
    .where('kind', '=', memberKindOf(territory.kind))
  const [rows, countRow] = await Promise.all([
    members
      .select(summaryColumns)
      .orderBy(sql`coalesce(population_total, population_municipal, 0)`, 'desc')
      .orderBy('name')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize))
      .execute(),
    members.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return toPage(rows.map(toSummary), page, pageSize, countRow.total)
}

/** The départements an intercommunality's member communes belong to (an EPCI may straddle several). */
export async function findMemberDepartements(db: Kysely<Database>, territory: TerritoryRow) {
  const column = memberColumnOf[territory.kind]
  if (!column || territory.kind === 'departement' || territory.kind === 'region') return []
  const rows = await db
    .selectFrom('territories')
    .select(summaryColumns)
    .where(
      'territories.id',
      'in',
      db
        .selectFrom('territories as members')
        .select('members.departement_id')
        .where(`members.${column}`, '=', territory.id),
    )
    .orderBy('territories.code')
    .execute()
  return rows.map(toSummary)
}

/**
 * What a cached territory page depends on besides the official data: the territory's declared
 * figures (their last update). Undefined when the territory does not exist.
 */
export async function territoryVersion(db: Kysely<Database>, kind: TerritoryKind, code: string) {
  const row = await db
    .selectFrom('territories')
    .leftJoin('territory_declarations as declarations', 'declarations.territory_id', 'territories.id')
    .select(['territories.id', 'territories.dataset_vintage', 'declarations.updated_at'])
    .where('territories.kind', '=', kind)
    .where('territories.code', '=', code)
    .executeTakeFirst()
  return row ? `${row.id}|${row.dataset_vintage}|${row.updated_at ?? ''}` : undefined
}
