import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatNumber } from '../../../../i18n/i18n.js'
import { Notice } from '../../../../ui/components.js'
import { CsrfField } from '../../../../ui/forms.js'
import { noticeFrom } from '../../../../ui/notices.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import { statusKeys } from '../../actions/views/action-texts.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import type { ObjectiveYear } from '../objective-years.js'
import type { LinkedAction, ObjectiveWithStatus } from '../objectives.queries.js'
import { valueText, yearValueText } from './figures.js'
import { ObjectiveStatusBadge, objectiveStatusKeys } from './objective-status-badge.js'
import { TrajectoryChart } from './trajectory-chart.js'

export interface ObjectivePageProps {
  c: Context<AppEnv>
  objective: ObjectiveWithStatus
  /** The decree axis in words, or null. */
  axisLabel: string | null
  years: ObjectiveYear[]
  actions: LinkedAction[]
  currentYear: number
}

/** One objective: what it aims at, its trajectory drawn and year by year, the actions serving it. */
export function ObjectivePage({ c, objective, axisLabel, years, actions, currentYear }: ObjectivePageProps) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const strategyPath = `/espace/${workspace.id}/strategie`
  const path = `${strategyPath}/objectifs/${objective.id}`
  const notice = noticeFrom(c, { cree: 'objectives.notice.created', modifie: 'objectives.notice.updated' })
  const french = locale === 'fr' ? undefined : 'fr'
  const unit = objective.unit
  const number = (value: number) => formatNumber(locale, Math.round(value * 100) / 100)
  const finalTarget = objective.targets.at(-1) ?? objective.baseline
  const measures = years
    .filter((row) => row.measured && !row.isBaseline)
    .map((row) => ({ year: row.year, value: row.measured?.value as number }))
  const chartDescription = [
    t('objectives.chart.trajectory', {
      from: valueText(locale, objective.baseline.value, unit),
      fromYear: objective.baseline.year,
      to: valueText(locale, finalTarget.value, unit),
      toYear: finalTarget.year,
    }),
    measures.length === 0
      ? t('objectives.chart.noMeasure')
      : t('objectives.chart.measures', {
          measures: measures
            .map((measure) =>
              t('objectives.chart.measurePoint', { year: measure.year, value: number(measure.value) }),
            )
            .join(', '),
        }),
  ].join(' ')

  return (
    <>
      <h1>{objective.title}</h1>
      <StrategyNav c={c} current="objectives" />
      <Notice text={notice?.text} />
      <p>
        {t('objectives.view.statusIn', { year: currentYear })}{' '}
        <ObjectiveStatusBadge c={c} status={objective.status} />
        {objective.measured && objective.expected !== null ? (
          <>
            {' '}
            {t('objectives.view.statusDetail', {
              measured: yearValueText(locale, objective.measured, unit),
              expected: valueText(locale, Math.round(objective.expected * 100) / 100, unit),
            })}
          </>
        ) : null}
      </p>
      <dl class="facts">
        <dt>{t('objectives.field.indicator')}</dt>
        <dd>
          <a href={`${strategyPath}/indicateurs/${encodeURIComponent(objective.indicatorId)}`}>
            {objective.indicatorId} <span lang={french}>{objective.indicatorName}</span>
          </a>
          {unit ? ` (${unit})` : ''}
        </dd>
        <dt>{t('objectives.field.axis')}</dt>
        <dd>
          {axisLabel === null ? (
            t('objectives.view.noAxis')
          ) : (
            <>
              {t('objectives.axisNumber', { axis: objective.decreeAxis ?? '' })}
              {t('ui.colon')}
              <span lang={french}>{axisLabel}</span>
            </>
          )}
        </dd>
        <dt>{t('objectives.list.baseline')}</dt>
        <dd>{yearValueText(locale, objective.baseline, unit)}</dd>
        <dt>{t('objectives.view.targets')}</dt>
        <dd>{objective.targets.map((target) => yearValueText(locale, target, unit)).join(' ; ')}</dd>
        {objective.comment ? (
          <>
            <dt>{t('objectives.field.comment')}</dt>
            <dd>{objective.comment}</dd>
          </>
        ) : null}
      </dl>
      {canInWorkspace(workspace.role, 'strategy.edit') ? (
        <p class="actions">
          <a href={`${path}/modifier`}>{t('objectives.view.edit')}</a>
          <a href={`${path}/supprimer`}>{t('objectives.view.delete')}</a>
        </p>
      ) : null}

      <section aria-labelledby="trajectory-heading">
        <h2 id="trajectory-heading">{t('objectives.view.trajectory')}</h2>
        <div class="chart-block">
          <figure>
            <TrajectoryChart
              id="trajectory"
              title={t('objectives.chart.title', { title: objective.title })}
              description={chartDescription}
              baseline={objective.baseline}
              targets={objective.targets}
              measures={measures}
              endYear={years.at(-1)?.year ?? finalTarget.year}
              format={number}
            />
            <figcaption>
              <span class="key key-previous">{t('objectives.chart.keyExpected')}</span>
              <span class="key">{t('objectives.chart.keyMeasured')}</span>
            </figcaption>
          </figure>
          <section class="table-scroll" tabindex={0} aria-labelledby="years-caption">
            <table>
              <caption id="years-caption">{t('objectives.view.yearsCaption', { unit: unit || '—' })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('objectives.view.year')}</th>
                  <th scope="col" class="num">
                    {t('objectives.view.expected')}
                  </th>
                  <th scope="col" class="num">
                    {t('objectives.view.measured')}
                  </th>
                  <th scope="col">{t('objectives.list.status')}</th>
                </tr>
              </thead>
              <tbody>
                {years.map((row) => (
                  <tr>
                    <th scope="row">
                      {row.year}
                      {row.isBaseline ? ` (${t('objectives.view.baselineMark')})` : ''}
                      {row.target !== null ? ` (${t('objectives.view.targetMark')})` : ''}
                    </th>
                    <td class="num">{number(row.expected)}</td>
                    <td class="num">
                      {row.measured ? number(row.measured.value) : '—'}
                      {row.measured?.origin === 'computed' ? ` (${t('objectives.view.computed')})` : ''}
                    </td>
                    <td>
                      {row.isBaseline
                        ? t('objectives.view.baselineStatus')
                        : row.status === null
                          ? t('objectives.view.toCome')
                          : t(objectiveStatusKeys[row.status])}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <p class="hint">{t('objectives.view.rule')}</p>
      </section>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('objectives.view.actions')}</h2>
        {actions.length === 0 ? (
          <p>{t('objectives.view.noActions')}</p>
        ) : (
          <ul>
            {actions.map((action) => (
              <li>
                <a href={`${strategyPath}/actions/${action.id}`}>{action.title}</a> —{' '}
                {t(statusKeys[action.status])}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <a href={`${strategyPath}/objectifs`}>{t('objectives.view.back')}</a>
      </p>
    </>
  )
}

/** The no-JavaScript confirmation before an objective is deleted. */
export function DeleteObjectivePage({
  c,
  objective,
  actionCount,
}: {
  c: Context<AppEnv>
  objective: { id: number; title: string }
  actionCount: number
}) {
  const t = c.get('t')
  const path = `/espace/${c.get('workspace').id}/strategie/objectifs/${objective.id}`
  return (
    <>
      <h1>{t('objectives.delete.title', { title: objective.title })}</h1>
      <StrategyNav c={c} current="objectives" />
      <p>{t('objectives.delete.text')}</p>
      {actionCount > 0 ? (
        <p>
          {actionCount === 1
            ? t('objectives.delete.oneAction')
            : t('objectives.delete.actions', { count: actionCount })}
        </p>
      ) : null}
      <form method="post" action={`${path}/supprimer`} class="inline">
        <CsrfField c={c} />
        <input type="hidden" name="confirm" value="1" />
        <button type="submit">{t('objectives.delete.confirm')}</button>
      </form>
      <p>
        <a href={path}>{t('objectives.delete.cancel')}</a>
      </p>
    </>
  )
}
