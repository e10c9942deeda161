import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../audit/record-audit.js'
import { readBundledReferentials } from './bundled-referentials.js'
import { type Referential, referentialSchema } from './referential.schemas.js'

type Db = Kysely<Database>

export class ReferentialVersionTaken extends Error {
  constructor(readonly version: string) {
    super(`Referential version ${version} is already published`)
  }
}

export interface ReferentialVersionSummary {
  version: string
  title: string
  origin: 'bundled' | 'upload'
  publishedAt: string
}

/** How long a process trusts its idea of the current version: another process may publish. */
const currentVersionTtlMs = 5_000

interface ProcessCache {
  /** Published versions never change, so a parsed version is kept for the life of the process. */
  versions: Map<string, Referential>
  current: { version: string; readAt: number } | null
}
// Keyed by database handle: tests run several databases in one process.
const caches = new WeakMap<Db, ProcessCache>()
function cacheOf(db: Db): ProcessCache {
  let cache = caches.get(db)
  if (!cache) {
    cache = { versions: new Map(), current: null }
    caches.set(db, cache)
  }
  return cache
}

async function insertVersion(
  trx: Transaction<Database>,
  referential: Referential,
  origin: 'bundled' | 'upload',
  actorId: number | null,
) {
  const taken = await trx
    .selectFrom('referential_versions')
    .select('version')
    .where('version', '=', referential.version)
    .executeTakeFirst()
  if (taken) throw new ReferentialVersionTaken(referential.version)
  // Strictly increasing publication times keep "current = latest published" unambiguous.
  const latest = await trx
    .selectFrom('referential_versions')
    .select('published_at')
    .orderBy('published_at', 'desc')
    .executeTakeFirst()
  let publishedAt = new Date()
  if (latest && new Date(latest.published_at) >= publishedAt)
    publishedAt = new Date(new Date(latest.published_at).getTime() + 1)
  await trx
    .insertInto('referential_versions')
    .values({
      version: referential.version,
      referential_id: referential.id,
      title: referential.title,
      content: JSON.stringify(referential),
      origin,
      published_at: publishedAt.toISOString(),
      published_by: actorId,
    })
    .execute()
}

/** Publishes the versions shipped in `referential/` that the database does not hold yet. */
export async function ensureBundledReferentials(db: Db): Promise<string[]> {
  const published: string[] = []
  for (const referential of readBundledReferentials()) {
    const exists = await db
      .selectFrom('referential_versions')
      .select('version')
      .where('version', '=', referential.version)
      .executeTakeFirst()
    if (exists) continue
    try {
      await db.transaction().execute((trx) => insertVersion(trx, referential, 'bundled', null))
      published.push(referential.version)
    } catch (error) {
      // Another process starting at the same moment published it first.
      if (!(error instanceof ReferentialVersionTaken) && !(await hasVersion(db, referential.version)))
        throw error
    }
  }
  if (published.length > 0) cacheOf(db).current = null
  return published
}

async function hasVersion(db: Db, version: string) {
  return Boolean(
    await db
      .selectFrom('referential_versions')
      .select('version')
      .where('version', '=', version)
      .executeTakeFirst(),
  )
}

/** An operator publishes a new version. The version string must be new: published ones are immutable. */
export async function publishReferential(db: Db, referential: Referential, actorId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertVersion(trx, referential, 'upload', actorId)
    await recordAudit(trx, {
      actorId,
      workspaceId: null,
      entity: 'referential',
      entityId: referential.version,
      action: 'publish',
      after: { version: referential.version, title: referential.title },
    })
  })
  cacheOf(db).current = null
}

export async function listReferentialVersions(db: Db): Promise<ReferentialVersionSummary[]> {
  const rows = await db
    .selectFrom('referential_versions')
    .select(['version', 'title', 'origin', 'published_at'])
    .orderBy('published_at', 'desc')
    .execute()
  return rows.map((row) => ({
    version: row.version,
    title: row.title,
    origin: row.origin,
    publishedAt: row.published_at,
  }))
}

/** One published version, or undefined. */
export async function loadReferential(db: Db, version: string): Promise<Referential | undefined> {
  const cache = cacheOf(db)
  const cached = cache.versions.get(version)
  if (cached) return cached
  const row = await db
    .selectFrom('referential_versions')
    .select('content')
    .where('version', '=', version)
    .executeTakeFirst()
  if (!row) return undefined
  const referential = referentialSchema.parse(JSON.parse(row.content))
  cache.versions.set(version, referential)
  return referential
}

/** The version in force: the latest published. */
export async function currentReferential(db: Db): Promise<Referential> {
  const cache = cacheOf(db)
  const now = Date.now()
  let version =
    cache.current && now - cache.current.readAt < currentVersionTtlMs ? cache.current.version : null
  if (!version) {
    const row = await db
      .selectFrom('referential_versions')
      .select('version')
      .orderBy('published_at', 'desc')
      .executeTakeFirst()
    if (!row) throw new Error('No referential is published: run the start-up (ensureBundledReferentials)')
    version = row.version
    cache.current = { version, readAt: now }
  }
  const referential = await loadReferential(db, version)
  if (!referential) throw new Error(`Referential version ${version} vanished`)
  return referential
}

/**
 * A published version exactly as stored (the JSON text), with its publication date: what the
 * download and the API hand out, byte for byte the same whichever process serves it.
 */
export async function readPublishedVersion(
  db: Db,
  version: string,
): Promise<{ content: string; publishedAt: string } | undefined> {
  const row = await db
    .selectFrom('referential_versions')
    .select(['content', 'published_at'])
    .where('version', '=', version)
    .executeTakeFirst()
  return row ? { content: row.content, publishedAt: row.published_at } : undefined
}
