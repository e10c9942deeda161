import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { scanItems } from '../../inventory/inventory.queries.js'
import { createReuseRateAccumulator, type ReuseRateResult } from '../reuse-rate.js'

type Db = Kysely<Database> | Transaction<Database>

/**
 * A workspace's reuse rate for a year, streamed from its stored inventory (one keyset pass, memory
 * bounded). The items' `line` is their row id, so the notes' lines link to the inventory pages.
 */
export async function workspaceReuseRate(
  db: Db,
  workspaceId: number,
  year: number,
): Promise<ReuseRateResult> {
  const accumulator = createReuseRateAccumulator(year)
  for await (const item of scanItems(db, workspaceId)) accumulator.add(item)
  return accumulator.result()
}
