import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { type MilestoneKind, milestoneKinds } from '../../../../db/schema.js'
import type { MessageKey } from '../../../../i18n/i18n.js'
import { Deadline } from '../../../obligations/views/obligation-facts.js'
import type { PublishedMilestone } from '../snapshot-schema.js'
import { formatDay, isWebLink } from './published-format.js'

const milestoneKindKeys = {
  programme_travail: 'publicStrategy.milestoneKind.programme_travail',
  strategie: 'publicStrategy.milestoneKind.strategie',
  bilan_annuel: 'publicStrategy.milestoneKind.bilan_annuel',
} as const satisfies Record<MilestoneKind, MessageKey>

/** The legal deadline of each REEN step, from the referential's reen_strategie obligation. */
export type LegalDeadlines = ReadonlyMap<string, string>

interface Row {
  kind: MilestoneKind
  step: string
  milestone: PublishedMilestone | undefined
}

/**
 * Each step of the REEN approach beside its legal deadline: the latest date published for the work
 * programme and the strategy, every annual review published (newest first).
 */
export function PublishedMilestones({
  c,
  milestones,
  deadlines,
}: {
  c: Context<AppEnv>
  milestones: readonly PublishedMilestone[]
  deadlines: LegalDeadlines
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const dash = t('publicStrategy.dash')
  const newestFirst = [...milestones].sort(
    (a, b) => (b.year ?? 0) - (a.year ?? 0) || b.date.localeCompare(a.date),
  )
  const rows: Row[] = milestoneKinds.flatMap((kind): Row[] => {
    const label = t(milestoneKindKeys[kind])
    const ofKind = newestFirst.filter((milestone) => milestone.kind === kind)
    if (kind === 'bilan_annuel' && ofKind.length > 0)
      return ofKind.map((milestone) => ({
        kind,
        step:
          milestone.year === null ? label : t('publicStrategy.milestones.review', { year: milestone.year }),
        milestone,
      }))
    return [{ kind, step: label, milestone: ofKind[0] }]
  })
  return (
    <section aria-labelledby="jalons">
      <h2 id="jalons">{t('publicStrategy.milestones.heading')}</h2>
      <div class="table-scroll">
        <table>
          <caption>{t('publicStrategy.milestones.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('publicStrategy.milestones.step')}</th>
              <th scope="col">{t('publicStrategy.milestones.deadline')}</th>
              <th scope="col">{t('publicStrategy.milestones.date')}</th>
              <th scope="col">{t('publicStrategy.milestones.deliberation')}</th>
              <th scope="col">{t('publicStrategy.milestones.document')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ kind, step, milestone }) => {
              const deadline = deadlines.get(kind)
              return (
                <tr>
                  <th scope="row">{step}</th>
                  <td>{deadline ? <Deadline c={c} deadline={deadline} /> : dash}</td>
                  <td>
                    {milestone
                      ? formatDay(locale, milestone.date)
                      : t('publicStrategy.milestones.notPublished')}
                  </td>
                  <td>{milestone?.deliberationNumber ?? dash}</td>
                  <td>
                    {isWebLink(milestone?.documentUrl ?? null) ? (
                      <a
                        href={milestone?.documentUrl as string}
                        rel="noopener noreferrer"
                        aria-label={t('publicStrategy.milestones.openOf', { step })}
                      >
                        {t('publicStrategy.milestones.open')}
                      </a>
                    ) : (
                      (milestone?.documentUrl ?? dash)
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
