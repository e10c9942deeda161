import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { CsrfField } from '../../../ui/forms.js'
import { FootprintNav } from '../../footprint/views/footprint-nav.js'

/** A confirmation step before deleting, without JavaScript: a page with one form and a way back. */
export function ConfirmPage({
  c,
  title,
  question,
  details,
  action,
  confirm,
  back,
}: {
  c: Context<AppEnv>
  title: string
  question: string
  details?: string[]
  action: string
  confirm: string
  back: string
}) {
  const t = c.get('t')
  return (
    <>
      <h1>{title}</h1>
      <FootprintNav c={c} current="inventory" />
      <p>{question}</p>
      {details && details.length > 0 ? (
        <ul>
          {details.map((detail) => (
            <li>{detail}</li>
          ))}
        </ul>
      ) : null}
      <form method="post" action={action} class="actions">
        <CsrfField c={c} />
        <button type="submit">{confirm}</button>
        <a href={back}>{t('inventory.confirm.cancel')}</a>
      </form>
    </>
  )
}
