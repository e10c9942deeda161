import type { Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.js'
import type { MessageKey } from '../../i18n/i18n.js'
import { renderNotFound } from '../../ui/error-pages.js'

const rowIdParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/**
 * For the routes of one kind of row: `(c, handle)` hands `handle` this workspace's row named by the
 * route parameter `param`. A malformed id and another workspace's row answer the same 404 (the
 * second says `notFound`, exactly as for a row that does not exist), so that nothing tells whether
 * an id exists elsewhere.
 */
export function workspaceRowLoader<Row>(
  param: string,
  notFound: MessageKey,
  find: (workspaceId: number, id: number) => Promise<Row | undefined>,
) {
  return async (
    c: Context<AppEnv>,
    handle: (row: Row) => Response | Promise<Response>,
  ): Promise<Response> => {
    const raw = c.req.param(param) ?? ''
    const id = rowIdParam.safeParse(raw)
    if (!id.success || !/^\d+$/.test(raw)) return renderNotFound(c)
    const row = await find(c.get('workspace').id, id.data)
    if (!row) return renderNotFound(c, c.get('t')(notFound))
    return handle(row)
  }
}
