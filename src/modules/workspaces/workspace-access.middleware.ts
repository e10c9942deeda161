import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { renderForbidden, renderNotFound } from '../../ui/error-pages.js'
import {
  canInWorkspace,
  canOnPlatform,
  type PlatformAction,
  type WorkspaceAction,
} from './workspaces.policy.js'
import { findWorkspaceForMember } from './workspaces.queries.js'

/** Anonymous visitors are sent to sign in (and back); a form post without a session is refused. */
export function requireSignIn(c: Context<AppEnv>) {
  if (c.req.method !== 'GET') return renderForbidden(c)
  const url = new URL(c.req.url)
  return c.redirect(`/connexion?retour=${encodeURIComponent(url.pathname + url.search)}`, 303)
}

/**
 * The only way into a workspace route: signed in, member of this workspace, and allowed the
 * action. A non-member gets the same 404 as for a workspace that does not exist, so ids reveal
 * nothing. Sets c.var.workspace for the handler.
 */
export function workspaceAccess({ db }: AppDependencies, action: WorkspaceAction) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user')
    if (!user) return requireSignIn(c)
    const workspaceId = Number(c.req.param('workspaceId'))
    const workspace = Number.isSafeInteger(workspaceId)
      ? await findWorkspaceForMember(db, workspaceId, user.id)
      : undefined
    if (!workspace) return renderNotFound(c)
    if (!canInWorkspace(workspace.role, action)) return renderForbidden(c)
    c.set('workspace', workspace)
    await next()
  })
}

export function platformAccess(action: PlatformAction) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = c.get('user')
    if (!user) return requireSignIn(c)
    if (!canOnPlatform(user, action)) return renderForbidden(c)
    await next()
  })
}

/** Pages of one's own account: signed in, nothing more. */
export const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('user')) return requireSignIn(c)
  await next()
})
