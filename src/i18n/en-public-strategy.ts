import type { frPublicStrategy } from './fr-public-strategy.js'

/** The territory's public strategy page, in English. */
export const enPublicStrategy: Record<keyof typeof frPublicStrategy, string> = {}
