import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'

export function OutboxPage({
  c,
  mails,
}: {
  c: Context<AppEnv>
  mails: {
    id: number
    to_address: string
    subject: string
    body: string
    status: 'logged' | 'sent' | 'failed'
    created_at: string
  }[]
}) {
  const t = c.get('t')
  return (
    <>
      <h1>{t('operator.outbox')}</h1>
      <p>{t('operator.outboxLead')}</p>
      <ol class="outbox">
        {mails.map((mail) => (
          <li>
            <h2>{mail.subject}</h2>
            <p>
              {t('operator.to')}
              {t('ui.colon')}
              <span class="mail-to">{mail.to_address}</span> ·{' '}
              {mail.created_at.slice(0, 19).replace('T', ' ')} · {t(`mail.status.${mail.status}`)}
            </p>
            <pre>{mail.body}</pre>
          </li>
        ))}
      </ol>
    </>
  )
}
