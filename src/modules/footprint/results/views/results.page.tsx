import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatLongDate, formatNumber, type MessageKey } from '../../../../i18n/i18n.js'
import { Notice, withQuery } from '../../../../ui/components.js'
import { CsrfField } from '../../../../ui/forms.js'
import { noticeFrom } from '../../../../ui/notices.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import {
  type Figure,
  type FootprintFlag,
  type FootprintLine,
  type FootprintResult,
  footprintPhases,
} from '../../compute-footprint.js'
import type { GroupDimension } from '../../explain-figure.js'
import type { Criterion } from '../../factor-base.schemas.js'
import { FootprintNav } from '../../views/footprint-nav.js'
import { formatAmount, formatShare } from '../format-figures.js'
import type { ResultsModel } from '../load-results.js'
import { type ContributorDimension, contributorDimensions } from '../results-query.js'
import { BarChart } from './bar-chart.js'
import {
  criterionLabel,
  explanationHref,
  type FigureAddress,
  groupLabel,
  methodLabel,
  phaseLabel,
  typeLabel,
} from './result-labels.js'
import { TrendChart } from './trend-chart.js'

/** Rows shown in a group table; the export holds them all. */
export const tableRowsShown = 100
const topCount = 10

interface ResultsPageProps {
  c: Context<AppEnv>
  model: ResultsModel
  /** Which grouping the « largest contributors » section shows. */
  contributors: ContributorDimension
}

/**
 * The footprint's results, live (computed now from the inventory) or frozen (read from the stored
 * JSON): the same view. Every figure is a link to its explanation, every chart has a table.
 */
export function ResultsPage({ c, model, contributors }: ResultsPageProps) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const home = `/espace/${workspace.id}/empreinte`
  const { result, year, method } = model
  const notice = noticeFrom(c, { fige: 'footprint.notice.frozen' }, { year, method: methodLabel(c, method) })
  const address: FigureAddress = { year, method, frozen: !model.live }
  const heading = model.live
    ? t('footprint.results.title')
    : t('footprint.frozen.title', { year, method: methodLabel(c, method) })
  return (
    <>
      <h1>{heading}</h1>
      <FootprintNav c={c} current="results" />
      <Notice text={notice?.text} />
      {model.live ? (
        <LiveHeader c={c} model={model} contributors={contributors} />
      ) : (
        <FrozenHeader c={c} model={model} />
      )}
      {result === null ? (
        <section aria-labelledby="start-heading">
          <h2 id="start-heading">{t('footprint.empty.title')}</h2>
          <p>{t('footprint.empty.text')}</p>
          <ul>
            <li>
              <a href={`${home}/imports`}>{t('footprint.empty.import')}</a>
            </li>
            <li>
              <a href={`${home}/inventaire`}>{t('footprint.empty.add')}</a>
            </li>
          </ul>
        </section>
      ) : (
        <ResultBody c={c} result={result} address={address} model={model} contributors={contributors} />
      )}
    </>
  )
}

function BaseLine({ c, result }: { c: Context<AppEnv>; result: FootprintResult }) {
  const t = c.get('t')
  return (
    <>
      {t('footprint.base.used', {
        title: result.base.title,
        id: result.base.id,
        version: result.base.version,
      })}
    </>
  )
}

