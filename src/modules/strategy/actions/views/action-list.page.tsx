import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { actionStatuses } from '../../../../db/schema.js'
import { formatBudget, formatNumber } from '../../../../i18n/i18n.js'
import { Notice, withQuery } from '../../../../ui/components.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import { type ActionFilterQuery, filterParams, hasFilter } from '../action-filters.js'
import type { ActionRecord } from '../actions.queries.js'
import { ActionFiltersForm, type FilterOptions } from './action-filters-form.js'
import { ownerText, periodText, statusKeys } from './action-texts.js'

/** The action plan: filters, what the filters list (count, statuses, budget), the table, exports. */
export function ActionListPage({
  c,
  actions,
  query,
  options,
  notice,
}: {
  c: Context<AppEnv>
  actions: ActionRecord[]
  query: ActionFilterQuery
  options: FilterOptions
  notice: string | undefined
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const path = `/espace/${workspace.id}/strategie/actions`
  const params = filterParams(query)
  const filtered = hasFilter(query)
  const budget = actions.reduce((sum, action) => sum + (action.budgetEuros ?? 0), 0)
  const counts = actionStatuses
    .map((status) => ({ status, count: actions.filter((action) => action.status === status).length }))
    .filter((entry) => entry.count > 0)
  return (
    <>
      <h1>{t('actions.list.title')}</h1>
      <StrategyNav c={c} current="actions" />
      <Notice text={notice} />
      <p class="lead">{t('actions.list.lead')}</p>
      <ul class="inline-list">
        {canInWorkspace(workspace.role, 'strategy.edit') ? (
          <li>
            <a href={`${path}/nouvelle`}>{t('actions.list.create')}</a>
          </li>
        ) : null}
        <li>
          <a href={withQuery(`${path}/calendrier`, params)}>{t('actions.list.calendar')}</a>
        </li>
      </ul>
      <ActionFiltersForm c={c} action={path} query={query} options={options} />
      {filtered ? (
        <p>
          <a href={path}>{t('actions.filter.reset')}</a>
        </p>
      ) : null}
      <p>
        {t(filtered ? 'actions.list.countFiltered' : 'actions.list.count', {
          count: formatNumber(locale, actions.length),
        })}{' '}
        {t('actions.list.budget', { budget: formatBudget(locale, budget) })}
      </p>
      {counts.length > 0 ? (
        <ul class="inline-list" aria-label={t('actions.list.byStatus')}>
          {counts.map((entry) => (
            <li>
              {t(statusKeys[entry.status])}
              {t('ui.colon')}
              {formatNumber(locale, entry.count)}
            </li>
          ))}
        </ul>
      ) : null}
      {actions.length === 0 ? (
        <p>{t(filtered ? 'actions.list.noneFiltered' : 'actions.list.none')}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="actions-caption" tabindex={0}>
          <table>
            <caption id="actions-caption">
              {t(filtered ? 'actions.list.captionFiltered' : 'actions.list.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('actions.table.title')}</th>
                <th scope="col">{t('actions.table.status')}</th>
                <th scope="col">{t('actions.table.owner')}</th>
                <th scope="col">{t('actions.table.period')}</th>
                <th scope="col">{t('actions.table.commitments')}</th>
                <th scope="col" class="num">
                  {t('actions.table.budget')}
                </th>
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => (
                <tr>
                  <th scope="row">
                    <a href={`${path}/${action.id}`}>{action.title}</a>{' '}
                    <small class="muted">
                      {t(action.isPublic ? 'actions.visibility.public' : 'actions.visibility.internal')}
                    </small>
                  </th>
                  <td>{t(statusKeys[action.status])}</td>
                  <td>{ownerText(action)}</td>
                  <td>{periodText(c, action)}</td>
                  <td>{action.commitments.join(', ') || '—'}</td>
                  <td class="num">
                    {action.budgetEuros === null ? '—' : formatBudget(locale, action.budgetEuros)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <h2 id="export-heading">{t('actions.export.heading')}</h2>
      <ul class="inline-list" aria-labelledby="export-heading">
        <li>
          <a href={withQuery(`${path}/export`, { format: 'csv', ...params })}>{t('actions.export.csv')}</a>
        </li>
        <li>
          <a href={withQuery(`${path}/export`, { format: 'xlsx', ...params })}>{t('actions.export.xlsx')}</a>
        </li>
      </ul>
    </>
  )
}
