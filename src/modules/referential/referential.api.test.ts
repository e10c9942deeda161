import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import { readBundledReferentials } from './bundled-referentials.js'
import { referentialResponseSchema, referentialVersionsResponseSchema } from './referential.api-schemas.js'

const bundled = readBundledReferentials().at(-1)
if (!bundled) throw new Error('a referential is bundled')

describe.each(testDialects())('referential API on %s', (dialect) => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const json = async (path: string) => {
    const response = await test.get(path)
    return { status: response.status, headers: response.headers, body: await response.json() }
  }

  it('returns the current version as published, with its publication date, and sets no cookie', async () => {
    const { status, headers, body } = await json('/api/v1/referential')
    expect(status).toBe(200)
    expect(headers.get('set-cookie')).toBeNull()
    expect(headers.get('access-control-allow-origin')).toBe('*')
    const { publishedAt, ...referential } = body
    expect(referential).toEqual(JSON.parse(JSON.stringify(bundled)))
    expect(new Date(publishedAt).toISOString()).toBe(publishedAt)
    // The body matches the schema the OpenAPI document describes.
    expect(referentialResponseSchema.safeParse(body).success).toBe(true)
  })

  it('returns a given version, which clients may keep', async () => {
    const { status, headers, body } = await json(`/api/v1/referential/${bundled.version}`)
    expect(status).toBe(200)
    expect(body.version).toBe(bundled.version)
    expect(body.ambitions[0].commitments[0].questions[0].id).toBe('A1.E1.Q1')
    expect(headers.get('cache-control')).toBe('public, max-age=86400')
  })

  it('answers an unknown version with a 404 and the stable not_found code', async () => {
    for (const path of ['/api/v1/referential/1999.9', '/api/v1/referential/not%20a%20version']) {
      const { status, body } = await json(path)
      expect(status, path).toBe(404)
      expect(body.error.code).toBe('not_found')
    }
  })

  it('lists the published versions, the current one named', async () => {
    const { status, body } = await json('/api/v1/referential/versions')
    expect(status).toBe(200)
    expect(referentialVersionsResponseSchema.safeParse(body).success).toBe(true)
    expect(body.current).toBe(bundled.version)
    expect(body.items).toEqual([
      expect.objectContaining({
        version: bundled.version,
        title: bundled.title,
        origin: 'bundled',
        url: `/api/v1/referential/${bundled.version}`,
      }),
    ])
  })

  it('documents the routes and their response schemas in the OpenAPI document', async () => {
    const { body } = await json('/api/v1/openapi.json')
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/referential',
        '/api/v1/referential/versions',
        '/api/v1/referential/{version}',
      ]),
    )
    const one = body.paths['/api/v1/referential/{version}'].get
    expect(one.operationId).toBe('getReferential')
    expect(
      one.parameters.map((parameter: { name: string; in: string }) => [parameter.name, parameter.in]),
    ).toEqual([['version', 'path']])
    expect(one.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Referential',
    )
    expect(one.responses['404'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error')
    expect(
      body.paths['/api/v1/referential/versions'].get.responses['200'].content['application/json'].schema.$ref,
    ).toBe('#/components/schemas/ReferentialVersions')
    const schema = body.components.schemas.Referential
    expect(schema.properties.publishedAt).toBeDefined()
    expect(schema.properties.ambitions.type).toBe('array')
    expect(schema.required).toEqual(
      expect.arrayContaining(['version', 'ambitions', 'obligations', 'publishedAt']),
    )
  })
})
