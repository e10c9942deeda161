import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../audit/record-audit.js'
import type { Question, Referential } from '../referential/referential.schemas.js'
import { loadReferential } from '../referential/referential.store.js'
import { indexReferential } from '../referential/referential-index.js'
import { AssessmentRefused } from './assessment-errors.js'
import { answersOf, findAssessment } from './assessments.queries.js'

/** Same question, same meaning: an answer given to one can be carried to the other. */
function sameMeaning(a: Question, b: Question): boolean {
  return a.text === b.text && a.levels.every((level, index) => level === b.levels[index])
}

export interface StartedAssessment {
  id: number
  /** Answers carried over from the copied year. */
  copied: number
  /** Answers of the copied year left behind because their question changed or disappeared. */
  leftBehind: number
}

/**
 * Opens a year's assessment under the referential version in force. Starting from a copy carries
 * over the submitted answers of another year, but only for questions whose wording and levels are
 * unchanged: a changed question must be answered anew, so that no answer changes meaning.
 */
export async function startAssessment(
  db: Kysely<Database>,
  input: {
    workspaceId: number
    year: number
    actorId: number | null
    referential: Referential
    copyFromYear?: number
  },
): Promise<StartedAssessment> {
  const opening = db.transaction().execute(async (trx) => {
    if (await findAssessment(trx, input.workspaceId, input.year))
      throw new AssessmentRefused({ code: 'exists', year: input.year })
    const carried: {
      questionId: string
      level: number | null
      comment: string | null
      evidenceUrl: string | null
    }[] = []
    let leftBehind = 0
    if (input.copyFromYear !== undefined) {
      const source = await findAssessment(trx, input.workspaceId, input.copyFromYear)
      if (source?.status !== 'submitted')
        throw new AssessmentRefused({ code: 'copy_source_missing', year: input.copyFromYear })
      // Through the transaction: SQLite has one connection, which this transaction holds, so a
      // query on `db` here would wait for it forever when the version is not cached yet.
      const sourceReferential = await loadReferential(trx, source.referential_version)
      if (!sourceReferential) throw new Error(`Missing referential ${source.referential_version}`)
      const sourceIndex = indexReferential(sourceReferential)
      const targetIndex = indexReferential(input.referential)
      for (const [questionId, answer] of await answersOf(trx, source.id)) {
        const before = sourceIndex.questions.get(questionId)?.question
        const now = targetIndex.questions.get(questionId)?.question
        if (before && now && sameMeaning(before, now)) carried.push({ questionId, ...answer })
        else leftBehind++
      }
    }
    const at = new Date().toISOString()
    const { id } = await trx
      .insertInto('assessments')
      .values({
        workspace_id: input.workspaceId,
        year: input.year,
        referential_version: input.referential.version,
        status: 'draft',
        created_at: at,
        created_by: input.actorId,
        updated_at: at,
        submitted_at: null,
        submitted_by: null,
        tier: null,
        peer_kind: null,
        population_band: null,
        score: null,
        letter: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (carried.length > 0)
      await trx
        .insertInto('assessment_answers')
        .values(
          carried.map((answer) => ({
            assessment_id: id,
            question_id: answer.questionId,
            level: answer.level,
            comment: answer.comment,
            evidence_url: answer.evidenceUrl,
            updated_at: at,
            updated_by: input.actorId,
          })),
        )
        .execute()
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: 'assessment',
      entityId: id,
      action: 'start',
      after: {
        year: input.year,
        version: input.referential.version,
        copiedFromYear: input.copyFromYear ?? null,
      },
    })
    return { id, copied: (await answersOf(trx, id)).size, leftBehind }
  })
  try {
    return await opening
  } catch (error) {
    // Two people opening the same year at once: the unique (workspace, year) key stops the
    // second, which gets the same refusal as if it had come a moment later.
    if (!(error instanceof AssessmentRefused) && (await findAssessment(db, input.workspaceId, input.year)))
      throw new AssessmentRefused({ code: 'exists', year: input.year })
    throw error
  }
}
