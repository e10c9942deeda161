import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { loadOfficialTerritories } from '../modules/territories/load-official-territories.js'
import { type RawDatasets, readOfficialDatasets } from '../modules/territories/official-dataset.js'

let cached: Promise<RawDatasets> | undefined

/** The real official datasets, read once per test process. */
export function realDatasets(): Promise<RawDatasets> {
  cached ??= readOfficialDatasets()
  return cached
}

/**
 * Départements kept in the test subset: the Rhône (Métropole de Lyon), the Bouches-du-Rhône
 * (Marseille, a métropole), Seine-Saint-Denis (EPT), Corse-du-Sud and La Réunion (DROM).
 */
export const fixtureDepartements = new Set(['69', '13', '93', '2A', '974'])

/** Real territories, only those of a few départements, so each test file loads in well under a second. */
export async function subsetOfRealDatasets(): Promise<RawDatasets> {
  const raw = await realDatasets()
  const communes = raw.communes.filter(
    (commune) => commune.departement && fixtureDepartements.has(commune.departement),
  )
  const codes = new Set(communes.map((commune) => commune.code))
  const touches = (grouping: RawDatasets['epci'][number]) =>
    grouping.membres.some((member) => codes.has(member.code))
  return { ...raw, communes, epci: raw.epci.filter(touches), ept: raw.ept.filter(touches) }
}

export async function loadTerritoryFixtures(db: Kysely<Database>) {
  return loadOfficialTerritories(db, subsetOfRealDatasets)
}
