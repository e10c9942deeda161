import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import type { MessageKey } from '../../../i18n/i18n.js'
import { WorkspaceNav } from '../../workspaces/views/workspace-nav.js'
import type { AssessmentContext } from '../assessment-context.js'

/** Title, workspace navigation and the facts every page of an assessment repeats. */
export function AssessmentHeader({
  c,
  context,
  titleKey,
  subtitle,
}: {
  c: Context<AppEnv>
  context: AssessmentContext
  titleKey: MessageKey
  subtitle?: string
}) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const { assessment, referential, tier, tierOutcome } = context
  const tierLabel = referential.sizeTiers.find((sizeTier) => sizeTier.id === tier)?.label ?? tier
  return (
    <>
      <h1>
        {t(titleKey, { year: assessment.year })}
        {subtitle ? (
          <>
            {' '}
            <span class="subtitle" lang="fr">
              {subtitle}
            </span>
          </>
        ) : null}
      </h1>
      <WorkspaceNav c={c} current="assessment" />
      <p class="meta">
        {workspace.territoryName} · {t(`assessment.status.${assessment.status}`)} ·{' '}
        <a href={`/referentiel/${assessment.referential_version}`}>
          {t('assessment.versionLabel', { version: assessment.referential_version })}
        </a>{' '}
        · {t('assessment.tierLabel', { tier, label: tierLabel })}
        {assessment.status === 'draft' && tierOutcome.higherToConfirm ? (
          <>
            {' '}
            · {t('assessment.tierToConfirm', { tier: tierOutcome.higherToConfirm })}{' '}
            <a href={`/espace/${workspace.id}`}>{t('assessment.declareFigures')}</a>
          </>
        ) : null}
      </p>
    </>
  )
}
