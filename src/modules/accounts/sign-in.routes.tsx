import { Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { fr } from '../../i18n/fr.js'
import { setLanguageCookie } from '../../i18n/i18n.middleware.js'
import { safeReturnPath } from '../../lib/local-path.js'
import { fieldErrorsOf, formValues } from '../../ui/forms.js'
import { noticeFrom } from '../../ui/notices.js'
import { signInSchema } from './accounts.schemas.js'
import { clientAddress } from './client-address.js'
import { clearSessionCookie, setSessionCookie } from './session.middleware.js'
import { createSession, revokeAllSessions, revokeSession } from './sessions.js'
import { signIn } from './sign-in.js'
import { SignInPage } from './views/sign-in.page.js'

/** Notices other pages may send a visitor here with (by key, never free text). */
const notices = {
  deconnecte: 'signOut.done',
  reinitialise: 'reset.done',
  supprime: 'account.deleted',
} as const

export function signInRoutes({ db, config }: AppDependencies) {
  const routes = new Hono<AppEnv>()
  const secure = config.env === 'production'

  routes.get('/connexion', (c) => {
    const notice = noticeFrom(c, notices)?.text
    return c.render(<SignInPage c={c} errors={{}} notice={notice} returnTo={c.req.query('retour')} />, {
      title: c.get('t')('signIn.title'),
    })
  })

  routes.post('/connexion', async (c) => {
    const t = c.get('t')
    const values = await formValues(c)
    const returnTo = c.req.query('retour')
    const render = (errors: Record<string, string>) => {
      c.status(errors.password || errors.email ? 400 : 401)
      return c.render(<SignInPage c={c} email={values.email} errors={errors} returnTo={returnTo} />, {
        title: t('signIn.title'),
      })
    }
    const parsed = signInSchema.safeParse(values)
    if (!parsed.success) return render(fieldErrorsOf(parsed.error, t, fr))
    const result = await signIn(
      db,
      parsed.data.email,
      parsed.data.password,
      clientAddress(c, config.trustProxy),
    )
    if (!result.ok) {
      // One message for an unknown email and a wrong password: no account enumeration.
      return render({ '': t(result.reason === 'locked' ? 'signIn.locked' : 'signIn.invalid') })
    }
    setSessionCookie(c, await createSession(db, result.userId, c.req.header('user-agent')), secure)
    setLanguageCookie(c, result.locale)
    return c.redirect(safeReturnPath(returnTo, '/espaces'), 303)
  })

  routes.post('/deconnexion', async (c) => {
    const user = c.get('user')
    const session = c.get('session')
    if (user && session) await revokeSession(db, user.id, session.id)
    clearSessionCookie(c)
    return c.redirect('/connexion?info=deconnecte', 303)
  })

  routes.post('/deconnexion-partout', async (c) => {
    const user = c.get('user')
    if (user) await revokeAllSessions(db, user.id)
    clearSessionCookie(c)
    return c.redirect('/connexion?info=deconnecte', 303)
  })

  return routes
}
