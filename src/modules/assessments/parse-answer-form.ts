import type { Commitment } from '../referential/referential.schemas.js'
import type { AnswerInput } from './save-answers.js'

export const maxCommentLength = 2_000
export const maxEvidenceLength = 500

/** Form field names for one question (ids like A1.E1.Q1 are valid in names and HTML ids). */
export const fieldNames = (questionId: string) => ({
  level: `level-${questionId}`,
  comment: `comment-${questionId}`,
  evidence: `evidence-${questionId}`,
})

export type AnswerFormProblem =
  | { field: string; code: 'level' }
  | { field: string; code: 'commentTooLong'; maximum: number }
  | { field: string; code: 'evidence'; maximum: number }
  | { field: string; code: 'foreignQuestion'; questionId: string }
  | { field: 'version'; code: 'version'; given: string; expected: string }

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * Reads one commitment's answer form. Every field is checked before anything is saved: a level
 * outside 0–3, a comment too long, an evidence that is not a web address, a question that is not
 * part of this commitment in the assessment's version, or a form made for another version.
 */
export function parseAnswerForm(
  values: Record<string, string>,
  commitment: Commitment,
  version: string,
  applicable: (questionId: string) => boolean,
): { ok: true; answers: AnswerInput[] } | { ok: false; problems: AnswerFormProblem[] } {
  const problems: AnswerFormProblem[] = []
  if ((values.version ?? '') !== version)
    problems.push({ field: 'version', code: 'version', given: values.version ?? '', expected: version })
  const ownQuestions = new Set(commitment.questions.map((question) => question.id))
  for (const name of Object.keys(values)) {
    const match = /^(?:level|comment|evidence)-(.+)$/.exec(name)
    if (match?.[1] && !ownQuestions.has(match[1]))
      problems.push({ field: name, code: 'foreignQuestion', questionId: match[1] })
  }
  const answers: AnswerInput[] = []
  for (const question of commitment.questions) {
    if (!applicable(question.id)) continue
    const names = fieldNames(question.id)
    const rawLevel = (values[names.level] ?? '').trim()
    let level: number | null = null
    if (rawLevel !== '') {
      if (!/^[0-3]$/.test(rawLevel)) problems.push({ field: names.level, code: 'level' })
      else level = Number(rawLevel)
    }
    const comment = (values[names.comment] ?? '').trim()
    if (comment.length > maxCommentLength)
      problems.push({ field: names.comment, code: 'commentTooLong', maximum: maxCommentLength })
    const evidence = (values[names.evidence] ?? '').trim()
    if (evidence !== '' && (evidence.length > maxEvidenceLength || !isWebAddress(evidence)))
      problems.push({ field: names.evidence, code: 'evidence', maximum: maxEvidenceLength })
    answers.push({
      questionId: question.id,
      level,
      comment: comment === '' ? null : comment,
      evidenceUrl: evidence === '' ? null : evidence,
    })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers }
}
