import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { noticeFrom } from '../../../ui/notices.js'
import { platformAccess } from '../../workspaces/workspace-access.middleware.js'
import { type FactorBaseSummary, listFactorBases } from '../factor-bases.store.js'
import { publishPlatformBase } from './publish-platform-base.js'
import { operatorBasesPath } from './views/base-parts.js'
import {
  OperatorBasesPage,
  type OperatorBasesState,
  operatorUploadField,
} from './views/operator-bases.page.js'

/** Operators publish platform factor bases from a YAML or JSON file; everyone else is turned away. */
export function operatorBasesRoutes({ db }: AppDependencies, maxBytes: number) {
  const routes = new Hono<AppEnv>()
  const access = platformAccess('operator.manage')

  const render = async (
    c: Context<AppEnv>,
    state: OperatorBasesState = {},
    status?: 400 | 409 | 413,
    bases?: FactorBaseSummary[],
  ) => {
    if (status) c.status(status)
    return c.render(
      <OperatorBasesPage
        c={c}
        bases={bases ?? (await listFactorBases(db, null))}
        maxBytes={maxBytes}
        state={state}
      />,
      { title: c.get('t')('factor-bases.operator.title') },
    )
  }

  routes.get(operatorBasesPath, access, async (c) => {
    const bases = await listFactorBases(db, null)
    const latest = bases[0]
    const notice = noticeFrom(
      c,
      { publiee: 'factor-bases.operator.done' },
      { id: latest?.id ?? '', version: latest?.version ?? '' },
    )?.text
    return render(c, { notice }, undefined, bases)
  })

  routes.post(operatorBasesPath, access, async (c) => {
    const t = c.get('t')
    const body = await c.req.parseBody()
    const file = body[operatorUploadField]
    if (!(file instanceof File) || file.size === 0)
      return render(c, { error: t('factor-bases.operator.noFile') }, 400)
    if (file.size > maxBytes)
      return render(c, { error: t('factor-bases.import.tooLarge', { size: maxBytes / 1024 / 1024 }) }, 413)
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
    } catch {
      return render(c, { error: t('factor-bases.operator.notUtf8') }, 400)
    }
    const published = await publishPlatformBase(db, text, (c.get('user') as { id: number }).id)
    if (published.ok) return c.redirect(`${operatorBasesPath}?info=publiee`, 303)
    switch (published.code) {
      case 'invalid':
        return render(
          c,
          {
            error: t('factor-bases.operator.invalid', { count: published.problems.length }),
            problems: published.problems,
          },
          400,
        )
      case 'workspace_id':
        return render(c, { error: t('factor-bases.operator.workspaceId', { id: published.id }) }, 400)
      case 'reserved_version':
        return render(
          c,
          { error: t('factor-bases.operator.reservedVersion', { version: published.version }) },
          400,
        )
      case 'taken':
        return render(
          c,
          { error: t('factor-bases.operator.taken', { id: published.id, version: published.version }) },
          409,
        )
    }
  })

  return routes
}
