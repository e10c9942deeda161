import type { Indicator, Referential } from '../../referential/referential.schemas.js'

/** Every indicator of a referential, with the commitment it belongs to, in the referential's order. */
export function referentialIndicators(
  referential: Referential,
): { indicator: Indicator; commitmentId: string }[] {
  return referential.ambitions.flatMap((ambition) =>
    ambition.commitments.flatMap((commitment) =>
      commitment.indicators.map((indicator) => ({ indicator, commitmentId: commitment.id })),
    ),
  )
}

export function findIndicator(referential: Referential, indicatorId: string): Indicator | undefined {
  return referentialIndicators(referential).find((entry) => entry.indicator.id === indicatorId)?.indicator
}
