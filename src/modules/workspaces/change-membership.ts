import type { Kysely } from 'kysely'
import type { Database, WorkspaceRole } from '../../db/schema.js'
import { recordAudit } from '../audit/record-audit.js'
import { countAdmins, findMembership } from './workspaces.queries.js'

export type MembershipChange = { role: WorkspaceRole } | 'remove'
export type MembershipOutcome = 'done' | 'not_member' | 'last_admin'

/**
 * Changes a member's role or removes them, audited in the same transaction. A workspace always
 * keeps at least one admin: the last one can neither be demoted nor removed.
 */
export async function changeMembership(
  db: Kysely<Database>,
  input: { workspaceId: number; memberId: number; actorId: number; change: MembershipChange },
): Promise<MembershipOutcome> {
  const { workspaceId, memberId, change } = input
  const membership = Number.isSafeInteger(memberId)
    ? await findMembership(db, workspaceId, memberId)
    : undefined
  if (!membership) return 'not_member'
  const losesAdmin = membership.role === 'admin' && (change === 'remove' || change.role !== 'admin')
  if (losesAdmin && (await countAdmins(db, workspaceId)) <= 1) return 'last_admin'
  await db.transaction().execute(async (trx) => {
    if (change === 'remove') {
      await trx
        .deleteFrom('memberships')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', memberId)
        .execute()
    } else {
      await trx
        .updateTable('memberships')
        .set({ role: change.role })
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', memberId)
        .execute()
    }
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId,
      entity: 'membership',
      entityId: memberId,
      action: change === 'remove' ? 'delete' : 'update',
      before: { role: membership.role },
      ...(change === 'remove' ? {} : { after: { role: change.role } }),
    })
  })
  return 'done'
}
