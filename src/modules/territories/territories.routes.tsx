import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { LruCache } from '../../lib/lru-cache.js'
import { parseQuery } from '../../lib/parse-query.js'
import { foldForSearch } from '../../lib/text.js'
import { renderBadRequest, renderNotFound } from '../../ui/error-pages.js'
import { todayInFrance } from '../footprint/import/values.js'
import { currentReferential } from '../referential/referential.store.js'
import { reenObligationId, reenStandingOf } from '../strategy/milestones/reen-context.js'
import type { ReenStanding } from '../strategy/milestones/reen-standing.js'
import { latestPublication, publishedContent } from '../strategy/publication/published-strategy.queries.js'
import { getTerritoryProfile } from './get-territory-profile.js'
import { searchTerritories, territoryVersion } from './territories.queries.js'
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
  // About 25 kB a page: 500 pages stay under 15 MB.
  const pageCache = new LruCache<string, string>(500)

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
    const notFound = () => renderNotFound(c, c.get('t')('error.territoryNotFound', { kind, code }))
    // Anonymous pages without an estimate are the same for every visitor: served from the cache
    // while the territory's declared figures have not changed (the key holds their last update,
    // read from the database, so several processes never serve a stale page for long).
    const cacheable =
      c.get('user') === null && query.value.agents === undefined && query.value.achats === undefined
    // What the territory has published shows on its page: the newest public version is part of the
    // key, so a publication or a withdrawal shows at once.
    const publication = await latestPublication(db, kind, code)
    let cacheKey: string | undefined
    if (cacheable) {
      const version = await territoryVersion(db, kind, code)
      if (!version) return notFound()
      const url = new URL(c.req.url)
      const referential = await currentReferential(db)
      // Today is in the key: a REEN milestone's state (due, overdue) moves with the date.
      cacheKey = `${c.get('locale')}|${version}|${referential.version}|${publication?.id ?? ''}|${todayInFrance()}|${url.pathname}${url.search}`
      const cached = pageCache.get(cacheKey)
      if (cached) return c.html(cached)
    }
    const profile = await getTerritoryProfile(db, kind, code, {
      membersPage: query.value.page,
      estimate: { agentsFte: query.value.agents, annualPurchasesEur: query.value.achats },
    })
    if (!profile) return notFound()
    // Where the territory stands against the REEN deadlines, from the dates it PUBLISHED (a draft
    // milestone never shows here), with the obligation as this page evaluates it.
    let reen: ReenStanding | undefined
    if (publication) {
      const content = await publishedContent(db, publication.id)
      const obligation = profile.obligations.find((status) => status.obligation.id === reenObligationId)
      reen = reenStandingOf(obligation, content?.milestones ?? [])
    }
    const response = await c.render(
      <TerritoryPage c={c} profile={profile} publication={publication} reen={reen} />,
      {
        title: profile.territory.name,
        section: 'territories',
      },
    )
    if (cacheKey) pageCache.set(cacheKey, await response.clone().text())
    return response
  })

  return routes
}
