import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import type { Referential } from '../../../referential/referential.schemas.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import { type ObjectiveStatus, objectiveStatuses } from '../objective-status.js'
import type { ObjectiveWithStatus } from '../objectives.queries.js'
import { ObjectiveStatusBadge, objectiveStatusKeys } from './objective-status-badge.js'

const statuses = objectiveStatuses

interface AxisGroup {
  id: number | null
  label: string | null
  objectives: ObjectiveWithStatus[]
  actionCount: number
}

/**
 * The six axes of art. D2311-15-1 CGCT that a strategy must cover, each with the objectives it
 * holds and how many actions are tied to it; then the objectives tied to no axis. A gap (an axis
 * with nothing) is what this page is for: it shows plainly.
 */
export function AxesPage({
  c,
  referential,
  objectives,
  actionCounts,
  year,
}: {
  c: Context<AppEnv>
  referential: Referential
  objectives: ObjectiveWithStatus[]
  actionCounts: Map<number | null, number>
  year: number
}) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const path = `/espace/${workspace.id}/strategie/objectifs`
  const french = c.get('locale') === 'fr' ? undefined : 'fr'
  const axisIds = new Set(referential.decreeAxes.map((axis) => axis.id))
  const groups: AxisGroup[] = referential.decreeAxes.map((axis) => ({
    id: axis.id,
    label: axis.label,
    objectives: objectives.filter((objective) => objective.decreeAxis === axis.id),
    actionCount: actionCounts.get(axis.id) ?? 0,
  }))
  // An axis the referential no longer has counts as none: the objective must not vanish from the page.
  const withoutAxis = objectives.filter(
    (objective) => objective.decreeAxis === null || !axisIds.has(objective.decreeAxis),
  )
  const countOf = (group: AxisGroup, status: ObjectiveStatus) =>
    group.objectives.filter((objective) => objective.status === status).length
  const axisName = (group: AxisGroup) => t('objectives.axisNumber', { axis: group.id ?? '' })

  return (
    <>
      <h1>{t('objectives.axes.title')}</h1>
      <StrategyNav c={c} current="objectives" />
      <p class="lead">{t('objectives.axes.lead')}</p>
      <p>
        <a href={path}>{t('objectives.axes.listLink')}</a>
      </p>
      <section class="table-scroll" aria-labelledby="axes-caption" tabindex={0}>
        <table>
          <caption id="axes-caption">{t('objectives.axes.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('objectives.list.axis')}</th>
              <th scope="col" class="num">
                {t('objectives.axes.objectives')}
              </th>
              {statuses.map((status) => (
                <th scope="col" class="num">
                  {t(objectiveStatusKeys[status])}
                </th>
              ))}
              <th scope="col" class="num">
                {t('objectives.axes.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr>
                <th scope="row">
                  <a href={`#axe-${group.id}`}>{axisName(group)}</a>
                </th>
                <td class="num">{group.objectives.length}</td>
                {statuses.map((status) => (
                  <td class="num">{countOf(group, status)}</td>
                ))}
                <td class="num">{group.actionCount}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <a href="#sans-axe">{t('objectives.axes.none')}</a>
              </th>
              <td class="num">{withoutAxis.length}</td>
              {statuses.map((status) => (
                <td class="num">{withoutAxis.filter((objective) => objective.status === status).length}</td>
              ))}
              <td class="num">{actionCounts.get(null) ?? 0}</td>
            </tr>
          </tbody>
        </table>
      </section>

      {groups.map((group) => (
        <section aria-labelledby={`axe-${group.id}`}>
          <h2 id={`axe-${group.id}`}>
            {axisName(group)}
            {t('ui.colon')}
            <span lang={french}>{group.label}</span>
          </h2>
          <p>
            {t('objectives.axes.counts', { objectives: group.objectives.length, actions: group.actionCount })}
          </p>
          <ObjectiveItems
            c={c}
            objectives={group.objectives}
            path={path}
            empty={t('objectives.axes.empty')}
          />
        </section>
      ))}
      <section aria-labelledby="sans-axe">
        <h2 id="sans-axe">{t('objectives.axes.none')}</h2>
        <ObjectiveItems c={c} objectives={withoutAxis} path={path} empty={t('objectives.axes.noneEmpty')} />
      </section>
    </>
  )
}

function ObjectiveItems({
  c,
  objectives,
  path,
  empty,
}: {
  c: Context<AppEnv>
  objectives: ObjectiveWithStatus[]
  path: string
  empty: string
}) {
  if (objectives.length === 0) return <p>{empty}</p>
  return (
    <ul>
      {objectives.map((objective) => (
        <li>
          <a href={`${path}/${objective.id}`}>{objective.title}</a> ({objective.indicatorId}){' '}
          <ObjectiveStatusBadge c={c} status={objective.status} />
        </li>
      ))}
    </ul>
  )
}
