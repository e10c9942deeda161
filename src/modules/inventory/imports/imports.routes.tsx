import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'

/** Inventory imports: upload (streamed to disk), check, preview, errors, background import. */
export function importsRoutes(_deps: AppDependencies) {
  const routes = new Hono<AppEnv>()
  return routes
}

/**
 * The upload of an inventory file is streamed to disk by its own route, which checks the form's
 * CSRF field itself (it comes before the file): the general CSRF middleware would read the whole
 * body into memory first. app.ts skips that middleware for these requests only.
 */
export function isStreamedUpload(method: string, path: string): boolean {
  return method === 'POST' && /^\/espace\/\d+\/empreinte\/imports$/.test(path)
}
