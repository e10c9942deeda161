import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { type Distribution, distributionOf } from './peer-statistics.js'
import { readFrozenScores } from './score-assessment.js'

/** Scope key: 'overall' or 'commitment:<id>'. */
export type ScopeKey = string

export interface GroupDistributions {
  /** Submitted assessments in the group. */
  count: number
  /** Null for a scope when the group is too small to show. */
  byScope: Map<ScopeKey, Distribution | null>
}

export interface YearDistributions {
  national: GroupDistributions
  /** Key: `<kind>|<population band>`. */
  groups: Map<string, GroupDistributions>
}

export const groupKey = (kind: string, band: string | null) => `${kind}|${band ?? 'unknown'}`

function distributionsOf(scoresByScope: Map<ScopeKey, number[]>, count: number): GroupDistributions {
  const byScope = new Map<ScopeKey, Distribution | null>()
  for (const [scope, scores] of scoresByScope) byScope.set(scope, distributionOf(scores))
  return { count, byScope }
}

function appendTo(target: Map<ScopeKey, number[]>, scope: ScopeKey, value: number) {
  const list = target.get(scope)
  if (list) list.push(value)
  else target.set(scope, [value])
}

/**
 * Quartiles of the submitted assessments of one year, nationally and for every peer group (kind
 * of territory × population band), from one pass over the submitted assessments: one row each,
 * with its frozen scores as JSON (decision 010). Demonstration territories are compared only among
 * themselves and never enter real figures.
 */
export async function computeYearDistributions(
  db: Kysely<Database>,
  year: number,
  demo: boolean,
): Promise<YearDistributions> {
  const rows = await db
    .selectFrom('assessments')
    .innerJoin('workspaces', 'workspaces.id', 'assessments.workspace_id')
    .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
    .select([
      'assessments.peer_kind',
      'assessments.population_band',
      'assessments.score',
      'assessments.scores',
    ])
    .where('assessments.year', '=', year)
    .where('assessments.status', '=', 'submitted')
    .where('territories.is_demo', '=', demo ? 1 : 0)
    .execute()
  const national = new Map<ScopeKey, number[]>()
  const groups = new Map<string, Map<ScopeKey, number[]>>()
  for (const row of rows) {
    if (row.score === null) continue
    const key = groupKey(row.peer_kind ?? 'unknown', row.population_band)
    let group = groups.get(key)
    if (!group) {
      group = new Map()
      groups.set(key, group)
    }
    appendTo(group, 'overall', row.score)
    appendTo(national, 'overall', row.score)
    for (const [id, score] of Object.entries(readFrozenScores(row.scores).commitment)) {
      appendTo(group, `commitment:${id}`, score)
      appendTo(national, `commitment:${id}`, score)
    }
  }
  const countOf = (scores: Map<ScopeKey, number[]>) => scores.get('overall')?.length ?? 0
  return {
    national: distributionsOf(national, countOf(national)),
    groups: new Map([...groups].map(([key, group]) => [key, distributionsOf(group, countOf(group))])),
  }
}

/**
 * Peer figures change only when an assessment is submitted. Each process keeps a year's figures a
 * minute: a submission shows in them within that time. Not dropped at each submission, which
 * during a campaign would recompute the national figures (about half a second at full scale) for
 * nearly every results page.
 */
const ttlMs = 60_000
const caches = new WeakMap<Kysely<Database>, Map<string, { at: number; value: Promise<YearDistributions> }>>()

export function yearDistributions(db: Kysely<Database>, year: number, demo: boolean) {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  const key = `${year}|${demo}`
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < ttlMs) return hit.value
  const value = computeYearDistributions(db, year, demo)
  cache.set(key, { at: Date.now(), value })
  value.catch(() => cache.delete(key))
  return value
}
