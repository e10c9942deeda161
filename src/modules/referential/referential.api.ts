import { type Context, Hono } from 'hono'
import type { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { parseQuery } from '../../lib/parse-query.js'
import { apiError } from '../api/api-errors.js'
import type { ApiOperation } from '../api/api-operations.js'
import {
  apiReferentialPathSchema,
  referentialResponseSchema,
  referentialVersionsResponseSchema,
} from './referential.api-schemas.js'
import { currentReferential, listReferentialVersions, readPublishedVersion } from './referential.store.js'

export const referentialApiOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/referential',
    operationId: 'getCurrentReferential',
    summary: 'The referential in force (the latest published version): commitments, questions, indicators',
    tags: ['referential'],
    response: referentialResponseSchema,
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/referential/versions',
    operationId: 'listReferentialVersions',
    summary: 'Every published version of the referential, the latest first',
    tags: ['referential'],
    response: referentialVersionsResponseSchema,
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/referential/{version}',
    operationId: 'getReferential',
    summary: 'One published version of the referential, as published (versions never change)',
    tags: ['referential'],
    pathParameters: apiReferentialPathSchema,
    response: referentialResponseSchema,
    errors: [{ status: 404, description: 'not_found' }],
  },
]

const versionUrl = (version: string) => `/api/v1/referential/${encodeURIComponent(version)}`

/** The public, read-only referential API. */
export function referentialApi({ db }: AppDependencies) {
  const api = new Hono<AppEnv>()

  /** The stored JSON with its publication date; the text is parsed, never re-validated or rebuilt. */
  const versionBody = async (c: Context<AppEnv>, version: string) => {
    const published = await readPublishedVersion(db, version)
    if (!published) return apiError(c, 404, 'not_found', `No published referential version ${version}`)
    const body = { ...JSON.parse(published.content), publishedAt: published.publishedAt } as z.infer<
      typeof referentialResponseSchema
    >
    return c.json(body)
  }

  api.get('/referential', async (c) => versionBody(c, (await currentReferential(db)).version))

  api.get('/referential/versions', async (c) => {
    const versions = await listReferentialVersions(db)
    const body: z.infer<typeof referentialVersionsResponseSchema> = {
      current: (await currentReferential(db)).version,
      items: versions.map((version) => ({ ...version, url: versionUrl(version.version) })),
    }
    return c.json(body)
  })

  api.get('/referential/:version', async (c) => {
    const path = parseQuery(apiReferentialPathSchema, c.req.param())
    if (!path.ok) return apiError(c, 404, 'not_found', 'No such referential version')
    const response = await versionBody(c, path.value.version)
    // A published version is immutable: clients and proxies may keep it.
    if (response.status === 200) response.headers.set('cache-control', 'public, max-age=86400')
    return response
  })

  return api
}
