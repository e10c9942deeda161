import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { changeAudited, recordAudit } from '../audit/record-audit.js'
import { datacenterKey } from '../footprint/import/item-builder.js'
import type { Datacenter } from '../footprint/inventory-item.js'
import {
  countItemsInDatacenter,
  deleteDatacenter,
  findDatacenter,
  listDatacenters,
  saveDatacenter,
} from './inventory.queries.js'

export const datacenterAuditEntity = 'datacenter'

interface Actor {
  workspaceId: number
  actorId: number
}

export type DatacenterRefusal =
  | { code: 'exists'; shortName: string }
  | { code: 'in_use'; shortName: string; items: number }
  | { code: 'not_found' }

export type DatacenterOutcome = { ok: true } | { ok: false; refusal: DatacenterRefusal }

/**
 * Adds a datacenter. Short names are compared as the imports compare them (no case, no accents):
 * "dc1" beside "DC1" would make items point at either, so the second is refused.
 */
export async function addDatacenter(
  db: Kysely<Database>,
  actor: Actor,
  datacenter: Datacenter,
): Promise<DatacenterOutcome> {
  return db.transaction().execute(async (trx) => {
    const existing = (await listDatacenters(trx, actor.workspaceId)).find(
      (candidate) => datacenterKey(candidate.shortName) === datacenterKey(datacenter.shortName),
    )
    if (existing) return { ok: false, refusal: { code: 'exists', shortName: existing.shortName } }
    const id = await saveDatacenter(trx, actor.workspaceId, datacenter)
    await recordAudit(trx, {
      ...actor,
      entity: datacenterAuditEntity,
      entityId: id,
      action: 'create',
      after: datacenter,
    })
    return { ok: true }
  })
}

/**
 * Changes a datacenter's long name, PUE and country; its short name stays (items refer to it).
 * False (nothing written) when the datacenter is not the workspace's.
 */
export function changeDatacenter(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  change: Omit<Datacenter, 'shortName'>,
): Promise<boolean> {
  return changeAudited(
    db,
    { ...actor, id },
    {
      entity: datacenterAuditEntity,
      action: 'update',
      find: (trx) => findDatacenter(trx, actor.workspaceId, id),
      change: async (trx, { id: _id, ...fields }) => {
        const after: Datacenter = { ...change, shortName: fields.shortName }
        await saveDatacenter(trx, actor.workspaceId, after)
        return { before: fields, after }
      },
    },
  )
}

/** Deletes a datacenter no line names; refused, with the count, while some do. */
export async function removeDatacenter(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
): Promise<DatacenterOutcome> {
  return db.transaction().execute(async (trx) => {
    const before = await findDatacenter(trx, actor.workspaceId, id)
    if (!before) return { ok: false, refusal: { code: 'not_found' } }
    const items = await countItemsInDatacenter(trx, actor.workspaceId, before.shortName)
    if (items > 0) return { ok: false, refusal: { code: 'in_use', shortName: before.shortName, items } }
    await deleteDatacenter(trx, actor.workspaceId, id)
    const { id: _id, ...fields } = before
    await recordAudit(trx, {
      ...actor,
      entity: datacenterAuditEntity,
      entityId: id,
      action: 'delete',
      before: fields,
    })
    return { ok: true }
  })
}
