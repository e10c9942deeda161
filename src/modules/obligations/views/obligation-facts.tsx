import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatLongDate } from '../../../i18n/i18n.js'
import type { Obligation } from '../obligations.schemas.js'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** A date in the visitor's language, or the French words of the text when it sets no single date. */
export function Deadline({ c, deadline }: { c: Context<AppEnv>; deadline: string }) {
  if (!isoDate.test(deadline)) return <span lang="fr">{deadline}</span>
  return <>{formatLongDate(c.get('locale'), deadline)}</>
}

export function Milestones({ c, obligation }: { c: Context<AppEnv>; obligation: Obligation }) {
  const colon = c.get('t')('ui.colon')
  return (
    <>
      {(obligation.milestones ?? []).map((milestone, index) => (
        <>
          {index > 0 ? ' ; ' : ''}
          <span lang="fr">{milestone.label}</span>
          {colon}
          <Deadline c={c} deadline={milestone.deadline} />
        </>
      ))}
    </>
  )
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
      <dd>
        <Deadline c={c} deadline={obligation.deadline} />
      </dd>
      {obligation.milestones ? (
        <>
          <dt>{t('obligations.milestones')}</dt>
          <dd>
            <Milestones c={c} obligation={obligation} />
          </dd>
        </>
      ) : null}
      <dt>{t('obligations.target')}</dt>
      <dd lang="fr">{obligation.target}</dd>
    </dl>
  )
}
