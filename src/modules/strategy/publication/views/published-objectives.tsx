import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatNumber, type MessageKey } from '../../../../i18n/i18n.js'
import type { Page } from '../../../../lib/pagination.js'
import { Pagination } from '../../../../ui/components.js'
import type { ObjectiveStatus } from '../../objectives/objective-status.js'
import type { PublishedObjective } from '../snapshot-schema.js'
import { percentOfTheWay } from './published-format.js'

export const objectiveStatusKeys = {
  reached: 'publicStrategy.objectiveStatus.reached',
  on_track: 'publicStrategy.objectiveStatus.on_track',
  behind: 'publicStrategy.objectiveStatus.behind',
  no_data: 'publicStrategy.objectiveStatus.no_data',
} as const satisfies Record<ObjectiveStatus, MessageKey>

export function ObjectiveStatusBadge({ c, status }: { c: Context<AppEnv>; status: ObjectiveStatus }) {
  // The objectives pages' badge classes (colour, one line); the text always says the status.
  return <span class={`badge objective-${status}`}>{c.get('t')(objectiveStatusKeys[status])}</span>
}

export function PublishedObjectives({
  c,
  all,
  page,
  hrefFor,
}: {
  c: Context<AppEnv>
  all: readonly PublishedObjective[]
  page: Page<PublishedObjective>
  hrefFor: (page: number) => string
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const counts: Record<ObjectiveStatus, number> = { reached: 0, on_track: 0, behind: 0, no_data: 0 }
  for (const objective of all) counts[objective.status]++
  const yearValue = (point: { year: number; value: number }, unit: string) =>
    t('publicStrategy.yearValue', { year: point.year, value: `${formatNumber(locale, point.value)} ${unit}` })
  return (
    <section aria-labelledby="objectifs">
      <h2 id="objectifs">{t('publicStrategy.objectives.heading')}</h2>
      {all.length === 0 ? (
        <p>{t('publicStrategy.objectives.none')}</p>
      ) : (
        <>
          <p>
            {t('publicStrategy.objectives.summary', {
              count: all.length,
              reached: counts.reached,
              onTrack: counts.on_track,
              behind: counts.behind,
              noData: counts.no_data,
            })}
          </p>
          <div class="table-scroll">
            <table>
              <caption>
                {t('publicStrategy.objectives.caption', { page: page.page, pageCount: page.pageCount })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('publicStrategy.objectives.objective')}</th>
                  <th scope="col">{t('publicStrategy.objectives.indicator')}</th>
                  <th scope="col">{t('publicStrategy.objectives.trajectory')}</th>
                  <th scope="col">{t('publicStrategy.objectives.measured')}</th>
                  <th scope="col">{t('publicStrategy.objectives.status')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((objective) => {
                  const percent = percentOfTheWay(objective)
                  return (
                    <tr>
                      <th scope="row" lang="fr">
                        {objective.title}
                      </th>
                      <td lang="fr">{objective.indicatorName}</td>
                      <td>
                        {[objective.baseline, ...objective.targets]
                          .map((point) => yearValue(point, objective.unit))
                          .join(' → ')}
                      </td>
                      <td>
                        {objective.measured
                          ? yearValue(objective.measured, objective.unit)
                          : t('publicStrategy.dash')}
                      </td>
                      <td>
                        <ObjectiveStatusBadge c={c} status={objective.status} />
                        {percent === null ? null : (
                          <>
                            {' '}
                            <progress max="100" value={String(percent)} aria-hidden="true" />{' '}
                            {t('publicStrategy.objectives.progress', { percent })}
                          </>
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
          <Pagination c={c} page={page} label={t('publicStrategy.objectives.pages')} hrefFor={hrefFor} />
        </>
      )}
    </section>
  )
}
