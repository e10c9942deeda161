import { Hono } from 'hono'
import type { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { parseQuery } from '../../lib/parse-query.js'
import { publicStrategyPath, publishedDocumentPath } from '../strategy/publication/public-strategy.schemas.js'
import {
  latestVersion,
  publishedContent,
  territoryPublications,
} from '../strategy/publication/published-strategy.queries.js'
import { apiTerritoryPathSchema } from '../territories/territories.api-schemas.js'
import { apiError, invalidParameters } from './api-errors.js'
import type { ApiOperation } from './api-operations.js'
import { territoryStrategySchema } from './strategy.api-schemas.js'

export const strategyApiOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/territories/{kind}/{code}/strategy',
    operationId: 'getTerritoryStrategy',
    summary:
      'What a territory has published of its responsible digital strategy: documents, objectives with their progress, public actions, REEN milestones',
    tags: ['strategy'],
    pathParameters: apiTerritoryPathSchema,
    response: territoryStrategySchema,
    errors: [
      { status: 400, description: 'invalid_parameter: an unknown kind or a malformed code' },
      { status: 404, description: 'not_found: no such territory' },
    ],
  },
]

/**
 * Same for every client and cookie-free: shared caches may keep it, for a minute only, so that a
 * withdrawn version does not linger.
 */
const strategyApiCache = 'public, max-age=60'

/**
 * The open strategy data: only what was published (frozen snapshots, never the live tables), the
 * same rows and the same choice of snapshot as the public page.
 */
export function strategyApi({ db }: AppDependencies) {
  const api = new Hono<AppEnv>()

  api.get('/territories/:kind/:code/strategy', async (c) => {
    const path = parseQuery(apiTerritoryPathSchema, c.req.param())
    if (!path.ok) return invalidParameters(c, path.problems)
    const { kind, code } = path.value
    const publications = await territoryPublications(db, kind, code)
    if (!publications) return apiError(c, 404, 'not_found', `No territory of kind ${kind} with code ${code}`)
    const { territory, versions } = publications
    const latest = latestVersion(versions)
    const content = latest ? await publishedContent(db, latest.id) : null
    const body: z.infer<typeof territoryStrategySchema> = {
      territory: {
        kind: territory.kind,
        code: territory.code,
        name: territory.name,
        url: `/api/v1/territories/${territory.kind}/${encodeURIComponent(territory.code)}`,
        pageUrl: publicStrategyPath(territory),
      },
      published: versions.length > 0,
      documents: versions.map((version) => {
        const htmlUrl = publishedDocumentPath(territory, version.id)
        return { ...version, htmlUrl, pdfUrl: `${htmlUrl}/pdf` }
      }),
      source: latest
        ? {
            documentId: latest.id,
            kind: latest.kind,
            version: latest.version,
            publishedAt: latest.publishedAt,
          }
        : null,
      objectives: content?.objectives ?? [],
      actions: content?.actions ?? [],
      milestones: content?.milestones ?? [],
    }
    c.header('cache-control', strategyApiCache)
    return c.json(body)
  })

  return api
}
