import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { fr } from '../../i18n/fr.js'
import { translator } from '../../i18n/i18n.js'
import { fieldErrorsOf, formValues } from '../../ui/forms.js'
import { recordAudit } from '../audit/record-audit.js'
import { findUserByEmail, normaliseEmail } from './accounts.queries.js'
import { resetRequestSchema, resetSchema } from './accounts.schemas.js'
import { closeOtherAccess } from './close-other-access.js'
import { hashPassword } from './passwords.js'
import { registerAttempt, throttlePolicies } from './throttle.js'
import { consumeToken, issueToken, lookUpToken } from './tokens.js'
import { ResetPage, ResetRequestPage } from './views/reset.pages.js'
import { TokenProblemPage } from './views/token-problem.page.js'

/** Password reset by mail: the same answer whether or not the address has an account. */
export function resetRoutes({ db, config, mailer }: AppDependencies) {
  const routes = new Hono<AppEnv>()

  routes.get('/mot-de-passe-oublie', (c) =>
    c.render(<ResetRequestPage c={c} errors={{}} sent={false} />, { title: c.get('t')('reset.title') }),
  )

  routes.post('/mot-de-passe-oublie', async (c) => {
    const t = c.get('t')
    const values = await formValues(c)
    const parsed = resetRequestSchema.safeParse(values)
    if (!parsed.success) {
      c.status(400)
      return c.render(
        <ResetRequestPage
          c={c}
          email={values.email}
          errors={fieldErrorsOf(parsed.error, t, fr)}
          sent={false}
        />,
        {
          title: t('reset.title'),
        },
      )
    }
    const key = `reset:account:${normaliseEmail(parsed.data.email)}`
    // Every request counts, so nobody can flood an inbox; a locked address just gets no mail.
    if (await registerAttempt(db, key, throttlePolicies.resetAccount)) {
      const user = await findUserByEmail(db, parsed.data.email)
      if (user) {
        const { secret } = await issueToken(db, {
          purpose: 'password_reset',
          email: user.email,
          userId: user.id,
        })
        const mailT = translator(user.locale)
        await mailer.send({
          to: user.email,
          subject: mailT('reset.mailSubject'),
          text: mailT('reset.mailBody', { link: `${config.baseUrl}/reinitialiser/${secret}` }),
        })
      }
    }
    return c.render(<ResetRequestPage c={c} errors={{}} sent={true} />, { title: t('reset.title') })
  })

  routes.get('/reinitialiser/:token', async (c) => {
    const lookup = await lookUpToken(db, 'password_reset', c.req.param('token'))
    if (lookup.state !== 'valid') return tokenProblem(c, lookup.state)
    return c.render(<ResetPage c={c} token={c.req.param('token')} errors={{}} />, {
      title: c.get('t')('reset.newTitle'),
    })
  })

  routes.post('/reinitialiser/:token', async (c) => {
    const t = c.get('t')
    const secret = c.req.param('token')
    const lookup = await lookUpToken(db, 'password_reset', secret)
    if (lookup.state !== 'valid' || lookup.token.user_id === null)
      return tokenProblem(c, lookup.state === 'valid' ? 'unknown' : lookup.state)
    const userId = lookup.token.user_id
    const parsed = resetSchema.safeParse({ ...(await formValues(c)), email: lookup.token.email })
    if (!parsed.success) {
      c.status(400)
      return c.render(<ResetPage c={c} token={secret} errors={fieldErrorsOf(parsed.error, t, fr)} />, {
        title: t('reset.newTitle'),
      })
    }
    const passwordHash = await hashPassword(parsed.data.password)
    const changed = await db.transaction().execute(async (trx) => {
      if (!(await consumeToken(trx, lookup.token.id))) return false
      await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute()
      // Whoever knew the old password is signed out everywhere, and older links stop working.
      await closeOtherAccess(trx, userId, null)
      await recordAudit(trx, {
        actorId: userId,
        workspaceId: null,
        entity: 'user',
        entityId: userId,
        action: 'password.reset',
      })
      return true
    })
    if (!changed) return tokenProblem(c, 'used')
    return c.redirect('/connexion?info=reinitialise', 303)
  })

  function tokenProblem(c: Context<AppEnv>, state: 'expired' | 'used' | 'unknown') {
    c.status(state === 'unknown' ? 404 : 410)
    return c.render(<TokenProblemPage c={c} state={state} purpose="password_reset" />, {
      title: c.get('t')('token.title'),
    })
  }

  return routes
}
