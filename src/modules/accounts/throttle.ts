import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.js'

export interface ThrottlePolicy {
  /** Attempts allowed within the window… */
  maxAttempts: number
  windowMs: number
  /** …then locked for this long. */
  lockMs: number
}

/** Per account and per network address; kept in the database so that every process sees them. */
export const throttlePolicies = {
  signInAccount: { maxAttempts: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  signInAddress: { maxAttempts: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  resetAccount: { maxAttempts: 3, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
} satisfies Record<string, ThrottlePolicy>

/**
 * Counts one attempt against the key BEFORE the caller checks anything, in one atomic statement,
 * and says whether the attempt may go on. Counting first means parallel requests cannot all slip
 * through before the first failure is recorded; a success then calls forgiveAttempts().
 */
export async function registerAttempt(
  db: Kysely<Database>,
  key: string,
  policy: ThrottlePolicy,
): Promise<boolean> {
  const now = new Date()
  const nowIso = now.toISOString()
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString()
  const result = await sql<{ failures: number; locked_until: string | null }>`
    insert into auth_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, ${nowIso}, null)
    on conflict (key) do update set
      failures = case when auth_throttle.window_started_at <= ${windowStart} then 1 else auth_throttle.failures + 1 end,
      window_started_at = case when auth_throttle.window_started_at <= ${windowStart} then ${nowIso} else auth_throttle.window_started_at end
    returning failures, locked_until`.execute(db)
  const row = result.rows[0]
  if (!row) return false
  if (row.locked_until && row.locked_until > nowIso) return false
  if (row.failures > policy.maxAttempts) {
    await db
      .updateTable('auth_throttle')
      .set({
        failures: 0,
        window_started_at: nowIso,
        locked_until: new Date(now.getTime() + policy.lockMs).toISOString(),
      })
      .where('key', '=', key)
      .execute()
    return false
  }
  return true
}

/** After a success: the attempts so far are forgiven, but a lock in force stays. */
export async function forgiveAttempts(db: Kysely<Database>, key: string): Promise<void> {
  await db.updateTable('auth_throttle').set({ failures: 0 }).where('key', '=', key).execute()
}
