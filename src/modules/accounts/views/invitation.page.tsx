import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../../ui/forms.js'
import { NewPasswordFields } from './reset.pages.js'

export interface InvitationView {
  token: string
  email: string
  territoryName: string
  inviterName: string
  roleLabel: string
  /** 'create': no account yet; 'accept': signed in with the invited address; 'signIn' / 'wrongAccount'. */
  mode: 'create' | 'accept' | 'signIn' | 'wrongAccount'
}

export function InvitationPage({
  c,
  invitation,
  errors,
  name,
}: {
  c: Context<AppEnv>
  invitation: InvitationView
  errors: FieldErrors
  name?: string
}) {
  const t = c.get('t')
  const action = `/invitation/${invitation.token}`
  return (
    <>
      <h1>{t('invitation.title', { territory: invitation.territoryName })}</h1>
      <p>
        {t('invitation.lead', {
          inviter: invitation.inviterName,
          territory: invitation.territoryName,
          role: invitation.roleLabel,
        })}
      </p>
      {invitation.mode === 'signIn' ? (
        <p>
          {t('invitation.signInFirst', { email: invitation.email })}{' '}
          <a href={`/connexion?retour=${encodeURIComponent(action)}`}>{t('signIn.submit')}</a>
        </p>
      ) : null}
      {invitation.mode === 'wrongAccount' ? (
        <p class="notice">{t('invitation.wrongAccount', { email: invitation.email })}</p>
      ) : null}
      {invitation.mode === 'accept' ? (
        <form method="post" action={action}>
          <CsrfField c={c} />
          <button type="submit">{t('invitation.accept')}</button>
        </form>
      ) : null}
      {invitation.mode === 'create' ? (
        <>
          <p>{t('invitation.createAccount')}</p>
          <ErrorSummary
            c={c}
            errors={errors}
            labels={{
              name: t('invitation.name'),
              password: t('reset.newPassword'),
              confirm: t('reset.confirmPassword'),
            }}
          />
          <form method="post" action={action} class="stack">
            <CsrfField c={c} />
            <Field
              name="email"
              type="email"
              label={t('signIn.email')}
              value={invitation.email}
              autocomplete="username"
              readonly
            />
            <Field
              name="name"
              label={t('invitation.name')}
              value={name}
              error={errors.name}
              autocomplete="name"
              required
            />
            <NewPasswordFields c={c} errors={errors} />
            <button type="submit">{t('invitation.accept')}</button>
          </form>
        </>
      ) : null}
    </>
  )
}
