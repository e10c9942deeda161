import type { Generated } from 'kysely'

/** Kinds of territory. Codes collide across kinds ('84' is a département and a région), so (kind, code) is the key. */
export const territoryKinds = ['commune', 'epci', 'ept', 'special', 'departement', 'region'] as const
export type TerritoryKind = (typeof territoryKinds)[number]

export interface TerritoriesTable {
  id: Generated<number>
  kind: TerritoryKind
  code: string
  name: string
  /** Legal nature within the kind: CC, CA, CU, METRO for EPCI; EPT; MET69 for the Métropole de Lyon. */
  nature: string | null
  siren: string | null
  population_total: number | null
  population_municipal: number | null
  /** Where the population figures come from, in words. */
  population_source: string
  /** Which legal population it is (e.g. "2023", in force on 2026-01-01). */
  population_vintage: string
  postcodes: string | null
  intercommunality_id: number | null
  ept_id: number | null
  departement_id: number | null
  region_id: number | null
  /** 1 for the demonstration territories (never counted in national figures). SQLite has no boolean. */
  is_demo: number
  dataset_vintage: string
}

export interface TerritorySearchTermsTable {
  term: string
  territory_id: number
  /** 0 = start of the name, 1 = a later word of the name, 2 = a code or SIREN, 3 = a postcode. */
  weight: number
}

export interface TerritoryDeclarationsTable {
  territory_id: number
  agents_fte: number | null
  annual_purchases_cents: number | null
  updated_at: string
}

export interface ReferenceDataLoadsTable {
  dataset: string
  vintage: string
  row_count: number
  loaded_at: string
}

export interface Database {
  territories: TerritoriesTable
  territory_search_terms: TerritorySearchTermsTable
  territory_declarations: TerritoryDeclarationsTable
  reference_data_loads: ReferenceDataLoadsTable
}
