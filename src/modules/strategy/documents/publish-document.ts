import type { Kysely } from 'kysely'
import type { Database, DocumentKind } from '../../../db/schema.js'
import { translator } from '../../../i18n/i18n.js'
import { recordAudit } from '../../audit/record-audit.js'
import { collectDocumentData } from './document-data.js'
import { missingSections, type TextSection } from './document-sections.js'
import { publicSnapshot } from './document-snapshot.js'
import { documentLocale, documentTitle, renderDocumentHtml } from './render-document.js'

export type PublishOutcome = { ok: true; id: number; version: number } | { ok: false; missing: TextSection[] }

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/**
 * Publishes a document: refused, with nothing written, while a mandatory section is empty;
 * otherwise version N+1 of this kind is stored (the whole HTML as it reads today, and the public
 * snapshot) with its audit entry, in one transaction. Two admins publishing at the same instant
 * cannot get the same number (unique constraint): the second one takes the next number.
 */
export async function publishDocument(
  db: Kysely<Database>,
  input: {
    workspace: { id: number; territoryId: number }
    kind: DocumentKind
    year: number
    actorId: number
  },
): Promise<PublishOutcome> {
  const data = await collectDocumentData(db, input.workspace, input.kind, input.year)
  const missing = missingSections(input.kind, data.texts)
  if (missing.length > 0) return { ok: false, missing }
  const title = documentTitle(translator(documentLocale), input.kind, input.year)
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('strategy_documents')
          .select((eb) => eb.fn.max('version').as('version'))
          .where('workspace_id', '=', input.workspace.id)
          .where('kind', '=', input.kind)
          .executeTakeFirst()
        const version = Number(last?.version ?? 0) + 1
        const publishedAt = new Date().toISOString()
        const html = renderDocumentHtml(data, { version, publishedAt })
        const snapshot = publicSnapshot(data, {
          kind: input.kind,
          version,
          year: input.year,
          title,
          publishedAt,
        })
        const row = await trx
          .insertInto('strategy_documents')
          .values({
            workspace_id: input.workspace.id,
            kind: input.kind,
            version,
            year: input.year,
            title,
            html,
            snapshot: JSON.stringify(snapshot),
            published_at: publishedAt,
            published_by: input.actorId,
            withdrawn_at: null,
            withdrawn_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await recordAudit(trx, {
          actorId: input.actorId,
          workspaceId: input.workspace.id,
          entity: 'strategy_document',
          entityId: row.id,
          action: 'publish',
          after: {
            kind: input.kind,
            version,
            year: input.year,
            objectives: snapshot.objectives.length,
            publicActions: snapshot.actions.length,
          },
        })
        return { ok: true as const, id: row.id, version }
      })
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error
    }
  }
}
