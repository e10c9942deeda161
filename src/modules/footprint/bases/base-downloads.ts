import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../../app-env.js'
import { parseQuery } from '../../../lib/parse-query.js'
import { renderBadRequest } from '../../../ui/error-pages.js'
import type { FactorBase } from '../factor-base.schemas.js'
import type { StoredFactorBase } from '../factor-bases.store.js'
import { factorBaseCsv } from './factor-base-csv.js'

const formatQuery = z.object({ format: z.enum(['json', 'csv']).optional() })

/** `?format=json|csv` of a base page; a bad value is a 400 naming the parameter. */
export function downloadFormat(
  c: Context<AppEnv>,
): { ok: true; format?: 'json' | 'csv' } | { ok: false; response: Response | Promise<Response> } {
  const parsed = parseQuery(formatQuery, { format: c.req.query('format') })
  if (!parsed.ok) return { ok: false, response: renderBadRequest(c, parsed.problems) }
  return parsed.value.format ? { ok: true, format: parsed.value.format } : { ok: true }
}

const fileName = (stored: StoredFactorBase, extension: string) =>
  `base-facteurs-${stored.id}-${stored.version}.${extension}`

/**
 * A base version as a file. JSON is the stored text, byte for byte (an operator may edit it and
 * publish it as a new version); CSV is the device figures, in the format a workspace imports.
 * Published versions never change, hence the long cache for platform bases.
 */
export function downloadBase(
  c: Context<AppEnv>,
  stored: StoredFactorBase,
  base: FactorBase,
  format: 'json' | 'csv',
): Response {
  const cache = stored.workspaceId === null ? 'public, max-age=86400' : 'private, no-cache'
  if (format === 'json')
    return c.body(stored.content, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName(stored, 'json')}"`,
      'cache-control': cache,
    })
  return c.body(factorBaseCsv(base), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName(stored, 'csv')}"`,
    'cache-control': cache,
  })
}
