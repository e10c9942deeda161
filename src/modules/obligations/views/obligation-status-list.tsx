import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatEuros, formatNumber, type MessageKey, type Translate } from '../../../i18n/i18n.js'
import { kindKeys } from '../../../ui/components.js'
import type { Check, ObligationStatus } from '../evaluate-obligations.js'
import { Deadline, Milestones } from './obligation-facts.js'

const statusKeys = {
  applies: 'obligations.status.applies',
  not_applicable: 'obligations.status.not_applicable',
  to_confirm: 'obligations.status.to_confirm',
} as const satisfies Record<ObligationStatus['status'], MessageKey>

const figureKeys = { agents: 'obligations.figure.agents', purchases: 'obligations.figure.purchases' } as const

function checkOutcome(check: Check, t: Translate): string {
  return check.met === true
    ? t('obligations.check.met')
    : check.met === false
      ? t('obligations.check.notMet')
      : t('obligations.check.undetermined')
}

/** One line of the explanation: the criterion, the territory's figure, the threshold, the outcome. */
function describeCheck(c: Context<AppEnv>, check: Check, status: ObligationStatus): string {
  const t = c.get('t')
  const locale = c.get('locale')
  const number = (value: number | string | null) =>
    typeof value === 'number' ? formatNumber(locale, value) : t('obligations.check.unknown')
  const euros = (value: number | string | null) =>
    typeof value === 'number' ? formatEuros(locale, value) : t('obligations.check.unknown')
  const outcome = checkOutcome(check, t)
  switch (check.criterion) {
    case 'all':
      return t('obligations.check.all')
    case 'kind': {
      const kinds = (check.threshold as readonly (keyof typeof kindKeys)[])
        .map((kind) => t(kindKeys[kind]))
        .join(', ')
      return `${t('obligations.check.kind', { actual: t(kindKeys[check.actual as keyof typeof kindKeys]), expected: kinds })} (${outcome})`
    }
    case 'population':
      return `${t('obligations.check.population', {
        basis:
          status.populationBasis === 'municipal'
            ? t('obligations.basis.municipal')
            : t('obligations.basis.total'),
        actual: number(check.actual),
        threshold: number(check.threshold as number),
      })} (${outcome})`
    case 'agents':
      return `${t('obligations.check.agents', {
        actual: number(check.actual),
        operator: check.operator === '>' ? t('obligations.moreThan') : t('obligations.atLeast'),
        threshold: number(check.threshold as number),
      })} (${outcome})`
    case 'purchases':
      return `${t('obligations.check.purchases', { actual: euros(check.actual), threshold: euros(check.threshold as number) })} (${outcome})`
  }
}

export function StatusBadge({ c, status }: { c: Context<AppEnv>; status: ObligationStatus['status'] }) {
  return <span class={`badge status-${status}`}>{c.get('t')(statusKeys[status])}</span>
}

/**
 * The obligations of one territory: status, deadline and reference at a glance; what is expected
 * and the reasoning behind the status one click away. The full text is on /obligations.
 * Kept lean on purpose: territory pages must stay within the page budget (EcoIndex A).
 */
export function ObligationStatusList({ c, statuses }: { c: Context<AppEnv>; statuses: ObligationStatus[] }) {
  const t = c.get('t')
  const colon = t('ui.colon')
  return (
    <ul class="obligations">
      {statuses.map((status) => {
        const { obligation } = status
        const headingId = `obligation-${obligation.id}`
        const previousGroups = new Set<number>()
        return (
          <li class="obligation" aria-labelledby={headingId}>
            <h3 id={headingId}>
              <a href={`/obligations#${obligation.id}`}>
                {c.get('locale') === 'en' ? obligation.titleEn : obligation.title}
              </a>
            </h3>
            <p>
              <StatusBadge c={c} status={status.status} /> {t('obligations.deadline')}
              {colon}
              <Deadline c={c} deadline={obligation.deadline} /> · <span lang="fr">{obligation.legalRef}</span>
            </p>
            {status.missing.length > 0 ? (
              <p class="notice">
                {t('obligations.toDeclare', {
                  figures: status.missing.map((figure) => t(figureKeys[figure])).join(', '),
                })}
              </p>
            ) : null}
            {status.note ? (
              <p class="notice" lang="fr">
                {status.note}
              </p>
            ) : null}
            <details>
              <summary>{t('obligations.why')}</summary>
              <p lang="fr">{obligation.target}</p>
              {obligation.milestones ? (
                <p>
                  <Milestones c={c} obligation={obligation} />
                </p>
              ) : null}
              <ul class="checks">
                {status.checks.map((check) => {
                  const alternative = previousGroups.has(check.group)
                  previousGroups.add(check.group)
                  return (
                    <li>
                      {alternative ? `${t('obligations.check.or')} ` : ''}
                      {describeCheck(c, check, status)}
                    </li>
                  )
                })}
              </ul>
            </details>
          </li>
        )
      })}
    </ul>
  )
}
