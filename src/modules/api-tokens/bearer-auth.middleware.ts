import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { apiError } from '../api/api-errors.js'
import { findActiveApiToken, lastUsedInterval, touchApiToken } from './api-tokens.store.js'

/** The routes behind bearerAuth know which token opened them, hence which workspace. */
export interface ApiTokenEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { apiToken: { id: number; workspaceId: number } }
}

const realm = 'realm="jalons"'

function refuse(c: Context, code: 'missing_token' | 'invalid_token', message: string) {
  // RFC 6750: a request without credentials gets the bare challenge, a bad token its error code.
  c.header(
    'www-authenticate',
    code === 'missing_token' ? `Bearer ${realm}` : `Bearer ${realm}, error="invalid_token"`,
  )
  return apiError(c, 401, code, message)
}

/**
 * `Authorization: Bearer jal_…` on the workspace API routes (`/workspaces/:workspaceId/…`). No
 * token, or an unknown or revoked one: 401 with a stable code and the challenge. A token opens its
 * own workspace only: any other workspace id is a 404, exactly like a workspace that does not
 * exist, so ids reveal nothing. Every answer is private: `cache-control: no-store`.
 */
export function bearerAuth({ db }: AppDependencies) {
  return createMiddleware<ApiTokenEnv>(async (c, next) => {
    c.header('cache-control', 'no-store')
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header)
    if (!match) return refuse(c, 'missing_token', 'Send a workspace API token: Authorization: Bearer <token>')
    const token = await findActiveApiToken(db, match[1] as string)
    if (!token) return refuse(c, 'invalid_token', 'Unknown or revoked API token')
    if (String(token.workspaceId) !== c.req.param('workspaceId'))
      return apiError(c, 404, 'not_found', 'No such workspace')
    if (token.lastUsedAt === null || Date.now() - Date.parse(token.lastUsedAt) >= lastUsedInterval)
      await touchApiToken(db, token.id)
    c.set('apiToken', { id: token.id, workspaceId: token.workspaceId })
    await next()
    c.header('cache-control', 'no-store')
  })
}
