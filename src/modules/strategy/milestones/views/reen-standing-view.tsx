import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { formatLongDate, type Locale, type MessageKey, type Translate } from '../../../../i18n/i18n.js'
import { territoryPath } from '../../../../ui/components.js'
import type { ObligationStatus } from '../../../obligations/evaluate-obligations.js'
import type { MilestoneStanding, ReenStanding } from '../reen-standing.js'

export const applicabilityKeys: Record<ReenStanding['applicability'], MessageKey> = {
  applies: 'reen.applies',
  to_confirm: 'reen.toConfirm',
  voluntary: 'reen.voluntary',
}

const badgeClasses: Record<MilestoneStanding['state'], string> = {
  done: 'badge status-applies',
  overdue: 'badge reen-overdue',
  due: 'badge status-to_confirm',
  todo: 'badge status-not_applicable',
}

/** « Programme de travail », « Bilan annuel 2025 »… */
export function milestoneLabelText(
  t: Translate,
  kind: MilestoneStanding['kind'],
  year: number | null,
): string {
  if (kind === 'bilan_annuel' && year !== null) return t('reen.kind.bilan_annuel.year', { year })
  return t(`reen.kind.${kind}`)
}

export function milestoneLabel(c: Context<AppEnv>, kind: MilestoneStanding['kind'], year: number | null) {
  return milestoneLabelText(c.get('t'), kind, year)
}

/** « Réalisé le 3 mars 2023, en retard », « En retard : échéance dépassée »… */
export function reenStateText(t: Translate, locale: Locale, milestone: MilestoneStanding): string {
  const date = milestone.date ? formatLongDate(locale, milestone.date) : ''
  if (milestone.state === 'done')
    return milestone.onTime === null
      ? t('reen.state.done', { date })
      : milestone.onTime
        ? t('reen.state.doneOnTime', { date })
        : t('reen.state.doneLate', { date })
  return t(`reen.state.${milestone.state}`)
}

export function reenDeadlineText(t: Translate, locale: Locale, milestone: MilestoneStanding): string {
  const date = formatLongDate(locale, milestone.deadline)
  return milestone.kind === 'bilan_annuel'
    ? t('reen.deadline.review', { date })
    : t('reen.deadline.by', { date })
}

/**
 * Each REEN milestone with its deadline and state, in the language of `t` (the documents are
 * French whatever the reader's language). With `badges`, the state is also coloured: it is said
 * in words either way.
 */
export function ReenMilestonesTable({
  t,
  locale,
  standing,
  badges = false,
}: {
  t: Translate
  locale: Locale
  standing: ReenStanding
  badges?: boolean
}) {
  return (
    <table>
      <caption>{t('reen.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reen.column.milestone')}</th>
          <th scope="col">{t('reen.column.deadline')}</th>
          <th scope="col">{t('reen.column.state')}</th>
        </tr>
      </thead>
      <tbody>
        {standing.milestones.map((milestone) => {
          const state = reenStateText(t, locale, milestone)
          return (
            <tr>
              <th scope="row">{milestoneLabelText(t, milestone.kind, milestone.year)}</th>
              <td>{reenDeadlineText(t, locale, milestone)}</td>
              <td>{badges ? <span class={badgeClasses[milestone.state]}>{state}</span> : state}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/**
 * Where the territory stands against the REEN deadlines: whether the law binds it (evaluated as on
 * its public page, with a link there), then each milestone with its deadline and state, as a table
 * (the state is said in words, the colour only repeats it).
 */
export function ReenStandingView({
  c,
  standing,
  obligation,
  headingLevel = 2,
}: {
  c: Context<AppEnv>
  standing: ReenStanding
  obligation: ObligationStatus | undefined
  headingLevel?: 2 | 3
}) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const heading = t('reen.title')
  return (
    <section aria-labelledby="reen-standing" class="reen-standing">
      {headingLevel === 2 ? <h2 id="reen-standing">{heading}</h2> : <h3 id="reen-standing">{heading}</h3>}
      <p>
        <strong>
          {t(applicabilityKeys[standing.applicability], { territory: workspace.territoryName })}
        </strong>{' '}
        {obligation?.note ?? ''}{' '}
        <a href={territoryPath({ kind: workspace.territoryKind, code: workspace.territoryCode })}>
          {t('reen.territoryPage')}
        </a>
      </p>
      {standing.applicability === 'voluntary' ? <p>{t('reen.voluntaryHint')}</p> : null}
      <ReenMilestonesTable t={t} locale={c.get('locale')} standing={standing} badges />
    </section>
  )
}
