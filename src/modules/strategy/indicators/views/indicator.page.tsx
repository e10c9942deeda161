import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { Notice } from '../../../../ui/components.js'
import { CsrfField, type FieldErrors } from '../../../../ui/forms.js'
import { formatComputed } from '../../../footprint/results/format-figures.js'
import type { Indicator } from '../../../referential/referential.schemas.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import type { ComputedIndicatorValue, ComputedSource } from '../computed-indicators.js'
import type { IndicatorReading } from '../indicator-readings.js'
import type { IndicatorValueRow } from '../indicator-values.queries.js'
import { IndicatorTrendChart } from './indicator-trend-chart.js'
import { ReadingOrigin } from './reading-origin.js'
import { formatReading, indicatorPath, indicatorsPath, withUnit } from './reading-text.js'
import { ValueForm } from './value-form.js'

export interface IndicatorPageModel {
  indicator: Indicator
  commitment: { id: string; title: string } | undefined
  /** How the platform computes it; undefined when it does not. */
  computedSource: ComputedSource | undefined
  /** The question an assessment indicator reads, in words. */
  questionText: string | undefined
  /** Every year of the history, oldest first, with its reading when there is one. */
  history: { year: number; reading: IndicatorReading | undefined }[]
  /** Computed measures (4.1: total, manufacturing, use, per agent), every year. */
  measures: ComputedIndicatorValue[]
  entered: ReadonlyMap<number, IndicatorValueRow>
  canEdit: boolean
  form: { values: Record<string, string>; errors: FieldErrors }
  /** The year the indicators list was showing, for the way back. */
  listYear: number
  notice?: string | undefined
  /** The workspace's objectives on this indicator. */
  objectives: { id: number; title: string }[]
}

