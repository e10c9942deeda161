import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../audit/record-audit.js'

/**
 * API tokens of a workspace (table api_tokens, migration 006). A token is 32 random bytes in
 * base64url behind the prefix `jal_` (so that it is recognised in a leaked file or a log); only its
 * SHA-256 is stored, so the database alone never opens the API. A fast hash is enough: the token
 * holds 256 random bits, nothing to guess, unlike a password.
 */

export const apiTokenPrefix = 'jal_'
/** `jal_` + 43 base64url characters (32 bytes). */
export const apiTokenPattern = /^jal_[A-Za-z0-9_-]{43}$/

/** last_used_at is written at most once a minute per token: one write per request would be waste. */
export const lastUsedInterval = 60_000

export function generateApiToken(): string {
  return `${apiTokenPrefix}${randomBytes(32).toString('base64url')}`
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export interface ApiTokenSummary {
  id: number
  name: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export async function listApiTokens(db: Kysely<Database>, workspaceId: number): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }))
}

/** Creates a token, audited in the same transaction; the token itself is returned once, never stored. */
export async function createApiToken(
  db: Kysely<Database>,
  input: { workspaceId: number; name: string; actorId: number | null },
): Promise<{ id: number; token: string }> {
  const token = generateApiToken()
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        workspace_id: input.workspaceId,
        name: input.name,
        token_hash: hashApiToken(token),
        created_by: input.actorId,
        created_at: new Date().toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: 'api_token',
      entityId: row.id,
      action: 'create',
      after: { name: input.name },
    })
    return row.id
  })
  return { id, token }
}

/** Revokes a token of this workspace (another workspace's token is not found); audited. */
export async function revokeApiToken(
  db: Kysely<Database>,
  input: { workspaceId: number; tokenId: number; actorId: number },
): Promise<'revoked' | 'not_found'> {
  if (!Number.isSafeInteger(input.tokenId)) return 'not_found'
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString()
    const revoked = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', input.tokenId)
      .where('workspace_id', '=', input.workspaceId)
      .where('revoked_at', 'is', null)
      .returning('name')
      .executeTakeFirst()
    if (!revoked) {
      const exists = await trx
        .selectFrom('api_tokens')
        .select('id')
        .where('id', '=', input.tokenId)
        .where('workspace_id', '=', input.workspaceId)
        .executeTakeFirst()
      // Revoking twice (two tabs) is not an error: the token is revoked either way.
      return exists ? ('revoked' as const) : ('not_found' as const)
    }
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: 'api_token',
      entityId: input.tokenId,
      action: 'revoke',
      before: { name: revoked.name, revoked_at: null },
      after: { name: revoked.name, revoked_at: now },
    })
    return 'revoked' as const
  })
}

/** The live token with this value, or undefined (unknown, malformed or revoked). */
export async function findActiveApiToken(
  db: Kysely<Database>,
  token: string,
): Promise<{ id: number; workspaceId: number; lastUsedAt: string | null } | undefined> {
  if (!apiTokenPattern.test(token)) return undefined
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'workspace_id', 'last_used_at'])
    .where('token_hash', '=', hashApiToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return row && { id: row.id, workspaceId: row.workspace_id, lastUsedAt: row.last_used_at }
}

/** Records a use, unless one was recorded less than a minute ago (the condition is in the update). */
export async function touchApiToken(db: Kysely<Database>, tokenId: number, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - lastUsedInterval).toISOString()
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now.toISOString() })
    .where('id', '=', tokenId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', cutoff)]))
    .execute()
}
