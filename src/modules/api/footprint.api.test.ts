import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { footprintJson } from '../../cli/footprint.js'
import { inventoryItem } from '../../test-support/inventory-items.js'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import { insertTestWorkspace } from '../../test-support/test-workspaces.js'
import { createApiToken } from '../api-tokens/api-tokens.store.js'
import { computeWorkspaceFootprint } from '../footprint/workspace-footprint.js'
import { insertItems } from '../inventory/inventory.queries.js'

describe.each(testDialects())('workspace footprint API on %s', (dialect) => {
  let test: TestApp
  let workspaceId: number
  let token: string
  const path = () => `/api/v1/workspaces/${workspaceId}/footprint`
  const get = (url: string, given = token) =>
    test.app.request(url, { headers: { authorization: `Bearer ${given}` } })

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const { db } = test.database
    ;({ workspaceId } = await insertTestWorkspace(db, { population: 20_000, agents: 250 }))
    await insertItems(db, workspaceId, [
      inventoryItem({
        purchaseDate: '2020-01-01',
        retirementDate: '2025-01-01',
        site: 'Mairie',
        tags: ['école'],
      }),
      inventoryItem({ type: 'monitor', quantity: 3, purchaseDate: '2024-03-01', service: 'Finances' }),
      inventoryItem({
        type: 'smartphone',
        condition: 'refurbished',
        purchaseDate: '2024-06-01',
        country: 'ZZ',
      }),
      inventoryItem({ type: 'other', site: 'Mairie' }),
      inventoryItem({ type: 'server', datacenter: 'DC-Inconnu', purchaseDate: '2023-01-01' }),
      inventoryItem({ status: 'retired' }),
      inventoryItem({ purchaseDate: '2026-02-01' }),
    ])
    ;({ token } = await createApiToken(db, { workspaceId, name: 'test', actorId: null }))
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('gives the engine’s footprint of the stored inventory, in the CLI’s JSON shape', async () => {
    const response = await get(`${path()}?year=2024&method=stock`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    const body = await response.json()
    const result = await computeWorkspaceFootprint(test.database.db, workspaceId, {
      year: 2024,
      method: 'stock',
    })
    // Where the CLI's --json and the API overlap, they agree.
    const cli = footprintJson(result, result.counted.items, [])
    expect(body).toMatchObject({
      workspaceId,
      method: cli.method,
      year: cli.year,
      factorBase: cli.factorBase,
      counted: cli.counted,
      excluded: cli.excluded,
      totals: cli.totals,
      byType: cli.byType,
      flags: cli.flags,
    })
    expect(body.factorBase).toEqual({
      id: 'ademe-negaoctet-2022',
      version: '2022.1',
      title: result.base.title,
    })
    expect(body.totals.climate.total).toBeCloseTo(result.total.impacts.climate?.total.value as number, 9)
    expect(body.totals.climate.unavailableQuantity).toBe(
      result.total.impacts.climate?.total.unavailableQuantity,
    )
    expect(body.totals.water.use).toBeNull()
    expect(body.bySite.map((group: { key: string | null }) => group.key)).toEqual(['Mairie', null])
    expect(body.byService.map((group: { key: string | null }) => group.key)).toEqual(['Finances', null])
    expect(body.byTag[0]).toMatchObject({ key: 'école', items: 1, quantity: 1 })
    expect(body.perAgent).toEqual(result.perAgent)
    expect(body.perInhabitant.count).toBe(20_000)
    expect(body.flags.map((flag: { code: string }) => flag.code).sort()).toEqual(
      ['noFactor', 'retiredWithoutDate', 'unknownCountry', 'unknownDatacenter'].sort(),
    )
    expect(body.flags.find((flag: { code: string }) => flag.code === 'unknownCountry').values).toEqual(['ZZ'])
    expect(body.excluded).toMatchObject({ boughtAfter: 1, retiredWithoutDate: 1 })
  })

  it('uses the workspace’s method by default and the flux method when asked', async () => {
    const flux = await (await get(`${path()}?year=2024&method=flux`)).json()
    const result = await computeWorkspaceFootprint(test.database.db, workspaceId, {
      year: 2024,
      method: 'flux',
    })
    expect(flux.method).toBe('flux')
    expect(flux.totals.climate.total).toBeCloseTo(result.total.impacts.climate?.total.value as number, 9)
    const byDefault = await (await get(`${path()}?year=2024`)).json()
    expect(byDefault.method).toBe('stock')
    const thisYear = await (await get(path())).json()
    expect(thisYear.year).toBe(new Date().getUTCFullYear())
  })

  it('names the bad parameter in a 400', async () => {
    for (const [query, name] of [
      ['year=24', 'year'],
      ['year=abc', 'year'],
      ['year=2024.5', 'year'],
      ['method=both', 'method'],
    ]) {
      const response = await get(`${path()}?${query}`)
      expect(response.status, query).toBe(400)
      const body = await response.json()
      expect(body.error.code).toBe('invalid_parameter')
      expect(body.error.parameters[0].name).toBe(name)
    }
  })

  it('lists the frozen yearly results with their base and totals', async () => {
    const empty = await (await get(`${path()}/results`)).json()
    expect(empty).toEqual({ workspaceId, results: [] })
    const result = await computeWorkspaceFootprint(test.database.db, workspaceId, {
      year: 2024,
      method: 'stock',
    })
    await test.database.db
      .insertInto('footprint_results')
      .values({
        workspace_id: workspaceId,
        year: 2024,
        method: 'stock',
        base_id: result.base.id,
        base_version: result.base.version,
        content: JSON.stringify(result),
        created_at: '2025-01-15T10:00:00.000Z',
        created_by: null,
      })
      .execute()
    const response = await get(`${path()}/results`)
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    const body = await response.json()
    expect(body.results).toHaveLength(1)
    expect(body.results[0]).toMatchObject({
      year: 2024,
      method: 'stock',
      factorBase: { id: 'ademe-negaoctet-2022', version: '2022.1' },
      createdAt: '2025-01-15T10:00:00.000Z',
    })
    expect(body.results[0].totals.climate.total).toBeCloseTo(
      result.total.impacts.climate?.total.value as number,
      9,
    )
    expect((await test.app.request(`${path()}/results`)).status).toBe(401)
  })

  it('documents both operations with the bearer scheme, the open ones without', async () => {
    const response = await test.app.request('/api/v1/openapi.json')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const document = await response.json()
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' })
    const footprint = document.paths['/api/v1/workspaces/{workspaceId}/footprint'].get
    expect(footprint.security).toEqual([{ bearerAuth: [] }])
    expect(footprint.parameters.map((parameter: { name: string }) => parameter.name)).toEqual([
      'workspaceId',
      'year',
      'method',
    ])
    expect(footprint.responses['401']).toBeDefined()
    expect(footprint.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/WorkspaceFootprint',
    )
    const results = document.paths['/api/v1/workspaces/{workspaceId}/footprint/results'].get
    expect(results.security).toEqual([{ bearerAuth: [] }])
    expect(document.components.schemas.FrozenFootprintResults).toBeDefined()
    expect(document.security).toBeUndefined()
    expect(document.paths['/api/v1/territories'].get.security).toBeUndefined()
    // The open API keeps its CORS header.
    const open = await test.app.request('/api/v1/territories?q=lyon')
    expect(open.headers.get('access-control-allow-origin')).toBe('*')
  })
})
