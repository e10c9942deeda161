import type { frFactorBases } from './fr-factor-bases.js'

/** Factor bases: list, view, workspace copies and CSV, operator publishing in English. */
export const enFactorBases: Record<keyof typeof frFactorBases, string> = {
  'factor-bases.placeholder': '',
}
