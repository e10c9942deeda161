import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { territoryPath } from '../../../../ui/components.js'
import type { ObligationStatus } from '../../../obligations/evaluate-obligations.js'
import { Deadline } from '../../../obligations/views/obligation-facts.js'
import { StatusBadge } from '../../../obligations/views/obligation-status-list.js'
import type { PublicTerritory } from '../published-strategy.queries.js'

/**
 * The obligations at a glance, evaluated now (they are public data, not part of what was published):
 * the reasoning behind each status stays on the territory page, to keep this page light.
 */
export function ObligationsTable({
  c,
  territory,
  statuses,
}: {
  c: Context<AppEnv>
  territory: PublicTerritory
  statuses: readonly ObligationStatus[]
}) {
  const t = c.get('t')
  const english = c.get('locale') === 'en'
  return (
    <section aria-labelledby="obligations">
      <h2 id="obligations">{t('publicStrategy.obligations.heading')}</h2>
      <div class="table-scroll">
        <table>
          <caption>{t('publicStrategy.obligations.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('publicStrategy.obligations.obligation')}</th>
              <th scope="col">{t('publicStrategy.obligations.status')}</th>
              <th scope="col">{t('publicStrategy.obligations.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {statuses.map(({ obligation, status }) => (
              <tr>
                <th scope="row">
                  <a href={`/obligations#${obligation.id}`}>
                    {english ? obligation.titleEn : obligation.title}
                  </a>
                </th>
                <td>
                  <StatusBadge c={c} status={status} />
                </td>
                <td>
                  <Deadline c={c} deadline={obligation.deadline} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`${territoryPath(territory)}#obligations`}>{t('publicStrategy.obligations.reasoning')}</a>
      </p>
    </section>
  )
}
