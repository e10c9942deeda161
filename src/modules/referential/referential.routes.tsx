import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { parseQuery } from '../../lib/parse-query.js'
import { renderBadRequest, renderNotFound } from '../../ui/error-pages.js'
import { compareReferentials } from './compare-referentials.js'
import {
  currentReferential,
  listReferentialVersions,
  loadReferential,
  readPublishedVersion,
} from './referential.store.js'
import { referentialCsv } from './referential-csv.js'
import { indexReferential } from './referential-index.js'
import { CommitmentPage } from './views/commitment.page.js'
import { ComparePage } from './views/compare.page.js'
import { MethodPage } from './views/method.page.js'
import { ReferentialPage } from './views/referential.page.js'

/** A published version never changes: its downloads may be kept by browsers and proxies for a day. */
const immutableCache = 'public, max-age=86400'

/** The referential, open to everyone: every version, its commitments, downloads, differences, method. */
export function referentialRoutes({ db }: AppDependencies) {
  const routes = new Hono<AppEnv>()

  const versionNotFound = (c: Context<AppEnv>, version: string) =>
    renderNotFound(c, c.get('t')('referential.versionNotFound', { version }))

  const renderVersion = async (c: Context<AppEnv>, version: string) => {
    const [referential, versions, current] = await Promise.all([
      loadReferential(db, version),
      listReferentialVersions(db),
      currentReferential(db),
    ])
    if (!referential) return versionNotFound(c, version)
    return c.render(
      <ReferentialPage
        c={c}
        referential={referential}
        versions={versions}
        currentVersion={current.version}
      />,
      {
        title: c.get('t')('referential.pageTitle', {
          title: referential.title,
          version: referential.version,
        }),
        section: 'referential',
      },
    )
  }

  routes.get('/referentiel', async (c) => renderVersion(c, (await currentReferential(db)).version))

  // Fixed paths first: « methode » and « comparer » would otherwise be read as version names.
  routes.get('/referentiel/methode', async (c) =>
    c.render(<MethodPage c={c} referential={await currentReferential(db)} />, {
      title: c.get('t')('method.title'),
      section: 'referential',
    }),
  )

  routes.get('/referentiel/comparer', async (c) => {
    const versions = await listReferentialVersions(db)
    const { de, a } = c.req.query()
    const render = (comparison: Parameters<typeof ComparePage>[0]['comparison']) =>
      c.render(<ComparePage c={c} versions={versions} comparison={comparison} />, {
        title: c.get('t')('referential.compare.title'),
        section: 'referential',
      })
    // No version chosen yet: the form alone.
    if (de === undefined && a === undefined) return render(null)
    const names = versions.map((version) => version.version) as [string, ...string[]]
    const parsed = parseQuery(z.object({ de: z.enum(names), a: z.enum(names) }), { de, a })
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    const [from, to] = await Promise.all([
      loadReferential(db, parsed.value.de),
      loadReferential(db, parsed.value.a),
    ])
    if (!from || !to) return renderNotFound(c)
    return render(compareReferentials(from, to))
  })

  routes.get('/referentiel/:version', (c) => renderVersion(c, c.req.param('version')))

  routes.get('/referentiel/:version/engagements/:commitmentId', async (c) => {
    const { version, commitmentId } = c.req.param()
    const referential = await loadReferential(db, version)
    if (!referential) return versionNotFound(c, version)
    const place = indexReferential(referential).commitmentById.get(commitmentId)
    if (!place)
      return renderNotFound(c, c.get('t')('referential.commitmentNotFound', { id: commitmentId, version }))
    return c.render(
      <CommitmentPage
        c={c}
        referential={referential}
        ambition={place.ambition}
        commitment={place.commitment}
      />,
      { title: `${place.commitment.id} ${place.commitment.title}`, section: 'referential' },
    )
  })

  routes.get('/referentiel/:version/export.json', async (c) => {
    const version = c.req.param('version')
    const published = await readPublishedVersion(db, version)
    if (!published) return versionNotFound(c, version)
    const referential = JSON.parse(published.content) as { id: string }
    // Exactly the stored text: the file an operator may edit and publish again as a new version.
    return c.body(published.content, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="referentiel-${referential.id}-${version}.json"`,
      'cache-control': immutableCache,
    })
  })

  routes.get('/referentiel/:version/export.csv', async (c) => {
    const version = c.req.param('version')
    const referential = await loadReferential(db, version)
    if (!referential) return versionNotFound(c, version)
    return c.body(referentialCsv(referential), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="referentiel-${referential.id}-${version}.csv"`,
      'cache-control': immutableCache,
    })
  })

  return routes
}
