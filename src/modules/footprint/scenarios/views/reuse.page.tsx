import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatNumber, type MessageKey } from '../../../../i18n/i18n.js'
import { deviceTypeLabels } from '../../import/type-mapping.js'
import { disposalLabels } from '../../import/vocabulary.js'
import { deviceTypes } from '../../inventory-item.js'
import {
  type ReuseAssumption,
  type ReuseCount,
  type ReuseExclusionReason,
  type ReuseNote,
  type ReuseRateResult,
  reuseRoutes,
  reuseScope,
  reuseTargets,
} from '../../reuse-rate.js'
import { FootprintNav } from '../../views/footprint-nav.js'
import { formatPercent } from './figures.js'
import { ReuseGauge } from './reuse-gauge.js'
import { YearForm } from './year-form.js'

const exclusionKeys: Record<ReuseExclusionReason, MessageKey> = {
  outOfScope: 'reuse.excluded.outOfScope',
  overTenYears: 'reuse.excluded.overTenYears',
  sensitiveData: 'reuse.excluded.sensitiveData',
  notRetired: 'reuse.excluded.notRetired',
  retiredWithoutDate: 'reuse.excluded.retiredWithoutDate',
}

const assumptionKeys: Record<ReuseAssumption, MessageKey> = {
  unknownPurchaseDate: 'reuse.assumption.unknownPurchaseDate',
  unknownDisposal: 'reuse.assumption.unknownDisposal',
}

/** Links shown per reason; the rest is counted (the inventory page filters find them all). */
const linksShown = 10

