import { type Context, Hono } from 'hono'
import type { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { type ParameterProblem, parseQuery } from '../../lib/parse-query.js'
import { foldForSearch } from '../../lib/text.js'
import { apiError, invalidParameters } from '../api/api-errors.js'
import type { ApiOperation } from '../api/api-operations.js'
import { getTerritoryProfile } from './get-territory-profile.js'
import {
  apiSearchQuerySchema,
  apiTerritoryPathSchema,
  apiTerritoryQuerySchema,
  searchResponseSchema,
  territoryResponseSchema,
  type territorySummarySchema,
} from './territories.api-schemas.js'
import { searchTerritories, type TerritorySummary } from './territories.queries.js'
import { minimumQueryLength, searchPageSize } from './territories.schemas.js'

export const territoriesApiOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/territories',
    operationId: 'searchTerritories',
    summary: 'Search territories by name, INSEE code, SIREN or postcode',
    tags: ['territories'],
    queryParameters: apiSearchQuerySchema,
    response: searchResponseSchema,
    errors: [{ status: 400, description: 'missing_parameter, query_too_short or invalid_parameter' }],
  },
  {
    method: 'get',
    path: '/api/v1/territories/{kind}/{code}',
    operationId: 'getTerritory',
    summary: 'Profile of a territory, its parents and the legal obligations that apply to it',
    tags: ['territories'],
    pathParameters: apiTerritoryPathSchema,
    queryParameters: apiTerritoryQuerySchema,
    response: territoryResponseSchema,
    errors: [
      { status: 400, description: 'invalid_parameter' },
      { status: 404, description: 'not_found' },
    ],
  },
]

const apiUrl = (territory: { kind: string; code: string }) =>
  `/api/v1/territories/${territory.kind}/${encodeURIComponent(territory.code)}`

function toApiSummary(territory: TerritorySummary): z.infer<typeof territorySummarySchema> {
  return {
    kind: territory.kind,
    code: territory.code,
    name: territory.name,
    nature: territory.nature,
    population: { total: territory.populationTotal, municipal: territory.populationMunicipal },
    isDemo: territory.isDemo,
    url: apiUrl(territory),
  }
}

/** The public, read-only territories API (the open data starts here). */
export function territoriesApi({ db }: AppDependencies) {
  const api = new Hono<AppEnv>()
  const invalid = (c: Context<AppEnv>, problems: ParameterProblem[]) => {
    const missing = problems.some(
      (problem) => problem.issue.code === 'invalid_type' && problem.issue.input === undefined,
    )
    return invalidParameters(c, problems, missing ? 'missing_parameter' : 'invalid_parameter')
  }

  api.get('/territories', async (c) => {
    const parsed = parseQuery(apiSearchQuerySchema, c.req.query())
    if (!parsed.ok) return invalid(c, parsed.problems)
    const { q, kind, page } = parsed.value
    const folded = foldForSearch(q)
    if (folded.length < minimumQueryLength) {
      return apiError(
        c,
        400,
        'query_too_short',
        `The query must hold at least ${minimumQueryLength} letters or digits`,
        [{ name: 'q', message: c.get('t')('search.tooShort') }],
      )
    }
    const results = await searchTerritories(db, { folded, kind, page, pageSize: searchPageSize })
    const body: z.infer<typeof searchResponseSchema> = {
      query: q,
      ...results,
      items: results.items.map(toApiSummary),
    }
    return c.json(body)
  })

  api.get('/territories/:kind/:code', async (c) => {
    const path = parseQuery(apiTerritoryPathSchema, c.req.param())
    if (!path.ok) return apiError(c, 404, 'not_found', 'No such territory')
    const query = parseQuery(apiTerritoryQuerySchema, c.req.query())
    if (!query.ok) return invalid(c, query.problems)
    const { kind, code } = path.value
    const profile = await getTerritoryProfile(db, kind, code, {
      membersPage: 1,
      estimate: { agentsFte: query.value.agents, annualPurchasesEur: query.value.purchases },
    })
    if (!profile) return apiError(c, 404, 'not_found', `No territory of kind ${kind} with code ${code}`)
    const { territory } = profile
    const body: z.infer<typeof territoryResponseSchema> = {
      kind: territory.kind,
      code: territory.code,
      name: territory.name,
      nature: territory.nature,
      siren: territory.siren,
      isDemo: territory.is_demo === 1,
      population: {
        total: territory.population_total,
        municipal: territory.population_municipal,
        source: territory.population_source,
        vintage: territory.population_vintage,
      },
      postcodes: territory.postcodes ? territory.postcodes.split(' ') : [],
      datasetVintage: territory.dataset_vintage,
      parents: [...profile.parents, ...profile.memberDepartements].map(toApiSummary),
      membersCount: profile.members.total,
      declared: profile.declared,
      usedForObligations: { ...profile.used, estimated: profile.simulated },
      obligations: profile.obligations.map((status) => ({
        id: status.obligation.id,
        title: status.obligation.title,
        titleEn: status.obligation.titleEn,
        legalRef: status.obligation.legalRef,
        appliesTo: status.obligation.appliesTo,
        deadline: status.obligation.deadline,
        milestones: status.obligation.milestones ?? [],
        target: status.obligation.target,
        status: status.status,
        missing: status.missing,
        populationBasis: status.populationBasis,
        note: status.note,
        checks: status.checks,
      })),
    }
    return c.json(body)
  })

  return api
}
