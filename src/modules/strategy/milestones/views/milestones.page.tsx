import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatLongDate } from '../../../../i18n/i18n.js'
import { Notice } from '../../../../ui/components.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import { StrategyNav } from '../../views/strategy-nav.js'
import type { Milestone } from '../milestones.queries.js'
import type { ReenContext } from '../reen-context.js'
import { milestoneLabel, ReenStandingView } from './reen-standing-view.js'

export function milestonesPath(c: Context<AppEnv>): string {
  return `/espace/${c.get('workspace').id}/strategie/jalons`
}

/** The milestones recorded, with where the territory stands; editing links for those who may edit. */
export function MilestonesPage({
  c,
  reen,
  notice,
}: {
  c: Context<AppEnv>
  reen: ReenContext
  notice: string | undefined
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const canEdit = canInWorkspace(c.get('workspace').role, 'strategy.edit')
  const base = milestonesPath(c)
  const label = (milestone: Milestone) => milestoneLabel(c, milestone.kind, milestone.year)
  return (
    <>
      <h1>{t('milestones.title')}</h1>
      <StrategyNav c={c} current="milestones" />
      <Notice text={notice} />
      <p class="lead">{t('milestones.lead')}</p>
      <ReenStandingView c={c} standing={reen.standing} obligation={reen.obligation} />
      <h2>{t('milestones.recorded')}</h2>
      {reen.milestones.length === 0 ? (
        <p>{t('milestones.none')}</p>
      ) : (
        <table>
          <caption>{t('milestones.caption', { count: reen.milestones.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('milestones.column.milestone')}</th>
              <th scope="col">{t('milestones.column.date')}</th>
              <th scope="col">{t('milestones.column.deliberation')}</th>
              <th scope="col">{t('milestones.column.document')}</th>
              <th scope="col">{t('milestones.column.comment')}</th>
              {canEdit ? <th scope="col">{t('milestones.column.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {reen.milestones.map((milestone) => (
              <tr>
                <th scope="row">{label(milestone)}</th>
                <td>{formatLongDate(locale, milestone.date)}</td>
                <td>{milestone.deliberationNumber ?? '—'}</td>
                <td>
                  {milestone.documentUrl ? (
                    <a
                      href={milestone.documentUrl}
                      aria-label={t('milestones.documentOf', { milestone: label(milestone) })}
                    >
                      {t('milestones.documentLink')}
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{milestone.comment ?? ''}</td>
                {canEdit ? (
                  <td>
                    <ul class="inline-list">
                      <li>
                        <a
                          href={`${base}/${milestone.id}/modifier`}
                          aria-label={t('milestones.editLabel', { milestone: label(milestone) })}
                        >
                          {t('milestones.edit')}
                        </a>
                      </li>
                      <li>
                        <a
                          href={`${base}/${milestone.id}/supprimer`}
                          aria-label={t('milestones.deleteLabel', { milestone: label(milestone) })}
                        >
                          {t('milestones.delete')}
                        </a>
                      </li>
                    </ul>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit ? (
        <p>
          <a href={`${base}/nouveau`}>{t('milestones.add')}</a>
        </p>
      ) : null}
    </>
  )
}
