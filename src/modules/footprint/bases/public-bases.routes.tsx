import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { renderNotFound } from '../../../ui/error-pages.js'
import { listFactorBases, parseStoredBase, readStoredBase } from '../factor-bases.store.js'
import { downloadBase, downloadFormat } from './base-downloads.js'
import { publicBasesPath } from './views/base-parts.js'
import { PublicBasePage, PublicBasesPage } from './views/public-bases.page.js'

/** The platform's factor bases, for everyone (no account): the list, each version, its downloads. */
export function publicBasesRoutes({ db }: AppDependencies) {
  const routes = new Hono<AppEnv>()

  routes.get(publicBasesPath, async (c) =>
    c.render(<PublicBasesPage c={c} bases={await listFactorBases(db, null)} />, {
      title: c.get('t')('factor-bases.public.title'),
    }),
  )

  routes.get(`${publicBasesPath}/:baseId/:version`, async (c) => {
    const t = c.get('t')
    const id = c.req.param('baseId')
    let version = c.req.param('version')
    const requested = downloadFormat(c)
    if (!requested.ok) return requested.response
    let format = requested.format
    // A workspace's own base is not public: the same 404 as a base that does not exist.
    let stored = await readStoredBase(db, id, version, null)
    if (!stored && version.endsWith('.json')) {
      version = version.slice(0, -'.json'.length)
      stored = await readStoredBase(db, id, version, null)
      format = 'json'
    }
    if (!stored) return renderNotFound(c, t('factor-bases.notFound', { id, version }))
    const base = parseStoredBase(db, stored)
    if (format) return downloadBase(c, stored, base, format)
    return c.render(
      <PublicBasePage c={c} base={base} meta={{ origin: stored.origin, publishedAt: stored.publishedAt }} />,
      { title: base.title },
    )
  })

  return routes
}
