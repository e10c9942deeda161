import type { frStrategy } from './fr-strategy.js'

/** The strategy overview, REEN milestones and generated documents, in English. */
export const enStrategy: Record<keyof typeof frStrategy, string> = {
  'strategyNav.label': 'Strategy navigation',
  'strategyNav.overview': 'Overview',
  'strategyNav.indicators': 'Indicators',
  'strategyNav.objectives': 'Objectives',
  'strategyNav.actions': 'Roadmap',
  'strategyNav.milestones': 'REEN milestones',
  'strategyNav.documents': 'Documents',
}
