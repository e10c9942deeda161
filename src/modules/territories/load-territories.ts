import type { Kysely, Transaction } from 'kysely'
import type { Database, TerritoryKind } from '../../db/schema.js'
import type { TerritoryRecord } from './normalise-territories.js'
import { searchTermsOf } from './search-terms.js'

export interface TerritoryInsert extends TerritoryRecord {
  isDemo?: boolean
  datasetVintage: string
  /** Extra search words (the demo territories answer to "démo"). */
  extraSearchWords?: readonly string[]
}

const rowsPerInsert = 500
const termsPerInsert = 3000

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size))
  return result
}

/**
 * Inserts territories level by level (régions first) so that each level can point to the ids of
 * the one above, then their search terms. Runs inside the caller's transaction.
 */
export async function insertTerritories(
  trx: Transaction<Database>,
  records: TerritoryInsert[],
): Promise<number> {
  const idOf = new Map<string, number>()
  const key = (kind: TerritoryKind, code: string) => `${kind}:${code}`
  const lookUp = (kinds: TerritoryKind[], code: string | null): number | null => {
    if (!code) return null
    for (const kind of kinds) {
      const id = idOf.get(key(kind, code))
      if (id !== undefined) return id
    }
    return null
  }
  const levels: TerritoryKind[][] = [['region'], ['departement'], ['epci', 'special', 'ept'], ['commune']]
  for (const level of levels) {
    const levelRecords = records.filter((record) => level.includes(record.kind))
    for (const batch of chunks(levelRecords, rowsPerInsert)) {
      const inserted = await trx
        .insertInto('territories')
        .values(
          batch.map((record) => ({
            kind: record.kind,
            code: record.code,
            name: record.name,
            nature: record.nature,
            siren: record.siren,
            population_total: record.populationTotal,
            population_municipal: record.populationMunicipal,
            population_source: record.populationSource,
            population_vintage: record.populationVintage,
            postcodes: record.postcodes.length > 0 ? record.postcodes.join(' ') : null,
            intercommunality_id: lookUp(['epci', 'special'], record.intercommunalityCode),
            ept_id: lookUp(['ept'], record.eptCode),
            departement_id: lookUp(['departement'], record.departementCode),
            region_id: lookUp(['region'], record.regionCode),
            is_demo: record.isDemo ? 1 : 0,
            dataset_vintage: record.datasetVintage,
          })),
        )
        .returning(['id', 'kind', 'code'])
        .execute()
      for (const row of inserted) idOf.set(key(row.kind, row.code), row.id)
    }
  }
  const terms = records.flatMap((record) => {
    const territoryId = idOf.get(key(record.kind, record.code)) as number
    return searchTermsOf({ ...record, extraWords: record.extraSearchWords }).map((term) => ({
      ...term,
      territory_id: territoryId,
    }))
  })
  for (const batch of chunks(terms, termsPerInsert)) {
    await trx.insertInto('territory_search_terms').values(batch).execute()
  }
  return idOf.size
}

export async function datasetLoad(db: Kysely<Database>, dataset: string) {
  return db.selectFrom('reference_data_loads').selectAll().where('dataset', '=', dataset).executeTakeFirst()
}

export async function recordDatasetLoad(
  trx: Transaction<Database>,
  dataset: string,
  vintage: string,
  rowCount: number,
) {
  await trx
    .insertInto('reference_data_loads')
    .values({ dataset, vintage, row_count: rowCount, loaded_at: new Date().toISOString() })
    .execute()
}
