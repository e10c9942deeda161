import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'
import type { FactorBaseOrigin } from '../factor-bases.store.js'

type Db = Kysely<Database> | Transaction<Database>

export interface StoredFactorBase {
  id: string
  version: string
  title: string
  origin: FactorBaseOrigin
  workspaceId: number | null
  publishedAt: string
  /** The base as published, byte for byte: the JSON download. */
  content: string
}

/**
 * One published version as stored, if the viewer may see it: a platform base, or (when a workspace
 * is given) that workspace's own. Another workspace's base is undefined, as a missing one.
 */
export async function readStoredBase(
  db: Db,
  id: string,
  version: string,
  workspaceId: number | null,
): Promise<StoredFactorBase | undefined> {
  const row = await db
    .selectFrom('factor_bases')
    .select(['base_id', 'version', 'title', 'origin', 'workspace_id', 'published_at', 'content'])
    .where('base_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  if (!row || (row.workspace_id !== null && row.workspace_id !== workspaceId)) return undefined
  return {
    id: row.base_id,
    version: row.version,
    title: row.title,
    origin: row.origin,
    workspaceId: row.workspace_id,
    publishedAt: row.published_at,
    content: row.content,
  }
}

/** Whether any version of this base id exists, whoever owns it (ids are unique across the platform). */
export async function baseIdTaken(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('factor_bases')
    .select('version')
    .where('base_id', '=', id)
    .executeTakeFirst()
  return row !== undefined
}

/** A workspace's own base: the next whole version number after those published (1, 2, 3…). */
export async function nextOwnVersion(db: Db, id: string): Promise<string> {
  const rows = await db.selectFrom('factor_bases').select('version').where('base_id', '=', id).execute()
  const numbers = rows.map((row) => (/^\d+$/.test(row.version) ? Number(row.version) : 0))
  return String(Math.max(0, ...numbers) + 1)
}

/** Sorts versions as people count them: 2022.1 < 2022.2 < 2022.10, 9 < 10. */
export const compareVersions = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true })
