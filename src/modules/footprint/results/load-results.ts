import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { countItems } from '../../inventory/inventory.queries.js'
import type { FootprintMethod, FootprintResult } from '../compute-footprint.js'
import { footprintSettings } from '../factor-bases.store.js'
import { computeWorkspaceFootprints } from './compute-workspace-footprints.js'
import { type FrozenResult, frozenResultsByYear } from './frozen-results.js'

/** Years of the trend: the year shown and the five before it. */
export const trendLength = 6

export interface TrendEntry {
  year: number
  /** The year's result: computed now, or as frozen; null for a frozen page's year without one. */
  result: FootprintResult | null
  frozen: Pick<FrozenResult, 'baseId' | 'baseVersion' | 'createdAt'> | null
}

/** What the results page shows, live or frozen: one shape, one view. */
export interface ResultsModel {
  year: number
  method: FootprintMethod
  /** Null when the inventory is empty (live page): a start message instead of figures. */
  result: FootprintResult | null
  /** The frozen result shown (frozen page), or the one that exists for the year shown (live page). */
  frozen: FrozenResult | null
  live: boolean
  trend: TrendEntry[]
}

export function trendYears(year: number): number[] {
  return Array.from({ length: trendLength }, (_, index) => year - trendLength + 1 + index)
}

/**
 * The live page: the year's footprint with the workspace's base, and the trend, in one pass over
 * the inventory. Years frozen for this method show their frozen figure and are not computed.
 */
export async function loadLiveResults(
  db: Kysely<Database>,
  workspaceId: number,
  query: { year: number; method?: FootprintMethod | undefined },
): Promise<ResultsModel> {
  const settings = await footprintSettings(db, workspaceId)
  const method = query.method ?? settings.method
  const { year } = query
  const years = trendYears(year)
  const [inventory, frozenByYear] = await Promise.all([
    countItems(db, workspaceId),
    frozenResultsByYear(db, workspaceId, method, years),
  ])
  const frozen = frozenByYear.get(year) ?? null
  if (inventory.items === 0) return { year, method, result: null, frozen, live: true, trend: [] }
  const toCompute = years.filter((each) => each === year || !frozenByYear.has(each))
  const computed = await computeWorkspaceFootprints(db, workspaceId, {
    years: toCompute,
    method,
    base: settings.base,
  })
  return {
    year,
    method,
    result: computed.get(year) as FootprintResult,
    frozen,
    live: true,
    trend: years.map((each) => {
      const frozenYear = frozenByYear.get(each)
      return frozenYear
        ? { year: each, result: frozenYear.result, frozen: frozenYear }
        : { year: each, result: computed.get(each) ?? null, frozen: null }
    }),
  }
}

/** A frozen result, read from its stored JSON; its trend is made of the frozen results only. */
export async function loadFrozenResults(
  db: Kysely<Database>,
  workspaceId: number,
  year: number,
  method: FootprintMethod,
): Promise<ResultsModel | undefined> {
  // The trend's years include the one shown: one query reads them all.
  const years = trendYears(year)
  const frozenByYear = await frozenResultsByYear(db, workspaceId, method, years)
  const frozen = frozenByYear.get(year)
  if (!frozen) return undefined
  return {
    year,
    method,
    result: frozen.result,
    frozen,
    live: false,
    trend: years.map((each) => {
      const frozenYear = frozenByYear.get(each)
      return { year: each, result: frozenYear?.result ?? null, frozen: frozenYear ?? null }
    }),
  }
}
