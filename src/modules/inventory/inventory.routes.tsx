import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'

/** The workspace's inventory: items, datacenters, type mapping, exports. */
export function inventoryRoutes(_deps: AppDependencies) {
  const routes = new Hono<AppEnv>()
  return routes
}
