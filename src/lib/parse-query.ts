import type { z } from 'zod'

export interface ParameterProblem {
  parameter: string
  /** Zod's issue, for the caller to turn into words in the user's language. */
  issue: z.core.$ZodIssue
}

export type QueryResult<T> = { ok: true; value: T } | { ok: false; problems: ParameterProblem[] }

/** Validates a query string (or path parameters) and names every bad parameter. */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  input: Record<string, string | undefined>,
): QueryResult<z.infer<S>> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? ''), issue })),
  }
}
