import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { noticeFrom } from '../../ui/notices.js'
import { platformAccess } from '../workspaces/workspace-access.middleware.js'
import { parseReferential } from './parse-referential.js'
import { listReferentialVersions, publishReferential, ReferentialVersionTaken } from './referential.store.js'
import { PublishPage, type PublishState, uploadField } from './views/publish.page.js'

/** The largest referential file accepted. The shipped YAML is about 75 kB: 2 MB leaves ample room. */
export const maxReferentialBytes = 2 * 1024 * 1024
const maxReferentialMegabytes = maxReferentialBytes / 1024 / 1024
export const publishPath = '/operateur/referentiel'

/**
 * Version strings that would be read as another page under /referentiel or /api/v1/referential:
 * publishing one would make that version unreachable.
 */
export const reservedVersionNames = new Set(['comparer', 'methode', 'versions'])

/**
 * Caps the upload before anything reads the body (the CSRF check parses forms): mounted in app.ts
 * ahead of it. The allowance over the file limit covers the multipart envelope and the other fields.
 */
export const publishUploadLimit = bodyLimit({
  maxSize: maxReferentialBytes + 64 * 1024,
  onError: (c: Context<AppEnv>) => {
    const t = c.get('t')
    c.status(413)
    return c.render(
      <>
        <h1>{t('publish.tooLargeTitle')}</h1>
        <p>{t('publish.tooLarge', { size: maxReferentialMegabytes })}</p>
        <p>
          <a href={publishPath}>{t('publish.back')}</a>
        </p>
      </>,
      { title: t('publish.tooLargeTitle') },
    )
  },
})

/** Operators publish a new version of the referential; every other visitor is turned away. */
export function publishReferentialRoutes({ db }: AppDependencies) {
  const routes = new Hono<AppEnv>()
  const access = platformAccess('operator.manage')

  const render = async (c: Context<AppEnv>, state: PublishState = {}) =>
    c.render(
      <PublishPage
        c={c}
        versions={await listReferentialVersions(db)}
        maxBytes={maxReferentialBytes}
        state={state}
      />,
      { title: c.get('t')('publish.title') },
    )

  routes.get(publishPath, access, async (c) => {
    const latest = (await listReferentialVersions(db))[0]?.version ?? ''
    const notice = noticeFrom(c, { publie: 'publish.done' }, { version: latest })?.text
    return render(c, notice ? { notice } : {})
  })

  routes.post(publishPath, access, async (c) => {
    const t = c.get('t')
    const refuse = (status: 400 | 413, state: PublishState) => {
      c.status(status)
      return render(c, state)
    }
    const body = await c.req.parseBody()
    const file = body[uploadField]
    if (!(file instanceof File) || file.size === 0) return refuse(400, { error: t('publish.noFile') })
    if (file.size > maxReferentialBytes)
      return refuse(413, { error: t('publish.tooLarge', { size: maxReferentialMegabytes }) })
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
    } catch {
      return refuse(400, { error: t('publish.notUtf8') })
    }
    const parsed = parseReferential(text)
    if (!parsed.ok)
      return refuse(400, {
        error: t('publish.invalid', { count: parsed.problems.length }),
        problems: parsed.problems,
      })
    const { referential } = parsed
    if (reservedVersionNames.has(referential.version))
      return refuse(400, { error: t('publish.reserved', { version: referential.version }) })
    const operator = c.get('user') as { id: number }
    try {
      await publishReferential(db, referential, operator.id)
    } catch (error) {
      if (error instanceof ReferentialVersionTaken)
        return refuse(400, { error: t('publish.taken', { version: referential.version }) })
      throw error
    }
    return c.redirect(`${publishPath}?info=publie`, 303)
  })

  return routes
}
