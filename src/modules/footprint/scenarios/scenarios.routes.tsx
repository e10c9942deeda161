import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'

/** Saved footprint scenarios and the reuse rate of retired IT. */
export function scenariosRoutes(_deps: AppDependencies) {
  const routes = new Hono<AppEnv>()
  return routes
}
