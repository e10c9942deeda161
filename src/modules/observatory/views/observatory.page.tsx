import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatNumber, type MessageKey } from '../../../i18n/i18n.js'
import type { Distribution } from '../../assessments/peer-statistics.js'
import { minimumGroupSize, populationBands } from '../../assessments/peer-statistics.js'
import type { YearDistributions } from '../../assessments/peers.queries.js'
import type { Referential } from '../../referential/referential.schemas.js'
import { indexReferential } from '../../referential/referential-index.js'

const kindOrder = ['commune', 'epci', 'ept', 'special', 'departement', 'region', 'unknown']
const bandOrder = [...populationBands.map((band) => band.id as string), 'unknown']

/** National figures of a year's submitted self-assessments: overall and per commitment, then per group. */
export function ObservatoryPage({
  c,
  year,
  years,
  demo,
  distributions,
  referential,
}: {
  c: Context<AppEnv>
  year: number
  years: number[]
  demo: boolean
  distributions: YearDistributions
  referential: Referential
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const format = (value: number) => formatNumber(locale, Math.round(value * 10) / 10)
  const cells = (distribution: Distribution | null | undefined) =>
    distribution ? (
      <>
        <td>{format(distribution.q1)}</td>
        <td>{format(distribution.median)}</td>
        <td>{format(distribution.q3)}</td>
      </>
    ) : (
      <td colspan={3}>{t('observatory.hidden')}</td>
    )
  const titles = indexReferential(referential).commitmentById
  const scopes = [...distributions.national.byScope.keys()]
    .filter((key) => key.startsWith('commitment:'))
    .sort()
  const groups = [...distributions.groups.entries()]
    .map(([key, group]) => {
      const [kind = 'unknown', band = 'unknown'] = key.split('|')
      return { kind, band, group }
    })
    .sort(
      (a, b) =>
        kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
        bandOrder.indexOf(a.band) - bandOrder.indexOf(b.band),
    )
  const quartileHeaders = (
    <>
      <th scope="col">{t('observatory.q1')}</th>
      <th scope="col">{t('observatory.median')}</th>
      <th scope="col">{t('observatory.q3')}</th>
    </>
  )
  return (
    <>
      <h1>{t('observatory.title', { year })}</h1>
      <p class="lead">{t('observatory.lead', { minimum: minimumGroupSize })}</p>
      <p>
        {demo ? (
          <>
            <strong>{t('observatory.demoShown')}</strong>{' '}
            <a href="/observatoire">{t('observatory.realLink')}</a>
          </>
        ) : (
          <a href="/observatoire?demo=1">{t('observatory.demoLink')}</a>
        )}
      </p>
      {years.length > 1 ? (
        <form method="get" action="/observatoire" class="inline">
          <p class="field">
            <label for="annee">{t('assessment.year')}</label>
            <select id="annee" name="annee">
              {years.map((candidate) => (
                <option value={String(candidate)} selected={candidate === year}>
                  {candidate}
                </option>
              ))}
            </select>
          </p>
          {demo ? <input type="hidden" name="demo" value="1" /> : null}
          <button type="submit">{t('observatory.show')}</button>
        </form>
      ) : null}
      <p>{t('observatory.count', { count: distributions.national.count, year })}</p>
      {distributions.national.count === 0 ? null : (
        <>
          <table>
            <caption>{t('observatory.nationalCaption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.results.commitment')}</th>
                {quartileHeaders}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('assessment.results.overallRow')}</th>
                {cells(distributions.national.byScope.get('overall'))}
              </tr>
              {scopes.map((scope) => {
                const id = scope.slice('commitment:'.length)
                return (
                  <tr>
                    <th scope="row">
                      {id}
                      {titles.get(id) ? (
                        <>
                          {' · '}
                          <span lang="fr">{titles.get(id)?.commitment.title}</span>
                        </>
                      ) : null}
                    </th>
                    {cells(distributions.national.byScope.get(scope))}
                  </tr>
                )
              })}
            </tbody>
          </table>
          <table>
            <caption>{t('observatory.groupsCaption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('observatory.group')}</th>
                <th scope="col">{t('observatory.assessments')}</th>
                {quartileHeaders}
              </tr>
            </thead>
            <tbody>
              {groups.map(({ kind, band, group }) => (
                <tr>
                  <th scope="row">
                    {t('assessment.results.peerGroup', {
                      kind: t(`assessment.peerKind.${kind}` as MessageKey),
                      band: t(`assessment.band.${band}` as MessageKey),
                    })}
                  </th>
                  <td>
                    {group.count < minimumGroupSize
                      ? t('observatory.fewer', { minimum: minimumGroupSize })
                      : group.count}
                  </td>
                  {cells(group.byScope.get('overall'))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  )
}
