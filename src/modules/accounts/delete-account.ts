import type { Kysely } from 'kysely'
import { isPostgres } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../audit/record-audit.js'

/**
 * Deletes an account: memberships, sessions and tokens go; the user row stays, pseudonymised
 * (no name, no address, no password), so that the audit log still points to "deleted account #id"
 * and keeps no personal data. Refused while the person is the last admin of a workspace.
 */
export async function deleteAccount(
  db: Kysely<Database>,
  userId: number,
): Promise<{ state: 'deleted' } | { state: 'last_admin'; territory: string }> {
  return db.transaction().execute(async (trx) => {
    // Lock the person's workspaces (PostgreSQL) so that two admins cannot leave at the same time.
    if (isPostgres(trx)) {
      await trx
        .selectFrom('workspaces')
        .select('id')
        .where('id', 'in', trx.selectFrom('memberships').select('workspace_id').where('user_id', '=', userId))
        .forUpdate()
        .execute()
    }
    const soleAdmin = await trx
      .selectFrom('memberships as mine')
      .innerJoin('workspaces', 'workspaces.id', 'mine.workspace_id')
      .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
      .select('territories.name')
      .where('mine.user_id', '=', userId)
      .where('mine.role', '=', 'admin')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('memberships as other')
              .select('other.user_id')
              .whereRef('other.workspace_id', '=', 'mine.workspace_id')
              .where('other.role', '=', 'admin')
              .where('other.user_id', '!=', userId),
          ),
        ),
      )
      .executeTakeFirst()
    if (soleAdmin) return { state: 'last_admin' as const, territory: soleAdmin.name }
    const memberships = await trx
      .selectFrom('memberships')
      .select(['workspace_id', 'role'])
      .where('user_id', '=', userId)
      .execute()
    await trx.deleteFrom('memberships').where('user_id', '=', userId).execute()
    for (const membership of memberships) {
      await recordAudit(trx, {
        actorId: userId,
        workspaceId: membership.workspace_id,
        entity: 'membership',
        entityId: userId,
        action: 'delete',
        before: { role: membership.role },
      })
    }
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
    await trx.deleteFrom('tokens').where('user_id', '=', userId).execute()
    await trx
      .updateTable('users')
      .set({
        email: `supprime-${userId}@invalid`,
        name: '',
        password_hash: '',
        platform_role: null,
        deleted_at: new Date().toISOString(),
      })
      .where('id', '=', userId)
      .execute()
    await recordAudit(trx, {
      actorId: userId,
      workspaceId: null,
      entity: 'user',
      entityId: userId,
      action: 'delete',
    })
    return { state: 'deleted' as const }
  })
}
