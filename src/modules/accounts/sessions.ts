import type { Kysely } from 'kysely'
import type { Database, PlatformRole } from '../../db/schema.js'
import { randomToken, sha256 } from '../../lib/secrets.js'

export const sessionCookie = 'jalons_session'
/** Signed out after this long without a request… */
export const sessionIdleMs = 2 * 3600_000
/** …and after this long in any case. */
export const sessionLifetimeMs = 12 * 3600_000
/** last_seen_at is written at most this often, not on every request. */
const touchEveryMs = 60_000

export interface CurrentUser {
  id: number
  email: string
  name: string
  locale: 'fr' | 'en'
  platformRole: PlatformRole | null
}

export interface CurrentSession {
  id: string
  activeWorkspaceId: number | null
}

/** Opens a session; returns the cookie's secret (the database keeps only its hash). */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
  userAgent: string | undefined,
): Promise<string> {
  const secret = randomToken()
  const now = Date.now()
  await db
    .insertInto('sessions')
    .values({
      id: sha256(secret),
      user_id: userId,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: new Date(now + sessionLifetimeMs).toISOString(),
      user_agent: userAgent?.slice(0, 300) ?? null,
      active_workspace_id: null,
    })
    .execute()
  return secret
}

/** The session and its person, if the cookie is valid, not idle too long, not expired. */
export async function findSession(
  db: Kysely<Database>,
  secret: string,
): Promise<{ user: CurrentUser; session: CurrentSession } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.active_workspace_id',
      'users.id',
      'users.email',
      'users.name',
      'users.locale',
      'users.platform_role',
    ])
    .where('sessions.id', '=', sha256(secret))
    .where('users.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  const now = Date.now()
  if (Date.parse(row.expires_at) <= now || Date.parse(row.last_seen_at) + sessionIdleMs <= now) {
    await db.deleteFrom('sessions').where('id', '=', row.session_id).execute()
    return undefined
  }
  if (Date.parse(row.last_seen_at) + touchEveryMs <= now) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id', '=', row.session_id)
      .execute()
  }
  return {
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      locale: row.locale,
      platformRole: row.platform_role,
    },
    session: { id: row.session_id, activeWorkspaceId: row.active_workspace_id },
  }
}

export async function revokeSession(
  db: Kysely<Database>,
  userId: number,
  sessionId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function revokeAllSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

export async function listSessions(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .execute()
}
