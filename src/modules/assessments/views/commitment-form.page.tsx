import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { CsrfField } from '../../../ui/forms.js'
import { noticeFrom } from '../../../ui/notices.js'
import type { Commitment } from '../../referential/referential.schemas.js'
import { canInWorkspace } from '../../workspaces/workspaces.policy.js'
import type { AssessmentContext } from '../assessment-context.js'
import {
  type AnswerFormProblem,
  fieldNames,
  maxCommentLength,
  maxEvidenceLength,
} from '../parse-answer-form.js'
import { AssessmentHeader } from './assessment-header.js'

function problemText(c: Context<AppEnv>, problem: AnswerFormProblem): string {
  const t = c.get('t')
  switch (problem.code) {
    case 'level':
      return t('assessment.problem.level')
    case 'commentTooLong':
      return t('assessment.problem.comment', { maximum: problem.maximum })
    case 'evidence':
      return t('assessment.problem.evidence', { maximum: problem.maximum })
    case 'foreignQuestion':
      return t('assessment.problem.foreignQuestion', { question: problem.questionId })
    case 'version':
      return t('assessment.problem.version', { given: problem.given || '∅', expected: problem.expected })
  }
}

/** "A1.E1.Q2 · Lien vers une preuve": which question, and which of its fields. */
function fieldLabel(c: Context<AppEnv>, field: string): string {
  const t = c.get('t')
  const [, kind, questionId] = /^(level|comment|evidence)-(.+)$/.exec(field) ?? []
  const label =
    kind === 'level'
      ? t('assessment.level')
      : kind === 'comment'
        ? t('assessment.comment')
        : t('assessment.evidence')
  return `${questionId ?? field} · ${label}`
}

/**
 * The questions of one commitment: a level 0–3 with what each level means for this question, a
 * comment and an evidence link. Questions that do not apply to the territory are shown, marked,
 * without inputs. Read-only once submitted, or for readers.
 */
