import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'

/** An expired, used or unknown mailed link: say which, and how to get a new one. */
export function TokenProblemPage({
  c,
  state,
  purpose,
}: {
  c: Context<AppEnv>
  state: 'expired' | 'used' | 'unknown'
  purpose: 'password_reset' | 'invitation' | 'email_change'
}) {
  const t = c.get('t')
  return (
    <>
      <h1>{t('token.title')}</h1>
      <p>{t(`token.${state}`)}</p>
      {purpose === 'invitation' ? (
        <p>{t('token.askInvitation')}</p>
      ) : (
        <p>
          <a href={purpose === 'password_reset' ? '/mot-de-passe-oublie' : '/compte'}>
            {t('token.askReset')}
          </a>
        </p>
      )}
    </>
  )
}
