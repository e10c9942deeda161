import type { frIndicators } from './fr-indicators.js'

/** Indicator values per year, entered or computed, in English. */
export const enIndicators: Record<keyof typeof frIndicators, string> = {}
