import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

export interface ThrottlePolicy {
  /** Failures allowed within the window… */
  maxFailures: number
  windowMs: number
  /** …then locked for this long. */
  lockMs: number
}

/** Per account and per network address; kept in the database so that every process sees them. */
export const throttlePolicies = {
  signInAccount: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  signInAddress: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  resetAccount: { maxFailures: 3, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
} satisfies Record<string, ThrottlePolicy>

/** When the key is locked, until when. */
export async function lockedUntil(db: Kysely<Database>, key: string): Promise<Date | null> {
  const row = await db
    .selectFrom('auth_throttle')
    .select('locked_until')
    .where('key', '=', key)
    .executeTakeFirst()
  if (!row?.locked_until) return null
  const until = new Date(row.locked_until)
  return until.getTime() > Date.now() ? until : null
}

/** Counts one attempt against the key; locks it when the policy's limit is reached. */
export async function countAttempt(db: Kysely<Database>, key: string, policy: ThrottlePolicy): Promise<void> {
  const now = Date.now()
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst()
    const windowOpen = row && Date.parse(row.window_started_at) + policy.windowMs > now
    const failures = windowOpen ? row.failures + 1 : 1
    const values = {
      failures: failures >= policy.maxFailures ? 0 : failures,
      window_started_at: windowOpen ? row.window_started_at : new Date(now).toISOString(),
      locked_until:
        failures >= policy.maxFailures
          ? new Date(now + policy.lockMs).toISOString()
          : (row?.locked_until ?? null),
    }
    await trx
      .insertInto('auth_throttle')
      .values({ key, ...values })
      .onConflict((conflict) => conflict.column('key').doUpdateSet(values))
      .execute()
  })
}

export async function clearAttempts(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('auth_throttle').where('key', '=', key).execute()
}
