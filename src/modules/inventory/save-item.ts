import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { changeAudited, createAudited, recordAudit } from '../audit/record-audit.js'
import type { InventoryItem } from '../footprint/inventory-item.js'
import { deleteAllItems, deleteItem, findItem, insertItem, updateItem } from './inventory.queries.js'

export const itemAuditEntity = 'inventory_item'

/** What the audit log keeps of a line: its fields, without the row id and line number. */
function audited(item: InventoryItem & { id?: number }): Omit<InventoryItem, 'line'> {
  const { line: _line, id: _id, ...fields } = item
  return fields
}

interface Actor {
  workspaceId: number
  actorId: number
}

/** Adds one line, with its audit entry, atomically; gives the new id. */
export function createItem(db: Kysely<Database>, actor: Actor, item: InventoryItem): Promise<number> {
  return createAudited(db, actor, {
    entity: itemAuditEntity,
    after: audited(item),
    insert: (trx) => insertItem(trx, actor.workspaceId, item),
  })
}

/** Replaces one line of the workspace; false (nothing written) when the line is not the workspace's. */
export function changeItem(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  item: InventoryItem,
): Promise<boolean> {
  return changeAudited(
    db,
    { ...actor, id },
    {
      entity: itemAuditEntity,
      action: 'update',
      find: (trx) => findItem(trx, actor.workspaceId, id),
      change: async (trx, before) => {
        await updateItem(trx, actor.workspaceId, id, item)
        return { before: audited(before), after: audited(item) }
      },
    },
  )
}

export function removeItem(db: Kysely<Database>, actor: Actor, id: number): Promise<boolean> {
  return changeAudited(
    db,
    { ...actor, id },
    {
      entity: itemAuditEntity,
      action: 'delete',
      find: (trx) => findItem(trx, actor.workspaceId, id),
      change: async (trx, before) => {
        await deleteItem(trx, actor.workspaceId, id)
        return { before: audited(before) }
      },
    },
  )
}

/**
 * Empties the inventory. One audit entry with the count, not one per line: a million entries
 * would say less than this one.
 */
export async function clearInventory(db: Kysely<Database>, actor: Actor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const count = await deleteAllItems(trx, actor.workspaceId)
    await recordAudit(trx, {
      ...actor,
      entity: itemAuditEntity,
      entityId: 'all',
      action: 'delete_all',
      after: { deleted: count },
    })
    return count
  })
}
