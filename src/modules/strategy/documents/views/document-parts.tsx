import type { Child } from 'hono/jsx'
import type { ActionStatus } from '../../../../db/schema.js'
import { formatBudget, formatLongDate, type Locale, type Translate } from '../../../../i18n/i18n.js'
import { isSafeTextEmpty } from '../../../../lib/safe-text.js'
import { kindKeys } from '../../../../ui/components.js'
import { deviceTypeLabels } from '../../../footprint/import/type-mapping.js'
import { type DeviceType, deviceTypes } from '../../../footprint/inventory-item.js'
import type { DocumentAction } from '../../actions/actions.queries.js'
import {
  applicabilityKeys,
  milestoneLabelText,
  ReenMilestonesTable,
} from '../../milestones/views/reen-standing-view.js'
import type { ObjectiveWithStatus } from '../../objectives/objectives.queries.js'
import type { DocumentData, DocumentIndicator } from '../document-data.js'
import type { TextSection } from '../document-sections.js'
import { SafeTextView } from './safe-text-view.js'

/** What every part of a document reads: the data, the language (French for what is published). */
export interface DocContext {
  t: Translate
  locale: Locale
  data: DocumentData
}

/** One numbered section of a document: the table of contents is built from the same list. */
export interface DocSection {
  id: string
  title: string
  content: Child
}

