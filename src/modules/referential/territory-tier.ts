import type { TerritoryKind } from '../../db/schema.js'
import { evaluateRule, type TerritoryFacts } from '../obligations/evaluate-obligations.js'
import { type Question, type Referential, type TierId, tierOrder } from './referential.schemas.js'

export interface TierOutcome {
  tier: TierId
  /** A higher tier is possible but depends on a figure not declared yet (e.g. the number of agents). */
  higherToConfirm: TierId | null
}

/**
 * A territory's size tier: the highest tier whose criteria it certainly meets. When a higher tier
 * depends on a missing figure, the territory stays on the tier it certainly meets and the page says
 * which figure would settle it, rather than asking questions that may not concern it.
 */
export function territoryTier(referential: Referential, facts: TerritoryFacts): TierOutcome {
  let tier: TierId = 'S'
  let higherToConfirm: TierId | null = null
  for (const sizeTier of referential.sizeTiers) {
    const outcome = evaluateRule(sizeTier.criteria, facts)
    if (outcome.status === 'applies') tier = sizeTier.id
    else if (
      outcome.status === 'to_confirm' &&
      higherToConfirm === null &&
      tierOrder[sizeTier.id] > tierOrder[tier]
    )
      higherToConfirm = sizeTier.id
  }
  if (higherToConfirm && tierOrder[higherToConfirm] <= tierOrder[tier]) higherToConfirm = null
  return { tier, higherToConfirm }
}

/** A question is asked of territories of its tier and above, and of the kinds it names (all if none). */
export function questionApplies(question: Question, tier: TierId, kind: TerritoryKind): boolean {
  return tierOrder[question.tier] <= tierOrder[tier] && (!question.kinds || question.kinds.includes(kind))
}
