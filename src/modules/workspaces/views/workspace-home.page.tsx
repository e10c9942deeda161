import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { territoryPath } from '../../../ui/components.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../../ui/forms.js'
import type { MilestoneStanding } from '../../strategy/milestones/reen-standing.js'
import { milestoneLabel, reenStateText } from '../../strategy/milestones/views/reen-standing-view.js'
import type { TerritoryProfile } from '../../territories/get-territory-profile.js'
import { canInWorkspace } from '../workspaces.policy.js'
import { WorkspaceNav } from './workspace-nav.js'

interface AssessmentSummary {
  year: number
  status: 'draft' | 'submitted'
  score: number | null
  letter: string | null
}

export function WorkspaceHomePage({
  c,
  profile,
  values,
  errors,
  saved,
  latestAssessment,
  latestSubmitted,
  nextReenStep,
}: {
  c: Context<AppEnv>
  profile: TerritoryProfile
  values: { agents: string; purchases: string }
  errors: FieldErrors
  saved: boolean
  /** The most recent year's self-assessment, if any. */
  latestAssessment: AssessmentSummary | undefined
  /** The most recent submitted one, shown beside a draft. */
  latestSubmitted: AssessmentSummary | undefined
  /** The most pressing REEN milestone (overdue, else due), or undefined when all are done. */
  nextReenStep: MilestoneStanding | undefined
}) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const editable = canInWorkspace(workspace.role, 'workspace.editData')
  const counts = { applies: 0, not_applicable: 0, to_confirm: 0 }
  for (const status of profile.obligations) counts[status.status]++
  const labels = { agents: t('workspace.agents'), purchases: t('workspace.purchases') }
  return (
    <>
      <h1>{t('workspace.title', { territory: workspace.territoryName })}</h1>
      <WorkspaceNav c={c} current="home" />
      <p>
        {t('workspace.yourRole', { role: t(`role.${workspace.role}`) })}{' '}
        <a href={territoryPath({ kind: workspace.territoryKind, code: workspace.territoryCode })}>
          {t('workspace.publicPage')}
        </a>
      </p>
      <p>
        {t('obligations.summary', {
          applies: counts.applies,
          toConfirm: counts.to_confirm,
          notApplicable: counts.not_applicable,
        })}
      </p>
      <section aria-labelledby="figures-heading" class="panel">
        <h2 id="figures-heading">{t('workspace.figures')}</h2>
        <p>{t('workspace.figuresLead')}</p>
        {saved ? (
          <p class="notice success" role="status">
            {t('form.saved')}
          </p>
        ) : null}
        {editable ? (
          <>
            <ErrorSummary c={c} errors={errors} labels={labels} />
            <form method="post" action={`/espace/${workspace.id}/chiffres`} class="inline">
              <CsrfField c={c} />
              <Field
                name="agents"
                label={labels.agents}
                value={values.agents}
                error={errors.agents}
                inputmode="decimal"
              />
              <Field
                name="purchases"
                label={labels.purchases}
                value={values.purchases}
                error={errors.purchases}
                inputmode="decimal"
              />
              <button type="submit">{t('workspace.saveFigures')}</button>
            </form>
          </>
        ) : (
          <>
            <p>
              {labels.agents}
              {t('ui.colon')}
              {values.agents || '—'} ; {labels.purchases}
              {t('ui.colon')}
              {values.purchases || '—'}
            </p>
            <p class="muted">{t('workspace.readOnly')}</p>
          </>
        )}
      </section>
      <section aria-labelledby="assessment-heading" class="panel">
        <h2 id="assessment-heading">{t('workspace.nav.assessment')}</h2>
        <p>
          {latestAssessment
            ? t(
                latestAssessment.status === 'submitted'
                  ? 'assessment.home.submitted'
                  : 'assessment.home.draft',
                {
                  year: latestAssessment.year,
                  score: latestAssessment.score ?? '—',
                  letter: latestAssessment.letter ?? '—',
                },
              )
            : t('assessment.home.none')}{' '}
          {latestAssessment?.status === 'draft' && latestSubmitted
            ? `${t('assessment.home.submitted', {
                year: latestSubmitted.year,
                score: latestSubmitted.score ?? '—',
                letter: latestSubmitted.letter ?? '—',
              })} `
            : null}
          <a href={`/espace/${workspace.id}/autodiagnostic`}>{t('assessment.home.open')}</a>
        </p>
      </section>
      <section aria-labelledby="strategy-heading" class="panel">
        <h2 id="strategy-heading">{t('workspace.nav.strategy')}</h2>
        <p>
          {nextReenStep
            ? t('overview.nextStep', {
                milestone: milestoneLabel(c, nextReenStep.kind, nextReenStep.year),
                state: reenStateText(t, c.get('locale'), nextReenStep),
              })
            : t('workspace.strategy.upToDate')}{' '}
          <a href={`/espace/${workspace.id}/strategie`}>{t('workspace.strategy.open')}</a>
        </p>
      </section>
    </>
  )
}
