import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { parseQuery } from '../../lib/parse-query.js'
import { renderBadRequest } from '../../ui/error-pages.js'
import { computeYearDistributions } from '../assessments/peers.queries.js'
import { currentReferential } from '../referential/referential.store.js'
import { platformAccess } from '../workspaces/workspace-access.middleware.js'
import { ObservatoryPage } from './views/observatory.page.js'

const querySchema = z.object({
  annee: z.coerce.number().int().min(2021).max(2100).optional(),
  /** The demonstration territories' figures, kept apart from real ones: for a newcomer to see the page at work. */
  demo: z.literal('1').optional(),
})

/**
 * The national view for the State and the networks (platform observers and operators): the
 * submitted self-assessments of a year, as quartiles nationally and per peer group. Only
 * aggregates of at least 5 assessments are shown, and never a territory's name.
 */
export function observatoryRoutes({ db }: AppDependencies) {
  const routes = new Hono<AppEnv>()
  routes.get('/observatoire', platformAccess('platform.observe'), async (c) => {
    const query = parseQuery(querySchema, c.req.query())
    if (!query.ok) return renderBadRequest(c, query.problems)
    const demo = query.value.demo === '1'
    const years = (
      await db
        .selectFrom('assessments')
        .innerJoin('workspaces', 'workspaces.id', 'assessments.workspace_id')
        .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
        .select('assessments.year')
        .distinct()
        .where('assessments.status', '=', 'submitted')
        .where('territories.is_demo', '=', demo ? 1 : 0)
        .orderBy('assessments.year', 'desc')
        .execute()
    ).map((row) => row.year)
    const year = query.value.annee ?? years[0] ?? new Date().getUTCFullYear()
    // Fresh figures, not the per-process cache of the results pages: this page is read rarely.
    const distributions = await computeYearDistributions(db, year, demo)
    return c.render(
      <ObservatoryPage
        c={c}
        year={year}
        years={years}
        demo={demo}
        distributions={distributions}
        referential={await currentReferential(db)}
      />,
      { title: c.get('t')('observatory.title', { year }) },
    )
  })
  return routes
}
