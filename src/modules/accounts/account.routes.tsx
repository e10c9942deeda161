import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { fr } from '../../i18n/fr.js'
import { translator } from '../../i18n/i18n.js'
import { setLanguageCookie } from '../../i18n/i18n.middleware.js'
import { type FieldErrors, fieldErrorsOf, formValues } from '../../ui/forms.js'
import { noticeFrom } from '../../ui/notices.js'
import { type AuditEntry, recordAudit } from '../audit/record-audit.js'
import { signedIn } from '../workspaces/workspace-access.middleware.js'
import { findUserByEmail, findUserById } from './accounts.queries.js'
import {
  deleteAccountSchema,
  emailChangeSchema,
  languageSchema,
  passwordChangeSchema,
  profileSchema,
} from './accounts.schemas.js'
import { closeOtherAccess } from './close-other-access.js'
import { deleteAccount } from './delete-account.js'
import { hashPassword, verifyPassword } from './passwords.js'
import { clearSessionCookie } from './session.middleware.js'
import { listSessions, revokeSession } from './sessions.js'
import { accountThrottleKey } from './sign-in.js'
import { forgiveAttempts, registerAttempt, throttlePolicies } from './throttle.js'
import { consumeToken, issueToken, lookUpToken } from './tokens.js'
import { AccountPage } from './views/account.page.js'
import { TokenProblemPage } from './views/token-problem.page.js'

type AuditChange = Pick<AuditEntry, 'before' | 'after'>

const notices = {
  enregistre: 'form.saved',
  motdepasse: 'account.passwordChanged',
  session: 'account.sessionRevoked',
  adresse: 'account.emailChanged',
  confirmation: 'account.emailPending',
} as const

