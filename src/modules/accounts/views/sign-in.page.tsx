import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../../ui/forms.js'

export function SignInPage({
  c,
  email,
  errors,
  notice,
  returnTo,
}: {
  c: Context<AppEnv>
  email?: string
  errors: FieldErrors
  notice?: string | undefined
  returnTo?: string | undefined
}) {
  const t = c.get('t')
  const labels = { email: t('signIn.email'), password: t('signIn.password') }
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      {notice ? (
        <p class="notice success" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <form
        method="post"
        action={returnTo ? `/connexion?retour=${encodeURIComponent(returnTo)}` : '/connexion'}
        class="stack"
      >
        <CsrfField c={c} />
        <Field
          name="email"
          type="email"
          label={labels.email}
          value={email}
          error={errors.email}
          autocomplete="username"
          required
        />
        <Field
          name="password"
          type="password"
          label={labels.password}
          error={errors.password}
          autocomplete="current-password"
          required
        />
        <button type="submit">{t('signIn.submit')}</button>
      </form>
      <p>
        <a href="/mot-de-passe-oublie">{t('signIn.forgot')}</a>
      </p>
      <p>
        {t('signIn.noAccount')} <a href="/demander-un-espace">{t('signIn.requestWorkspace')}</a>
      </p>
    </>
  )
}
