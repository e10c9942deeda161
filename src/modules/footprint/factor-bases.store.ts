import type { Kysely, Transaction } from 'kysely'
import type { Database, FactorBasesTable } from '../../db/schema.js'
import type { FootprintMethod } from './compute-footprint.js'
import type { FactorBase } from './factor-base.schemas.js'
import { defaultFactorBaseId, readBundledFactorBases } from './factor-bases.js'

type Db = Kysely<Database> | Transaction<Database>

export class FactorBaseVersionTaken extends Error {
  constructor(
    readonly baseId: string,
    readonly version: string,
  ) {
    super(`Factor base ${baseId}@${version} is already published`)
  }
}

export type FactorBaseOrigin = 'bundled' | 'operator' | 'workspace'

export interface FactorBaseSummary {
  id: string
  version: string
  title: string
  origin: FactorBaseOrigin
  /** Null for a platform base. */
  workspaceId: number | null
  publishedAt: string
}

export interface StoredFactorBase extends FactorBaseSummary {
  /** The base as published, byte for byte: the JSON download. */
  content: string
}

const summaryColumns = ['base_id', 'version', 'title', 'origin', 'workspace_id', 'published_at'] as const

function summaryFromRow(row: Pick<FactorBasesTable, (typeof summaryColumns)[number]>): FactorBaseSummary {
  return {
    id: row.base_id,
    version: row.version,
    title: row.title,
    origin: row.origin,
    workspaceId: row.workspace_id,
    publishedAt: row.published_at,
  }
}

// Published bases never change: a parsed one is kept for the life of the process, per database.
const parsedBases = new WeakMap<object, Map<string, FactorBase>>()

/**
 * The key of a workspace's own base: its id must start with `espace-<workspace id>-`, so that it can
 * never take a platform base's id (or another workspace's) and every result naming it stays unique.
 */
export function workspaceBasePrefix(workspaceId: number): string {
  return `espace-${workspaceId}-`
}

/** Publishes a base version, immutable from then on; throws FactorBaseVersionTaken if it exists. */
export async function publishFactorBase(
  db: Db,
  base: FactorBase,
  origin: FactorBaseOrigin,
  options: { actorId: number | null; workspaceId: number | null },
): Promise<void> {
  const taken = await db
    .selectFrom('factor_bases')
    .select('version')
    .where('base_id', '=', base.id)
    .where('version', '=', base.version)
    .executeTakeFirst()
  if (taken) throw new FactorBaseVersionTaken(base.id, base.version)
  await db
    .insertInto('factor_bases')
    .values({
      base_id: base.id,
      version: base.version,
      workspace_id: options.workspaceId,
      title: base.title,
      content: JSON.stringify(base),
      origin,
      published_at: new Date().toISOString(),
      published_by: options.actorId,
    })
    .execute()
}

/** Publishes the bases shipped in `factor-bases/` that the database does not hold yet. */
export async function ensureBundledFactorBases(db: Kysely<Database>): Promise<string[]> {
  const published: string[] = []
  for (const base of readBundledFactorBases()) {
    const exists = await db
      .selectFrom('factor_bases')
      .select('version')
      .where('base_id', '=', base.id)
      .where('version', '=', base.version)
      .executeTakeFirst()
    if (exists) continue
    try {
      await publishFactorBase(db, base, 'bundled', { actorId: null, workspaceId: null })
      published.push(`${base.id}@${base.version}`)
    } catch (error) {
      // Another process starting at the same time published it first: that is the same base.
      if (!(error instanceof FactorBaseVersionTaken)) throw error
    }
  }
  return published
}

/** The platform's bases and, when a workspace is given, that workspace's own, newest first. */
export async function listFactorBases(db: Db, workspaceId: number | null): Promise<FactorBaseSummary[]> {
  const rows = await db
    .selectFrom('factor_bases')
    .select(summaryColumns)
    .where((eb) =>
      workspaceId === null
        ? eb('workspace_id', 'is', null)
        : eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId)]),
    )
    .orderBy('published_at', 'desc')
    .execute()
  return rows.map(summaryFromRow)
}

/**
 * One published version as stored, if the viewer may see it: a platform base, or (when a workspace
 * is given) that workspace's own. Another workspace's base is undefined, exactly like a base that
 * does not exist.
 */
export async function readStoredBase(
  db: Db,
  id: string,
  version: string,
  workspaceId: number | null,
): Promise<StoredFactorBase | undefined> {
  const row = await db
    .selectFrom('factor_bases')
    .select([...summaryColumns, 'content'])
    .where('base_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  if (!row || (row.workspace_id !== null && row.workspace_id !== workspaceId)) return undefined
  return { ...summaryFromRow(row), content: row.content }
}

/** A base version as a workspace may use it (see readStoredBase), parsed once per process. */
export async function loadFactorBase(
  db: Db,
  id: string,
  version: string,
  workspaceId: number | null,
): Promise<FactorBase | undefined> {
  const stored = await readStoredBase(db, id, version, workspaceId)
  return stored ? parseStoredBase(db, stored) : undefined
}

/** A stored version parsed, once per process (for a page that has read the stored row already). */
export function parseStoredBase(db: Db, stored: StoredFactorBase): FactorBase {
  let cache = parsedBases.get(db)
  if (!cache) {
    cache = new Map()
    parsedBases.set(db, cache)
  }
  const key = `${stored.id}@${stored.version}`
  let base = cache.get(key)
  if (!base) {
    base = JSON.parse(stored.content) as FactorBase
    cache.set(key, base)
  }
  return base
}

/** The latest published version of the default platform base: what a new workspace computes with. */
export async function defaultFactorBase(db: Db): Promise<FactorBase> {
  const versions = await db
    .selectFrom('factor_bases')
    .select('version')
    .where('base_id', '=', defaultFactorBaseId)
    .where('workspace_id', 'is', null)
    .execute()
  const latest = versions
    .map((row) => row.version)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .at(-1)
  const base = latest ? await loadFactorBase(db, defaultFactorBaseId, latest, null) : undefined
  if (!base)
    throw new Error('No default factor base is published: run the start-up (ensureBundledFactorBases)')
  return base
}

export interface FootprintSettings {
  base: FactorBase
  method: FootprintMethod
  /** False while the workspace has not chosen: the defaults are shown. */
  chosen: boolean
}

/** The base and method a workspace computes with: its choice, or the platform's default base, stock. */
export async function footprintSettings(db: Db, workspaceId: number): Promise<FootprintSettings> {
  const row = await db
    .selectFrom('footprint_settings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst()
  if (row) {
    const base = await loadFactorBase(db, row.base_id, row.base_version, workspaceId)
    if (base) return { base, method: row.method, chosen: true }
  }
  return { base: await defaultFactorBase(db), method: 'stock', chosen: false }
}

export async function saveFootprintSettings(
  db: Db,
  workspaceId: number,
  settings: { baseId: string; baseVersion: string; method: FootprintMethod },
): Promise<void> {
  const values = {
    base_id: settings.baseId,
    base_version: settings.baseVersion,
    method: settings.method,
    updated_at: new Date().toISOString(),
  }
  await db
    .insertInto('footprint_settings')
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
    .execute()
}
