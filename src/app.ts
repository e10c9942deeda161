import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { AppDependencies, AppEnv } from './app-env.js'
import { i18nMiddleware } from './i18n/i18n.middleware.js'
import { accountRoutes } from './modules/accounts/account.routes.js'
import { csrfMiddleware } from './modules/accounts/csrf.middleware.js'
import { invitationRoutes } from './modules/accounts/invitation.routes.js'
import { resetRoutes } from './modules/accounts/reset.routes.js'
import { sessionMiddleware } from './modules/accounts/session.middleware.js'
import { signInRoutes } from './modules/accounts/sign-in.routes.js'
import { apiRoutes } from './modules/api/api.routes.js'
import { apiError } from './modules/api/api-errors.js'
import { apiTokensRoutes } from './modules/api-tokens/api-tokens.routes.js'
import { assessmentsRoutes } from './modules/assessments/assessments.routes.js'
import { auditRoutes } from './modules/audit/audit.routes.js'
import {
  factorBasesRoutes,
  factorBaseUploadLimit,
  factorBaseUploadPaths,
} from './modules/footprint/bases/factor-bases.routes.js'
import { footprintMethodRoutes } from './modules/footprint/method/footprint-method.routes.js'
import { footprintResultsRoutes } from './modules/footprint/results/footprint-results.routes.js'
import { scenariosRoutes } from './modules/footprint/scenarios/scenarios.routes.js'
import { importsRoutes, isStreamedUpload } from './modules/inventory/imports/imports.routes.js'
import { inventoryRoutes } from './modules/inventory/inventory.routes.js'
import { createMailer } from './modules/mail/mailer.js'
import { obligationsRoutes } from './modules/obligations/obligations.routes.js'
import { observatoryRoutes } from './modules/observatory/observatory.routes.js'
import { operatorRoutes } from './modules/operator/operator.routes.js'
import { pagesRoutes } from './modules/pages/pages.routes.js'
import {
  publishPath,
  publishReferentialRoutes,
  publishUploadLimit,
} from './modules/referential/publish-referential.routes.js'
import { referentialRoutes } from './modules/referential/referential.routes.js'
import { actionsRoutes } from './modules/strategy/actions/actions.routes.js'
import { documentsRoutes } from './modules/strategy/documents/documents.routes.js'
import {
  indicatorsRoutes,
  indicatorUploadLimit,
  indicatorUploadPath,
} from './modules/strategy/indicators/indicators.routes.js'
import { milestonesRoutes } from './modules/strategy/milestones/milestones.routes.js'
import { objectivesRoutes } from './modules/strategy/objectives/objectives.routes.js'
import { publicStrategyRoutes } from './modules/strategy/publication/public-strategy.routes.js'
import { systemRoutes } from './modules/system/system.routes.js'
import { territoriesRoutes } from './modules/territories/territories.routes.js'
import { membersRoutes } from './modules/workspaces/members.routes.js'
import { requestWorkspaceRoutes } from './modules/workspaces/request-workspace.routes.js'
import { workspacesRoutes } from './modules/workspaces/workspaces.routes.js'
import { renderNotFound, renderServerError } from './ui/error-pages.js'
import { renderer } from './ui/layout.js'
import { mountStaticAssets } from './ui/static-assets.js'

const isApi = (path: string) => path.startsWith('/api/')

/** The whole application, read top-down: headers, language, pages, API, then not-found and errors. */
export function createApp(given: Omit<AppDependencies, 'mailer'> & { mailer?: AppDependencies['mailer'] }) {
  const dependencies: AppDependencies = {
    ...given,
    mailer: given.mailer ?? createMailer(given.db, given.config),
  }
  const app = new Hono<AppEnv>()
  const production = dependencies.config.env === 'production'
  const session = sessionMiddleware(dependencies)
  const csrf = csrfMiddleware(production)

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
      // A published document is served with its own, stricter CSP (inline CSS only): keep it.
      overwrite: false,
    }),
  )
  app.use(i18nMiddleware)
  mountStaticAssets(app)
  app.use(renderer)
  // The open API is read-only and cookie-free; everything else knows who is signed in.
  app.use('*', async (c, next) => (isApi(c.req.path) ? next() : session(c, next)))
  // The one upload is capped before the CSRF check below reads the body.
  app.use(publishPath, publishUploadLimit)
  for (const path of factorBaseUploadPaths) app.use(path, factorBaseUploadLimit)
  app.use(indicatorUploadPath, indicatorUploadLimit)
  app.use('*', async (c, next) =>
    isApi(c.req.path) || isStreamedUpload(c.req.method, c.req.path) ? next() : csrf(c, next),
  )

  app.route('/', pagesRoutes(dependencies))
  app.route('/', territoriesRoutes(dependencies))
  app.route('/', obligationsRoutes(dependencies))
  app.route('/', referentialRoutes(dependencies))
  app.route('/', systemRoutes(dependencies))
  app.route('/', signInRoutes(dependencies))
  app.route('/', resetRoutes(dependencies))
  app.route('/', invitationRoutes(dependencies))
  app.route('/', accountRoutes(dependencies))
  app.route('/', workspacesRoutes(dependencies))
  app.route('/', membersRoutes(dependencies))
  app.route('/', assessmentsRoutes(dependencies))
  app.route('/', observatoryRoutes(dependencies))
  app.route('/', footprintResultsRoutes(dependencies))
  app.route('/', inventoryRoutes(dependencies))
  app.route('/', importsRoutes(dependencies))
  app.route('/', scenariosRoutes(dependencies))
  app.route('/', factorBasesRoutes(dependencies))
  app.route('/', footprintMethodRoutes(dependencies))
  app.route('/', apiTokensRoutes(dependencies))
  app.route('/', indicatorsRoutes(dependencies))
  app.route('/', objectivesRoutes(dependencies))
  app.route('/', actionsRoutes(dependencies))
  app.route('/', milestonesRoutes(dependencies))
  app.route('/', documentsRoutes(dependencies))
  app.route('/', publicStrategyRoutes(dependencies))
  app.route('/', requestWorkspaceRoutes(dependencies))
  app.route('/', auditRoutes(dependencies))
  app.route('/', operatorRoutes(dependencies))
  app.route('/', publishReferentialRoutes(dependencies))
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
