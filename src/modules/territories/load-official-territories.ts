import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { datasetLoad, insertTerritories, recordDatasetLoad } from './load-territories.js'
import { normaliseTerritories } from './normalise-territories.js'
import { officialDataset, type RawDatasets, readOfficialDatasets } from './official-dataset.js'

export interface OfficialLoadResult {
  loaded: boolean
  count: number
  vintage: string
}

/**
 * Loads the official territories once, in one transaction: a half-loaded list never shows.
 * Tests pass a subset of the real datasets to keep each run short.
 */
export async function loadOfficialTerritories(
  db: Kysely<Database>,
  readDatasets: () => Promise<RawDatasets> = readOfficialDatasets,
): Promise<OfficialLoadResult> {
  const existing = await datasetLoad(db, officialDataset.id)
  if (existing) return { loaded: false, count: existing.row_count, vintage: existing.vintage }
  const raw = await readDatasets()
  const vintage = `${officialDataset.geographyVintage} (${officialDataset.packageName} ${raw.packageVersion})`
  const records = normaliseTerritories(raw).map((record) => ({ ...record, datasetVintage: vintage }))
  try {
    const count = await db.transaction().execute(async (trx) => {
      const inserted = await insertTerritories(trx, records)
      await recordDatasetLoad(trx, officialDataset.id, vintage, inserted)
      return inserted
    })
    return { loaded: true, count, vintage }
  } catch (error) {
    // Another process (several web processes on PostgreSQL) may have loaded them meanwhile.
    const loadedMeanwhile = await datasetLoad(db, officialDataset.id)
    if (loadedMeanwhile)
      return { loaded: false, count: loadedMeanwhile.row_count, vintage: loadedMeanwhile.vintage }
    throw error
  }
}
