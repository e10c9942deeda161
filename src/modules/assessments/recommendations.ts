import type { TerritoryKind } from '../../db/schema.js'
import type { ObligationStatusValue } from '../obligations/evaluate-obligations.js'
import type { Priority, Referential, TierId } from '../referential/referential.schemas.js'
import { questionApplies } from '../referential/territory-tier.js'
import { maxLevel } from './score-assessment.js'

export interface RecommendationItem {
  /** Stable id (R-<question id>): the action plan turns it into an action. */
  id: string
  questionId: string
  commitmentId: string
  text: string
  priority: Priority
  level: number
  /** How many levels are missing to reach the top: 1 to 3. */
  gap: number
  obligationId: string | null
  /** How the linked obligation stands for this territory, when there is one. */
  obligationStatus: ObligationStatusValue | null
}

const priorityRank: Record<Priority, number> = {
  obligatoire: 0,
  fortement_recommande: 1,
  recommande: 2,
  facultatif: 3,
}

/**
 * The priority a recommendation takes for one territory: « obligatoire » only when its obligation
 * applies (or may apply, until a figure is declared); otherwise the file's priorityIfExempt, or
 * « fortement recommandé » when the file gives none.
 */
export function effectivePriority(
  priority: Priority,
  priorityIfExempt: Priority | undefined,
  obligationStatus: ObligationStatusValue | null,
): Priority {
  if (priority !== 'obligatoire') return priority
  if (obligationStatus === 'not_applicable') return priorityIfExempt ?? 'fortement_recommande'
  return priority
}

/**
 * Recommendations for every applicable question below the top level: legal obligations first,
 * then the largest gaps, then the priority the referential gives, then the referential's order.
 */
export function prioritisedRecommendations(
  context: { referential: Referential; tier: TierId; kind: TerritoryKind },
  levels: ReadonlyMap<string, number | null>,
  obligationStatuses: ReadonlyMap<string, ObligationStatusValue>,
): RecommendationItem[] {
  const items: (RecommendationItem & { order: number })[] = []
  let order = 0
  for (const ambition of context.referential.ambitions)
    for (const commitment of ambition.commitments)
      for (const question of commitment.questions) {
        order++
        if (!questionApplies(question, context.tier, context.kind)) continue
        const level = levels.get(question.id) ?? 0
        if (level >= maxLevel) continue
        const obligationStatus = question.obligation
          ? (obligationStatuses.get(question.obligation) ?? null)
          : null
        items.push({
          id: question.recommendation.id,
          questionId: question.id,
          commitmentId: commitment.id,
          text: question.recommendation.text,
          priority: effectivePriority(
            question.recommendation.priority,
            question.recommendation.priorityIfExempt,
            obligationStatus,
          ),
          level,
          gap: maxLevel - level,
          obligationId: question.obligation ?? null,
          obligationStatus,
          order,
        })
      }
  items.sort(
    (a, b) =>
      Number(b.priority === 'obligatoire') - Number(a.priority === 'obligatoire') ||
      b.gap - a.gap ||
      priorityRank[a.priority] - priorityRank[b.priority] ||
      a.order - b.order,
  )
  return items.map(({ order: _order, ...item }) => item)
}
