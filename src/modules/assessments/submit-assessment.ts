import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordAudit } from '../audit/record-audit.js'
import { populationForThresholds, type TerritoryFacts } from '../obligations/evaluate-obligations.js'
import type { Referential } from '../referential/referential.schemas.js'
import { territoryTier } from '../referential/territory-tier.js'
import { AssessmentRefused } from './assessment-errors.js'
import { type AssessmentRow, answersOf, levelsOf } from './assessments.queries.js'
import { populationBandOf } from './peer-statistics.js'
import {
  type AssessmentScores,
  freezeScores,
  scoreAssessment,
  unansweredQuestions,
} from './score-assessment.js'

/**
 * Submits a draft: every applicable question must have a level. Scores, tier and peer group are
 * computed once and frozen with the assessment, which is locked from then on. The status change
 * is conditional (draft → submitted), so two simultaneous submissions cannot both pass.
 */
export async function submitAssessment(
  db: Kysely<Database>,
  input: {
    assessment: AssessmentRow
    referential: Referential
    facts: TerritoryFacts
    actorId: number | null
  },
): Promise<AssessmentScores> {
  const { assessment, referential, facts } = input
  if (assessment.status !== 'draft') throw new AssessmentRefused({ code: 'locked' })
  const { tier } = territoryTier(referential, facts)
  const context = { referential, tier, kind: facts.kind }
  const scores = await db.transaction().execute(async (trx) => {
    const levels = levelsOf(await answersOf(trx, assessment.id))
    const missing = unansweredQuestions(context, levels)
    if (missing.length > 0) throw new AssessmentRefused({ code: 'unanswered', questionIds: missing })
    const scores = scoreAssessment(context, levels)
    const at = new Date().toISOString()
    const updated = await trx
      .updateTable('assessments')
      .set({
        status: 'submitted',
        submitted_at: at,
        submitted_by: input.actorId,
        updated_at: at,
        tier,
        peer_kind: facts.kind,
        population_band: populationBandOf(populationForThresholds(facts).value),
        score: scores.overall,
        letter: scores.letter,
        scores: JSON.stringify(freezeScores(scores)),
      })
      .where('id', '=', assessment.id)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AssessmentRefused({ code: 'locked' })
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: assessment.workspace_id,
      entity: 'assessment',
      entityId: assessment.id,
      action: 'submit',
      after: { year: assessment.year, score: scores.overall, letter: scores.letter, tier },
    })
    return scores
  })
  return scores
}
