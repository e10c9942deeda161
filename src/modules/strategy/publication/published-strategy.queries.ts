import type { Kysely } from 'kysely'
import type { Database, DocumentKind, TerritoryKind } from '../../../db/schema.js'
import { LruCache } from '../../../lib/lru-cache.js'
import { type PublishedContent, parseSnapshot } from './snapshot-schema.js'

/** A published version the public may read: not withdrawn. */
export interface PublishedVersion {
  id: number
  kind: DocumentKind
  version: number
  year: number
  title: string
  publishedAt: string
}

/** A territory as its public strategy page needs it: identity, figures for the obligations. */
export interface PublicTerritory {
  id: number
  kind: TerritoryKind
  code: string
  name: string
  populationTotal: number | null
  populationMunicipal: number | null
  isDemo: boolean
  agentsFte: number | null
  annualPurchasesEur: number | null
  /** Changes whenever something the obligations depend on changes (dataset, declared figures). */
  version: string
}

export interface TerritoryPublications {
  territory: PublicTerritory
  /** Published and not withdrawn, newest first. */
  versions: PublishedVersion[]
}

/**
 * The territory and what it has published, in one indexed query (territory by kind and code, its
 * workspace, that workspace's versions): the public page runs it on every request, cached or not,
 * so that a withdrawal shows at once. Undefined for an unknown territory.
 */
export async function territoryPublications(
  db: Kysely<Database>,
  kind: TerritoryKind,
  code: string,
): Promise<TerritoryPublications | undefined> {
  const rows = await db
    .selectFrom('territories as t')
    .leftJoin('territory_declarations as declarations', 'declarations.territory_id', 't.id')
    .leftJoin('workspaces as w', 'w.territory_id', 't.id')
    .leftJoin('strategy_documents as d', (join) =>
      join.onRef('d.workspace_id', '=', 'w.id').on('d.withdrawn_at', 'is', null),
    )
    .select([
      't.id',
      't.kind',
      't.code',
      't.name',
      't.population_total',
      't.population_municipal',
      't.is_demo',
      't.dataset_vintage',
      'declarations.agents_fte',
      'declarations.annual_purchases_cents',
      'declarations.updated_at',
      'd.id as document_id',
      'd.kind as document_kind',
      'd.version as document_version',
      'd.year as document_year',
      'd.title as document_title',
      'd.published_at',
    ])
    .where('t.kind', '=', kind)
    .where('t.code', '=', code)
    .orderBy('d.published_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute()
  const first = rows[0]
  if (!first) return undefined
  const territory: PublicTerritory = {
    id: first.id,
    kind: first.kind,
    code: first.code,
    name: first.name,
    populationTotal: first.population_total,
    populationMunicipal: first.population_municipal,
    isDemo: first.is_demo === 1,
    agentsFte: first.agents_fte,
    annualPurchasesEur: first.annual_purchases_cents === null ? null : first.annual_purchases_cents / 100,
    version: `${first.id}|${first.dataset_vintage}|${first.updated_at ?? ''}`,
  }
  const versions: PublishedVersion[] = []
  for (const row of rows) {
    if (row.document_id === null) continue
    versions.push({
      id: row.document_id,
      kind: row.document_kind as DocumentKind,
      version: row.document_version as number,
      year: row.document_year as number,
      title: row.document_title as string,
      publishedAt: row.published_at as string,
    })
  }
  return { territory, versions }
}

/**
 * Whose snapshot the public page and the API show: the most recently published version still
 * public, whatever its kind. Every kind freezes the same public data (objectives, public actions,
 * milestones) at its publication, so the newest is the territory's latest word; a withdrawn one
 * was taken back by its admin, so the one before it speaks again.
 */
export function latestVersion(versions: readonly PublishedVersion[]): PublishedVersion | undefined {
  return versions[0]
}

// A version's snapshot never changes once published: cached by database and document id, for as
// long as the process lives. Which versions are public is read on every request, never cached.
const contentCaches = new WeakMap<Kysely<Database>, LruCache<number, PublishedContent | null>>()

/** The public content of a published version (read once per process), null when unreadable. */
export async function publishedContent(
  db: Kysely<Database>,
  documentId: number,
): Promise<PublishedContent | null> {
  let cache = contentCaches.get(db)
  if (!cache) {
    // 200 actions and 50 objectives weigh about 150 kB parsed: 64 snapshots stay under 10 MB.
    cache = new LruCache(64)
    contentCaches.set(db, cache)
  }
  const cached = cache.get(documentId)
  if (cached !== undefined) return cached
  const row = await db
    .selectFrom('strategy_documents')
    .select('snapshot')
    .where('id', '=', documentId)
    .executeTakeFirst()
  if (!row) return null
  const content = parseSnapshot(row.snapshot)
  if (!content || content.skipped > 0)
    console.warn(
      JSON.stringify({
        level: 'warn',
        message: content ? 'published snapshot: items skipped' : 'published snapshot unreadable',
        documentId,
        skipped: content?.skipped,
      }),
    )
  cache.set(documentId, content)
  return content
}

/** A published, not withdrawn version of this territory, with its stored HTML; else undefined. */
export async function publishedDocument(
  db: Kysely<Database>,
  territory: { kind: TerritoryKind; code: string },
  documentId: number,
) {
  return db
    .selectFrom('strategy_documents as d')
    .innerJoin('workspaces as w', 'w.id', 'd.workspace_id')
    .innerJoin('territories as t', 't.id', 'w.territory_id')
    .select(['d.id', 'd.kind', 'd.version', 'd.year', 'd.title', 'd.html', 'd.published_at'])
    .where('d.id', '=', documentId)
    .where('d.withdrawn_at', 'is', null)
    .where('t.kind', '=', territory.kind)
    .where('t.code', '=', territory.code)
    .executeTakeFirst()
}

/** The newest public version of a territory (for its territory page), or undefined. */
export async function latestPublication(
  db: Kysely<Database>,
  kind: TerritoryKind,
  code: string,
): Promise<PublishedVersion | undefined> {
  const row = await db
    .selectFrom('strategy_documents as d')
    .innerJoin('workspaces as w', 'w.id', 'd.workspace_id')
    .innerJoin('territories as t', 't.id', 'w.territory_id')
    .select(['d.id', 'd.kind', 'd.version', 'd.year', 'd.title', 'd.published_at'])
    .where('t.kind', '=', kind)
    .where('t.code', '=', code)
    .where('d.withdrawn_at', 'is', null)
    .orderBy('d.published_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    year: row.year,
    title: row.title,
    publishedAt: row.published_at,
  }
}
