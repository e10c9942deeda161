import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { Notice } from '../../../../ui/components.js'
import { noticeFrom } from '../../../../ui/notices.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import type { FactorBase } from '../../factor-base.schemas.js'
import { FootprintNav } from '../../views/footprint-nav.js'
import { headlineCriterion, type StoredComparison } from '../compare-stored-scenario.js'
import type { SavedScenario } from '../scenarios.queries.js'
import { formatFigure, formatPercent } from './figures.js'
import { LeverList } from './levers.js'
import { YearForm } from './year-form.js'

export interface ScenarioListRow {
  saved: SavedScenario
  comparison: StoredComparison
}

/** The workspace's saved scenarios with what each avoids in the year, and the way to a new one. */
export function ScenarioListPage({
  c,
  rows,
  base,
  year,
}: {
  c: Context<AppEnv>
  rows: ScenarioListRow[]
  base: FactorBase
  year: number
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const path = `/espace/${workspace.id}/empreinte/scenarios`
  const notice = noticeFrom(c, { supprime: 'scenarios.notice.deleted' })
  const criterion = base.criteria.find((candidate) => candidate.id === 'climate') ?? base.criteria[0]
  return (
    <>
      <h1>{t('scenarios.list.title')}</h1>
      <FootprintNav c={c} current="scenarios" />
      <Notice text={notice?.text} />
      <p class="lead">{t('scenarios.list.lead')}</p>
      <YearForm c={c} year={year} action={path} />
      {canInWorkspace(workspace.role, 'footprint.edit') ? (
        <p>
          <a href={`${path}/nouveau${year === new Date().getUTCFullYear() ? '' : `?annee=${year}`}`}>
            {t('scenarios.list.create')}
          </a>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('scenarios.list.none')}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="scenarios-caption" tabindex={0}>
          <table>
            <caption id="scenarios-caption">
              {t('scenarios.list.caption', { year, base: `${base.id} ${base.version}` })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('scenarios.list.name')}</th>
                <th scope="col">{t('scenarios.list.levers')}</th>
                <th scope="col">{t('scenarios.list.madeWith')}</th>
                <th scope="col" class="num">
                  {t('scenarios.list.avoided', { unit: criterion?.unit ?? '' })}
                </th>
                <th scope="col" class="num">
                  {t('scenarios.table.percent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ saved, comparison }) => {
                const headline = comparison.ok ? headlineCriterion(comparison.comparison.baseline) : undefined
                const avoided =
                  comparison.ok && headline ? comparison.comparison.avoided.total[headline.id] : undefined
                return (
                  <tr>
                    <th scope="row">
                      <a href={`${path}/${saved.id}?annee=${year}`}>{saved.name}</a>
                    </th>
                    <td>
                      <LeverList c={c} stored={saved.stored} base={base} />
                    </td>
                    <td>
                      {saved.stored.base.id} {saved.stored.base.version}
                      {saved.stored.base.id !== base.id || saved.stored.base.version !== base.version ? (
                        <>
                          <br />
                          <small>{t('scenarios.list.otherBase')}</small>
                        </>
                      ) : null}
                    </td>
                    <td class="num">
                      {!comparison.ok
                        ? t('scenarios.list.cannotCompute')
                        : avoided?.value === null || avoided?.value === undefined
                          ? t('scenarios.notAvailable')
                          : formatFigure(locale, avoided.value)}
                    </td>
                    <td class="num">
                      {avoided?.percent === null || avoided?.percent === undefined
                        ? '—'
                        : `${formatPercent(locale, avoided.percent)} %`}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </section>
      )}
      <p class="muted">{t('scenarios.list.method')}</p>
    </>
  )
}