/** One indicator: its definition, how it is computed, its history, and the form to enter a year. */
export function IndicatorPage({ c, model }: { c: Context<AppEnv>; model: IndicatorPageModel }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspaceId = c.get('workspace').id
  const { indicator, history } = model
  const withValues = history.filter((entry) => entry.reading !== undefined)
  const path = indicatorPath(workspaceId, indicator.id)
  const valueText = (reading: IndicatorReading | undefined) =>
    reading ? withUnit(formatReading(locale, reading), indicator.unit) : '—'
  const chartDescription = history
    .map((entry) =>
      t('indicators.chart.point', {
        year: entry.year,
        value: entry.reading ? valueText(entry.reading) : t('indicators.chart.none'),
      }),
    )
    .join(' ; ')

  return (
    <>
      <h1>{t('indicators.name', { id: indicator.id, name: indicator.name })}</h1>
      <StrategyNav c={c} current="indicators" />
      <p>
        <a href={`${indicatorsPath(workspaceId)}?annee=${model.listYear}`}>
          {t('indicators.back', { year: model.listYear })}
        </a>
      </p>
      <Notice text={model.notice} />

      <section aria-labelledby="definition-heading">
        <h2 id="definition-heading">{t('indicators.definition.heading')}</h2>
        <dl class="facts">
          <dt>{t('indicators.definition.text')}</dt>
          <dd>{indicator.definition}</dd>
          <dt>{t('indicators.definition.unit')}</dt>
          <dd>{indicator.unit}</dd>
          {model.commitment ? (
            <>
              <dt>{t('indicators.definition.commitment')}</dt>
              <dd>{t('indicators.commitment', model.commitment)}</dd>
            </>
          ) : null}
          <dt>{t('indicators.definition.source')}</dt>
          <dd>{indicator.source}</dd>
          <dt>{t('indicators.definition.legalRefs')}</dt>
          <dd>
            {indicator.legalRefs.length === 0 ? (
              t('indicators.definition.none')
            ) : (
              <ul>
                {indicator.legalRefs.map((reference) => (
                  <li>{reference}</li>
                ))}
              </ul>
            )}
          </dd>
          {indicator.references && indicator.references.length > 0 ? (
            <>
              <dt>{t('indicators.definition.references')}</dt>
              <dd>
                <ul>
                  {indicator.references.map((reference) => (
                    <li>{reference}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {indicator.measures ? (
            <>
              <dt>{t('indicators.definition.measures')}</dt>
              <dd>
                <ul>
                  {indicator.measures.map((measure) => (
                    <li>
                      {t('indicators.definition.measure', { label: measure.label, unit: measure.unit })}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="method-heading">
        <h2 id="method-heading">{t('indicators.method.heading')}</h2>
        {model.computedSource ? (
          <>
            <p>
              {model.computedSource === 'assessment'
                ? t('indicators.method.assessment', {
                    question: indicator.fromQuestion ?? '',
                    text: model.questionText ?? '',
                  })
                : t(`indicators.method.${model.computedSource}`)}
            </p>
            <p>{t('indicators.method.enteredWins')}</p>
          </>
        ) : (
          <p>{t('indicators.method.notComputed')}</p>
        )}
      </section>

      <section aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">{t('indicators.objectives.heading')}</h2>
        {model.objectives.length === 0 ? (
          <p>{t('indicators.objectives.none')}</p>
        ) : (
          <ul>
            {model.objectives.map((objective) => (
              <li>
                <a href={`/espace/${workspaceId}/strategie/objectifs/${objective.id}`}>{objective.title}</a>
              </li>
            ))}
          </ul>
        )}
        {model.canEdit ? (
          <p>
            <a
              href={`/espace/${workspaceId}/strategie/objectifs/nouveau?indicateur=${encodeURIComponent(indicator.id)}`}
            >
              {t('indicators.objectives.create')}
            </a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('indicators.history.heading')}</h2>
        {withValues.length === 0 ? (
          <p>{t('indicators.history.empty')}</p>
        ) : (
          <div class="chart-block">
            <figure>
              <IndicatorTrendChart
                id="indicator-trend"
                title={t('indicators.chart.title', { id: indicator.id, unit: indicator.unit })}
                description={chartDescription}
                points={history.map((entry) => ({
                  year: entry.year,
                  value: entry.reading?.value ?? null,
                  text: entry.reading ? formatReading(locale, entry.reading) : '—',
                }))}
              />
            </figure>
          </div>
        )}
        <div class="table-scroll">
          <table>
            <caption>{t('indicators.history.caption', { id: indicator.id, unit: indicator.unit })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.history.year')}</th>
                <th scope="col" class="num">
                  {t('indicators.col.value')}
                </th>
                <th scope="col">{t('indicators.col.origin')}</th>
                <th scope="col">{t('indicators.history.source')}</th>
                <th scope="col">{t('indicators.history.comment')}</th>
                {model.canEdit ? <th scope="col">{t('indicators.history.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {[...history].reverse().map(({ year, reading }) => (
                <tr>
                  <th scope="row">{year}</th>
                  <td class="num">{valueText(reading)}</td>
                  <td>
                    {reading ? (
                      <ReadingOrigin c={c} reading={reading} indicatorId={indicator.id} withSource={false} />
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{reading?.source ?? ''}</td>
                  <td>{reading?.comment ?? ''}</td>
                  {model.canEdit ? (
                    <td>
                      <a href={`${path}?annee=${year}#saisie`}>
                        {t(model.entered.has(year) ? 'indicators.history.edit' : 'indicators.history.enter')}
                        <span class="visually-hidden">
                          {t('indicators.about', { id: indicator.id, year })}
                        </span>
                      </a>
                      {model.entered.has(year) ? (
                        <form method="post" action={`${path}/${year}/supprimer`} class="inline">
                          <CsrfField c={c} />
                          <button
                            type="submit"
                            class="secondary"
                            aria-label={t('indicators.history.deleteLabel', { id: indicator.id, year })}
                          >
                            {t('indicators.history.delete')}
                          </button>
                        </form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {model.measures.length > 0 ? (
          <MeasuresTable c={c} indicator={indicator} measures={model.measures} />
        ) : null}
      </section>

      {model.canEdit ? (
        <ValueForm c={c} indicator={indicator} action={path} form={model.form} entered={model.entered} />
      ) : (
        <p class="muted">{t('indicators.form.readOnly')}</p>
      )}
    </>
  )
}

/** The computed measures, a column each, a row per year (latest first). */
function MeasuresTable({
  c,
  indicator,
  measures,
}: {
  c: Context<AppEnv>
  indicator: Indicator
  measures: ComputedIndicatorValue[]
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const columns = (indicator.measures ?? []).filter((measure) =>
    measures.some((value) => value.measureId === measure.id),
  )
  const years = [...new Set(measures.map((value) => value.year))].sort((a, b) => b - a)
  const find = (year: number, measureId: string) =>
    measures.find((value) => value.year === year && value.measureId === measureId)
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('indicators.measures.caption', { id: indicator.id })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.history.year')}</th>
            {columns.map((measure) => (
              <th scope="col" class="num">
                {t('indicators.definition.measure', { label: measure.label, unit: measure.unit })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr>
              <th scope="row">{year}</th>
              {columns.map((measure) => {
                const value = find(year, measure.id)
                return (
                  <td class="num">
                    {value ? (
                      <a href={value.explanationHref}>
                        {formatComputed(locale, value.value)}
                        <span class="visually-hidden">
                          {t('indicators.measures.explain', { measure: measure.label, year })}
                        </span>
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
