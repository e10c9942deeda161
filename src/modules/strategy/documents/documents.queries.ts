import type { Kysely, Transaction } from 'kysely'
import type { Database, DocumentKind } from '../../../db/schema.js'
import { recordAudit } from '../../audit/record-audit.js'

type Db = Kysely<Database> | Transaction<Database>

/** A published version as listed (without its HTML and snapshot). */
export interface DocumentVersion {
  id: number
  kind: DocumentKind
  version: number
  year: number
  title: string
  publishedAt: string
  publishedBy: string | null
  withdrawnAt: string | null
  withdrawnBy: string | null
}

/** Every published version of a workspace, newest first. */
export async function listDocumentVersions(db: Db, workspaceId: number): Promise<DocumentVersion[]> {
  const rows = await db
    .selectFrom('strategy_documents as documents')
    .leftJoin('users as publishers', 'publishers.id', 'documents.published_by')
    .leftJoin('users as withdrawers', 'withdrawers.id', 'documents.withdrawn_by')
    .select([
      'documents.id',
      'documents.kind',
      'documents.version',
      'documents.year',
      'documents.title',
      'documents.published_at',
      'documents.withdrawn_at',
      'publishers.name as publisher',
      'withdrawers.name as withdrawer',
    ])
    .where('documents.workspace_id', '=', workspaceId)
    .orderBy('documents.published_at', 'desc')
    .orderBy('documents.id', 'desc')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    version: row.version,
    year: row.year,
    title: row.title,
    publishedAt: row.published_at,
    publishedBy: row.publisher,
    withdrawnAt: row.withdrawn_at,
    withdrawnBy: row.withdrawer,
  }))
}

/** One version of this workspace with its stored HTML; undefined for another workspace's. */
export function findDocumentVersion(db: Db, workspaceId: number, id: number) {
  return db
    .selectFrom('strategy_documents')
    .select(['id', 'kind', 'version', 'year', 'title', 'html', 'published_at', 'withdrawn_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/**
 * Withdraws a version from the public page, or puts it back; audited. Doing it twice (two tabs) is
 * not an error: the version ends in the state asked either way, and only a real change is logged.
 */
export async function setDocumentWithdrawn(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; id: number; withdrawn: boolean },
): Promise<'done' | 'unchanged' | 'not_found'> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('strategy_documents')
      .select(['id', 'kind', 'version', 'withdrawn_at'])
      .where('workspace_id', '=', input.workspaceId)
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!row) return 'not_found' as const
    if ((row.withdrawn_at !== null) === input.withdrawn) return 'unchanged' as const
    const now = new Date().toISOString()
    await trx
      .updateTable('strategy_documents')
      .set(
        input.withdrawn
          ? { withdrawn_at: now, withdrawn_by: input.actorId }
          : { withdrawn_at: null, withdrawn_by: null },
      )
      .where('id', '=', row.id)
      .execute()
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: 'strategy_document',
      entityId: row.id,
      action: input.withdrawn ? 'withdraw' : 'republish',
      before: { kind: row.kind, version: row.version, withdrawn_at: row.withdrawn_at },
      after: { kind: row.kind, version: row.version, withdrawn_at: input.withdrawn ? now : null },
    })
    return 'done' as const
  })
}