const numberFormats = new Map<string, Intl.NumberFormat>()
/** A number the French way, with at most `digits` decimals. */
export function formatFigure(locale: Locale, value: number, digits = 2): string {
  const key = `${locale}:${digits}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits })
    numberFormats.set(key, format)
  }
  return format.format(value)
}

/**
 * A footprint figure in a readable unit: kilograms become tonnes when `reference` (the figure
 * itself, or the total of the table it sits in, so that a column keeps one unit) is large.
 */
export function footprintFigure(
  locale: Locale,
  value: number | null,
  unit: string,
  reference = value,
): string {
  if (value === null) return '—'
  if (unit.startsWith('kg') && Math.abs(reference ?? value) >= 10_000)
    return `${formatFigure(locale, value / 1000, 1)} t${unit.slice(2)}`
  return `${formatFigure(locale, value, Math.abs(reference ?? value) >= 100 ? 0 : 2)} ${unit}`
}

const euros = (d: DocContext, value: number | null) => (value === null ? '—' : formatBudget(d.locale, value))
const date = (d: DocContext, iso: string | null) => (iso ? formatLongDate(d.locale, iso) : '—')

export function actionStatusLabel(t: Translate, status: ActionStatus): string {
  return t(`doc.actionStatus.${status}`)
}

export function TableOfContents({ d, sections }: { d: DocContext; sections: DocSection[] }) {
  return (
    <nav class="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">{d.t('doc.toc')}</h2>
      <ol>
        {sections.map((section) => (
          <li>
            <a href={`#${section.id}`}>{section.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}

export function Sections({ sections }: { sections: DocSection[] }) {
  return (
    <>
      {sections.map((section, index) => (
        <section aria-labelledby={section.id}>
          <h2 id={section.id}>
            {index + 1}. {section.title}
          </h2>
          {section.content}
        </section>
      ))}
    </>
  )
}

/** A free-text section, or a plain note that it is still to be written (drafts only reach there). */
export function FreeText({ d, section }: { d: DocContext; section: TextSection }) {
  const source = d.data.texts[section]
  if (isSafeTextEmpty(source)) return <p class="empty">{d.t('doc.textMissing')}</p>
  return <SafeTextView source={source} headingLevel={3} />
}

export function TerritoryProfile({ d }: { d: DocContext }) {
  const { t } = d
  const territory = d.data.territory
  return (
    <dl class="profile">
      <dt>{t('doc.profile.name')}</dt>
      <dd>{territory.name}</dd>
      <dt>{t('doc.profile.kind')}</dt>
      <dd>{t(kindKeys[territory.kind])}</dd>
      <dt>{t('doc.profile.code')}</dt>
      <dd>{territory.code}</dd>
      <dt>{t('doc.profile.population')}</dt>
      <dd>
        {territory.population === null
          ? '—'
          : t('doc.profile.populationValue', {
              population: formatFigure(d.locale, territory.population, 0),
              vintage: territory.populationVintage,
            })}
      </dd>
      <dt>{t('doc.profile.agents')}</dt>
      <dd>
        {territory.agents === null
          ? t('doc.profile.agentsUnknown')
          : formatFigure(d.locale, territory.agents, 1)}
      </dd>
    </dl>
  )
}

export function ObligationsTable({ d }: { d: DocContext }) {
  const { t } = d
  if (d.data.obligations.length === 0) return <p>{t('doc.obligations.none')}</p>
  return (
    <table>
      <caption>{t('doc.obligations.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('doc.obligations.obligation')}</th>
          <th scope="col">{t('doc.obligations.reference')}</th>
          <th scope="col">{t('doc.obligations.deadline')}</th>
          <th scope="col">{t('doc.obligations.status')}</th>
        </tr>
      </thead>
      <tbody>
        {d.data.obligations.map((obligation) => (
          <tr>
            <th scope="row">{obligation.title}</th>
            <td>{obligation.legalRef}</td>
            <td>
              {/^\d{4}-\d{2}-\d{2}$/.test(obligation.deadline)
                ? date(d, obligation.deadline)
                : obligation.deadline}
            </td>
            <td>{t(`obligations.status.${obligation.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function ReenTable({ d }: { d: DocContext }) {
  const { t } = d
  const standing = d.data.reen.standing
  return (
    <>
      <p>{t(applicabilityKeys[standing.applicability], { territory: d.data.territory.name })}</p>
      <ReenMilestonesTable t={t} locale={d.locale} standing={standing} />
    </>
  )
}

/** The milestones recorded: adoption dates, deliberation numbers, links to the deliberations. */
export function MilestonesTable({ d }: { d: DocContext }) {
  const { t } = d
  const milestones = d.data.reen.milestones
  if (milestones.length === 0) return <p>{t('doc.milestones.none')}</p>
  return (
    <table>
      <caption>{t('doc.milestones.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reen.column.milestone')}</th>
          <th scope="col">{t('doc.milestones.date')}</th>
          <th scope="col">{t('doc.milestones.deliberation')}</th>
        </tr>
      </thead>
      <tbody>
        {milestones.map((milestone) => (
          <tr>
            <th scope="row">{milestoneLabelText(t, milestone.kind, milestone.year)}</th>
            <td>{date(d, milestone.date)}</td>
            <td>
              {milestone.documentUrl ? (
                <a href={milestone.documentUrl}>
                  {milestone.deliberationNumber ?? t('doc.milestones.document')}
                </a>
              ) : (
                (milestone.deliberationNumber ?? '—')
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function AssessmentPart({ d }: { d: DocContext }) {
  const { t } = d
  const assessment = d.data.assessment
  if (!assessment) return <p>{t('doc.assessment.none')}</p>
  return (
    <>
      <p>
        {assessment.score === null
          ? t('doc.assessment.noScore', { year: assessment.year })
          : t('doc.assessment.score', {
              year: assessment.year,
              score: formatFigure(d.locale, assessment.score, 0),
              letter: assessment.letter ?? '—',
            })}
      </p>
      <table>
        <caption>{t('doc.assessment.caption', { year: assessment.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('doc.assessment.commitment')}</th>
            <th scope="col" class="num">
              {t('doc.assessment.scoreColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {assessment.commitments.map((commitment) => (
            <tr>
              <th scope="row">
                {commitment.id} — {commitment.title}
              </th>
              <td class="num">
                {commitment.score === null
                  ? t('doc.assessment.notAssessed')
                  : formatFigure(d.locale, commitment.score, 0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

function typeName(d: DocContext, type: string): string {
  return (deviceTypes as readonly string[]).includes(type)
    ? deviceTypeLabels[type as DeviceType][d.locale]
    : type
}

export function FootprintPart({ d }: { d: DocContext }) {
  const { t } = d
  const footprint = d.data.footprint
  if (!footprint) return <p>{t('doc.footprint.none', { year: d.data.year })}</p>
  const first = footprint.criteria[0]
  return (
    <>
      <p>
        {t(footprint.frozen ? 'doc.footprint.frozen' : 'doc.footprint.live', {
          year: footprint.year,
          items: formatFigure(d.locale, footprint.items, 0),
          quantity: formatFigure(d.locale, footprint.quantity, 0),
          base: `${footprint.base.id}@${footprint.base.version}`,
          method: t(`doc.footprint.method.${footprint.method}`),
        })}
      </p>
      <ul class="figures">
        {footprint.criteria.map((criterion) => (
          <li>
            {criterion.label}
            <strong>{footprintFigure(d.locale, criterion.total, criterion.unit)}</strong>
            {criterion.perAgent === null
              ? null
              : t('doc.footprint.perAgent', {
                  value: footprintFigure(d.locale, criterion.perAgent, criterion.unit),
                })}
          </li>
        ))}
      </ul>
      {first && footprint.byType.length > 0 ? (
        <table>
          <caption>
            {t('doc.footprint.byTypeCaption', { criterion: first.label, year: footprint.year })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('doc.footprint.type')}</th>
              <th scope="col" class="num">
                {t('doc.footprint.quantity')}
              </th>
              <th scope="col" class="num">
                {first.label}
              </th>
            </tr>
          </thead>
          <tbody>
            {footprint.byType.map((line) => (
              <tr>
                <th scope="row">{typeName(d, line.type)}</th>
                <td class="num">{formatFigure(d.locale, line.quantity, 0)}</td>
                <td class="num">{footprintFigure(d.locale, line.value, first.unit, first.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  )
}

function axisLabel(d: DocContext, axis: number | null): string {
  if (axis === null) return '—'
  return d.t('doc.axis', { axis })
}

export function ObjectivesTable({ d, objectives }: { d: DocContext; objectives: ObjectiveWithStatus[] }) {
  const { t } = d
  if (objectives.length === 0) return <p>{t('doc.objectives.none')}</p>
  const value = (objective: ObjectiveWithStatus, figure: number) =>
    `${formatFigure(d.locale, figure)} ${objective.unit}`.trim()
  return (
    <table>
      <caption>{t('doc.objectives.caption', { year: d.data.year, count: objectives.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('doc.objectives.objective')}</th>
          <th scope="col">{t('doc.objectives.indicator')}</th>
          <th scope="col">{t('doc.objectives.axis')}</th>
          <th scope="col">{t('doc.objectives.baseline')}</th>
          <th scope="col">{t('doc.objectives.targets')}</th>
          <th scope="col">{t('doc.objectives.measured')}</th>
          <th scope="col">{t('doc.objectives.status')}</th>
        </tr>
      </thead>
      <tbody>
        {objectives.map((objective) => (
          <tr>
            <th scope="row">{objective.title}</th>
            <td>
              {objective.indicatorId} — {objective.indicatorName}
            </td>
            <td>{axisLabel(d, objective.decreeAxis)}</td>
            <td>
              {value(objective, objective.baseline.value)} ({objective.baseline.year})
            </td>
            <td>
              {objective.targets
                .map((target) => `${value(objective, target.value)} (${target.year})`)
                .join(' ; ')}
            </td>
            <td>
              {objective.measured
                ? `${value(objective, objective.measured.value)} (${objective.measured.year})`
                : '—'}
            </td>
            <td>{t(`doc.objectiveStatus.${objective.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The six axes of art. D2311-15-1 CGCT, with how many objectives and public actions each holds. */
export function AxesTable({ d }: { d: DocContext }) {
  const { t } = d
  return (
    <table>
      <caption>{t('doc.axes.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('doc.axes.axis')}</th>
          <th scope="col" class="num">
            {t('doc.axes.objectives')}
          </th>
          <th scope="col" class="num">
            {t('doc.axes.actions')}
          </th>
        </tr>
      </thead>
      <tbody>
        {d.data.referential.decreeAxes.map((axis) => (
          <tr>
            <th scope="row">
              {axis.id}. {axis.label}
            </th>
            <td class="num">
              {d.data.objectives.filter((objective) => objective.decreeAxis === axis.id).length}
            </td>
            <td class="num">
              {d.data.actions.public.filter((action) => action.decreeAxis === axis.id).length}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function change(d: DocContext, indicator: DocumentIndicator): string {
  if (indicator.previous === null) return '—'
  const difference = indicator.value - indicator.previous
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : ''
  const relative =
    indicator.previous !== 0
      ? ` (${sign}${formatFigure(d.locale, Math.abs((difference / indicator.previous) * 100), 1)} %)`
      : ''
  return `${sign}${formatFigure(d.locale, Math.abs(difference))}${relative}`
}

export function IndicatorsTable({ d, withPrevious }: { d: DocContext; withPrevious: boolean }) {
  const { t } = d
  const { indicators, year } = d.data
  if (indicators.length === 0) return <p>{t('doc.indicators.none', { year })}</p>
  return (
    <>
      <p>{t('doc.indicators.count', { count: indicators.length, total: d.data.indicatorCount, year })}</p>
      <table>
        <caption>{t('doc.indicators.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('doc.indicators.indicator')}</th>
            {withPrevious ? (
              <th scope="col" class="num">
                {year - 1}
              </th>
            ) : null}
            <th scope="col" class="num">
              {year}
            </th>
            {withPrevious ? (
              <th scope="col" class="num">
                {t('doc.indicators.change')}
              </th>
            ) : null}
            <th scope="col">{t('doc.indicators.unit')}</th>
            <th scope="col">{t('doc.indicators.source')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => (
            <tr>
              <th scope="row">
                {indicator.id} — {indicator.name}
              </th>
              {withPrevious ? (
                <td class="num">
                  {indicator.previous === null ? '—' : formatFigure(d.locale, indicator.previous)}
                </td>
              ) : null}
              <td class="num">{formatFigure(d.locale, indicator.value)}</td>
              {withPrevious ? <td class="num">{change(d, indicator)}</td> : null}
              <td>{indicator.unit}</td>
              <td>
                {indicator.origin === 'computed' ? t('doc.indicators.computed') : ''}
                {indicator.source ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

function period(d: DocContext, action: DocumentAction): string {
  if (action.startDate && action.endDate)
    return d.t('doc.actions.between', { start: date(d, action.startDate), end: date(d, action.endDate) })
  if (action.startDate) return d.t('doc.actions.from', { start: date(d, action.startDate) })
  if (action.endDate) return d.t('doc.actions.until', { end: date(d, action.endDate) })
  return '—'
}

/**
 * Public actions, named; never an internal one (a document becomes public when published). The
 * carrier is shown when it is a service; a member carrying an action is not named in a public text.
 */
export function PublicActionsTable({
  d,
  actions,
  caption,
}: {
  d: DocContext
  actions: DocumentAction[]
  caption: string
}) {
  const { t } = d
  if (actions.length === 0) return <p>{t('doc.actions.nonePublic')}</p>
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('doc.actions.action')}</th>
          <th scope="col">{t('doc.actions.commitments')}</th>
          <th scope="col">{t('doc.actions.axis')}</th>
          <th scope="col">{t('doc.actions.owner')}</th>
          <th scope="col">{t('doc.actions.period')}</th>
          <th scope="col">{t('doc.actions.status')}</th>
          <th scope="col" class="num">
            {t('doc.actions.budget')}
          </th>
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr>
            <th scope="row">
              {action.title}
              {action.description ? <span class="action-description">{action.description}</span> : null}
            </th>
            <td>{action.commitments.join(', ') || '—'}</td>
            <td>{action.decreeAxis === null ? '—' : action.decreeAxis}</td>
            <td>{action.ownerKind === 'service' ? action.ownerDisplay : '—'}</td>
            <td>{period(d, action)}</td>
            <td>{actionStatusLabel(t, action.status)}</td>
            <td class="num">{euros(d, action.budgetEuros)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Internal actions as one sentence: how many, what budget. */
export function InternalActionsSummary({
  d,
  count,
  budget,
}: {
  d: DocContext
  count: number
  budget: number
}) {
  if (count === 0) return null
  const amount = formatBudget(d.locale, budget)
  return (
    <p>
      {count === 1
        ? d.t('doc.actions.internalOne', { budget: amount })
        : d.t('doc.actions.internal', { count, budget: amount })}
    </p>
  )
}

/** The means: budgets per status (every action, internal ones only as amounts), carriers, the text. */
export function MeansPart({ d }: { d: DocContext }) {
  const { t } = d
  const actions = d.data.actions
  return (
    <>
      <table>
        <caption>{t('doc.means.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('doc.actions.status')}</th>
            <th scope="col" class="num">
              {t('doc.means.count')}
            </th>
            <th scope="col" class="num">
              {t('doc.actions.budget')}
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.byStatus.map((row) => (
            <tr>
              <th scope="row">{actionStatusLabel(t, row.status)}</th>
              <td class="num">{row.count}</td>
              <td class="num">{formatBudget(d.locale, row.budget)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('doc.means.total')}</th>
            <td class="num">{actions.total}</td>
            <td class="num">{formatBudget(d.locale, actions.totalBudget)}</td>
          </tr>
        </tfoot>
      </table>
      {actions.services.length > 0 || actions.carriedByMembers > 0 ? (
        <>
          <h3>{t('doc.means.carriers')}</h3>
          <ul>
            {actions.services.map((service) => (
              <li>
                {service.count === 1
                  ? t('doc.means.serviceOne', { name: service.name })
                  : t('doc.means.service', { name: service.name, count: service.count })}
              </li>
            ))}
            {actions.carriedByMembers > 0 ? (
              <li>{t('doc.means.members', { count: actions.carriedByMembers })}</li>
            ) : null}
          </ul>
        </>
      ) : null}
      {isSafeTextEmpty(d.data.texts.means) ? null : (
        <>
          <h3>{t('doc.means.text')}</h3>
          <SafeTextView source={d.data.texts.means} headingLevel={4} />
        </>
      )}
    </>
  )
}
