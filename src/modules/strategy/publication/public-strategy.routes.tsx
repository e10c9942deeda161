import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { LruCache } from '../../../lib/lru-cache.js'
import { toPage } from '../../../lib/pagination.js'
import { parseQuery } from '../../../lib/parse-query.js'
import { withQuery } from '../../../ui/components.js'
import { renderBadRequest, renderNotFound } from '../../../ui/error-pages.js'
import { evaluateObligations } from '../../obligations/evaluate-obligations.js'
import type { Referential } from '../../referential/referential.schemas.js'
import { currentReferential } from '../../referential/referential.store.js'
import { territoryPathSchema } from '../../territories/territories.schemas.js'
import { storedDocumentPdf } from '../documents/document-pdf.js'
import { documentSlugs } from '../documents/document-sections.js'
import { standaloneDocumentCsp } from '../documents/standalone-documents.js'
import { reenObligationId } from '../milestones/reen-context.js'
import {
  publicActionsPageSize,
  publicObjectivesPageSize,
  publicStrategyPath,
  publicStrategyQuerySchema,
  publishedDocumentPath,
  publishedDocumentPathSchema,
} from './public-strategy.schemas.js'
import {
  latestVersion,
  type PublicTerritory,
  publishedContent,
  publishedDocument,
  territoryPublications,
} from './published-strategy.queries.js'
import { renderPdfUnavailable } from './views/pdf-unavailable.page.js'
import { PublicStrategyPage } from './views/public-strategy.page.js'

/**
 * A published document (HTML or PDF, the same in every language): private to the visitor's browser
 * and for one minute only, so a withdrawn version leaves the browsers of those who saw it within a
 * minute (it leaves the server at once).
 */
export const publicStrategyCacheControl = 'private, max-age=60'

/**
 * The page itself follows the language cookie and shows who is signed in: a browser must ask again
 * each time (a kept copy showed the French page after « English »). The server's own cache makes
 * asking again cheap.
 */
export const publicStrategyPageCacheControl = 'private, no-cache'

/** The REEN steps' legal deadlines, from the current referential's reen_strategie obligation. */
function reenDeadlines(referential: Referential): Map<string, string> {
  const reen = referential.obligations.find((obligation) => obligation.id === reenObligationId)
  return new Map((reen?.milestones ?? []).map((milestone) => [milestone.id, milestone.deadline]))
}

function obligationsOf(referential: Referential, territory: PublicTerritory) {
  return evaluateObligations(referential.obligations, {
    kind: territory.kind,
    populationTotal: territory.populationTotal,
    populationMunicipal: territory.populationMunicipal,
    agentsFte: territory.agentsFte,
    annualPurchasesEur: territory.annualPurchasesEur,
  })
}

const within = (page: number, total: number, pageSize: number) =>
  Math.min(page, Math.max(1, Math.ceil(total / pageSize)))

/** A territory's published strategy, for anyone, and its published documents: parse → act → render. */
export function publicStrategyRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  // Anonymous pages are the same for every visitor: kept while nothing they show has changed. The
  // key holds the public versions (read on every request: a withdrawal shows at once), the
  // territory's figures and the referential; about 40 kB a page, 200 pages stay under 10 MB.
  const pageCache = new LruCache<string, string>(200)

  routes.get('/territoires/:kind/:code/strategie', async (c) => {
    const path = parseQuery(territoryPathSchema, c.req.param())
    if (!path.ok) return renderNotFound(c)
    const query = parseQuery(publicStrategyQuerySchema, c.req.query())
    if (!query.ok) return renderBadRequest(c, query.problems)
    const { kind, code } = path.value
    const publications = await territoryPublications(db, kind, code)
    if (!publications) return renderNotFound(c, c.get('t')('error.territoryNotFound', { kind, code }))
    const { territory, versions } = publications
    const referential = await currentReferential(db)
    c.header('cache-control', publicStrategyPageCacheControl)
    let cacheKey: string | undefined
    if (c.get('user') === null) {
      const url = new URL(c.req.url)
      cacheKey = [
        c.get('locale'),
        territory.version,
        referential.version,
        versions.map((version) => version.id).join(','),
        url.pathname + url.search,
      ].join('|')
      const cached = pageCache.get(cacheKey)
      if (cached) return c.html(cached)
    }

    const latest = latestVersion(versions)
    const content = latest ? await publishedContent(db, latest.id) : null
    const objectives = content?.objectives ?? []
    const actions = content?.actions ?? []
    const objectivesPage = within(query.value.objectifs, objectives.length, publicObjectivesPageSize)
    const actionsPage = within(query.value.actions, actions.length, publicActionsPageSize)
    const slice = <T,>(items: T[], page: number, size: number) =>
      toPage(items.slice((page - 1) * size, page * size), page, size, items.length)
    const href = (pages: { objectifs: number; actions: number }, anchor: string) =>
      `${withQuery(publicStrategyPath(territory), {
        objectifs: pages.objectifs > 1 ? pages.objectifs : undefined,
        actions: pages.actions > 1 ? pages.actions : undefined,
      })}#${anchor}`
    const response = await c.render(
      <PublicStrategyPage
        c={c}
        view={{
          territory,
          versions,
          shown: latest ? { version: latest, content } : undefined,
          objectives: slice(objectives, objectivesPage, publicObjectivesPageSize),
          actions: slice(actions, actionsPage, publicActionsPageSize),
          deadlines: reenDeadlines(referential),
          obligations: obligationsOf(referential, territory),
          objectivesHref: (page) => href({ objectifs: page, actions: actionsPage }, 'objectifs'),
          actionsHref: (page) => href({ objectifs: objectivesPage, actions: page }, 'actions'),
        }}
      />,
      {
        title: c.get('t')('publicStrategy.pageTitle', { name: territory.name }),
        section: 'territories',
      },
    )
    if (cacheKey) pageCache.set(cacheKey, await response.clone().text())
    return response
  })

  /** The version as published, when it belongs to this territory and is still public. */
  const findDocument = async (c: Context<AppEnv>) => {
    const path = parseQuery(publishedDocumentPathSchema, c.req.param())
    if (!path.ok) return undefined
    const document = await publishedDocument(db, path.value, path.value.documentId)
    return document ? { path: path.value, document } : undefined
  }

  routes.get('/territoires/:kind/:code/strategie/documents/:documentId', async (c) => {
    const found = await findDocument(c)
    if (!found) return renderNotFound(c)
    // The stored HTML is the document exactly as published, outside the site's layout.
    return c.html(found.document.html, 200, {
      'cache-control': publicStrategyCacheControl,
      'content-security-policy': standaloneDocumentCsp,
    })
  })

  routes.get('/territoires/:kind/:code/strategie/documents/:documentId/pdf', async (c) => {
    const found = await findDocument(c)
    if (!found) return renderNotFound(c)
    const { document, path } = found
    const pdf = await storedDocumentPdf(deps, { id: document.id, html: document.html })
    if (pdf === 'unavailable')
      return renderPdfUnavailable(c, {
        title: document.title,
        version: document.version,
        htmlPath: publishedDocumentPath(path, document.id),
      })
    const fileName = `jalons-${documentSlugs[document.kind]}-${path.code}-v${document.version}.pdf`
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${fileName}"`,
      'cache-control': publicStrategyCacheControl,
    })
  })

  return routes
}
