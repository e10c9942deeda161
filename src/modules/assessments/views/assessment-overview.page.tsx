import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { CsrfField } from '../../../ui/forms.js'
import { noticeFrom } from '../../../ui/notices.js'
import { canInWorkspace } from '../../workspaces/workspaces.policy.js'
import type { AssessmentContext } from '../assessment-context.js'
import type { AssessmentRefusal } from '../assessment-errors.js'
import { levelsOf } from '../assessments.queries.js'
import { scoreAssessment } from '../score-assessment.js'
import { AssessmentHeader } from './assessment-header.js'
import { ExportLinks } from './export-links.js'
import { RefusalMessage } from './refusal-message.js'

/** One year's assessment: progress per commitment, links to answer, submission, exports. */
export function AssessmentOverviewPage({
  c,
  context,
  refusal,
}: {
  c: Context<AppEnv>
  context: AssessmentContext
  refusal?: AssessmentRefusal
}) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const { assessment, referential } = context
  const base = `/espace/${workspace.id}/autodiagnostic/${assessment.year}`
  const scores = scoreAssessment(
    { referential, tier: context.tier, kind: context.facts.kind },
    levelsOf(context.answers),
  )
  const byId = new Map(scores.commitments.map((row) => [row.commitmentId, row]))
  const totals = scores.commitments.reduce(
    (sum, row) => ({ answered: sum.answered + row.answered, applicable: sum.applicable + row.applicable }),
    { answered: 0, applicable: 0 },
  )
  const notice = noticeFrom(
    c,
    { enregistre: 'form.saved', ouvert: 'assessment.notice.opened', copie: 'assessment.notice.copied' },
    { copied: c.req.query('copied') ?? '0', left: c.req.query('left') ?? '0' },
  )
  const draft = assessment.status === 'draft'
  return (
    <>
      <AssessmentHeader c={c} context={context} titleKey="assessment.overview.title" />
      {notice ? (
        <p class="notice success" role="status">
          {notice.text}
        </p>
      ) : null}
      {refusal ? <RefusalMessage c={c} refusal={refusal} year={assessment.year} /> : null}
      <p>
        {t('assessment.progress', { answered: totals.answered, applicable: totals.applicable })}{' '}
        <a href={`${base}/resultats`}>
          {draft ? t('assessment.seeProvisional') : t('assessment.seeResults')}
        </a>
      </p>
      {referential.ambitions.map((ambition) => (
        <section aria-labelledby={`ambition-${ambition.id}`}>
          <h2 id={`ambition-${ambition.id}`}>
            {ambition.id} · <span lang="fr">{ambition.title}</span>
          </h2>
          <ul class="progress-list">
            {ambition.commitments.map((commitment) => {
              const row = byId.get(commitment.id)
              const answered = row?.answered ?? 0
              const applicable = row?.applicable ?? 0
              return (
                <li>
                  <a href={`${base}/engagements/${commitment.id}`}>
                    {commitment.id} · <span lang="fr">{commitment.title}</span>
                  </a>{' '}
                  <progress
                    max={String(Math.max(applicable, 1))}
                    value={String(answered)}
                    aria-hidden="true"
                  />{' '}
                  <span>
                    {t('assessment.commitmentProgress', { answered, applicable })}
                    {row && row.notApplicable > 0
                      ? ` · ${t('assessment.notApplicableCount', { count: row.notApplicable })}`
                      : ''}
                  </span>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
      {draft && canInWorkspace(workspace.role, 'assessment.submit') ? (
        <section aria-labelledby="submit-heading" class="panel">
          <h2 id="submit-heading">{t('assessment.submit.title')}</h2>
          <p>{t('assessment.submit.lead')}</p>
          <form method="post" action={`${base}/soumettre`}>
            <CsrfField c={c} />
            <button type="submit">{t('assessment.submit.button', { year: assessment.year })}</button>
          </form>
        </section>
      ) : null}
      <ExportLinks c={c} base={base} />
    </>
  )
}
