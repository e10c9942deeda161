import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import type { IndicatorReading } from '../indicator-readings.js'
import { evidencePath } from './reading-text.js'

/**
 * Where a value comes from: « calculé » with the link to its explanation, or « saisi » with its
 * source and evidence (a link, a file to download). Links repeated down a table say, for screen
 * readers, which indicator and year they are about.
 */
export function ReadingOrigin({
  c,
  reading,
  indicatorId,
  withSource = true,
}: {
  c: Context<AppEnv>
  reading: IndicatorReading
  indicatorId: string
  /** The history table has a column of its own for the source. */
  withSource?: boolean
}) {
  const t = c.get('t')
  const workspaceId = c.get('workspace').id
  const about = (
    <span class="visually-hidden">{t('indicators.about', { id: indicatorId, year: reading.year })}</span>
  )
  if (reading.origin === 'computed')
    return (
      <>
        <span class="badge">{t('indicators.origin.computed')}</span>
        {withSource && reading.source ? <> {reading.source}</> : null}{' '}
        {reading.explanationHref ? (
          <a href={reading.explanationHref}>
            {t('indicators.explanation')}
            {about}
          </a>
        ) : null}
      </>
    )
  return (
    <>
      <span class="badge">{t('indicators.origin.entered')}</span>
      {withSource && reading.source ? <> {reading.source}</> : null}
      {reading.evidenceUrl ? (
        <>
          {' '}
          <a href={reading.evidenceUrl} rel="noopener noreferrer">
            {t('indicators.evidence.link')}
            {about}
          </a>
        </>
      ) : null}
      {reading.evidenceFileName ? (
        <>
          {' '}
          <a href={evidencePath(workspaceId, indicatorId, reading.year)}>
            {t('indicators.evidence.file', { name: reading.evidenceFileName })}
            {about}
          </a>
        </>
      ) : null}
    </>
  )
}
