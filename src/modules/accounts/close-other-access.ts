import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { withdrawTokens } from './tokens.js'

/**
 * After a credential changes (password reset or change, new address): whoever held the old one
 * loses access. The person's other sessions end (all of them when `keepSessionId` is null, as
 * after a reset) and their unused reset and address-change links stop working. Runs in the
 * caller's transaction, with the change itself.
 */
export async function closeOtherAccess(
  trx: Transaction<Database>,
  userId: number,
  keepSessionId: string | null,
): Promise<void> {
  let sessions = trx.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepSessionId !== null) sessions = sessions.where('id', '!=', keepSessionId)
  await sessions.execute()
  await withdrawTokens(trx, { userId, purposes: ['password_reset', 'email_change'] })
}
