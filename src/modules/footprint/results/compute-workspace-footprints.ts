import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { LruCache } from '../../../lib/lru-cache.js'
import { listDatacenters, scanItems } from '../../inventory/inventory.queries.js'
import {
  createFootprintAccumulator,
  type FootprintAccumulator,
  type FootprintMethod,
  type FootprintResult,
} from '../compute-footprint.js'
import type { FactorBase } from '../factor-base.schemas.js'
import { workspaceHeadcount } from '../workspace-footprint.js'

type Db = Kysely<Database> | Transaction<Database>

/** Results kept per database (tests open many; ids repeat across them), least recently used out. */
export const cachedResultCount = 48
const caches = new WeakMap<object, LruCache<string, FootprintResult>>()

/**
 * What the stored inventory looks like now, cheaply: its line count, last id and last change.
 * Adding lines moves the last id, deleting them the count, editing one the last change (every
 * write sets updated_at), so a cached result is never served for an inventory that changed since,
 * whichever process changed it.
 */
async function inventoryFingerprint(db: Db, workspaceId: number): Promise<string> {
  const row = await db
    .selectFrom('inventory_items')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('items'),
      eb.fn.max('id').as('last'),
      eb.fn.max('updated_at').as('changed'),
    ])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow()
  return `${Number(row.items)}:${row.last ?? ''}:${row.changed ?? ''}`
}

/**
 * Several years' footprints of a workspace in ONE pass over its stored inventory: one accumulator
 * per year, each item read once from the database and added to every accumulator. The results page
 * shows a six-year trend; six separate passes would read a 100,000-item inventory six times, and
 * reading rows costs far more than the engine's arithmetic (decision 011: about 2 million items/s).
 * Each year's result is exactly computeWorkspaceFootprint's for that year (a test checks it).
 *
 * Results are also kept in memory, keyed by everything they depend on (the inventory's
 * fingerprint, datacenters, head counts, base version, method, year): moving from the page to an
 * explanation and back, or to the previous year, does not read the inventory again. Only the years
 * missing from the cache are computed, still in one pass. The results returned are shared: read
 * them, never change them.
 */
export async function computeWorkspaceFootprints(
  db: Db,
  workspaceId: number,
  options: { years: readonly number[]; method: FootprintMethod; base: FactorBase },
): Promise<Map<number, FootprintResult>> {
  const years = [...new Set(options.years)]
  const results = new Map<number, FootprintResult>()
  if (years.length === 0) return results
  const [datacenters, headcount, fingerprint] = await Promise.all([
    listDatacenters(db, workspaceId),
    workspaceHeadcount(db, workspaceId),
    inventoryFingerprint(db, workspaceId),
  ])
  let cache = caches.get(db)
  if (!cache) {
    cache = new LruCache(cachedResultCount)
    caches.set(db, cache)
  }
  const { base, method } = options
  const context = JSON.stringify([
    workspaceId,
    fingerprint,
    base.id,
    base.version,
    method,
    datacenters.map((datacenter) => [datacenter.shortName, datacenter.pue, datacenter.country]),
    headcount.agents,
    headcount.inhabitants,
  ])
  const missing: number[] = []
  for (const year of years) {
    const cached = cache.get(`${context}|${year}`)
    if (cached) results.set(year, cached)
    else missing.push(year)
  }
  if (missing.length > 0) {
    const accumulators: FootprintAccumulator[] = missing.map((year) =>
      createFootprintAccumulator(base, datacenters, {
        method,
        year,
        agents: headcount.agents,
        inhabitants: headcount.inhabitants,
      }),
    )
    const count = accumulators.length
    for await (const item of scanItems(db, workspaceId, { forEngine: true }))
      for (let index = 0; index < count; index++) (accumulators[index] as FootprintAccumulator).add(item)
    missing.forEach((year, index) => {
      const result = (accumulators[index] as FootprintAccumulator).result()
      cache.set(`${context}|${year}`, result)
      results.set(year, result)
    })
  }
  // In the order asked, whichever came from the cache.
  return new Map(years.map((year) => [year, results.get(year) as FootprintResult]))
}

/** One year's footprint, through the same cache. */
export async function computeWorkspaceYear(
  db: Db,
  workspaceId: number,
  options: { year: number; method: FootprintMethod; base: FactorBase },
): Promise<FootprintResult> {
  const results = await computeWorkspaceFootprints(db, workspaceId, { ...options, years: [options.year] })
  return results.get(options.year) as FootprintResult
}
