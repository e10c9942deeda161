/** Why a change to an assessment was refused. Routes turn each into a clear message; nothing is written. */
export type AssessmentRefusal =
  | { code: 'exists'; year: number }
  | { code: 'locked' }
  | { code: 'copy_source_missing'; year: number }
  | { code: 'unknown_question'; questionId: string; version: string }
  | { code: 'wrong_version'; given: string; expected: string }
  | { code: 'unanswered'; questionIds: string[] }
  | { code: 'bad_year' }

export class AssessmentRefused extends Error {
  constructor(readonly refusal: AssessmentRefusal) {
    super(`Assessment change refused: ${refusal.code}`)
  }
}
