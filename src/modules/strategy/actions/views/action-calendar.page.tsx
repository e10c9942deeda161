import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { actionStatuses } from '../../../../db/schema.js'
import { withQuery } from '../../../../ui/components.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import { type ActionFilterQuery, filterParams } from '../action-filters.js'
import type { ActionRecord } from '../actions.queries.js'
import { ganttBar } from '../gantt.js'
import { ActionFiltersForm, type FilterOptions } from './action-filters-form.js'
import { dateText, periodText, statusKeys } from './action-texts.js'
import { GanttChart } from './gantt-chart.js'

const monthFormats = {
  fr: new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }),
}

/** The year's timeline: the chart, the same facts as a table, then the actions without dates. */
export function ActionCalendarPage({
  c,
  year,
  dated,
  undated,
  query,
  options,
}: {
  c: Context<AppEnv>
  year: number
  /** Actions whose period touches the year, by start date. */
  dated: ActionRecord[]
  undated: ActionRecord[]
  query: ActionFilterQuery
  options: FilterOptions
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const path = `/espace/${workspace.id}/strategie/actions`
  const params = filterParams(query)
  const months = Array.from({ length: 12 }, (_, month) =>
    monthFormats[locale].format(Date.UTC(year, month, 1)),
  )
  const statusLabel = (action: ActionRecord) => t(statusKeys[action.status])
  const description =
    dated.length === 0
      ? t('actions.calendar.chartEmpty', { year })
      : t('actions.calendar.chartDesc', {
          year,
          count: dated.length,
          list: dated
            .map((action) =>
              t('actions.calendar.chartDescItem', {
                title: action.title,
                period: periodText(c, action),
                status: statusLabel(action),
              }),
            )
            .join(' ; '),
        })
  return (
    <>
      <h1>{t('actions.calendar.title', { year })}</h1>
      <StrategyNav c={c} current="actions" />
      <p class="lead">{t('actions.calendar.lead')}</p>
      <ul class="inline-list">
        <li>
          <a href={withQuery(path, { ...params, annee: undefined })}>{t('actions.calendar.list')}</a>
        </li>
        <li>
          <a href={withQuery(`${path}/calendrier`, { ...params, annee: year - 1 })}>
            {t('actions.calendar.previous', { year: year - 1 })}
          </a>
        </li>
        <li>
          <a href={withQuery(`${path}/calendrier`, { ...params, annee: year + 1 })}>
            {t('actions.calendar.next', { year: year + 1 })}
          </a>
        </li>
      </ul>
      <ActionFiltersForm
        c={c}
        action={`${path}/calendrier`}
        query={{ ...query, annee: year }}
        options={options}
        yearRequired
      />
      <figure>
        <GanttChart
          id="gantt"
          year={year}
          title={t('actions.calendar.chartTitle', { year })}
          description={description}
          rows={dated.map((action) => ({
            id: action.id,
            title: action.title,
            status: action.status,
            statusLabel: statusLabel(action),
            startDate: action.startDate,
            endDate: action.endDate,
          }))}
          legend={actionStatuses.map((status) => ({ status, label: t(statusKeys[status]) }))}
          monthLabels={months}
        />
        <figcaption>{t('actions.calendar.figcaption')}</figcaption>
      </figure>
      {dated.length === 0 ? (
        <p>{t('actions.calendar.chartEmpty', { year })}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="calendar-caption" tabindex={0}>
          <table>
            <caption id="calendar-caption">{t('actions.calendar.tableCaption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actions.table.title')}</th>
                <th scope="col">{t('actions.table.start')}</th>
                <th scope="col">{t('actions.table.end')}</th>
                <th scope="col">{t('actions.table.status')}</th>
              </tr>
            </thead>
            <tbody>
              {dated.map((action) => {
                const bar = ganttBar(action.startDate, action.endDate, year)
                return (
                  <tr>
                    <th scope="row">
                      <a href={`${path}/${action.id}`}>{action.title}</a>
                    </th>
                    <td>
                      {dateText(locale, action.startDate)}
                      {bar?.startsBefore ? (
                        <small class="muted"> {t('actions.calendar.startsBefore', { year })}</small>
                      ) : null}
                    </td>
                    <td>
                      {dateText(locale, action.endDate)}
                      {bar?.endsAfter ? (
                        <small class="muted"> {t('actions.calendar.endsAfter', { year })}</small>
                      ) : null}
                    </td>
                    <td>{statusLabel(action)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </section>
      )}
      <h2>{t('actions.calendar.undated')}</h2>
      {undated.length === 0 ? (
        <p>{t('actions.calendar.undatedNone')}</p>
      ) : (
        <ul>
          {undated.map((action) => (
            <li>
              <a href={`${path}/${action.id}`}>{action.title}</a> — {statusLabel(action)}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
