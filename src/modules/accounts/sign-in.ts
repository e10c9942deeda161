import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findUserByEmail, normaliseEmail } from './accounts.queries.js'
import { verifyAgainstDecoy, verifyPassword } from './passwords.js'
import { clearAttempts, countAttempt, lockedUntil, throttlePolicies } from './throttle.js'

export type SignInResult =
  | { ok: true; userId: number; locale: 'fr' | 'en' }
  | { ok: false; reason: 'invalid' | 'locked' }

/**
 * Checks the credentials. The answer never says whether the email exists: an unknown email
 * costs the same password check and counts against the same limits as a wrong password.
 */
export async function signIn(
  db: Kysely<Database>,
  email: string,
  password: string,
  address: string,
): Promise<SignInResult> {
  const accountKey = `sign-in:account:${normaliseEmail(email)}`
  const addressKey = `sign-in:address:${address}`
  if ((await lockedUntil(db, accountKey)) || (await lockedUntil(db, addressKey))) {
    await verifyAgainstDecoy(password)
    return { ok: false, reason: 'locked' }
  }
  const user = await findUserByEmail(db, email)
  const valid = user ? await verifyPassword(user.password_hash, password) : await verifyAgainstDecoy(password)
  if (!user || !valid) {
    await countAttempt(db, accountKey, throttlePolicies.signInAccount)
    await countAttempt(db, addressKey, throttlePolicies.signInAddress)
    return { ok: false, reason: 'invalid' }
  }
  await clearAttempts(db, accountKey)
  return { ok: true, userId: user.id, locale: user.locale }
}
