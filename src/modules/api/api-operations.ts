import type { z } from 'zod'

/** One documented API route: the same zod schemas parse the request and describe it in OpenAPI. */
export interface ApiOperation {
  method: 'get'
  /** OpenAPI path, with {parameters}. */
  path: string
  operationId: string
  summary: string
  tags: string[]
  /** `bearer`: needs a workspace API token (the bearerAuth scheme); absent: open to all. */
  security?: 'bearer'
  pathParameters?: z.ZodObject
  queryParameters?: z.ZodObject
  response: z.ZodType
  errors: { status: number; description: string }[]
}
