import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { fr } from '../../i18n/fr.js'
import { fieldErrorsOf, formValues } from '../../ui/forms.js'
import { acceptInvitation } from './accept-invitation.js'
import { findUserByEmail } from './accounts.queries.js'
import { acceptInvitationSchema } from './accounts.schemas.js'
import { setSessionCookie } from './session.middleware.js'
import { createSession } from './sessions.js'
import { lookUpToken } from './tokens.js'
import { InvitationPage, type InvitationView } from './views/invitation.page.js'
import { TokenProblemPage } from './views/token-problem.page.js'

/** Accepting an invitation: with a new account, or signed in with the invited address. */
export function invitationRoutes({ db, config }: AppDependencies) {
  const routes = new Hono<AppEnv>()
  const secure = config.env === 'production'

  /** The invitation, as this visitor may act on it, or a problem page. */
  const load = async (c: Context<AppEnv>) => {
    const secret = c.req.param('token') ?? ''
    const lookup = await lookUpToken(db, 'invitation', secret)
    if (lookup.state !== 'valid' || lookup.token.workspace_id === null) {
      const state = lookup.state === 'valid' ? 'unknown' : lookup.state
      c.status(state === 'unknown' ? 404 : 410)
      return {
        problem: c.render(<TokenProblemPage c={c} state={state} purpose="invitation" />, {
          title: c.get('t')('token.title'),
        }),
      }
    }
    const token = lookup.token
    const details = await db
      .selectFrom('workspaces')
      .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
      .select(['territories.name as territory'])
      .where('workspaces.id', '=', token.workspace_id as number)
      .executeTakeFirstOrThrow()
    const inviter =
      token.created_by === null
        ? undefined
        : await db.selectFrom('users').select('name').where('id', '=', token.created_by).executeTakeFirst()
    const user = c.get('user')
    const existing = await findUserByEmail(db, token.email)
    const mode: InvitationView['mode'] = user
      ? user.email === token.email
        ? 'accept'
        : 'wrongAccount'
      : existing
        ? 'signIn'
        : 'create'
    const t = c.get('t')
    const view: InvitationView = {
      token: secret,
      email: token.email,
      territoryName: details.territory,
      inviterName: inviter?.name ?? t('audit.system'),
      roleLabel: t(`role.${token.role ?? 'reader'}`),
      mode,
    }
    return { token, view, existing }
  }

  routes.get('/invitation/:token', async (c) => {
    const loaded = await load(c)
    if ('problem' in loaded) return loaded.problem
    return c.render(<InvitationPage c={c} invitation={loaded.view} errors={{}} />, {
      title: c.get('t')('invitation.title', { territory: loaded.view.territoryName }),
    })
  })

  routes.post('/invitation/:token', async (c) => {
    const t = c.get('t')
    const loaded = await load(c)
    if ('problem' in loaded) return loaded.problem
    const { token, view } = loaded
    const title = t('invitation.title', { territory: view.territoryName })
    const user = c.get('user')
    let result: Awaited<ReturnType<typeof acceptInvitation>>
    if (view.mode === 'accept' && user) {
      result = await acceptInvitation(db, token, { existingUserId: user.id })
    } else if (view.mode === 'create') {
      const values = await formValues(c)
      const parsed = acceptInvitationSchema.safeParse({ ...values, email: token.email })
      if (!parsed.success) {
        c.status(400)
        return c.render(
          <InvitationPage
            c={c}
            invitation={view}
            errors={fieldErrorsOf(parsed.error, t, fr)}
            name={values.name}
          />,
          { title },
        )
      }
      result = await acceptInvitation(db, token, { name: parsed.data.name, password: parsed.data.password })
      if ('userId' in result)
        setSessionCookie(c, await createSession(db, result.userId, c.req.header('user-agent')), secure)
    } else {
      c.status(403)
      return c.render(<InvitationPage c={c} invitation={view} errors={{}} />, { title })
    }
    if ('problem' in result) {
      c.status(410)
      return c.render(<TokenProblemPage c={c} state="used" purpose="invitation" />, {
        title: t('token.title'),
      })
    }
    return c.redirect(`/espace/${token.workspace_id}`, 303)
  })

  return routes
}
