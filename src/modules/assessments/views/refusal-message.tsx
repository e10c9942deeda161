import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import type { AssessmentRefusal } from '../assessment-errors.js'

/** Why the last change was refused, in words, with the questions concerned when there are some. */
export function RefusalMessage({
  c,
  refusal,
  year,
}: {
  c: Context<AppEnv>
  refusal: AssessmentRefusal
  year?: number
}) {
  const t = c.get('t')
  const text = (() => {
    switch (refusal.code) {
      case 'exists':
        return t('assessment.refused.exists', { year: refusal.year })
      case 'locked':
        return t('assessment.refused.locked')
      case 'copy_source_missing':
        return t('assessment.refused.copySource', { year: refusal.year })
      case 'unknown_question':
        return t('assessment.refused.unknownQuestion', {
          question: refusal.questionId,
          version: refusal.version,
        })
      case 'wrong_version':
        return t('assessment.refused.wrongVersion', { given: refusal.given, expected: refusal.expected })
      case 'unanswered':
        return t('assessment.refused.unanswered', { count: refusal.questionIds.length })
      case 'bad_year':
        return t('assessment.refused.badYear')
    }
  })()
  return (
    <div class="error-summary" role="alert" aria-labelledby="refusal-heading" tabindex={-1}>
      <h2 id="refusal-heading">{t('assessment.refused.title')}</h2>
      <p>{text}</p>
      {refusal.code === 'unanswered' ? (
        <ul>
          {refusal.questionIds.map((id) => (
            <li>
              <a
                href={`/espace/${c.get('workspace').id}/autodiagnostic/${year}/engagements/${id.split('.').slice(0, 2).join('.')}#${id}`}
              >
                {id}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