/** The year's reuse rate of retired IT (REEN art. 16), what it counts and what it leaves out. */
export function ReusePage({ c, result }: { c: Context<AppEnv>; result: ReuseRateResult }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const itemPath = (line: number) => `/espace/${workspace.id}/empreinte/inventaire/${line}`
  const number = (value: number) => formatNumber(locale, value)
  const percent = (share: number) => `${formatPercent(locale, share * 100)} %`
  const french = locale === 'fr' ? undefined : 'fr'
  const { year, target, rate } = result
  const targetsText = reuseTargets
    .map((step, index) =>
      t(index === reuseTargets.length - 1 ? 'reuse.legal.targetFrom' : 'reuse.legal.targetIn', {
        percent: percent(step.rate),
        year: step.from,
      }),
    )
    .join(', ')

  const shown = (note: ReuseNote<string>) => Math.min(linksShown, note.lines.length)
  const Note = <Reason extends string>({ note, label }: { note: ReuseNote<Reason>; label: string }) => (
    <li>
      <strong>{label}</strong>
      {t('ui.colon')}
      {t('reuse.count', { items: number(note.items), quantity: number(note.quantity) })}
      {note.lines.length > 0 ? (
        <>
          {' '}
          <span>{t('reuse.firstItems')}</span>{' '}
          {note.lines.slice(0, linksShown).map((line, index) => (
            <>
              {index > 0 ? ', ' : ''}
              <a href={itemPath(line)}>{t('reuse.itemLink', { line })}</a>
            </>
          ))}
          {note.items > shown(note)
            ? ` ${t('reuse.andMore', { count: number(note.items - shown(note)) })}`
            : ''}
        </>
      ) : null}
    </li>
  )

  const CountHeads = () => (
    <>
      <th scope="col" class="num">
        {t('reuse.counts.items')}
      </th>
      <th scope="col" class="num">
        {t('reuse.counts.quantity')}
      </th>
    </>
  )
  const CountCells = ({ counts }: { counts: ReuseCount }) => (
    <>
      <td class="num">{number(counts.items)}</td>
      <td class="num">{number(counts.quantity)}</td>
    </>
  )

  return (
    <>
      <h1>{t('reuse.title')}</h1>
      <FootprintNav c={c} current="reuse" />
      <p class="lead">{t('reuse.lead')}</p>
      <p class="meta">{t('reuse.legal', { targets: targetsText })}</p>
      <YearForm c={c} year={year} action={`/espace/${workspace.id}/empreinte/reemploi`} />

      <section aria-labelledby="rate-heading">
        <h2 id="rate-heading">{t('reuse.rateTitle', { year })}</h2>
        {rate === null ? (
          <>
            <p>{t('reuse.empty', { year })}</p>
            <p class="hint">{t('reuse.emptyHint')}</p>
          </>
        ) : (
          <>
            <p class="score-headline">
              {t('reuse.rate', {
                rate: percent(rate),
                reused: number(result.reused.quantity),
                eligible: number(result.eligible.quantity),
              })}
            </p>
            <figure class="reuse-figure">
              <ReuseGauge
                rate={rate}
                target={target}
                title={t('reuse.gauge.title', { year })}
                description={
                  target === null
                    ? t('reuse.gauge.descNoTarget', { rate: percent(rate) })
                    : t('reuse.gauge.desc', { rate: percent(rate), target: percent(target) })
                }
                targetLabel={target === null ? '' : t('reuse.gauge.target', { target: percent(target) })}
              />
            </figure>
          </>
        )}
        <p>
          {target === null
            ? t('reuse.noTarget', { year })
            : t('reuse.target', { year, target: percent(target) })}{' '}
          {result.met === null ? null : (
            <strong class={result.met ? 'reuse-met' : 'reuse-not-met'}>
              {t(result.met ? 'reuse.met' : 'reuse.notMet')}
            </strong>
          )}
        </p>
      </section>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t('reuse.countsTitle')}</h2>
        <table>
          <caption>{t('reuse.counts.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reuse.counts.what')}</th>
              <CountHeads />
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('reuse.counts.eligible')}</th>
              <CountCells counts={result.eligible} />
            </tr>
            <tr>
              <th scope="row">{t('reuse.counts.reused')}</th>
              <CountCells counts={result.reused} />
            </tr>
          </tbody>
        </table>
        {result.byRoute.length > 0 ? (
          <table>
            <caption>{t('reuse.routes.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reuse.routes.route')}</th>
                <th scope="col">{t('reuse.routes.counts')}</th>
                <CountHeads />
              </tr>
            </thead>
            <tbody>
              {result.byRoute.map((route) => (
                <tr>
                  <th scope="row">{disposalLabels[route.route][locale]}</th>
                  <td>{t(reuseRoutes.includes(route.route) ? 'reuse.routes.yes' : 'reuse.routes.no')}</td>
                  <CountCells counts={route} />
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {result.byType.length > 0 ? (
          <table>
            <caption>{t('reuse.types.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reuse.types.type')}</th>
                <th scope="col" class="num">
                  {t('reuse.counts.eligible')}
                </th>
                <th scope="col" class="num">
                  {t('reuse.counts.reused')}
                </th>
                <th scope="col" class="num">
                  {t('reuse.types.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.byType.map((row) => (
                <tr>
                  <th scope="row">{deviceTypeLabels[row.type][locale]}</th>
                  <td class="num">{number(row.eligible.quantity)}</td>
                  <td class="num">{number(row.reused.quantity)}</td>
                  <td class="num">
                    {row.eligible.quantity === 0 ? '—' : percent(row.reused.quantity / row.eligible.quantity)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="excluded-heading">
        <h2 id="excluded-heading">{t('reuse.excludedTitle')}</h2>
        {result.excluded.length === 0 ? (
          <p>{t('reuse.excluded.none', { year })}</p>
        ) : (
          <ul>
            {result.excluded.map((note) => (
              <Note note={note} label={t(exclusionKeys[note.reason])} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="assumptions-heading">
        <h2 id="assumptions-heading">{t('reuse.assumptionsTitle')}</h2>
        {result.counted.length > 0 ? (
          <ul>
            {result.counted.map((note) => (
              <Note note={note} label={t(assumptionKeys[note.reason])} />
            ))}
          </ul>
        ) : null}
        <ul>
          <li>{t('reuse.assumption.sensitive')}</li>
          <li>{t('reuse.assumption.cohort')}</li>
          <li>{t('reuse.assumption.proof')}</li>
        </ul>
      </section>

      <section aria-labelledby="scope-heading">
        <h2 id="scope-heading">{t('reuse.scopeTitle')}</h2>
        <p>{t('reuse.scope.rule')}</p>
        <p>
          {t('reuse.scope.routes', {
            routes: reuseRoutes.map((route) => disposalLabels[route][locale]).join(', '),
          })}
        </p>
        <section class="table-scroll" aria-labelledby="scope-caption" tabindex={0}>
          <table>
            <caption id="scope-caption">{t('reuse.scope.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reuse.types.type')}</th>
                <th scope="col">{t('reuse.scope.included')}</th>
                <th scope="col">{t('reuse.scope.category')}</th>
                <th scope="col">{t('reuse.scope.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {deviceTypes.map((type) => (
                <tr>
                  <th scope="row">{deviceTypeLabels[type][locale]}</th>
                  <td>{t(reuseScope[type].included ? 'reuse.scope.yes' : 'reuse.scope.no')}</td>
                  <td>{reuseScope[type].category}</td>
                  <td lang={french}>{reuseScope[type].basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
    </>
  )
}
