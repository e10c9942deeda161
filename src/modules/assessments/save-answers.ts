import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../audit/record-audit.js'
import type { Referential } from '../referential/referential.schemas.js'
import { indexReferential } from '../referential/referential-index.js'
import { AssessmentRefused } from './assessment-errors.js'
import type { Answer, AssessmentRow } from './assessments.queries.js'

export interface AnswerInput extends Answer {
  questionId: string
}

/**
 * Saves a draft's answers, all or none. Every question must belong to the referential version the
 * assessment was opened under, and the assessment must still be a draft (checked again inside the
 * transaction, so a submission in between wins and nothing is written).
 */
export async function saveAnswers(
  db: Kysely<Database>,
  input: {
    assessment: AssessmentRow
    referential: Referential
    answers: AnswerInput[]
    actorId: number | null
  },
): Promise<void> {
  const { assessment, referential } = input
  if (referential.version !== assessment.referential_version)
    throw new AssessmentRefused({
      code: 'wrong_version',
      given: referential.version,
      expected: assessment.referential_version,
    })
  const questions = indexReferential(referential).questions
  for (const answer of input.answers) {
    if (!questions.has(answer.questionId))
      throw new AssessmentRefused({
        code: 'unknown_question',
        questionId: answer.questionId,
        version: referential.version,
      })
    if (answer.level !== null && (!Number.isInteger(answer.level) || answer.level < 0 || answer.level > 3))
      throw new RangeError(`Level ${answer.level} outside 0–3`)
  }
  await db.transaction().execute(async (trx) => {
    const at = new Date().toISOString()
    const touched = await trx
      .updateTable('assessments')
      .set({ updated_at: at })
      .where('id', '=', assessment.id)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    if (Number(touched.numUpdatedRows) !== 1) throw new AssessmentRefused({ code: 'locked' })
    // One statement for the whole form: each row inserted, or updated from the row it would have been.
    if (input.answers.length > 0)
      await trx
        .insertInto('assessment_answers')
        .values(
          input.answers.map((answer) => ({
            assessment_id: assessment.id,
            question_id: answer.questionId,
            level: answer.level,
            comment: answer.comment,
            evidence_url: answer.evidenceUrl,
            updated_at: at,
            updated_by: input.actorId,
          })),
        )
        .onConflict((conflict) =>
          conflict.columns(['assessment_id', 'question_id']).doUpdateSet((eb) => ({
            level: eb.ref('excluded.level'),
            comment: eb.ref('excluded.comment'),
            evidence_url: eb.ref('excluded.evidence_url'),
            updated_at: eb.ref('excluded.updated_at'),
            updated_by: eb.ref('excluded.updated_by'),
          })),
        )
        .execute()
    // Levels only: comments are free text and may name people; the log keeps ids and figures.
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: assessment.workspace_id,
      entity: 'assessment',
      entityId: assessment.id,
      action: 'save',
      after: Object.fromEntries(input.answers.map((answer) => [answer.questionId, answer.level])),
    })
  })
}
