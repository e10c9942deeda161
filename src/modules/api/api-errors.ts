import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.js'
import type { ParameterProblem } from '../../lib/parse-query.js'
import { describeIssue } from '../../ui/describe-issue.js'

/** Stable machine codes: clients may branch on them; messages may change. */
export const apiErrorCodes = [
  'not_found',
  'invalid_parameter',
  'missing_parameter',
  'query_too_short',
  'missing_token',
  'invalid_token',
  'internal_error',
] as const
export type ApiErrorCode = (typeof apiErrorCodes)[number]

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(apiErrorCodes),
      message: z.string(),
      parameters: z
        .array(z.object({ name: z.string(), message: z.string() }))
        .optional()
        .describe('Which parameters are wrong, and why'),
    }),
  })
  .meta({ id: 'Error' })

export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  message: string,
  parameters?: { name: string; message: string }[],
) {
  return c.json({ error: { code, message, ...(parameters ? { parameters } : {}) } }, status)
}

/** 400 invalid_parameter naming each parameter that failed its schema, and why. */
export function invalidParameters<E extends AppEnv>(
  c: Context<E>,
  problems: readonly ParameterProblem[],
  code: 'invalid_parameter' | 'missing_parameter' = 'invalid_parameter',
) {
  return apiError(
    c,
    400,
    code,
    `Invalid parameter${problems.length > 1 ? 's' : ''}: ${problems.map((problem) => problem.parameter).join(', ')}`,
    problems.map((problem) => ({
      name: problem.parameter,
      message: describeIssue(problem.issue, c.get('t')),
    })),
  )
}
