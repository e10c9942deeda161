import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { recordAudit } from '../../audit/record-audit.js'
import { type DocumentTexts, emptyTexts, type TextSection, textSections } from './document-sections.js'

type Db = Kysely<Database> | Transaction<Database>

/** A workspace's free texts; a section never written is empty. */
export async function loadTexts(db: Db, workspaceId: number): Promise<DocumentTexts> {
  const rows = await db
    .selectFrom('strategy_texts')
    .select(['section', 'body'])
    .where('workspace_id', '=', workspaceId)
    .execute()
  const texts = emptyTexts()
  for (const row of rows)
    if ((textSections as readonly string[]).includes(row.section))
      texts[row.section as TextSection] = row.body
  return texts
}

/**
 * Saves the sections that changed, in one transaction with one audit entry naming them (with their
 * lengths: the texts themselves stay in the table, a 20,000-character body has no place in the log).
 * Returns the sections changed.
 */
export async function saveTexts(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; texts: DocumentTexts },
): Promise<TextSection[]> {
  return db.transaction().execute(async (trx) => {
    const before = await loadTexts(trx, input.workspaceId)
    const changed = textSections.filter((section) => before[section] !== input.texts[section])
    if (changed.length === 0) return []
    const now = new Date().toISOString()
    for (const section of changed) {
      const values = { body: input.texts[section], updated_by: input.actorId, updated_at: now }
      await trx
        .insertInto('strategy_texts')
        .values({ workspace_id: input.workspaceId, section, ...values })
        .onConflict((conflict) => conflict.columns(['workspace_id', 'section']).doUpdateSet(values))
        .execute()
    }
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: 'strategy_text',
      entityId: input.workspaceId,
      action: 'update',
      before: Object.fromEntries(changed.map((section) => [section, before[section].length])),
      after: Object.fromEntries(changed.map((section) => [section, input.texts[section].length])),
    })
    return changed
  })
}
