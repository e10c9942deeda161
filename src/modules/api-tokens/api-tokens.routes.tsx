import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { fr } from '../../i18n/fr.js'
import { renderNotFound } from '../../ui/error-pages.js'
import { type FieldErrors, fieldErrorsOf, formValues } from '../../ui/forms.js'
import { noticeFrom } from '../../ui/notices.js'
import { workspaceAccess } from '../workspaces/workspace-access.middleware.js'
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.store.js'
import { ApiTokensPage } from './views/api-tokens.page.js'

const apiTokenNameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'apiTokens.nameRequired' })
    .max(80, { error: 'apiTokens.nameTooLong' }),
})

const notices = { revoque: 'apiTokens.revoked' } as const

/**
 * A workspace's API tokens, for its admins only ('members.manage'): a token reads the workspace's
 * figures from outside, so creating one is as weighty as letting a person in.
 */
export function apiTokensRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  const page = (c: Context<AppEnv>) => `/espace/${c.get('workspace').id}/api`

  const render = async (
    c: Context<AppEnv>,
    state: {
      errors?: FieldErrors
      name?: string
      created?: { name: string; token: string }
      notice?: string
    } = {},
  ) => {
    const tokens = await listApiTokens(db, c.get('workspace').id)
    return c.render(
      <ApiTokensPage
        c={c}
        tokens={tokens}
        errors={state.errors ?? {}}
        name={state.name ?? ''}
        created={state.created}
        notice={state.notice}
        publicUrl={deps.config.baseUrl}
      />,
      { title: c.get('t')('apiTokens.title') },
    )
  }

  routes.get('/espace/:workspaceId/api', workspaceAccess(deps, 'members.manage'), (c) =>
    render(c, { notice: noticeFrom(c, notices)?.text }),
  )

  routes.post('/espace/:workspaceId/api/jetons', workspaceAccess(deps, 'members.manage'), async (c) => {
    const values = await formValues(c)
    const parsed = apiTokenNameSchema.safeParse(values)
    if (!parsed.success) {
      c.status(400)
      return render(c, { errors: fieldErrorsOf(parsed.error, c.get('t'), fr), name: values.name ?? '' })
    }
    const created = await createApiToken(db, {
      workspaceId: c.get('workspace').id,
      name: parsed.data.name,
      actorId: (c.get('user') as { id: number }).id,
    })
    // The token is shown in this answer only: never in a URL, never cached, never stored.
    c.header('cache-control', 'no-store')
    return render(c, { created: { name: parsed.data.name, token: created.token } })
  })

  routes.post(
    '/espace/:workspaceId/api/jetons/:tokenId/revoquer',
    workspaceAccess(deps, 'members.manage'),
    async (c) => {
      const outcome = await revokeApiToken(db, {
        workspaceId: c.get('workspace').id,
        tokenId: Number(c.req.param('tokenId')),
        actorId: (c.get('user') as { id: number }).id,
      })
      if (outcome === 'not_found') return renderNotFound(c)
      return c.redirect(`${page(c)}?info=revoque`, 303)
    },
  )
  return routes
}
