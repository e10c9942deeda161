import type { Context } from 'hono'
import type { PropsWithChildren } from 'hono/jsx'
import type { AppEnv } from '../../../../app-env.js'
import type { MessageKey } from '../../../../i18n/i18n.js'
import { type FigurePhase, type FootprintLine, footprintPhases } from '../../compute-footprint.js'
import type { Criterion } from '../../factor-base.schemas.js'
import { deviceTypeLabels } from '../../import/type-mapping.js'
import type { AvoidedFigure, ScenarioComparison } from '../../scenarios.js'
import { headlineCriterion } from '../compare-stored-scenario.js'
import { formatFigure, formatPercent, formatShareRatio } from './figures.js'
import { PhaseBarChart } from './phase-bar-chart.js'

const phaseKeys: Record<FigurePhase, MessageKey> = {
  manufacturing: 'scenarios.phase.manufacturing',
  distribution: 'scenarios.phase.distribution',
  use: 'scenarios.phase.use',
  endOfLife: 'scenarios.phase.endOfLife',
  total: 'scenarios.phase.total',
}

const phasesWithTotal: FigurePhase[] = [...footprintPhases, 'total']

function useFormat(c: Context<AppEnv>) {
  const t = c.get('t')
  const locale = c.get('locale')
  const figure = (value: number | null | undefined, unit: string) =>
    value === null || value === undefined
      ? t('scenarios.notAvailable')
      : `${formatFigure(locale, value)} ${unit}`
  const percent = (avoided: AvoidedFigure | undefined) =>
    avoided?.percent === null || avoided?.percent === undefined
      ? '—'
      : `${formatPercent(locale, avoided.percent)} %`
  /** In tables the caption gives the unit: the cells hold the numbers only. */
  const cell = (value: number | null | undefined) =>
    value === null || value === undefined ? t('scenarios.notAvailable') : formatFigure(locale, value)
  return { t, locale, figure, cell, percent }
}

/** The criterion's label as the base writes it (French), marked as such on an English page. */
function CriterionName({ c, criterion }: { c: Context<AppEnv>; criterion: Criterion }) {
  return <span lang={c.get('locale') === 'fr' ? undefined : 'fr'}>{criterion.label}</span>
}

/** « Évité : 123 kgCO2e, soit 12,3 % » per criterion; « en plus » when the scenario adds. */
export function AvoidedSummary({ c, comparison }: { c: Context<AppEnv>; comparison: ScenarioComparison }) {
  const { t, locale, figure } = useFormat(c)
  return (
    <dl class="facts avoided-summary">
      {comparison.baseline.criteria.map((criterion) => {
        const avoided = comparison.avoided.total[criterion.id]
        const value = avoided?.value ?? null
        return (
          <>
            <dt>
              <CriterionName c={c} criterion={criterion} />
            </dt>
            <dd>
              {value === null
                ? t('scenarios.notAvailable')
                : t(value < 0 ? 'scenarios.avoided.added' : 'scenarios.avoided.saved', {
                    value: figure(Math.abs(value), criterion.unit),
                    percent:
                      avoided?.percent === null || avoided?.percent === undefined
                        ? '—'
                        : `${formatPercent(locale, Math.abs(avoided.percent))} %`,
                  })}{' '}
              <span class="muted">
                {t('scenarios.avoided.fromTo', {
                  baseline: figure(
                    comparison.baseline.total.impacts[criterion.id]?.total.value,
                    criterion.unit,
                  ),
                  scenario: figure(
                    comparison.scenario.total.impacts[criterion.id]?.total.value,
                    criterion.unit,
                  ),
                })}
              </span>
            </dd>
          </>
        )
      })}
    </dl>
  )
}

function avoidedOf(baseline: number | null | undefined, scenario: number | null | undefined): AvoidedFigure {
  if (baseline === null || baseline === undefined || scenario === null || scenario === undefined)
    return { value: null, percent: null }
  const value = baseline - scenario
  return { value, percent: baseline === 0 ? null : (value / baseline) * 100 }
}

/** What every part of a comparison gets; `id` makes its elements' ids unique in the page. */
interface ComparisonProps {
  c: Context<AppEnv>
  comparison: ScenarioComparison
  id: string
}

/**
 * The frame of the comparison tables of a criterion: the caption (what, the criterion, its unit),
 * then baseline, scenario, avoided and % after the rows' own heading column.
 */
function ComparisonTable({
  c,
  id,
  criterion,
  caption,
  rowHeading,
  children,
}: PropsWithChildren<{
  c: Context<AppEnv>
  id: string
  criterion: Criterion
  caption: MessageKey
  rowHeading: MessageKey
}>) {
  const t = c.get('t')
  return (
    <section class="table-scroll" aria-labelledby={`${id}-caption`} tabindex={0}>
      <table>
        <caption id={`${id}-caption`}>
          {t(caption)} <CriterionName c={c} criterion={criterion} /> ({criterion.unit})
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(rowHeading)}</th>
            <th scope="col" class="num">
              {t('scenarios.table.baseline')}
            </th>
            <th scope="col" class="num">
              {t('scenarios.table.scenario')}
            </th>
            <th scope="col" class="num">
              {t('scenarios.table.avoided')}
            </th>
            <th scope="col" class="num">
              {t('scenarios.table.percent')}
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  )
}

