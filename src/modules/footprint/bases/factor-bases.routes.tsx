import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppDependencies, AppEnv } from '../../../app-env.js'

/** The largest factor base file accepted (YAML/JSON for operators, CSV for workspaces). */
export const maxFactorBaseBytes = 2 * 1024 * 1024

/** Paths whose uploads are capped before the CSRF check reads the body (mounted in app.ts). */
export const factorBaseUploadPaths = [
  '/operateur/bases-de-facteurs',
  '/espace/:workspaceId/empreinte/bases/*',
]

/** Caps a factor base upload; the allowance covers the multipart envelope and the other fields. */
export const factorBaseUploadLimit = bodyLimit({
  maxSize: maxFactorBaseBytes + 64 * 1024,
  onError: (c: Context<AppEnv>) => c.text('Fichier trop volumineux (2 Mo au plus)', 413),
})

/** Factor bases: public view, workspace choice and copies, operator publishing. */
export function factorBasesRoutes(_deps: AppDependencies) {
  const routes = new Hono<AppEnv>()
  return routes
}
