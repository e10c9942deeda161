import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { parseQuery } from '../../../lib/parse-query.js'
import { renderBadRequest } from '../../../ui/error-pages.js'
import { currentReferential } from '../../referential/referential.store.js'
import { workspaceAccess } from '../../workspaces/workspace-access.middleware.js'
import { yearSchema } from '../actions/action-filters.js'
import { strategyOverview } from './overview.queries.js'
import { OverviewPage } from './views/overview.page.js'

const yearQuery = z.object({ annee: yearSchema })

/** /espace/:id/strategie: the strategy at a glance (mounted by milestones.routes.tsx). */
export function overviewRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  routes.get('/espace/:workspaceId/strategie', workspaceAccess(deps, 'workspace.view'), async (c) => {
    const parsed = parseQuery(yearQuery, { annee: c.req.query('annee') })
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    const year = parsed.value.annee ?? new Date().getUTCFullYear()
    const overview = await strategyOverview(db, await currentReferential(db), c.get('workspace'), year)
    return c.render(<OverviewPage c={c} overview={overview} />, { title: c.get('t')('overview.title') })
  })
  return routes
}
