import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import {
  insertPublishedDocument,
  testAction,
  testSnapshot,
  workspaceOf,
} from '../strategy/publication/test-publications.js'
import { insertAction } from '../strategy/test-strategy-data.js'

const lyon = { kind: 'commune', code: '69123', name: 'Lyon', population: 522_250 } as const
const path = '/api/v1/territories/commune/69123/strategy'

describe.each(testDialects())('territory strategy API on %s', (dialect) => {
  let test: TestApp
  let workspaceId: number
  beforeAll(async () => {
    test = await startTestApp(dialect)
    ;({ workspaceId } = await workspaceOf(test.database.db, lyon))
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const json = async (url: string) => {
    const response = await test.get(url)
    return { response, body: await response.json() }
  }

  it('says when nothing is published, with empty lists', async () => {
    const { response, body } = await json(path)
    expect(response.status).toBe(200)
    expect(body).toEqual({
      territory: {
        kind: 'commune',
        code: '69123',
        name: 'Lyon',
        url: '/api/v1/territories/commune/69123',
        pageUrl: '/territoires/commune/69123/strategie',
      },
      published: false,
      documents: [],
      source: null,
      objectives: [],
      actions: [],
      milestones: [],
    })
  })

  it('gives the published versions and the newest one’s objectives, public actions and milestones', async () => {
    const { db } = test.database
    const snapshot = testSnapshot(lyon)
    const firstId = await insertPublishedDocument(db, {
      workspaceId,
      kind: 'programme_travail',
      title: 'Programme de travail 2023',
      year: 2023,
      snapshot: testSnapshot(lyon, { actions: [testAction(9, { title: 'Action du programme' })] }),
      publishedAt: '2023-03-20T10:00:00.000Z',
    })
    // A field the public must not see, left in a snapshot by mistake, is dropped.
    const leaky = {
      ...snapshot,
      actions: snapshot.actions.map((action) => ({ ...action, ownerEmail: 'x@y.fr' })),
    }
    const secondId = await insertPublishedDocument(db, {
      workspaceId,
      version: 1,
      title: 'Stratégie 2025',
      snapshot: JSON.stringify(leaky),
      publishedAt: '2025-06-30T10:00:00.000Z',
    })
    const { response, body } = await json(path)
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('cache-control')).toBe('public, max-age=60')
    expect(body.published).toBe(true)
    expect(body.documents).toEqual([
      {
        id: secondId,
        kind: 'strategie',
        version: 1,
        year: 2025,
        title: 'Stratégie 2025',
        publishedAt: '2025-06-30T10:00:00.000Z',
        htmlUrl: `/territoires/commune/69123/strategie/documents/${secondId}`,
        pdfUrl: `/territoires/commune/69123/strategie/documents/${secondId}/pdf`,
      },
      expect.objectContaining({ id: firstId, kind: 'programme_travail', title: 'Programme de travail 2023' }),
    ])
    expect(body.source).toEqual({
      documentId: secondId,
      kind: 'strategie',
      version: 1,
      publishedAt: '2025-06-30T10:00:00.000Z',
    })
    expect(body.objectives).toEqual(snapshot.objectives)
    expect(body.actions).toEqual(snapshot.actions)
    expect(JSON.stringify(body)).not.toContain('ownerEmail')
    expect(body.milestones).toEqual(snapshot.milestones)

    // Withdrawn: gone from the list, and the version before speaks again.
    await db
      .updateTable('strategy_documents')
      .set({ withdrawn_at: new Date().toISOString() })
      .where('id', '=', secondId)
      .execute()
    const after = (await json(path)).body
    expect(after.documents.map((document: { id: number }) => document.id)).toEqual([firstId])
    expect(after.source.documentId).toBe(firstId)
    expect(after.actions.map((action: { title: string }) => action.title)).toEqual(['Action du programme'])
  })

  it('never reads the live tables: an internal action added since is not there', async () => {
    await insertAction(test.database.db, workspaceId, { title: 'Action interne', isPublic: false })
    expect(JSON.stringify((await json(path)).body)).not.toContain('Action interne')
  })

  it('answers 404 for an unknown territory and 400 naming a bad kind or code', async () => {
    const unknown = await json('/api/v1/territories/commune/99999/strategy')
    expect(unknown.response.status).toBe(404)
    expect(unknown.body.error.code).toBe('not_found')
    const badKind = await json('/api/v1/territories/canton/69123/strategy')
    expect(badKind.response.status).toBe(400)
    expect(badKind.body.error.code).toBe('invalid_parameter')
    expect(badKind.body.error.parameters[0].name).toBe('kind')
    const badCode = await json('/api/v1/territories/commune/69_123/strategy')
    expect(badCode.response.status).toBe(400)
    expect(badCode.body.error.parameters[0].name).toBe('code')
  })

  it('is documented in the OpenAPI document, open (no token)', async () => {
    const document = (await json('/api/v1/openapi.json')).body
    const operation = document.paths['/api/v1/territories/{kind}/{code}/strategy'].get
    expect(operation.operationId).toBe('getTerritoryStrategy')
    expect(operation.security).toBeUndefined()
    expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toEqual([
      'kind',
      'code',
    ])
    expect(operation.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/TerritoryStrategy',
    )
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '404'])
    for (const name of [
      'TerritoryStrategy',
      'PublishedStrategyDocument',
      'PublishedObjective',
      'PublishedAction',
    ])
      expect(document.components.schemas[name], name).toBeDefined()
    expect(document.components.schemas.PublishedAction.properties.status.enum).toContain('realisee')
  })
})
