import type { TerritoryKind } from '../../db/schema.js'
import type { Referential, TierId } from '../referential/referential.schemas.js'
import { indexReferential } from '../referential/referential-index.js'
import { questionApplies } from '../referential/territory-tier.js'

/**
 * The scoring method (documented on /referentiel/methode and in docs/referential.md):
 * - a question counts only if it applies to the territory (its tier and kind); others are left out;
 * - an applicable question without an answer counts as level 0 (what is not known is not done);
 * - a commitment's score is 100 × (sum of levels) ÷ (3 × number of applicable questions);
 * - an ambition's score is the mean of its commitments' scores, the overall score the mean of all
 *   commitments' scores (each of the 9 commitments weighs the same, as in the manifesto);
 * - scores are rounded to the nearest integer at the end; the letter follows the rounded score.
 */

export const maxLevel = 3

/** Lower bounds of each letter, on the rounded overall score (0–100). */
export const letterThresholds = [
  { letter: 'A', min: 80 },
  { letter: 'B', min: 60 },
  { letter: 'C', min: 40 },
  { letter: 'D', min: 20 },
  { letter: 'E', min: 0 },
] as const
export type Letter = (typeof letterThresholds)[number]['letter']

export interface CommitmentScore {
  commitmentId: string
  ambitionId: string
  /** Null when no question of the commitment applies to the territory. */
  score: number | null
  applicable: number
  answered: number
  notApplicable: number
}

export interface AssessmentScores {
  commitments: CommitmentScore[]
  ambitions: { ambitionId: string; score: number | null }[]
  overall: number | null
  letter: Letter | null
}

export interface ScoringContext {
  referential: Referential
  tier: TierId
  kind: TerritoryKind
}

export function letterFor(score: number): Letter {
  for (const threshold of letterThresholds) if (score >= threshold.min) return threshold.letter
  return 'E'
}

const round = (value: number) => Math.round(value)

/**
 * Scores one assessment from its answers (question id → level 0–3, or null / absent when unanswered).
 * One pass, plain loops: submission scores one assessment, but a rescoring or a benchmark scores
 * tens of thousands. Means add the exact (unrounded) commitment scores in the referential's order.
 */
export function scoreAssessment(
  context: ScoringContext,
  levels: ReadonlyMap<string, number | null>,
): AssessmentScores {
  const commitments: CommitmentScore[] = []
  const ambitions: { ambitionId: string; score: number | null }[] = []
  let overallSum = 0
  let overallCount = 0
  for (const ambition of context.referential.ambitions) {
    let ambitionSum = 0
    let ambitionCount = 0
    for (const commitment of ambition.commitments) {
      let applicable = 0
      let answered = 0
      let sum = 0
      for (const question of commitment.questions) {
        if (!questionApplies(question, context.tier, context.kind)) continue
        applicable++
        const level = levels.get(question.id)
        if (level === null || level === undefined) continue
        if (!Number.isInteger(level) || level < 0 || level > maxLevel)
          throw new RangeError(`Level ${level} of ${question.id} is outside 0–${maxLevel}`)
        answered++
        sum += level
      }
      const score = applicable === 0 ? null : (100 * sum) / (maxLevel * applicable)
      if (score !== null) {
        ambitionSum += score
        ambitionCount++
        overallSum += score
        overallCount++
      }
      commitments.push({
        commitmentId: commitment.id,
        ambitionId: ambition.id,
        score: score === null ? null : round(score),
        applicable,
        answered,
        notApplicable: commitment.questions.length - applicable,
      })
    }
    ambitions.push({
      ambitionId: ambition.id,
      score: ambitionCount === 0 ? null : round(ambitionSum / ambitionCount),
    })
  }
  const overall = overallCount === 0 ? null : round(overallSum / overallCount)
  return { commitments, ambitions, overall, letter: overall === null ? null : letterFor(overall) }
}

/** Applicable questions of the referential that have no level yet, in the referential's order. */
export function unansweredQuestions(
  context: ScoringContext,
  levels: ReadonlyMap<string, number | null>,
): string[] {
  return indexReferential(context.referential).commitments.flatMap((commitment) =>
    commitment.questions
      .filter((question) => questionApplies(question, context.tier, context.kind))
      .filter((question) => (levels.get(question.id) ?? null) === null)
      .map((question) => question.id),
  )
}

/** What a submission keeps of its scores, as stored in `assessments.scores` (null scopes left out). */
export interface FrozenScores {
  ambition: Record<string, number>
  commitment: Record<string, number>
}

export function freezeScores(scores: AssessmentScores): FrozenScores {
  const frozen: FrozenScores = { ambition: {}, commitment: {} }
  for (const row of scores.ambitions) if (row.score !== null) frozen.ambition[row.ambitionId] = row.score
  for (const row of scores.commitments)
    if (row.score !== null) frozen.commitment[row.commitmentId] = row.score
  return frozen
}

export function readFrozenScores(json: string | null): FrozenScores {
  if (!json) return { ambition: {}, commitment: {} }
  const parsed = JSON.parse(json) as Partial<FrozenScores>
  return { ambition: parsed.ambition ?? {}, commitment: parsed.commitment ?? {} }
}