export function CommitmentFormPage({
  c,
  context,
  commitment,
  values,
  problems,
  locked,
}: {
  c: Context<AppEnv>
  context: AssessmentContext
  commitment: Commitment
  values: Record<string, string> | undefined
  problems: AnswerFormProblem[]
  /** A change was posted to a submitted assessment: refused, nothing saved. */
  locked: boolean
}) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const { assessment, referential } = context
  const editable = assessment.status === 'draft' && canInWorkspace(workspace.role, 'assessment.edit')
  const base = `/espace/${workspace.id}/autodiagnostic/${assessment.year}`
  const problemByField = new Map(problems.map((problem) => [problem.field, problemText(c, problem)]))
  const shownValue = (name: string, stored: string | number | null | undefined) =>
    values ? (values[name] ?? '') : stored === null || stored === undefined ? '' : String(stored)
  const notice = noticeFrom(c, { enregistre: 'form.saved' })
  const commitments = referential.ambitions.flatMap((ambition) => ambition.commitments)
  const position = commitments.findIndex((item) => item.id === commitment.id)
  return (
    <>
      <AssessmentHeader
        c={c}
        context={context}
        titleKey="assessment.overview.title"
        subtitle={`${commitment.id} · ${commitment.title}`}
      />
      <p>
        <a href={base}>{t('assessment.backToOverview')}</a> ·{' '}
        {t('assessment.commitmentPosition', { position: position + 1, count: commitments.length })}
      </p>
      {notice ? (
        <p class="notice success" role="status">
          {notice.text}
        </p>
      ) : null}
      {locked ? (
        <div class="error-summary" role="alert">
          <p>{t('assessment.refused.locked')}</p>
        </div>
      ) : null}
      {problems.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="problems-heading" tabindex={-1}>
          <h2 id="problems-heading">{t('form.errorSummary')}</h2>
          <ul>
            {problems.map((problem) => (
              <li>
                {problem.code === 'version' || problem.code === 'foreignQuestion' ? (
                  problemText(c, problem)
                ) : (
                  <a href={`#${problem.field}`}>
                    {fieldLabel(c, problem.field)}
                    {t('ui.colon')}
                    {problemText(c, problem)}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="lead" lang="fr">
        {commitment.summary}
      </p>
      <form method="post" action={`${base}/engagements/${commitment.id}`}>
        <CsrfField c={c} />
        <input type="hidden" name="version" value={referential.version} />
        {commitment.questions.map((question) => {
          const names = fieldNames(question.id)
          const stored = context.answers.get(question.id)
          if (!context.applies(question.id))
            return (
              <section
                class="question not-applicable"
                id={question.id}
                aria-labelledby={`${question.id}-text`}
              >
                <h2 id={`${question.id}-text`}>
                  {question.id} · <span lang="fr">{question.text}</span>
                </h2>
                <p>{t('assessment.notApplicable', { tier: question.tier })}</p>
              </section>
            )
          const level = shownValue(names.level, stored?.level)
          const levelError = problemByField.get(names.level)
          return (
            <fieldset
              class="question"
              id={question.id}
              disabled={!editable}
              aria-describedby={levelError ? `${names.level}-error` : undefined}
            >
              <legend>
                {question.id} · <span lang="fr">{question.text}</span>
              </legend>
              {levelError ? (
                <p class="field-error" id={`${names.level}-error`}>
                  {levelError}
                </p>
              ) : null}
              <div class="levels">
                {question.levels.map((descriptor, index) => (
                  <label>
                    <input
                      type="radio"
                      name={names.level}
                      id={index === 0 ? names.level : undefined}
                      value={String(index)}
                      checked={level === String(index)}
                    />
                    <span>
                      <strong>
                        {index} · {referential.maturityScale[index]?.label}
                      </strong>
                      {t('ui.colon')}
                      <span lang="fr">{descriptor}</span>
                    </span>
                  </label>
                ))}
                <label>
                  <input type="radio" name={names.level} value="" checked={level === ''} />
                  <span>{t('assessment.noAnswer')}</span>
                </label>
              </div>
              <p class="field">
                <label for={names.comment}>{t('assessment.comment')}</label>
                <textarea
                  id={names.comment}
                  name={names.comment}
                  rows={2}
                  maxlength={maxCommentLength}
                  aria-invalid={problemByField.has(names.comment) ? 'true' : undefined}
                  aria-describedby={problemByField.has(names.comment) ? `${names.comment}-error` : undefined}
                >
                  {shownValue(names.comment, stored?.comment)}
                </textarea>
                {problemByField.has(names.comment) ? (
                  <span class="field-error" id={`${names.comment}-error`}>
                    {problemByField.get(names.comment)}
                  </span>
                ) : null}
              </p>
              <p class="field">
                <label for={names.evidence}>{t('assessment.evidence')}</label>
                <input
                  type="url"
                  id={names.evidence}
                  name={names.evidence}
                  value={shownValue(names.evidence, stored?.evidenceUrl)}
                  maxlength={maxEvidenceLength}
                  placeholder="https://"
                  aria-invalid={problemByField.has(names.evidence) ? 'true' : undefined}
                  aria-describedby={
                    problemByField.has(names.evidence) ? `${names.evidence}-error` : undefined
                  }
                />
                {problemByField.has(names.evidence) ? (
                  <span class="field-error" id={`${names.evidence}-error`}>
                    {problemByField.get(names.evidence)}
                  </span>
                ) : null}
              </p>
            </fieldset>
          )
        })}
        {editable ? (
          <p class="actions">
            <button type="submit" name="next" value="0">
              {t('assessment.saveDraft')}
            </button>{' '}
            <button type="submit" name="next" value="1">
              {position + 1 < commitments.length ? t('assessment.saveNext') : t('assessment.saveFinish')}
            </button>
          </p>
        ) : null}
      </form>
    </>
  )
}