/** Baseline, scenario, avoided and % for each phase of a criterion: the chart's table. */
export function PhaseTable({ c, comparison, criterion, id }: ComparisonProps & { criterion: Criterion }) {
  const { t, cell, percent } = useFormat(c)
  const before = comparison.baseline.total.impacts[criterion.id]
  const after = comparison.scenario.total.impacts[criterion.id]
  return (
    <ComparisonTable
      c={c}
      id={id}
      criterion={criterion}
      caption="scenarios.table.byPhase"
      rowHeading="scenarios.table.phase"
    >
      {phasesWithTotal.map((phase) => {
        const from = before?.[phase].value
        const to = after?.[phase].value
        const avoided = avoidedOf(from, to)
        return (
          <tr class={phase === 'total' ? 'total-row' : undefined}>
            <th scope="row">{t(phaseKeys[phase])}</th>
            <td class="num">{cell(from)}</td>
            <td class="num">{cell(to)}</td>
            <td class="num">{cell(avoided.value)}</td>
            <td class="num">{percent(avoided)}</td>
          </tr>
        )
      })}
    </ComparisonTable>
  )
}

/** Per device type, all phases: baseline, scenario, avoided and % (types on either side). */
export function TypeTable({ c, comparison, criterion, id }: ComparisonProps & { criterion: Criterion }) {
  const { locale, cell, percent } = useFormat(c)
  const total = (lines: FootprintLine[], type: string) => {
    const line = lines.find((candidate) => candidate.key === type)
    return line ? line.impacts[criterion.id]?.total.value : 0
  }
  return (
    <ComparisonTable
      c={c}
      id={id}
      criterion={criterion}
      caption="scenarios.table.byType"
      rowHeading="scenarios.table.type"
    >
      {comparison.avoided.byType.map((row) => (
        <tr>
          <th scope="row">{deviceTypeLabels[row.type][locale]}</th>
          <td class="num">{cell(total(comparison.baseline.byType, row.type))}</td>
          <td class="num">{cell(total(comparison.scenario.byType, row.type))}</td>
          <td class="num">{cell(row.impacts[criterion.id]?.value)}</td>
          <td class="num">{percent(row.impacts[criterion.id])}</td>
        </tr>
      ))}
    </ComparisonTable>
  )
}

/** The chart of the headline criterion by phase, with its table beside it. */
export function PhaseChartBlock({ c, comparison, id }: ComparisonProps) {
  const { t, locale } = useFormat(c)
  const criterion = headlineCriterion(comparison.baseline)
  if (!criterion) return null
  const before = comparison.baseline.total.impacts[criterion.id]
  const after = comparison.scenario.total.impacts[criterion.id]
  const text = (value: number | null | undefined) =>
    value === null || value === undefined ? t('scenarios.notAvailable') : formatFigure(locale, value)
  const rows = footprintPhases.map((phase) => ({
    label: t(phaseKeys[phase]),
    baseline: before?.[phase].value ?? 0,
    scenario: after?.[phase].value ?? 0,
    baselineText: text(before?.[phase].value),
    scenarioText: text(after?.[phase].value),
  }))
  return (
    <div class="chart-block">
      <figure>
        <PhaseBarChart
          id={`${id}-chart`}
          rows={rows}
          title={t('scenarios.chart.title', { criterion: criterion.label, unit: criterion.unit })}
          description={t('scenarios.chart.desc', {
            phases: rows
              .map((row) =>
                t('scenarios.chart.descPhase', {
                  phase: row.label,
                  baseline: row.baselineText,
                  scenario: row.scenarioText,
                }),
              )
              .join(' ; '),
            unit: criterion.unit,
          })}
        />
        <figcaption>
          <span class="key key-baseline">{t('scenarios.table.baseline')}</span>
          <span class="key key-scenario">{t('scenarios.table.scenario')}</span>
        </figcaption>
      </figure>
      <PhaseTable c={c} comparison={comparison} criterion={criterion} id={`${id}-${criterion.id}-phases`} />
    </div>
  )
}

/** Everything a comparison shows: summary, chart, tables per criterion, ratios, electricity, notes. */
export function ComparisonDetails({ c, comparison, id }: ComparisonProps) {
  const { t, locale } = useFormat(c)
  const headline = headlineCriterion(comparison.baseline)
  const french = locale === 'fr' ? undefined : 'fr'
  return (
    <>
      <AvoidedSummary c={c} comparison={comparison} />
      <h3>{t('scenarios.view.byPhase')}</h3>
      <PhaseChartBlock c={c} comparison={comparison} id={id} />
      {comparison.baseline.criteria
        .filter((criterion) => criterion.id !== headline?.id)
        .map((criterion) => (
          <PhaseTable
            c={c}
            comparison={comparison}
            criterion={criterion}
            id={`${id}-${criterion.id}-phases`}
          />
        ))}
      <h3>{t('scenarios.view.byType')}</h3>
      {comparison.baseline.criteria.map((criterion) => (
        <TypeTable c={c} comparison={comparison} criterion={criterion} id={`${id}-${criterion.id}-types`} />
      ))}
      {comparison.refurbishedRatios.length > 0 ? (
        <>
          <h3>{t('scenarios.view.ratios')}</h3>
          <ul>
            {comparison.refurbishedRatios.map((ratio) => (
              <li>
                {deviceTypeLabels[ratio.type][locale]}
                {t('ui.colon')}
                {formatShareRatio(locale, ratio.ratio)} — <span lang={french}>{ratio.basis}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {comparison.notes.length > 0 ? (
        <>
          <h3>{t('scenarios.view.notes')}</h3>
          <ul>
            {comparison.notes.map((note) => (
              <li lang={french}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
