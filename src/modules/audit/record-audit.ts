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

/**
 * Inserts one row of a workspace with its audit entry, in one transaction: `insert` writes and
 * returns the new row's id, `after` is what the log keeps of it.
 */
export function createAudited(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number },
  steps: { entity: string; after: unknown; insert: (trx: Transaction<Database>) => Promise<number> },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const id = await steps.insert(trx)
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: steps.entity,
      entityId: id,
      action: 'create',
      after: steps.after,
    })
    return id
  })
}

/** What the audit log keeps of a change: the row as it was, and as it is after an update. */
export interface AuditedStates {
  before: unknown
  after?: unknown
}

/**
 * Updates or deletes one row of a workspace with its audit entry, in one transaction: `find`
 * reads the row as it was (undefined when it is not this workspace's, or no longer exists: then
 * nothing is written and the answer is false); `change` writes, and returns what the log keeps.
 */
export function changeAudited<Row>(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; id: number },
  steps: {
    entity: string
    action: 'update' | 'delete'
    find: (trx: Transaction<Database>) => Promise<Row | undefined>
    change: (trx: Transaction<Database>, before: Row) => Promise<AuditedStates>
  },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await steps.find(trx)
    if (!before) return false
    const states = await steps.change(trx, before)
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: steps.entity,
      entityId: input.id,
      action: steps.action,
      ...states,
    })
    return true
  })
}
