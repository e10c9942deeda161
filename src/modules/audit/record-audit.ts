import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'

export interface AuditEntry {
  actorId: number | null
  workspaceId: number | null
  entity: string
  entityId: string | number
  action: string
  before?: unknown
  after?: unknown
}

/**
 * Appends one entry to the audit log, in the caller's transaction so the write and its record
 * land together or not at all. The application never updates or deletes these rows. Entries
 * name people by id only, so that deleting an account (pseudonymising its row) leaves no
 * personal data in the log.
 */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      actor_id: entry.actorId,
      workspace_id: entry.workspaceId,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute()
}
