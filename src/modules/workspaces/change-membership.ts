import type { Kysely } from 'kysely'
import { isPostgres } from '../../db/dialect.js'
import type { Database, WorkspaceRole } from '../../db/schema.js'
import { withdrawTokens } from '../accounts/tokens.js'
import { recordAudit } from '../audit/record-audit.js'
import { countAdmins, findMembership } from './workspaces.queries.js'

export type MembershipChange = { role: WorkspaceRole } | 'remove'
export type MembershipOutcome = 'done' | 'not_member' | 'last_admin'

/**
 * Changes a member's role or removes them, audited in the same transaction. A workspace always
 * keeps at least one admin: the last one can neither be demoted nor removed. The check runs
 * inside the transaction, with the workspace row locked on PostgreSQL (SQLite runs one write
 * transaction at a time), so two admins demoting each other cannot both succeed. Pending
 * invitations to the member's address are withdrawn, so a removed person cannot come back
 * through an older link.
 */
export async function changeMembership(
  db: Kysely<Database>,
  input: { workspaceId: number; memberId: number; actorId: number; change: MembershipChange },
): Promise<MembershipOutcome> {
  const { workspaceId, memberId, change } = input
  if (!Number.isSafeInteger(memberId)) return 'not_member'
  return db.transaction().execute(async (trx) => {
    if (isPostgres(trx)) {
      await trx.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().execute()
    }
    const membership = await findMembership(trx, workspaceId, memberId)
    if (!membership) return 'not_member' as const
    const losesAdmin = membership.role === 'admin' && (change === 'remove' || change.role !== 'admin')
    if (losesAdmin && (await countAdmins(trx, workspaceId)) <= 1) return 'last_admin' as const
    const member = trx.selectFrom('users').select('email').where('id', '=', memberId)
    const email = (await member.executeTakeFirst())?.email
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
    if (email) await withdrawTokens(trx, { workspaceId, email })
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId,
      entity: 'membership',
      entityId: memberId,
      action: change === 'remove' ? 'delete' : 'update',
      before: { role: membership.role },
      ...(change === 'remove' ? {} : { after: { role: change.role } }),
    })
    return 'done' as const
  })
}