function LiveHeader({ c, model, contributors }: ResultsPageProps) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const home = `/espace/${workspace.id}/empreinte`
  const { year, method, result, frozen } = model
  const canFreeze = canInWorkspace(workspace.role, 'footprint.edit')
  return (
    <>
      <p>
        {result ? <BaseLine c={c} result={result} /> : null}{' '}
        {t('footprint.method.used', { method: methodLabel(c, method), year })}{' '}
        <a href={`${home}/bases`}>{t('footprint.base.change')}</a> ·{' '}
        <a href="/empreinte/methode">{t('footprint.methodLink')}</a>
      </p>
      <form method="get" action={home} class="filters" aria-label={t('footprint.switch.label')}>
        <div class="field">
          <label for="annee">{t('footprint.switch.year')}</label>
          <input id="annee" name="annee" type="number" min="1990" max="2100" value={String(year)} />
        </div>
        <div class="field">
          <label for="methode">{t('footprint.switch.method')}</label>
          <select id="methode" name="methode">
            {(['stock', 'flux'] as const).map((each) => (
              <option value={each} selected={each === method}>
                {methodLabel(c, each)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="contributeurs">{t('footprint.switch.contributors')}</label>
          <select id="contributeurs" name="contributeurs">
            {contributorDimensions.map((each) => (
              <option value={each} selected={each === contributors}>
                {t(`footprint.contributors.${each}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('footprint.switch.submit')}</button>
      </form>
      <p class="muted">{t(`footprint.method.${method}.explain` as MessageKey)}</p>
      {frozen ? (
        <p class="notice">
          {t('footprint.frozen.exists', {
            year,
            method: methodLabel(c, method),
            date: formatLongDate(locale, frozen.createdAt),
          })}{' '}
          <a href={`${home}/bilans/${year}/${method}`}>{t('footprint.frozen.see')}</a>
        </p>
      ) : result && canFreeze ? (
        <form method="post" action={`${home}/figer`} class="freeze">
          <CsrfField c={c} />
          <input type="hidden" name="annee" value={String(year)} />
          <input type="hidden" name="methode" value={method} />
          <p>{t('footprint.freeze.lead')}</p>
          <button type="submit">
            {t('footprint.freeze.submit', { year, method: methodLabel(c, method) })}
          </button>
        </form>
      ) : null}
      <p>
        <a href={`${home}/bilans`}>{t('footprint.frozen.list')}</a>
      </p>
    </>
  )
}

function FrozenHeader({ c, model }: { c: Context<AppEnv>; model: ResultsModel }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const home = `/espace/${c.get('workspace').id}/empreinte`
  const frozen = model.frozen
  return (
    <>
      <p>
        {model.result ? <BaseLine c={c} result={model.result} /> : null}{' '}
        {t('footprint.frozen.when', {
          date: formatLongDate(locale, frozen?.createdAt ?? ''),
          who: frozen?.createdBy ?? t('footprint.frozen.someone'),
        })}
      </p>
      <p class="muted">{t('footprint.frozen.note')}</p>
      <p>
        <a href={withQuery(home, { annee: model.year, methode: model.method })}>
          {t('footprint.frozen.live', { year: model.year })}
        </a>{' '}
        · <a href={`${home}/bilans`}>{t('footprint.frozen.list')}</a>
      </p>
    </>
  )
}

function ResultBody({
  c,
  result,
  address,
  model,
  contributors,
}: {
  c: Context<AppEnv>
  result: FootprintResult
  address: FigureAddress
  model: ResultsModel
  contributors: ContributorDimension
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const home = `/espace/${workspace.id}/empreinte`
  const climate = result.criteria.find((criterion) => criterion.id === 'climate') ?? result.criteria[0]
  const n = (value: number) => formatNumber(locale, value)
  return (
    <>
      <p>
        {t('footprint.counted', {
          items: n(result.counted.items),
          quantity: n(result.counted.quantity),
          year: result.year,
        })}{' '}
        {result.excluded.items > 0
          ? t('footprint.excluded', {
              items: n(result.excluded.items),
              quantity: n(result.excluded.quantity),
              boughtAfter: n(result.excluded.boughtAfter),
              retiredBefore: n(result.excluded.retiredBefore),
              retiredWithoutDate: n(result.excluded.retiredWithoutDate),
            })
          : t('footprint.excludedNone')}
      </p>

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">{t('footprint.totals.title', { year: result.year })}</h2>
        {result.criteria.map((criterion) => (
          <CriterionTotals c={c} result={result} criterion={criterion} address={address} />
        ))}
      </section>

      <PerCapitaSection c={c} result={result} address={address} live={model.live} />

      <FlagsSection c={c} flags={result.flags} address={address} />

      {climate ? (
        <>
          <TypeSection c={c} result={result} criterion={climate} address={address} />
          <ContributorsSection
            c={c}
            result={result}
            criterion={climate}
            address={address}
            dimension={contributors}
          />
          <TrendSection c={c} model={model} criterion={climate} />
        </>
      ) : null}

      <GroupSection c={c} result={result} address={address} dimension="site" />
      <GroupSection c={c} result={result} address={address} dimension="service" />
      <GroupSection c={c} result={result} address={address} dimension="tag" />

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('footprint.export.title')}</h2>
        <ul>
          {(['csv', 'json'] as const).map((format) => (
            <li>
              <a
                href={withQuery(`${home}/export`, {
                  annee: result.year,
                  methode: result.method,
                  format,
                  bilan: address.frozen ? '1' : undefined,
                })}
              >
                {t(`footprint.export.${format}` as MessageKey)}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

/** « 1,23 tCO2e », or « non disponible ». */
function figureText(c: Context<AppEnv>, figure: Figure, unit: string): string {
  return figure.value === null
    ? c.get('t')('footprint.unavailable')
    : formatAmount(c.get('locale'), figure.value, unit)
}

/** The figure as a link to its explanation; the link's name says what it opens. */
function FigureLink({
  c,
  href,
  text,
  what,
}: {
  c: Context<AppEnv>
  href: string
  text: string
  what: string
}) {
  return (
    <a href={href} aria-label={c.get('t')('footprint.figure.how', { figure: text, what })}>
      {text}
    </a>
  )
}

/**
 * Figures as a bar chart in a <figure>: each bar's label and figure as the table under it writes
 * them, and the image's description listing them all (`describe` puts the list in its sentence).
 */
function FigureBars({
  c,
  id,
  title,
  describe,
  unit,
  bars,
}: {
  c: Context<AppEnv>
  id: string
  title: string
  describe: (list: string) => string
  unit: string
  bars: { label: string; figure: Figure }[]
}) {
  const text = (figure: Figure) => figureText(c, figure, unit)
  return (
    <figure>
      <BarChart
        id={id}
        title={title}
        description={describe(bars.map((bar) => `${bar.label} ${text(bar.figure)}`).join(' ; '))}
        rows={bars.map((bar) => ({ label: bar.label, value: bar.figure.value, text: text(bar.figure) }))}
      />
    </figure>
  )
}

/** A group's total for one criterion (a type, a site…), as a link to its explanation. */
function LineFigureLink({
  c,
  address,
  criterion,
  dimension,
  line,
}: {
  c: Context<AppEnv>
  address: FigureAddress
  criterion: Criterion
  dimension: GroupDimension
  line: FootprintLine
}) {
  const name = groupLabel(c, dimension, line.key)
  return (
    <FigureLink
      c={c}
      href={explanationHref(c.get('workspace').id, address, {
        criterion: criterion.id,
        phase: 'total',
        dimension,
        key: line.key,
      })}
      text={figureText(c, totalOf(line, criterion), criterion.unit)}
      what={`${name}, ${criterionLabel(c, criterion)}`}
    />
  )
}

function LeftOut({ c, figure }: { c: Context<AppEnv>; figure: Figure }) {
  if (figure.unavailableQuantity === 0) return null
  return (
    <>
      {' '}
      <small>
        {c.get('t')('footprint.leftOut', {
          quantity: formatNumber(c.get('locale'), figure.unavailableQuantity),
        })}
      </small>
    </>
  )
}

/** What every section of a result gets: the result and where its figures' explanations live. */
interface SectionProps {
  c: Context<AppEnv>
  result: FootprintResult
  address: FigureAddress
}

/** A section about one criterion (the headline one, or each in turn). */
interface CriterionSectionProps extends SectionProps {
  criterion: Criterion
}

function CriterionTotals({ c, result, criterion, address }: CriterionSectionProps) {
  const t = c.get('t')
  const workspaceId = c.get('workspace').id
  const figures = result.total.impacts[criterion.id]
  if (!figures) return null
  const label = criterionLabel(c, criterion)
  const id = `phases-${criterion.id}`
  const total = figures.total
  return (
    <div class="criterion-block">
      <h3>
        {label} ({criterion.unit})
      </h3>
      <p class="headline">
        <FigureLink
          c={c}
          href={explanationHref(workspaceId, address, {
            criterion: criterion.id,
            phase: 'total',
            dimension: 'total',
          })}
          text={figureText(c, total, criterion.unit)}
          what={t('footprint.figure.total', { criterion: label })}
        />
        <LeftOut c={c} figure={total} />
      </p>
      <FigureBars
        c={c}
        id={`chart-${id}`}
        title={t('footprint.chart.phases.title', { criterion: label, year: result.year })}
        describe={(phases) => t('footprint.chart.phases.desc', { phases })}
        unit={criterion.unit}
        bars={footprintPhases.map((phase) => ({ label: phaseLabel(c, phase), figure: figures[phase] }))}
      />
      <div class="table-scroll">
        <table>
          <caption>{t('footprint.table.phases', { criterion: label, year: result.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('footprint.table.phase')}</th>
              <th scope="col">{t('footprint.table.value')}</th>
              <th scope="col">{t('footprint.table.leftOut')}</th>
            </tr>
          </thead>
          <tbody>
            {[...footprintPhases, 'total' as const].map((phase) => (
              <tr>
                <th scope="row">{phaseLabel(c, phase)}</th>
                <td>
                  <FigureLink
                    c={c}
                    href={explanationHref(workspaceId, address, {
                      criterion: criterion.id,
                      phase,
                      dimension: 'total',
                    })}
                    text={figureText(c, figures[phase], criterion.unit)}
                    what={t('footprint.figure.phase', { criterion: label, phase: phaseLabel(c, phase) })}
                  />
                </td>
                <td>{formatNumber(c.get('locale'), figures[phase].unavailableQuantity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function PerCapitaSection({ c, result, address, live }: SectionProps & { live: boolean }) {
  const t = c.get('t')
  const workspaceId = c.get('workspace').id
  const locale = c.get('locale')
  const rows = [
    { per: 'agent' as const, figures: result.perAgent, label: t('footprint.perAgent') },
    { per: 'habitant' as const, figures: result.perInhabitant, label: t('footprint.perInhabitant') },
  ]
  return (
    <section aria-labelledby="per-capita-heading">
      <h2 id="per-capita-heading">{t('footprint.perCapita.title')}</h2>
      <ul>
        {rows.map((row) =>
          row.figures === null ? (
            <li>
              {row.per === 'agent' ? (
                <>
                  {t(live ? 'footprint.perAgent.missing' : 'footprint.perAgent.missingFrozen')}{' '}
                  {live ? <a href={`/espace/${workspaceId}`}>{t('footprint.perAgent.declare')}</a> : null}
                </>
              ) : (
                t('footprint.perInhabitant.missing')
              )}
            </li>
          ) : (
            <li>
              {row.label} (
              {t(row.per === 'agent' ? 'footprint.perAgent.count' : 'footprint.perInhabitant.count', {
                count: formatNumber(locale, row.figures.count),
              })}
              ){t('ui.colon')}
              {result.criteria.map((criterion, index) => {
                const value = row.figures?.values[criterion.id] ?? null
                const text =
                  value === null ? t('footprint.unavailable') : formatAmount(locale, value, criterion.unit)
                return (
                  <>
                    {index > 0 ? ' ; ' : null}
                    <FigureLink
                      c={c}
                      href={explanationHref(workspaceId, address, { criterion: criterion.id, per: row.per })}
                      text={text}
                      what={`${row.label}, ${criterionLabel(c, criterion)}`}
                    />
                  </>
                )
              })}
            </li>
          ),
        )}
      </ul>
    </section>
  )
}

function FlagsSection({
  c,
  flags,
  address,
}: {
  c: Context<AppEnv>
  flags: FootprintFlag[]
  address: FigureAddress
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspaceId = c.get('workspace').id
  if (flags.length === 0) return null
  return (
    <section aria-labelledby="flags-heading">
      <h2 id="flags-heading">{t('footprint.flags.title')}</h2>
      {address.frozen ? <p class="muted">{t('footprint.flags.frozenNote')}</p> : null}
      {flags.map((flag) => (
        <div class="flag" id={`flag-${flag.code}`}>
          <h3>{t(`footprint.flag.${flag.code}.title` as MessageKey)}</h3>
          <p>
            {t(`footprint.flag.${flag.code}.text` as MessageKey, {
              items: formatNumber(locale, flag.items),
              quantity: formatNumber(locale, flag.quantity),
            })}
            {flag.values.length > 0 ? (
              <>
                {' '}
                {t('footprint.flags.values', {
                  // Types in words; countries and datacenter names as the inventory writes them.
                  values: flag.values
                    .map((value) =>
                      flag.code === 'noFactor' || flag.code === 'noUseProfile' ? typeLabel(c, value) : value,
                    )
                    .join(', '),
                })}
              </>
            ) : null}
          </p>
          {flag.lines.length > 0 ? (
            <>
              <p>
                {flag.lines.length < flag.items
                  ? t('footprint.flags.firstItems', { shown: flag.lines.length })
                  : t('footprint.flags.items')}
              </p>
              <ul class="inline-list">
                {flag.lines.map((itemId) => (
                  <li>
                    <a href={`/espace/${workspaceId}/empreinte/inventaire/${itemId}`}>
                      {t('footprint.flags.item', { id: itemId })}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ))}
    </section>
  )
}

function totalOf(line: FootprintLine, criterion: Criterion): Figure {
  return line.impacts[criterion.id]?.total ?? { value: null, unavailableQuantity: 0 }
}

function TypeSection({ c, result, criterion, address }: CriterionSectionProps) {
  const t = c.get('t')
  const label = criterionLabel(c, criterion)
  const rows = [...result.byType].sort(
    (a, b) => (totalOf(b, criterion).value ?? -1) - (totalOf(a, criterion).value ?? -1),
  )
  return (
    <section aria-labelledby="types-heading">
      <h2 id="types-heading">{t('footprint.types.title')}</h2>
      {rows.length === 0 ? (
        <p>{t('footprint.types.none')}</p>
      ) : (
        <>
          <FigureBars
            c={c}
            id="chart-types"
            title={t('footprint.chart.types.title', { criterion: label, year: result.year })}
            describe={(list) => t('footprint.chart.types.desc', { rows: list })}
            unit={criterion.unit}
            bars={rows.map((line) => ({
              label: groupLabel(c, 'type', line.key),
              figure: totalOf(line, criterion),
            }))}
          />
          <GroupTable c={c} result={result} address={address} dimension="type" lines={rows} />
        </>
      )}
    </section>
  )
}

function ContributorsSection({
  c,
  result,
  criterion,
  address,
  dimension,
}: CriterionSectionProps & { dimension: ContributorDimension }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const label = criterionLabel(c, criterion)
  const lines: FootprintLine[] =
    dimension === 'site' ? result.bySite : dimension === 'service' ? result.byService : result.byType
  const top = lines
    .filter((line) => totalOf(line, criterion).value !== null)
    .sort((a, b) => (totalOf(b, criterion).value as number) - (totalOf(a, criterion).value as number))
    .slice(0, topCount)
  const total = totalOf(result.total, criterion).value
  const what = t(`footprint.contributors.${dimension}` as MessageKey)
  return (
    <section aria-labelledby="top-heading">
      <h2 id="top-heading">{t('footprint.top.title', { count: topCount, what })}</h2>
      <p class="muted">{t('footprint.top.lead', { criterion: label })}</p>
      {top.length === 0 ? (
        <p>{t('footprint.top.none')}</p>
      ) : (
        <>
          <FigureBars
            c={c}
            id="chart-top"
            title={t('footprint.chart.top.title', { what, criterion: label, year: result.year })}
            describe={(list) => t('footprint.chart.top.desc', { rows: list })}
            unit={criterion.unit}
            bars={top.map((line) => ({
              label: groupLabel(c, dimension, line.key),
              figure: totalOf(line, criterion),
            }))}
          />
          <div class="table-scroll">
            <table>
              <caption>{t('footprint.table.top', { what, criterion: label, year: result.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('footprint.table.rank')}</th>
                  <th scope="col">{t(`footprint.dimension.${dimension}` as MessageKey)}</th>
                  <th scope="col">{label}</th>
                  <th scope="col">{t('footprint.table.share')}</th>
                </tr>
              </thead>
              <tbody>
                {top.map((line, index) => {
                  const figure = totalOf(line, criterion)
                  return (
                    <tr>
                      <td>{formatNumber(locale, index + 1)}</td>
                      <th scope="row">{groupLabel(c, dimension, line.key)}</th>
                      <td>
                        <LineFigureLink
                          c={c}
                          address={address}
                          criterion={criterion}
                          dimension={dimension}
                          line={line}
                        />
                      </td>
                      <td>
                        {total && figure.value !== null ? formatShare(locale, figure.value / total) : '—'}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}

function TrendSection({
  c,
  model,
  criterion,
}: {
  c: Context<AppEnv>
  model: ResultsModel
  criterion: Criterion
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspaceId = c.get('workspace').id
  const label = criterionLabel(c, criterion)
  const points = model.trend.map((entry) => {
    const figure = entry.result ? totalOf(entry.result.total, criterion) : null
    return {
      year: entry.year,
      value: figure?.value ?? null,
      text:
        figure === null
          ? model.live
            ? t('footprint.unavailable')
            : t('footprint.trend.notFrozen')
          : figureText(c, figure, criterion.unit),
      frozen: entry.frozen !== null,
      entry,
      figure,
    }
  })
  const first = model.trend[0]?.year ?? model.year
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t('footprint.trend.title', { from: first, to: model.year })}</h2>
      <p class="muted">{t(model.live ? 'footprint.trend.lead' : 'footprint.trend.leadFrozen')}</p>
      <figure>
        <TrendChart
          id="chart-trend"
          title={t('footprint.chart.trend.title', { criterion: label, from: first, to: model.year })}
          description={t('footprint.chart.trend.desc', {
            rows: points.map((point) => `${point.year}${point.frozen ? ' *' : ''} ${point.text}`).join(' ; '),
          })}
          points={points}
        />
        <figcaption>{t('footprint.trend.key')}</figcaption>
      </figure>
      <div class="table-scroll">
        <table>
          <caption>{t('footprint.table.trend', { criterion: label, from: first, to: model.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('footprint.table.year')}</th>
              <th scope="col">{label}</th>
              <th scope="col">{t('footprint.table.source')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr>
                <th scope="row">{point.year}</th>
                <td>
                  {point.figure ? (
                    <FigureLink
                      c={c}
                      href={explanationHref(
                        workspaceId,
                        { year: point.year, method: model.method, frozen: point.frozen },
                        { criterion: criterion.id, phase: 'total', dimension: 'total' },
                      )}
                      text={point.text}
                      what={t('footprint.figure.total', { criterion: `${label} ${point.year}` })}
                    />
                  ) : (
                    point.text
                  )}
                </td>
                <td>
                  {point.entry.frozen ? (
                    <a href={`/espace/${workspaceId}/empreinte/bilans/${point.year}/${model.method}`}>
                      {t('footprint.trend.frozenSource', {
                        base: `${point.entry.frozen.baseId} ${point.entry.frozen.baseVersion}`,
                        date: formatLongDate(locale, point.entry.frozen.createdAt),
                      })}
                    </a>
                  ) : point.entry.result ? (
                    t('footprint.trend.computedSource')
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

const groupHeadings: Record<'site' | 'service' | 'tag', MessageKey> = {
  site: 'footprint.sites.title',
  service: 'footprint.services.title',
  tag: 'footprint.tags.title',
}

function GroupSection({
  c,
  result,
  address,
  dimension,
}: SectionProps & { dimension: 'site' | 'service' | 'tag' }) {
  const t = c.get('t')
  const lines =
    dimension === 'site' ? result.bySite : dimension === 'service' ? result.byService : result.byTag
  return (
    <section aria-labelledby={`${dimension}-heading`}>
      <h2 id={`${dimension}-heading`}>{t(groupHeadings[dimension])}</h2>
      {dimension === 'tag' ? <p class="muted">{t('footprint.tags.note')}</p> : null}
      <GroupTable c={c} result={result} address={address} dimension={dimension} lines={lines} />
    </section>
  )
}

function GroupTable({
  c,
  result,
  address,
  dimension,
  lines,
}: SectionProps & { dimension: 'type' | 'site' | 'service' | 'tag'; lines: FootprintLine[] }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const shown = lines.slice(0, tableRowsShown)
  const dimensionName = t(`footprint.dimension.${dimension}` as MessageKey)
  return (
    <>
      <div class="table-scroll">
        <table>
          <caption>{t('footprint.table.group', { dimension: dimensionName, year: result.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{dimensionName}</th>
              <th scope="col">{t('footprint.table.items')}</th>
              <th scope="col">{t('footprint.table.quantity')}</th>
              {result.criteria.map((criterion) => (
                <th scope="col">
                  {criterionLabel(c, criterion)} ({criterion.unit})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => (
              <tr>
                <th scope="row">{groupLabel(c, dimension, line.key)}</th>
                <td>{formatNumber(locale, line.items)}</td>
                <td>{formatNumber(locale, line.quantity)}</td>
                {result.criteria.map((criterion) => {
                  const figure = totalOf(line, criterion)
                  return (
                    <td>
                      <LineFigureLink
                        c={c}
                        address={address}
                        criterion={criterion}
                        dimension={dimension}
                        line={line}
                      />
                      <LeftOut c={c} figure={figure} />
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {lines.length > shown.length ? (
        <p class="muted">
          {t('footprint.table.more', { count: formatNumber(locale, lines.length - shown.length) })}
        </p>
      ) : null}
    </>
  )
}
