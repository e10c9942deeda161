import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { parseQuery } from '../../lib/parse-query.js'
import { foldForSearch } from '../../lib/text.js'
import { renderBadRequest, renderNotFound } from '../../ui/error-pages.js'
import { getTerritoryProfile } from './get-territory-profile.js'
import { searchTerritories } from './territories.queries.js'
import {
  minimumQueryLength,
  searchPageSize,
  searchQuerySchema,
  territoryPageQuerySchema,
  territoryPathSchema,
} from './territories.schemas.js'
import { type SearchOutcome, SearchPage } from './views/search.page.js'
import { TerritoryPage } from './views/territory.page.js'

/** Public territory pages: parse → act → render. No account needed: this is public reference data. */
export function territoriesRoutes({ db }: AppDependencies) {
  const routes = new Hono<AppEnv>()

  routes.get('/territoires', async (c) => {
    const parsed = parseQuery(searchQuerySchema, c.req.query())
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    const { q, type, page } = parsed.value
    const folded = q ? foldForSearch(q) : ''
    let outcome: SearchOutcome
    if (!q) outcome = { state: 'empty' }
    else if (folded.length < minimumQueryLength) outcome = { state: 'tooShort', query: q }
    else {
      const results = await searchTerritories(db, { folded, kind: type, page, pageSize: searchPageSize })
      outcome = { state: 'results', query: q, results }
    }
    return c.render(<SearchPage c={c} outcome={outcome} kind={type} />, {
      title:
        outcome.state === 'results'
          ? c.get('t')('search.resultsTitle', { query: outcome.query })
          : c.get('t')('search.title'),
      section: 'territories',
    })
  })

  routes.get('/territoires/:kind/:code', async (c) => {
    const path = parseQuery(territoryPathSchema, c.req.param())
    if (!path.ok) return renderNotFound(c)
    const query = parseQuery(territoryPageQuerySchema, c.req.query())
    if (!query.ok) return renderBadRequest(c, query.problems)
    const { kind, code } = path.value
    const profile = await getTerritoryProfile(db, kind, code, {
      membersPage: query.value.page,
      estimate: { agentsFte: query.value.agents, annualPurchasesEur: query.value.achats },
    })
    if (!profile) return renderNotFound(c, c.get('t')('error.territoryNotFound', { kind, code }))
    return c.render(<TerritoryPage c={c} profile={profile} />, {
      title: profile.territory.name,
      section: 'territories',
    })
  })

  return routes
}
