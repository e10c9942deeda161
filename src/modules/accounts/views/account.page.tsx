import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../../ui/forms.js'
import { NewPasswordFields } from './reset.pages.js'

export interface AccountView {
  name: string
  email: string
  locale: 'fr' | 'en'
  sessions: { id: string; created_at: string; last_seen_at: string; user_agent: string | null }[]
  currentSessionId: string | null
}

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ')

export function AccountPage({
  c,
  account,
  errors,
  notice,
}: {
  c: Context<AppEnv>
  account: AccountView
  errors: FieldErrors
  notice?: string | undefined
}) {
  const t = c.get('t')
  const labels = {
    name: t('account.name'),
    email: t('account.newEmail'),
    current: t('account.currentPassword'),
    emailCurrent: t('account.currentPassword'),
    deleteCurrent: t('account.deleteConfirm'),
    password: t('reset.newPassword'),
    confirm: t('reset.confirmPassword'),
  }
  return (
    <>
      <h1>{t('account.title')}</h1>
      {notice ? (
        <p class="notice success" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('account.profile')}</h2>
        <form method="post" action="/compte/profil" class="inline">
          <CsrfField c={c} />
          <Field
            name="name"
            label={labels.name}
            value={account.name}
            error={errors.name}
            autocomplete="name"
            required
          />
          <button type="submit">{t('account.saveProfile')}</button>
        </form>
        <form method="post" action="/compte/langue" class="inline">
          <CsrfField c={c} />
          <div class="field">
            <label for="locale">{t('account.language')}</label>
            <select id="locale" name="locale">
              <option value="fr" selected={account.locale === 'fr'}>
                Français
              </option>
              <option value="en" selected={account.locale === 'en'} lang="en">
                English
              </option>
            </select>
          </div>
          <button type="submit">{t('account.saveLanguage')}</button>
        </form>
      </section>
      <section aria-labelledby="email-heading">
        <h2 id="email-heading">{t('account.email')}</h2>
        <p>{t('account.currentEmail', { email: account.email })}</p>
        <form method="post" action="/compte/adresse" class="stack">
          <CsrfField c={c} />
          <Field
            name="email"
            type="email"
            label={labels.email}
            error={errors.email}
            autocomplete="email"
            required
          />
          <Field
            name="emailCurrent"
            type="password"
            label={labels.current}
            error={errors.emailCurrent}
            autocomplete="current-password"
            required
          />
          <button type="submit">{t('account.changeEmail')}</button>
        </form>
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t('account.password')}</h2>
        <form method="post" action="/compte/mot-de-passe" class="stack">
          <CsrfField c={c} />
          <Field
            name="current"
            type="password"
            label={labels.current}
            error={errors.current}
            autocomplete="current-password"
            required
          />
          <NewPasswordFields c={c} errors={errors} />
          <button type="submit">{t('account.changePassword')}</button>
        </form>
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('account.sessions')}</h2>
        <table>
          <caption>{t('account.sessionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.sessionDevice')}</th>
              <th scope="col">{t('account.sessionStarted')}</th>
              <th scope="col">{t('account.sessionSeen')}</th>
              <th scope="col">{t('members.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {account.sessions.map((session) => (
              <tr>
                <td>{session.user_agent?.slice(0, 80) ?? '—'}</td>
                <td>{when(session.created_at)}</td>
                <td>{when(session.last_seen_at)}</td>
                <td>
                  {session.id === account.currentSessionId ? (
                    t('account.sessionCurrent')
                  ) : (
                    <form method="post" action={`/compte/sessions/${session.id}/fermer`}>
                      <CsrfField c={c} />
                      <button type="submit" class="secondary">
                        {t('account.sessionRevoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="post" action="/deconnexion-partout">
          <CsrfField c={c} />
          <button type="submit" class="secondary">
            {t('signOut.everywhere')}
          </button>
        </form>
      </section>
      <section aria-labelledby="delete-heading" class="panel">
        <h2 id="delete-heading">{t('account.delete')}</h2>
        <p>{t('account.deleteLead')}</p>
        <form method="post" action="/compte/supprimer" class="stack">
          <CsrfField c={c} />
          <Field
            name="deleteCurrent"
            type="password"
            label={t('account.deleteConfirm')}
            error={errors.deleteCurrent}
            autocomplete="current-password"
            required
          />
          <button type="submit">{t('account.deleteSubmit')}</button>
        </form>
      </section>
    </>
  )
}
