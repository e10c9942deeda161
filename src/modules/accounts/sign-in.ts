import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findUserByEmail, normaliseEmail } from './accounts.queries.js'
import { verifyAgainstDecoy, verifyPassword } from './passwords.js'
import { forgiveAttempts, registerAttempt, throttlePolicies } from './throttle.js'

export type SignInResult =
  | { ok: true; userId: number; locale: 'fr' | 'en' }
  | { ok: false; reason: 'invalid' | 'locked' }

export const accountThrottleKey = (email: string) => `sign-in:account:${normaliseEmail(email)}`

/**
 * Checks the credentials. The answer never says whether the email exists: an unknown email
 * costs the same password check and counts against the same limits as a wrong password.
 * Attempts are counted before the check, so parallel guesses cannot outrun the lock.
 */
export async function signIn(
  db: Kysely<Database>,
  email: string,
  password: string,
  address: string,
): Promise<SignInResult> {
  const accountKey = accountThrottleKey(email)
  const addressKey = `sign-in:address:${address}`
  const accountAllowed = await registerAttempt(db, accountKey, throttlePolicies.signInAccount)
  const addressAllowed = await registerAttempt(db, addressKey, throttlePolicies.signInAddress)
  if (!accountAllowed || !addressAllowed) {
    await verifyAgainstDecoy(password)
    return { ok: false, reason: 'locked' }
  }
  const user = await findUserByEmail(db, email)
  const valid = user ? await verifyPassword(user.password_hash, password) : await verifyAgainstDecoy(password)
  if (!user || !valid) return { ok: false, reason: 'invalid' }
  await forgiveAttempts(db, accountKey)
  await forgiveAttempts(db, addressKey)
  return { ok: true, userId: user.id, locale: user.locale }
}
