import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { operatorBasesRoutes } from './operator-bases.routes.js'
import { publicBasesRoutes } from './public-bases.routes.js'
import { workspaceBasesRoutes } from './workspace-bases.routes.js'

/** The largest factor base file accepted (YAML/JSON for operators, CSV for workspaces). */
export const maxFactorBaseBytes = 2 * 1024 * 1024

/** Paths whose uploads are capped before the CSRF check reads the body (mounted in app.ts). */
export const factorBaseUploadPaths = [
  '/operateur/bases-de-facteurs',
  '/espace/:workspaceId/empreinte/bases/*',
]

/** Where the refused form was: the import form, the operator's page, or the workspace's bases. */
const formPathOf = (path: string) =>
  path.startsWith('/operateur') || path.endsWith('/importer')
    ? path
    : path.replace(/(\/empreinte\/bases).*$/, '$1')

/** Caps a factor base upload; the allowance covers the multipart envelope and the other fields. */
export const factorBaseUploadLimit = bodyLimit({
  maxSize: maxFactorBaseBytes + 64 * 1024,
  onError: (c: Context<AppEnv>) => {
    const t = c.get('t')
    c.status(413)
    return c.render(
      <>
        <h1>{t('factor-bases.tooLargeTitle')}</h1>
        <p>{t('factor-bases.import.tooLarge', { size: maxFactorBaseBytes / 1024 / 1024 })}</p>
        <p>
          <a href={formPathOf(c.req.path)}>{t('factor-bases.tooLargeBack')}</a>
        </p>
      </>,
      { title: t('factor-bases.tooLargeTitle') },
    )
  },
})

/** Factor bases: public view, workspace choice and copies, operator publishing. */
export function factorBasesRoutes(deps: AppDependencies) {
  const routes = new Hono<AppEnv>()
  routes.route('/', publicBasesRoutes(deps))
  routes.route('/', workspaceBasesRoutes(deps, maxFactorBaseBytes))
  routes.route('/', operatorBasesRoutes(deps, maxFactorBaseBytes))
  return routes
}
