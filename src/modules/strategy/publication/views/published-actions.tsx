import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { type ActionStatus, actionStatuses } from '../../../../db/schema.js'
import { formatBudget, type MessageKey } from '../../../../i18n/i18n.js'
import type { Page } from '../../../../lib/pagination.js'
import { Pagination } from '../../../../ui/components.js'
import type { PublishedAction } from '../snapshot-schema.js'
import { formatDay } from './published-format.js'

export const actionStatusKeys = {
  a_planifier: 'publicStrategy.actionStatus.a_planifier',
  planifiee: 'publicStrategy.actionStatus.planifiee',
  en_cours: 'publicStrategy.actionStatus.en_cours',
  realisee: 'publicStrategy.actionStatus.realisee',
  abandonnee: 'publicStrategy.actionStatus.abandonnee',
} as const satisfies Record<ActionStatus, MessageKey>

export function PublishedActions({
  c,
  all,
  page,
  hrefFor,
}: {
  c: Context<AppEnv>
  all: readonly PublishedAction[]
  page: Page<PublishedAction>
  hrefFor: (page: number) => string
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const dash = t('publicStrategy.dash')
  const counts = new Map<ActionStatus, number>()
  let budget = 0
  for (const action of all) {
    counts.set(action.status, (counts.get(action.status) ?? 0) + 1)
    budget += action.budgetEuros ?? 0
  }
  const byStatus = actionStatuses
    .filter((status) => counts.has(status))
    .map((status) => `${t(actionStatusKeys[status])}${t('ui.colon')}${counts.get(status)}`)
    .join(t('publicStrategy.list'))
  const dates = (action: PublishedAction) =>
    [
      action.startDate ? t('publicStrategy.actions.from', { date: formatDay(locale, action.startDate) }) : '',
      action.endDate ? t('publicStrategy.actions.to', { date: formatDay(locale, action.endDate) }) : '',
    ]
      .filter(Boolean)
      .join(' ') || dash
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">{t('publicStrategy.actions.heading')}</h2>
      {all.length === 0 ? (
        <p>{t('publicStrategy.actions.none')}</p>
      ) : (
        <>
          <p>
            {t('publicStrategy.actions.summary', { count: all.length, budget: formatBudget(locale, budget) })}{' '}
            {t('publicStrategy.actions.byStatus', { list: byStatus })}
          </p>
          <div class="table-scroll">
            <table>
              <caption>
                {t('publicStrategy.actions.caption', { page: page.page, pageCount: page.pageCount })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('publicStrategy.actions.action')}</th>
                  <th scope="col">{t('publicStrategy.actions.commitments')}</th>
                  <th scope="col">{t('publicStrategy.actions.status')}</th>
                  <th scope="col">{t('publicStrategy.actions.dates')}</th>
                  <th scope="col" class="num">
                    {t('publicStrategy.actions.budget')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((action) => (
                  <tr>
                    <th scope="row" lang="fr">
                      {action.title}
                      {action.description ? (
                        <>
                          <br />
                          <small class="muted">{action.description}</small>
                        </>
                      ) : null}
                    </th>
                    <td>{action.commitments.length > 0 ? action.commitments.join(', ') : dash}</td>
                    <td>{t(actionStatusKeys[action.status])}</td>
                    <td>{dates(action)}</td>
                    <td class="num">
                      {action.budgetEuros === null ? dash : formatBudget(locale, action.budgetEuros)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination c={c} page={page} label={t('publicStrategy.actions.pages')} hrefFor={hrefFor} />
        </>
      )}
    </section>
  )
}
