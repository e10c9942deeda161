import { Hono } from 'hono'
import { sql } from 'kysely'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { locales } from '../../i18n/i18n.js'
import { setLanguageCookie } from '../../i18n/i18n.middleware.js'
import { localPath } from '../../lib/local-path.js'
import { parseQuery } from '../../lib/parse-query.js'
import { renderBadRequest } from '../../ui/error-pages.js'

const languageQuerySchema = z.object({ lang: z.enum(locales), retour: localPath.default('/') })

export function systemRoutes({ db, dialect }: AppDependencies) {
  const routes = new Hono<AppEnv>()

  /** The language switch: a plain link, so it works without JavaScript. */
  routes.get('/langue', (c) => {
    const parsed = parseQuery(languageQuerySchema, c.req.query())
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    setLanguageCookie(c, parsed.value.lang)
    return c.redirect(parsed.value.retour, 303)
  })

  routes.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(db)
      return c.json({ status: 'ok', database: dialect })
    } catch {
      return c.json({ status: 'error', database: dialect }, 503)
    }
  })

  return routes
}