/** The signed-in person's own account. Every change is checked, then audited. */
export function accountRoutes(deps: AppDependencies) {
  const { db, mailer, config } = deps
  const routes = new Hono<AppEnv>()
  routes.use('/compte', signedIn)
  routes.use('/compte/*', signedIn)

  const me = (c: Context<AppEnv>) => c.get('user') as NonNullable<AppEnv['Variables']['user']>
  const render = async (c: Context<AppEnv>, state: { errors?: FieldErrors; notice?: string } = {}) => {
    const user = me(c)
    const sessions = await listSessions(db, user.id)
    return c.render(
      <AccountPage
        c={c}
        account={{ ...user, sessions, currentSessionId: c.get('session')?.id ?? null }}
        errors={state.errors ?? {}}
        notice={state.notice}
      />,
      { title: c.get('t')('account.title') },
    )
  }
  const invalid = (c: Context<AppEnv>, errors: FieldErrors) => {
    c.status(400)
    return render(c, { errors })
  }
  const done = (c: Context<AppEnv>, info: keyof typeof notices, email?: string) =>
    c.redirect(`/compte?info=${info}${email ? `&adresse=${encodeURIComponent(email)}` : ''}`, 303)
  /** The current password, checked under the same limits as sign-in: a stolen session cannot guess it. */
  const passwordMatches = async (c: Context<AppEnv>, password: string) => {
    const user = me(c)
    const key = accountThrottleKey(user.email)
    if (!(await registerAttempt(db, key, throttlePolicies.signInAccount))) return false
    const row = await findUserById(db, user.id)
    const matches = row !== undefined && (await verifyPassword(row.password_hash, password))
    if (matches) await forgiveAttempts(db, key)
    return matches
  }

  routes.get('/compte', (c) => {
    const notice = noticeFrom(c, notices, { email: c.req.query('adresse') ?? '' })?.text
    return render(c, notice ? { notice } : {})
  })

  /** Updates one's own user row and audits it, atomically. */
  const updateMe = (
    c: Context<AppEnv>,
    values: { name?: string; locale?: 'fr' | 'en' },
    change: AuditChange,
  ) =>
    db.transaction().execute(async (trx) => {
      const user = me(c)
      await trx.updateTable('users').set(values).where('id', '=', user.id).execute()
      await recordAudit(trx, {
        actorId: user.id,
        workspaceId: null,
        entity: 'user',
        entityId: user.id,
        action: 'update',
        ...change,
      })
    })

  routes.post('/compte/profil', async (c) => {
    const parsed = profileSchema.safeParse(await formValues(c))
    if (!parsed.success) return invalid(c, fieldErrorsOf(parsed.error, c.get('t'), fr))
    // People are named by id only in the log (decision 008): say what changed, not the name.
    await updateMe(c, { name: parsed.data.name }, { after: { changed: 'name' } })
    return done(c, 'enregistre')
  })

  routes.post('/compte/langue', async (c) => {
    const parsed = languageSchema.safeParse(await formValues(c))
    if (!parsed.success) return invalid(c, fieldErrorsOf(parsed.error, c.get('t'), fr))
    await updateMe(
      c,
      { locale: parsed.data.locale },
      { before: { locale: me(c).locale }, after: { locale: parsed.data.locale } },
    )
    setLanguageCookie(c, parsed.data.locale)
    return done(c, 'enregistre')
  })

  routes.post('/compte/mot-de-passe', async (c) => {
    const t = c.get('t')
    const parsed = passwordChangeSchema.safeParse(await formValues(c))
    if (!parsed.success) return invalid(c, fieldErrorsOf(parsed.error, t, fr))
    if (!(await passwordMatches(c, parsed.data.current)))
      return invalid(c, { current: t('account.wrongPassword') })
    const user = me(c)
    const passwordHash = await hashPassword(parsed.data.password)
    const currentSession = c.get('session')?.id ?? null
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute()
      // Other devices signed in with the old password are signed out.
      await closeOtherAccess(trx, user.id, currentSession)
      await recordAudit(trx, {
        actorId: user.id,
        workspaceId: null,
        entity: 'user',
        entityId: user.id,
        action: 'password.change',
      })
    })
    return done(c, 'motdepasse')
  })

  routes.post('/compte/adresse', async (c) => {
    const t = c.get('t')
    const parsed = emailChangeSchema.safeParse(await formValues(c))
    if (!parsed.success) return invalid(c, fieldErrorsOf(parsed.error, t, fr))
    if (!(await passwordMatches(c, parsed.data.emailCurrent)))
      return invalid(c, { emailCurrent: t('account.wrongPassword') })
    const user = me(c)
    // An address already in use gets the same answer and no mail: nobody learns who has an account.
    if (!(await findUserByEmail(db, parsed.data.email))) {
      const { secret } = await issueToken(db, {
        purpose: 'email_change',
        email: parsed.data.email,
        userId: user.id,
      })
      const mailT = translator(user.locale)
      await mailer.send({
        to: parsed.data.email,
        subject: mailT('account.emailMailSubject'),
        text: mailT('account.emailMailBody', { link: `${config.baseUrl}/compte/adresse/${secret}` }),
      })
    }
    return done(c, 'confirmation', parsed.data.email)
  })

  routes.get('/compte/adresse/:token', async (c) => {
    const user = me(c)
    const lookup = await lookUpToken(db, 'email_change', c.req.param('token'))
    if (lookup.state !== 'valid' || lookup.token.user_id !== user.id) {
      const state = lookup.state === 'valid' ? 'unknown' : lookup.state
      c.status(state === 'unknown' ? 404 : 410)
      return c.render(<TokenProblemPage c={c} state={state} purpose="email_change" />, {
        title: c.get('t')('token.title'),
      })
    }
    const email = lookup.token.email
    const changed = await db.transaction().execute(async (trx) => {
      if (!(await consumeToken(trx, lookup.token.id))) return false
      if (await findUserByEmail(trx, email)) return false
      await trx.updateTable('users').set({ email }).where('id', '=', user.id).execute()
      // Links mailed to the old address stop working, and other devices are signed out.
      await closeOtherAccess(trx, user.id, c.get('session')?.id ?? null)
      await recordAudit(trx, {
        actorId: user.id,
        workspaceId: null,
        entity: 'user',
        entityId: user.id,
        action: 'email.change',
      })
      return true
    })
    if (!changed) return invalidEmail(c)
    return done(c, 'adresse', email)
  })
  const invalidEmail = (c: Context<AppEnv>) => invalid(c, { email: c.get('t')('account.emailTaken') })

  routes.post('/compte/sessions/:sessionId/fermer', async (c) => {
    await revokeSession(db, me(c).id, c.req.param('sessionId'))
    return done(c, 'session')
  })

  routes.post('/compte/supprimer', async (c) => {
    const t = c.get('t')
    const parsed = deleteAccountSchema.safeParse(await formValues(c))
    if (!parsed.success) return invalid(c, fieldErrorsOf(parsed.error, t, fr))
    if (!(await passwordMatches(c, parsed.data.deleteCurrent)))
      return invalid(c, { deleteCurrent: t('account.wrongPassword') })
    const outcome = await deleteAccount(db, me(c).id)
    if (outcome.state === 'last_admin')
      return invalid(c, { '': t('account.lastAdmin', { territory: outcome.territory }) })
    clearSessionCookie(c)
    return c.redirect('/connexion?info=supprime', 303)
  })

  return routes
}
