import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import {
  evaluateObligations,
  type ObligationStatusValue,
  type TerritoryFacts,
} from '../obligations/evaluate-obligations.js'
import type { Referential, TierId } from '../referential/referential.schemas.js'
import { loadReferential } from '../referential/referential.store.js'
import { indexReferential } from '../referential/referential-index.js'
import { questionApplies, type TierOutcome, territoryTier } from '../referential/territory-tier.js'
import type { WorkspaceContext } from '../workspaces/workspaces.queries.js'
import {
  type Answer,
  type AssessmentRow,
  answersOf,
  findAssessment,
  territoryFactsOf,
} from './assessments.queries.js'

/** Everything a page of one year's assessment needs, read once. */
export interface AssessmentContext {
  assessment: AssessmentRow
  /** The version the assessment was opened under (never the current one by default). */
  referential: Referential
  facts: TerritoryFacts
  /** Frozen at submission; computed from today's facts for a draft. */
  tier: TierId
  tierOutcome: TierOutcome
  answers: Map<string, Answer>
  obligationStatuses: Map<string, ObligationStatusValue>
  applies: (questionId: string) => boolean
}

export async function loadAssessmentContext(
  db: Kysely<Database>,
  workspace: WorkspaceContext,
  year: number,
): Promise<AssessmentContext | undefined> {
  const assessment = await findAssessment(db, workspace.id, year)
  if (!assessment) return undefined
  const [referential, facts, answers] = await Promise.all([
    loadReferential(db, assessment.referential_version),
    territoryFactsOf(db, workspace.territoryId),
    answersOf(db, assessment.id),
  ])
  if (!referential) throw new Error(`Assessment ${assessment.id} names a missing referential`)
  const tierOutcome = territoryTier(referential, facts)
  const tier = assessment.tier ?? tierOutcome.tier
  const obligationStatuses = new Map(
    evaluateObligations(referential.obligations, facts).map((status) => [
      status.obligation.id,
      status.status,
    ]),
  )
  const questions = indexReferential(referential).questions
  return {
    assessment,
    referential,
    facts,
    tier,
    tierOutcome,
    answers,
    obligationStatuses,
    applies: (questionId) => {
      const place = questions.get(questionId)
      return place !== undefined && questionApplies(place.question, tier, facts.kind)
    },
  }
}
