import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { parseQuery } from '../../lib/parse-query.js'
import { renderBadRequest } from '../../ui/error-pages.js'
import { WorkspaceNav } from '../workspaces/views/workspace-nav.js'
import { platformAccess, workspaceAccess } from '../workspaces/workspace-access.middleware.js'
import { auditFilterChoices, listAudit } from './audit.queries.js'
import { auditQuerySchema } from './audit.schemas.js'
import { AuditLog } from './views/audit-log.js'

/** The audit log: a workspace's for its admins, the whole platform's for operators. Read-only. */
export function auditRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()

  const show = (scope: 'workspace' | 'platform') => async (c: Context<AppEnv>) => {
    const parsed = parseQuery(auditQuerySchema, c.req.query())
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    const { personne, objet, du, au, page } = parsed.value
    const workspaceId = scope === 'workspace' ? c.get('workspace').id : undefined
    const [entries, choices] = await Promise.all([
      listAudit(db, { workspaceId, actorId: personne, entity: objet, from: du, to: au, page }),
      auditFilterChoices(db, workspaceId),
    ])
    const t = c.get('t')
    const path = new URL(c.req.url).pathname
    return c.render(
      <>
        <h1>{scope === 'workspace' ? t('audit.title') : t('operator.audit')}</h1>
        {scope === 'workspace' ? <WorkspaceNav c={c} current="audit" /> : null}
        <p>{t('audit.lead')}</p>
        <AuditLog
          c={c}
          path={path}
          entries={entries}
          filters={{ personne, objet, du, au }}
          choices={choices}
        />
      </>,
      { title: t('audit.title') },
    )
  }

  routes.get('/espace/:workspaceId/journal', workspaceAccess(deps, 'audit.view'), show('workspace'))
  routes.get('/operateur/journal', platformAccess('operator.audit'), show('platform'))
  return routes
}
