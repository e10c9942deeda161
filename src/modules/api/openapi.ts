import { z } from 'zod'
import { apiErrorSchema } from './api-errors.js'
import type { ApiOperation } from './api-operations.js'

type JsonSchema = Record<string, unknown>

/** Schemas carrying a `.meta({ id })` become named components; the others are inlined. */
function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema
  delete json.$schema
  return json
}

function parametersOf(shape: z.ZodObject | undefined, location: 'path' | 'query') {
  if (!shape) return []
  return Object.entries(shape.shape).map(([name, field]) => {
    const schema = toSchema(field as z.ZodType, 'input')
    const description = (field as z.ZodType).description
    return {
      name,
      in: location,
      required: location === 'path' || !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema,
    }
  })
}

/**
 * Builds the OpenAPI 3.1 document from the operations' zod schemas: one source for code and docs.
 * Response schemas carry `.meta({ id })`, so they land in zod's global registry and become named
 * components that the responses point to.
 */
export function buildOpenApiDocument(operations: ApiOperation[], version: string) {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> }
  for (const schema of Object.values(schemas)) delete schema.$schema
  const refFor = (schema: z.ZodType): JsonSchema => {
    const id = z.globalRegistry.get(schema)?.id
    if (!id) throw new Error('API response schemas must have .meta({ id })')
    return { $ref: `#/components/schemas/${id}` }
  }

  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of operations) {
    const responses: Record<string, unknown> = {
      '200': { description: 'OK', content: { 'application/json': { schema: refFor(operation.response) } } },
    }
    for (const error of operation.errors) {
      responses[String(error.status)] = {
        description: error.description,
        content: { 'application/json': { schema: refFor(apiErrorSchema) } },
      }
    }
    paths[operation.path] ??= {}
    ;(paths[operation.path] as Record<string, unknown>)[operation.method] = {
      operationId: operation.operationId,
      summary: operation.summary,
      tags: operation.tags,
      parameters: [
        ...parametersOf(operation.pathParameters, 'path'),
        ...parametersOf(operation.queryParameters, 'query'),
      ],
      // Only the workspace operations need a token; the open data stays open.
      ...(operation.security === 'bearer' ? { security: [{ bearerAuth: [] }] } : {}),
      responses,
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jalons API',
      version,
      description:
        'Open, read-only data of Jalons: territories, their legal obligations and the referential, with no account. The workspace operations (a territory’s footprint) need an API token created by a workspace admin, sent as `Authorization: Bearer <token>`; their answers are private (no CORS, not cached).',
      license: {
        name: 'Licence Ouverte 2.0 (Etalab)',
        url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
      },
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A workspace API token (`jal_…`), created by an admin on the workspace’s « Accès à l’API » page. It opens that workspace only; a revoked token answers 401.',
        },
      },
    },
  }
}
