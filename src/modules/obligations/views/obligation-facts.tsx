import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import type { Obligation } from '../obligations.schemas.js'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

function formatDeadline(c: Context<AppEnv>, deadline: string): string {
  if (!isoDate.test(deadline)) return deadline
  return new Intl.DateTimeFormat(c.get('locale') === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${deadline}T00:00:00Z`))
}

/** Reference, scope, deadline and target of an obligation. The legal texts are French: marked as such. */
export function ObligationFacts({ c, obligation }: { c: Context<AppEnv>; obligation: Obligation }) {
  const t = c.get('t')
  return (
    <dl>
      <dt>{t('obligations.legalRef')}</dt>
      <dd lang="fr">{obligation.legalRef}</dd>
      <dt>{t('obligations.appliesTo')}</dt>
      <dd lang="fr">{obligation.appliesTo}</dd>
      <dt>{t('obligations.deadline')}</dt>
      <dd lang={isoDate.test(obligation.deadline) ? undefined : 'fr'}>
        {formatDeadline(c, obligation.deadline)}
      </dd>
      {obligation.milestones ? (
        <>
          <dt>{t('obligations.milestones')}</dt>
          <dd lang="fr">
            {obligation.milestones.map((milestone, index) => (
              <>
                {index > 0 ? ' ; ' : ''}
                {milestone.label} : {formatDeadline(c, milestone.deadline)}
              </>
            ))}
          </dd>
        </>
      ) : null}
      <dt>{t('obligations.target')}</dt>
      <dd lang="fr">{obligation.target}</dd>
    </dl>
  )
}
