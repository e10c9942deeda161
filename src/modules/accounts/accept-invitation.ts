import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../audit/record-audit.js'
import { findUserByEmail, insertUser } from './accounts.queries.js'
import { hashPassword } from './passwords.js'
import { consumeToken } from './tokens.js'

interface ValidInvitation {
  id: number
  email: string
  workspace_id: number | null
  role: 'admin' | 'contributor' | 'reader' | null
}

/**
 * Turns an invitation into a membership, creating the account when needed, all in one
 * transaction: the token is used once, even if two tabs submit at the same time.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  invitation: ValidInvitation,
  account: { existingUserId: number } | { name: string; password: string },
): Promise<{ userId: number } | { problem: 'used' | 'account_exists' }> {
  if (invitation.workspace_id === null || invitation.role === null) return { problem: 'used' }
  const passwordHash = 'password' in account ? await hashPassword(account.password) : null
  try {
    return await db.transaction().execute(async (trx) => {
      if (!(await consumeToken(trx, invitation.id))) return { problem: 'used' as const }
      let userId: number
      if ('existingUserId' in account) userId = account.existingUserId
      else {
        // An account created meanwhile must be signed into: the link alone never opens an account.
        if (await findUserByEmail(trx, invitation.email)) throw new AccountExists()
        userId = await insertUser(trx, {
          email: invitation.email,
          name: account.name,
          passwordHash: passwordHash as string,
        })
        await recordAudit(trx, {
          actorId: userId,
          workspaceId: null,
          entity: 'user',
          entityId: userId,
          action: 'create',
        })
      }
      const workspaceId = invitation.workspace_id as number
      const already = await trx
        .selectFrom('memberships')
        .select('role')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
      if (!already) {
        await trx
          .insertInto('memberships')
          .values({
            workspace_id: workspaceId,
            user_id: userId,
            role: invitation.role as 'admin',
            created_at: new Date().toISOString(),
          })
          .execute()
        await recordAudit(trx, {
          actorId: userId,
          workspaceId,
          entity: 'membership',
          entityId: userId,
          action: 'create',
          after: { role: invitation.role },
        })
      }
      return { userId }
    })
  } catch (error) {
    // Thrown inside the transaction so that the token's use is rolled back with it.
    if (error instanceof AccountExists) return { problem: 'account_exists' }
    throw error
  }
}

class AccountExists extends Error {}
