import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'

describe.each(testDialects())('territories API on %s', (dialect) => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const json = async (path: string) => {
    const response = await test.get(path)
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.json(),
    }
  }

  it('searches with the same ranking as the pages, paginated', async () => {
    const { status, body } = await json('/api/v1/territories?q=marseille')
    expect(status).toBe(200)
    expect(body.items[0]).toMatchObject({ kind: 'commune', code: '13055', name: 'Marseille' })
    expect(body.items[0].population).toEqual({ total: 883_466, municipal: 886_040 })
    expect(body.items[0].url).toBe('/api/v1/territories/commune/13055')
    expect(body).toMatchObject({ page: 1, pageSize: 20 })
    expect(body.total).toBeGreaterThan(1)
  })

  it('filters by kind', async () => {
    const { body } = await json('/api/v1/territories?q=13&kind=departement')
    expect(body.items.map((item: { code: string }) => item.code)).toEqual(['13'])
  })

  it('returns the profile, parents, member count and obligations with their reasons', async () => {
    const { status, body } = await json('/api/v1/territories/epci/200054807')
    expect(status).toBe(200)
    expect(body).toMatchObject({ kind: 'epci', nature: 'METRO', membersCount: 90, isDemo: false })
    expect(body.population.source).toContain('DGCL')
    const reen = body.obligations.find((obligation: { id: string }) => obligation.id === 'reen_strategie')
    expect(reen).toMatchObject({ status: 'applies', populationBasis: 'total', deadline: '2025-01-01' })
    expect(reen.checks.map((check: { criterion: string }) => check.criterion)).toEqual(['kind', 'population'])
    const openData = body.obligations.find(
      (obligation: { id: string }) => obligation.id === 'open_data_defaut',
    )
    expect(openData).toMatchObject({ status: 'to_confirm', missing: ['agents'] })
  })

  it('recomputes the obligations with estimated figures, and says it did', async () => {
    const { body } = await json('/api/v1/territories/epci/200054807?agents=5000&purchases=80000000')
    expect(body.usedForObligations).toEqual({
      agentsFte: 5000,
      annualPurchasesEur: 80_000_000,
      estimated: true,
    })
    const spaser = body.obligations.find((obligation: { id: string }) => obligation.id === 'spaser')
    expect(spaser.status).toBe('applies')
  })

  it('answers errors as JSON with a stable code and the parameter at fault', async () => {
    const missing = await json('/api/v1/territories')
    expect(missing).toMatchObject({ status: 400, body: { error: { code: 'missing_parameter' } } })
    expect(missing.body.error.parameters[0].name).toBe('q')
    const short = await json('/api/v1/territories?q=a')
    expect(short).toMatchObject({ status: 400, body: { error: { code: 'query_too_short' } } })
    const badPage = await json('/api/v1/territories?q=lyon&page=0')
    expect(badPage).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter' } } })
    expect(badPage.body.error.parameters[0].name).toBe('page')
    const badEstimate = await json('/api/v1/territories/commune/13055?agents=-3')
    expect(badEstimate.body.error.parameters[0].name).toBe('agents')
    const unknown = await json('/api/v1/territories/commune/99999')
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } })
    const unknownKind = await json('/api/v1/territories/planete/13')
    expect(unknownKind).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } })
    const noRoute = await json('/api/v1/nothing-here')
    expect(noRoute).toMatchObject({ status: 404, type: expect.stringContaining('application/json') })
  })

  it('publishes an OpenAPI 3.1 document generated from the same schemas', async () => {
    const { status, body } = await json('/api/v1/openapi.json')
    expect(status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths).filter((path) => path.startsWith('/api/v1/territories'))).toEqual([
      '/api/v1/territories',
      '/api/v1/territories/{kind}/{code}',
      '/api/v1/territories/{kind}/{code}/strategy',
    ])
    const search = body.paths['/api/v1/territories'].get
    expect(search.parameters.map((parameter: { name: string }) => parameter.name)).toEqual([
      'q',
      'kind',
      'page',
    ])
    expect(search.parameters[0].required).toBe(true)
    expect(search.parameters[1].schema.enum).toContain('special')
    expect(search.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/TerritorySearch',
    )
    expect(body.components.schemas.Territory.properties.obligations).toBeDefined()
    expect(body.components.schemas.Error.properties.error.properties.code.enum).toContain('query_too_short')
  })
})
