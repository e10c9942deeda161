import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../../ui/forms.js'

export function ResetRequestPage({
  c,
  email,
  errors,
  sent,
}: {
  c: Context<AppEnv>
  email?: string
  errors: FieldErrors
  sent: boolean
}) {
  const t = c.get('t')
  return (
    <>
      <h1>{t('reset.title')}</h1>
      {sent ? (
        <p class="notice success" role="status">
          {t('reset.sent')}
        </p>
      ) : (
        <p>{t('reset.lead')}</p>
      )}
      <ErrorSummary c={c} errors={errors} labels={{ email: t('signIn.email') }} />
      <form method="post" action="/mot-de-passe-oublie" class="stack">
        <CsrfField c={c} />
        <Field
          name="email"
          type="email"
          label={t('signIn.email')}
          value={email}
          error={errors.email}
          autocomplete="username"
          required
        />
        <button type="submit">{t('reset.submit')}</button>
      </form>
    </>
  )
}

/** Choosing a new password, after a reset link or an invitation. */
export function NewPasswordFields({ c, errors }: { c: Context<AppEnv>; errors: FieldErrors }) {
  const t = c.get('t')
  return (
    <>
      <Field
        name="password"
        type="password"
        label={t('reset.newPassword')}
        hint={t('form.password.hint')}
        error={errors.password}
        autocomplete="new-password"
        required
      />
      <Field
        name="confirm"
        type="password"
        label={t('reset.confirmPassword')}
        error={errors.confirm}
        autocomplete="new-password"
        required
      />
    </>
  )
}

export function ResetPage({ c, token, errors }: { c: Context<AppEnv>; token: string; errors: FieldErrors }) {
  const t = c.get('t')
  return (
    <>
      <h1>{t('reset.newTitle')}</h1>
      <ErrorSummary
        c={c}
        errors={errors}
        labels={{ password: t('reset.newPassword'), confirm: t('reset.confirmPassword') }}
      />
      <form method="post" action={`/reinitialiser/${token}`} class="stack">
        <CsrfField c={c} />
        <NewPasswordFields c={c} errors={errors} />
        <button type="submit">{t('reset.save')}</button>
      </form>
    </>
  )
}
