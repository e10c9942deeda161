import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { AppDependencies, AppEnv } from './app-env.js'
import { i18nMiddleware } from './i18n/i18n.middleware.js'
import { apiRoutes } from './modules/api/api.routes.js'
import { apiError } from './modules/api/api-errors.js'
import { obligationsRoutes } from './modules/obligations/obligations.routes.js'
import { pagesRoutes } from './modules/pages/pages.routes.js'
import { systemRoutes } from './modules/system/system.routes.js'
import { territoriesRoutes } from './modules/territories/territories.routes.js'
import { renderNotFound, renderServerError } from './ui/error-pages.js'
import { renderer } from './ui/layout.js'
import { mountStaticAssets } from './ui/static-assets.js'

const isApi = (path: string) => path.startsWith('/api/')

/** The whole application, read top-down: headers, language, pages, API, then not-found and errors. */
export function createApp(dependencies: AppDependencies) {
  const app = new Hono<AppEnv>()
  const production = dependencies.config.env === 'production'

  app.use(async (c, next) => {
    c.set('requestId', randomUUID())
    await next()
  })
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: production ? 'max-age=63072000; includeSubDomains' : false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    }),
  )
  app.use(i18nMiddleware)
  mountStaticAssets(app)
  app.use(renderer)

  app.route('/', pagesRoutes(dependencies))
  app.route('/', territoriesRoutes(dependencies))
  app.route('/', obligationsRoutes())
  app.route('/', systemRoutes(dependencies))
  app.route('/api/v1', apiRoutes(dependencies))

  app.notFound((c) =>
    isApi(c.req.path) ? apiError(c, 404, 'not_found', 'No such API route') : renderNotFound(c),
  )
  app.onError((error, c) => {
    console.error(
      JSON.stringify({ level: 'error', requestId: c.get('requestId'), path: c.req.path, error: error.stack }),
    )
    if (isApi(c.req.path))
      return apiError(c, 500, 'internal_error', `Internal error, reference ${c.get('requestId')}`)
    return renderServerError(c)
  })
  return app
}
