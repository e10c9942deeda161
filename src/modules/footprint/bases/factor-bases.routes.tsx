import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'

/** Factor bases: public view, workspace choice and copies, operator publishing. */
export function factorBasesRoutes(_deps: AppDependencies) {
  const routes = new Hono<AppEnv>()
  return routes
}
