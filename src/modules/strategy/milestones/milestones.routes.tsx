import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'

/** STUB: filled in by the work on this section. */
export function milestonesRoutes(_deps: AppDependencies) {
  const routes = new Hono<AppEnv>()
  return routes
}
