import type { frScenarios } from './fr-scenarios.js'

/** Footprint scenarios and the reuse rate of retired IT in English. */
export const enScenarios: Record<keyof typeof frScenarios, string> = {
  'scenarios.placeholder': '',
}
