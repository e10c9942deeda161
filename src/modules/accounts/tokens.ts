import type { Kysely, Transaction } from 'kysely'
import type { Database, TokenPurpose, WorkspaceRole } from '../../db/schema.js'
import { randomToken, sha256 } from '../../lib/secrets.js'

/** How long a mailed link works. */
export const tokenLifetimes: Record<TokenPurpose, number> = {
  invitation: 7 * 24 * 3600_000,
  password_reset: 3600_000,
  email_change: 24 * 3600_000,
}

export interface NewToken {
  purpose: TokenPurpose
  email: string
  userId?: number | null
  workspaceId?: number | null
  role?: WorkspaceRole | null
  createdBy?: number | null
}

/** Creates a single-use token; returns the secret to mail (only its hash is stored) and the row's id. */
export async function issueToken(
  db: Kysely<Database> | Transaction<Database>,
  token: NewToken,
): Promise<{ secret: string; id: number }> {
  const secret = randomToken()
  const now = Date.now()
  const row = await db
    .insertInto('tokens')
    .values({
      purpose: token.purpose,
      token_hash: sha256(secret),
      email: token.email,
      user_id: token.userId ?? null,
      workspace_id: token.workspaceId ?? null,
      role: token.role ?? null,
      created_by: token.createdBy ?? null,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + tokenLifetimes[token.purpose]).toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { secret, id: row.id }
}

export type TokenLookup =
  | { state: 'valid'; token: Awaited<ReturnType<typeof findByHash>> & object }
  | { state: 'expired' | 'used' | 'unknown' }

function findByHash(db: Kysely<Database> | Transaction<Database>, purpose: TokenPurpose, secret: string) {
  // Looked up by hash: the comparison happens on a digest, never on the secret itself.
  return db
    .selectFrom('tokens')
    .selectAll()
    .where('token_hash', '=', sha256(secret))
    .where('purpose', '=', purpose)
    .executeTakeFirst()
}

/** Says whether a mailed token can still be used, and why not. */
export async function lookUpToken(
  db: Kysely<Database> | Transaction<Database>,
  purpose: TokenPurpose,
  secret: string,
): Promise<TokenLookup> {
  const token = await findByHash(db, purpose, secret)
  if (!token) return { state: 'unknown' }
  if (token.used_at) return { state: 'used' }
  if (token.expires_at <= new Date().toISOString()) return { state: 'expired' }
  return { state: 'valid', token }
}

/** Marks a token used; false when another request used it first (single use, even in a race). */
export async function consumeToken(trx: Transaction<Database>, tokenId: number): Promise<boolean> {
  const result = await trx
    .updateTable('tokens')
    .set({ used_at: new Date().toISOString() })
    .where('id', '=', tokenId)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Withdraws a person's links that are still unused: after a reset, a password or address change,
 * an older reset link must not work any more.
 */
export async function withdrawTokens(
  trx: Transaction<Database>,
  where: { userId: number; purposes: TokenPurpose[] } | { workspaceId: number; email: string },
): Promise<void> {
  let query = trx
    .updateTable('tokens')
    .set({ used_at: new Date().toISOString() })
    .where('used_at', 'is', null)
  query =
    'userId' in where
      ? query.where('user_id', '=', where.userId).where('purpose', 'in', where.purposes)
      : query
          .where('workspace_id', '=', where.workspaceId)
          .where('email', '=', where.email)
          .where('purpose', '=', 'invitation')
  await query.execute()
}
