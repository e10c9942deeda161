import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatNumber } from '../../../../i18n/i18n.js'
import { Notice } from '../../../../ui/components.js'
import type { Indicator } from '../../../referential/referential.schemas.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import type { IndicatorReading } from '../indicator-readings.js'
import { ReadingOrigin } from './reading-origin.js'
import { formatReading, indicatorPath, indicatorsPath, withUnit } from './reading-text.js'
import { IndicatorYearForm } from './year-form.js'

export interface IndicatorRow {
  indicator: Indicator
  reading: IndicatorReading | undefined
  /** The platform computes it (when there is data). */
  computable: boolean
}

export interface CommitmentIndicators {
  commitment: { id: string; title: string }
  rows: IndicatorRow[]
}

/** Every indicator of the referential for one year, grouped by commitment. */
export function IndicatorsPage({
  c,
  year,
  referentialVersion,
  groups,
  notice,
}: {
  c: Context<AppEnv>
  year: number
  referentialVersion: string
  groups: CommitmentIndicators[]
  notice?: string | undefined
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const rows = groups.flatMap((group) => group.rows)
  const filled = rows.filter((row) => row.reading !== undefined).length
  return (
    <>
      <h1>{t('indicators.title', { year })}</h1>
      <StrategyNav c={c} current="indicators" />
      <p class="lead">
        {t('indicators.lead', { territory: workspace.territoryName, version: referentialVersion })}
      </p>
      <Notice text={notice} />
      <IndicatorYearForm c={c} year={year} action={indicatorsPath(workspace.id)} />
      <p>
        {t('indicators.summary', {
          filled: formatNumber(locale, filled),
          total: formatNumber(locale, rows.length),
          year,
        })}
      </p>
      {groups.map((group) => (
        <section aria-labelledby={`commitment-${group.commitment.id}`}>
          <h2 id={`commitment-${group.commitment.id}`}>
            {t('indicators.commitment', { id: group.commitment.id, title: group.commitment.title })}
          </h2>
          <div class="table-scroll">
            <table>
              <caption>{t('indicators.table.caption', { id: group.commitment.id, year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.col.indicator')}</th>
                  <th scope="col" class="num">
                    {t('indicators.col.value')}
                  </th>
                  <th scope="col">{t('indicators.col.origin')}</th>
                </tr>
              </thead>
              <tbody>
                {group.rows.map(({ indicator, reading, computable }) => (
                  <tr>
                    <th scope="row">
                      <a href={`${indicatorPath(workspace.id, indicator.id)}?annee=${year}`}>
                        {t('indicators.name', { id: indicator.id, name: indicator.name })}
                      </a>
                    </th>
                    <td class="num">
                      {reading ? withUnit(formatReading(locale, reading), indicator.unit) : '—'}
                    </td>
                    <td>
                      {reading ? (
                        <ReadingOrigin c={c} reading={reading} indicatorId={indicator.id} />
                      ) : (
                        <span class="muted">
                          {t(computable ? 'indicators.noValue.computable' : 'indicators.noValue')}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  )
}
