import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { recordAudit } from '../../audit/record-audit.js'
import type { FootprintMethod, FootprintResult } from '../compute-footprint.js'
import { footprintSettings } from '../factor-bases.store.js'
import { computeWorkspaceFootprint } from '../workspace-footprint.js'

type Db = Kysely<Database> | Transaction<Database>

/** A year's result as frozen: the computed FootprintResult kept whole, with the base it used. */
export interface FrozenResult {
  id: number
  year: number
  method: FootprintMethod
  baseId: string
  baseVersion: string
  createdAt: string
  /** The person's name; null when unknown (an account since deleted keeps a pseudonymised name). */
  createdBy: string | null
  result: FootprintResult
}

/** A frozen result listed: without its whole content, only the climate total read from it. */
export type FrozenSummary = Omit<FrozenResult, 'result'> & {
  total: Record<string, number | null>
  units: Record<string, string>
}

export class FrozenResultExists extends Error {
  constructor(
    readonly year: number,
    readonly method: FootprintMethod,
  ) {
    super(`A result is already frozen for ${year} (${method})`)
  }
}

const selectFrozen = (db: Db, workspaceId: number) =>
  db
    .selectFrom('footprint_results')
    .leftJoin('users', 'users.id', 'footprint_results.created_by')
    .select([
      'footprint_results.id',
      'footprint_results.year',
      'footprint_results.method',
      'footprint_results.base_id',
      'footprint_results.base_version',
      'footprint_results.content',
      'footprint_results.created_at',
      'users.name',
    ])
    .where('footprint_results.workspace_id', '=', workspaceId)

type FrozenRow = {
  id: number
  year: number
  method: FootprintMethod
  base_id: string
  base_version: string
  content: string
  created_at: string
  name: string | null
}

function frozenOf(row: FrozenRow): FrozenResult {
  return {
    id: row.id,
    year: row.year,
    method: row.method,
    baseId: row.base_id,
    baseVersion: row.base_version,
    createdAt: row.created_at,
    createdBy: row.name,
    result: JSON.parse(row.content) as FootprintResult,
  }
}

/** Every frozen result of a workspace, latest year first. */
export async function listFrozenResults(db: Db, workspaceId: number): Promise<FrozenSummary[]> {
  const rows = await selectFrozen(db, workspaceId)
    .orderBy('footprint_results.year', 'desc')
    .orderBy('footprint_results.method')
    .execute()
  return rows.map((row) => {
    const { result, ...rest } = frozenOf(row)
    const total: Record<string, number | null> = {}
    const units: Record<string, string> = {}
    for (const criterion of result.criteria) {
      total[criterion.id] = result.total.impacts[criterion.id]?.total.value ?? null
      units[criterion.id] = criterion.unit
    }
    return { ...rest, total, units }
  })
}

export async function findFrozenResult(
  db: Db,
  workspaceId: number,
  year: number,
  method: FootprintMethod,
): Promise<FrozenResult | undefined> {
  const row = await selectFrozen(db, workspaceId)
    .where('footprint_results.year', '=', year)
    .where('footprint_results.method', '=', method)
    .executeTakeFirst()
  return row ? frozenOf(row) : undefined
}

/** The years (of one method) that have a frozen result, with it: for the trend chart. */
export async function frozenResultsByYear(
  db: Db,
  workspaceId: number,
  method: FootprintMethod,
  years: readonly number[],
): Promise<Map<number, FrozenResult>> {
  if (years.length === 0) return new Map()
  const rows = await selectFrozen(db, workspaceId)
    .where('footprint_results.method', '=', method)
    .where('footprint_results.year', 'in', [...years])
    .execute()
  return new Map(rows.map((row) => [row.year, frozenOf(row)]))
}

/**
 * Freezes a year's result: computed now with the workspace's base, stored whole with the base's id
 * and version, so that the figure can be shown and explained again whatever changes later (the
 * inventory, the workspace's base). One per workspace, year and method: a second freeze is refused
 * and changes nothing. The audit entry records what was frozen (not the whole result: it is in the
 * row itself, which never changes).
 */
export async function freezeFootprintResult(
  db: Kysely<Database>,
  input: { workspaceId: number; year: number; method: FootprintMethod; actorId: number | null },
): Promise<FrozenResult> {
  const { workspaceId, year, method, actorId } = input
  if (await findFrozenResult(db, workspaceId, year, method)) throw new FrozenResultExists(year, method)
  const { base } = await footprintSettings(db, workspaceId)
  const result = await computeWorkspaceFootprint(db, workspaceId, { year, method, base })
  const createdAt = new Date().toISOString()
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('footprint_results')
        .values({
          workspace_id: workspaceId,
          year,
          method,
          base_id: base.id,
          base_version: base.version,
          content: JSON.stringify(result),
          created_at: createdAt,
          created_by: actorId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const climate = result.total.impacts.climate?.total.value ?? null
      await recordAudit(trx, {
        actorId,
        workspaceId,
        entity: 'footprint_result',
        entityId: row.id,
        action: 'freeze',
        after: { year, method, base: `${base.id}@${base.version}`, counted: result.counted, climate },
      })
      return {
        id: row.id,
        year,
        method,
        baseId: base.id,
        baseVersion: base.version,
        createdAt,
        createdBy: null,
        result,
      }
    })
  } catch (error) {
    // Two freezes at once: the unique key refused the second; say so as for the check above.
    if (await findFrozenResult(db, workspaceId, year, method)) throw new FrozenResultExists(year, method)
    throw error
  }
}
