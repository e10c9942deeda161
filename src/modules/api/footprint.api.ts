import { Hono } from 'hono'
import type { z } from 'zod'
import type { AppDependencies } from '../../app-env.js'
import { parseQuery } from '../../lib/parse-query.js'
import { type ApiTokenEnv, bearerAuth } from '../api-tokens/bearer-auth.middleware.js'
import type { CriterionFigures, FootprintGroup, FootprintResult } from '../footprint/compute-footprint.js'
import { computeWorkspaceFootprint } from '../footprint/workspace-footprint.js'
import { invalidParameters } from './api-errors.js'
import type { ApiOperation } from './api-operations.js'
import {
  footprintQuerySchema,
  frozenResultsSchema,
  workspaceFootprintSchema,
  workspacePathSchema,
} from './footprint.api-schemas.js'

/** The authenticated part of the API lives under this prefix: private, never shared across origins. */
export const workspaceApiPrefix = '/api/v1/workspaces/'

const tokenErrors = [
  { status: 401, description: 'missing_token or invalid_token (unknown or revoked)' },
  { status: 404, description: 'not_found: not the token’s workspace' },
]

export const footprintApiOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/workspaces/{workspaceId}/footprint',
    operationId: 'getWorkspaceFootprint',
    summary: 'A year’s footprint of the workspace’s IT estate, computed from its inventory',
    tags: ['footprint'],
    security: 'bearer',
    pathParameters: workspacePathSchema,
    queryParameters: footprintQuerySchema,
    response: workspaceFootprintSchema,
    errors: [{ status: 400, description: 'invalid_parameter (year, method)' }, ...tokenErrors],
  },
  {
    method: 'get',
    path: '/api/v1/workspaces/{workspaceId}/footprint/results',
    operationId: 'listFrozenFootprintResults',
    summary: 'The workspace’s frozen yearly footprint results, newest first',
    tags: ['footprint'],
    security: 'bearer',
    pathParameters: workspacePathSchema,
    response: frozenResultsSchema,
    errors: tokenErrors,
  },
]

type Figures = z.infer<typeof workspaceFootprintSchema>['totals']

/** Per criterion: the phases' values (null: not available) with the criterion's unit, as the CLI. */
function figuresOf(
  result: Pick<FootprintResult, 'criteria'>,
  impacts: Record<string, CriterionFigures>,
): Figures {
  return Object.fromEntries(
    result.criteria.map((criterion) => {
      const figures = impacts[criterion.id]
      const phaseValue = (phase: keyof CriterionFigures) => figures?.[phase].value ?? null
      return [
        criterion.id,
        {
          unit: criterion.unit,
          manufacturing: phaseValue('manufacturing'),
          distribution: phaseValue('distribution'),
          use: phaseValue('use'),
          endOfLife: phaseValue('endOfLife'),
          total: phaseValue('total'),
          unavailableQuantity: figures?.total.unavailableQuantity ?? 0,
        },
      ]
    }),
  )
}

/** The engine's result as the API gives it: the CLI's --json shape where they overlap. */
export function footprintBody(
  workspaceId: number,
  result: FootprintResult,
): z.infer<typeof workspaceFootprintSchema> {
  const group = (line: FootprintGroup) => ({
    key: line.key,
    items: line.items,
    quantity: line.quantity,
    impacts: figuresOf(result, line.impacts),
  })
  return {
    workspaceId,
    method: result.method,
    year: result.year,
    factorBase: { id: result.base.id, version: result.base.version, title: result.base.title },
    criteria: result.criteria.map((criterion) => ({
      id: criterion.id,
      label: criterion.label,
      unit: criterion.unit,
    })),
    counted: result.counted,
    excluded: result.excluded,
    totals: figuresOf(result, result.total.impacts),
    byType: Object.fromEntries(
      result.byType.map((line) => [
        line.key ?? 'unknown',
        { items: line.items, quantity: line.quantity, ...figuresOf(result, line.impacts) },
      ]),
      // Counts and criteria share one object, as in the CLI: TypeScript cannot type that mix.
    ) as z.infer<typeof workspaceFootprintSchema>['byType'],
    bySite: result.bySite.map(group),
    byService: result.byService.map(group),
    byTag: result.byTag.map(group),
    perAgent: result.perAgent,
    perInhabitant: result.perInhabitant,
    flags: result.flags.map((flag) => ({
      code: flag.code,
      items: flag.items,
      quantity: flag.quantity,
      values: flag.values,
    })),
  }
}

/** A workspace's footprint for the tools of its territory, behind an API token (bearerAuth). */
export function footprintApi(deps: AppDependencies) {
  const { db } = deps
  const api = new Hono<ApiTokenEnv>()
  api.use('/workspaces/:workspaceId/*', bearerAuth(deps))

  api.get('/workspaces/:workspaceId/footprint', async (c) => {
    const query = parseQuery(footprintQuerySchema, c.req.query())
    if (!query.ok) return invalidParameters(c, query.problems)
    const { workspaceId } = c.get('apiToken')
    const result = await computeWorkspaceFootprint(db, workspaceId, {
      year: query.value.year ?? new Date().getUTCFullYear(),
      ...(query.value.method ? { method: query.value.method } : {}),
    })
    return c.json(footprintBody(workspaceId, result))
  })

  api.get('/workspaces/:workspaceId/footprint/results', async (c) => {
    const { workspaceId } = c.get('apiToken')
    const rows = await db
      .selectFrom('footprint_results')
      .select(['year', 'method', 'base_id', 'base_version', 'content', 'created_at'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('year', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
    const body: z.infer<typeof frozenResultsSchema> = {
      workspaceId,
      results: rows.map((row) => {
        // The frozen content is the engine's FootprintResult as it was computed then.
        const frozen = JSON.parse(row.content) as FootprintResult
        return {
          year: row.year,
          method: row.method,
          factorBase: { id: row.base_id, version: row.base_version },
          createdAt: row.created_at,
          totals: figuresOf(frozen, frozen.total.impacts),
        }
      }),
    }
    return c.json(body)
  })
  return api
}
