import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { Notice } from '../../../../ui/components.js'
import { noticeFrom } from '../../../../ui/notices.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import type { ObjectiveWithStatus } from '../objectives.queries.js'
import { yearValueText } from './figures.js'
import { ObjectiveStatusBadge } from './objective-status-badge.js'

/** The workspace's objectives with where each stands this year, and the way to a new one. */
export function ObjectiveListPage({
  c,
  objectives,
  year,
}: {
  c: Context<AppEnv>
  objectives: ObjectiveWithStatus[]
  year: number
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const path = `/espace/${workspace.id}/strategie/objectifs`
  const notice = noticeFrom(c, { supprime: 'objectives.notice.deleted' })
  // Indicator names come from the referential, in French whatever the page's language.
  const french = locale === 'fr' ? undefined : 'fr'
  return (
    <>
      <h1>{t('objectives.list.title')}</h1>
      <StrategyNav c={c} current="objectives" />
      <Notice text={notice?.text} />
      <p class="lead">{t('objectives.list.lead')}</p>
      <ul class="inline-list">
        {canInWorkspace(workspace.role, 'strategy.edit') ? (
          <li>
            <a href={`${path}/nouveau`}>{t('objectives.list.create')}</a>
          </li>
        ) : null}
        <li>
          <a href={`/espace/${workspace.id}/strategie/axes`}>{t('objectives.list.axesLink')}</a>
        </li>
      </ul>
      {objectives.length === 0 ? (
        <p>{t('objectives.list.none')}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="objectives-caption" tabindex={0}>
          <table>
            <caption id="objectives-caption">{t('objectives.list.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('objectives.field.title')}</th>
                <th scope="col">{t('objectives.field.indicator')}</th>
                <th scope="col">{t('objectives.list.axis')}</th>
                <th scope="col">{t('objectives.list.baseline')}</th>
                <th scope="col">{t('objectives.list.nextTarget')}</th>
                <th scope="col">{t('objectives.list.measured')}</th>
                <th scope="col">{t('objectives.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {objectives.map((objective) => (
                <tr>
                  <th scope="row">
                    <a href={`${path}/${objective.id}`}>{objective.title}</a>
                  </th>
                  <td>
                    {objective.indicatorId} <span lang={french}>{objective.indicatorName}</span>
                  </td>
                  <td>
                    {objective.decreeAxis === null
                      ? '—'
                      : t('objectives.axisNumber', { axis: objective.decreeAxis })}
                  </td>
                  <td>{yearValueText(locale, objective.baseline, objective.unit)}</td>
                  <td>
                    {objective.nextTarget ? yearValueText(locale, objective.nextTarget, objective.unit) : '—'}
                  </td>
                  <td>
                    {objective.measured ? yearValueText(locale, objective.measured, objective.unit) : '—'}
                  </td>
                  <td>
                    <ObjectiveStatusBadge c={c} status={objective.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  )
}
