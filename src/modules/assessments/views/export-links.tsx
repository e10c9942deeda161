import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'

/** The year's downloads, and on the results page a word about printing. */
export function ExportLinks({
  c,
  base,
  withPrint,
}: {
  c: Context<AppEnv>
  base: string
  withPrint?: boolean
}) {
  const t = c.get('t')
  return (
    <p class="no-print">
      {t('assessment.export')}
      {t('ui.colon')}
      <a href={`${base}/export.csv`} download>
        CSV
      </a>
      {' · '}
      <a href={`${base}/export.json`} download>
        JSON
      </a>
      {withPrint ? ` · ${t('assessment.results.print')}` : null}
    </p>
  )
}
