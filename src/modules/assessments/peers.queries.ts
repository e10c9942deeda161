import { type Kysely, sql } from 'kysely'
import { isPostgres } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import { type Distribution, distributionOf } from './peer-statistics.js'

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

function appendTo(target: Map<ScopeKey, number[]>, scope: ScopeKey, values: readonly number[]) {
  const list = target.get(scope)
  if (list) for (const value of values) list.push(value)
  else target.set(scope, [...values])
}

/**
 * Quartiles of the submitted assessments of one year, nationally and for every peer group (kind
 * of territory × population band), from one pass over the stored scores. Demonstration
 * territories are compared only among themselves and never enter real figures.
 *
 * The database groups the scores by peer group and scope and hands each group's list as one
 * text (a few hundred rows rather than ten per assessment: 350,000 row objects for 35,000
 * territories cost more than the rest together). Every scored assessment has exactly one
 * overall score, so a group's count of assessments is the length of its overall list.
 */
export async function computeYearDistributions(
  db: Kysely<Database>,
  year: number,
  demo: boolean,
): Promise<YearDistributions> {
  const scoreList = isPostgres(db)
    ? sql<string>`string_agg(scores.score::text, ',')`
    : sql<string>`group_concat(scores.score, ',')`
  const rows = await db
    .selectFrom('assessment_scores as scores')
    .innerJoin('assessments', 'assessments.id', 'scores.assessment_id')
    .innerJoin('workspaces', 'workspaces.id', 'assessments.workspace_id')
    .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
    .select([
      'assessments.peer_kind',
      'assessments.population_band',
      'scores.scope',
      'scores.scope_id',
      scoreList.as('scores'),
    ])
    .where('assessments.year', '=', year)
    .where('assessments.status', '=', 'submitted')
    .where('scores.scope', '!=', 'ambition')
    .where('territories.is_demo', '=', demo ? 1 : 0)
    .groupBy(['assessments.peer_kind', 'assessments.population_band', 'scores.scope', 'scores.scope_id'])
    .execute()
  const national = new Map<ScopeKey, number[]>()
  const groups = new Map<string, Map<ScopeKey, number[]>>()
  for (const row of rows) {
    const scope = row.scope === 'overall' ? 'overall' : `commitment:${row.scope_id}`
    const key = groupKey(row.peer_kind ?? 'unknown', row.population_band)
    let group = groups.get(key)
    if (!group) {
      group = new Map()
      groups.set(key, group)
    }
    const values = row.scores.split(',').map(Number)
    appendTo(group, scope, values)
    appendTo(national, scope, values)
  }
  const countOf = (scores: Map<ScopeKey, number[]>) => scores.get('overall')?.length ?? 0
  return {
    national: distributionsOf(national, countOf(national)),
    groups: new Map([...groups].map(([key, group]) => [key, distributionsOf(group, countOf(group))])),
  }
}

/**
 * Peer figures change only when an assessment is submitted. Each process keeps a year's figures a
 * minute (another process's submission shows within that time) and drops them at once when it
 * records a submission itself.
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

export function forgetYearDistributions(db: Kysely<Database>) {
  caches.delete(db)
}
