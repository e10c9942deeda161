import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'

/** Footprint results, explanations, frozen years, and the public methodology page. */
export function footprintResultsRoutes(_deps: AppDependencies) {
  const routes = new Hono<AppEnv>()
  return routes
}
