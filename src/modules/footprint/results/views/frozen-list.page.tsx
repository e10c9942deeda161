import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatLongDate } from '../../../../i18n/i18n.js'
import { FootprintNav } from '../../views/footprint-nav.js'
import { formatAmount } from '../format-figures.js'
import type { FrozenSummary } from '../frozen-results.js'
import { methodLabel } from './result-labels.js'

/** The workspace's frozen yearly results: what was reported, with the base each one used. */
export function FrozenListPage({ c, frozen }: { c: Context<AppEnv>; frozen: FrozenSummary[] }) {
  const t = c.get('t')
  const locale = c.get('locale')
  const home = `/espace/${c.get('workspace').id}/empreinte`
  return (
    <>
      <h1>{t('footprint.frozenList.title')}</h1>
      <FootprintNav c={c} current="results" />
      <p>{t('footprint.frozenList.lead')}</p>
      {frozen.length === 0 ? (
        <p>
          {t('footprint.frozenList.none')} <a href={home}>{t('footprint.frozenList.toResults')}</a>
        </p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('footprint.frozenList.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('footprint.table.year')}</th>
                <th scope="col">{t('footprint.switch.method')}</th>
                <th scope="col">{t('footprint.frozenList.base')}</th>
                <th scope="col">{t('footprint.frozenList.date')}</th>
                <th scope="col">{t('footprint.frozenList.who')}</th>
                <th scope="col">{t('footprint.frozenList.climate')}</th>
              </tr>
            </thead>
            <tbody>
              {frozen.map((row) => {
                const climate = row.total.climate ?? null
                return (
                  <tr>
                    <th scope="row">
                      <a href={`${home}/bilans/${row.year}/${row.method}`}>
                        {t('footprint.frozenList.open', {
                          year: row.year,
                          method: methodLabel(c, row.method),
                        })}
                      </a>
                    </th>
                    <td>{methodLabel(c, row.method)}</td>
                    <td>
                      {row.baseId} {row.baseVersion}
                    </td>
                    <td>{formatLongDate(locale, row.createdAt)}</td>
                    <td>{row.createdBy ?? t('footprint.frozen.someone')}</td>
                    <td>
                      {climate === null
                        ? t('footprint.unavailable')
                        : formatAmount(locale, climate, row.units.climate ?? 'kgCO2e')}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
