import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { referentialApi, referentialApiOperations } from '../referential/referential.api.js'
import { territoriesApi, territoriesApiOperations } from '../territories/territories.api.js'
import { apiError } from './api-errors.js'
import { footprintApi, footprintApiOperations, workspaceApiPrefix } from './footprint.api.js'
import { buildOpenApiDocument } from './openapi.js'
import { strategyApi, strategyApiOperations } from './strategy.api.js'

const apiVersion = '1.0.0'

/** Version 1 of the public API. Each module contributes its routes and their documentation. */
export function apiRoutes(dependencies: AppDependencies) {
  const api = new Hono<AppEnv>()
  const document = buildOpenApiDocument(
    [
      ...territoriesApiOperations,
      ...strategyApiOperations,
      ...referentialApiOperations,
      ...footprintApiOperations,
    ],
    apiVersion,
  )
  api.use('*', async (c, next) => {
    await next()
    // Open data: any site may read it from a browser. A workspace's figures, read with its token,
    // are not shared with other origins.
    if (!c.req.path.startsWith(workspaceApiPrefix)) c.header('access-control-allow-origin', '*')
  })
  api.get('/openapi.json', (c) => c.json(document))
  api.route('/', territoriesApi(dependencies))
  api.route('/', strategyApi(dependencies))
  api.route('/', referentialApi(dependencies))
  api.route('/', footprintApi(dependencies))
  api.notFound((c) =>
    apiError(c, 404, 'not_found', `No API route ${c.req.method} ${new URL(c.req.url).pathname}`),
  )
  return api
}
