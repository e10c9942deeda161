/** Factor bases: list, view, workspace copies and CSV, operator publishing (French, the reference). */
export const frFactorBases = {
  'factor-bases.placeholder': '',
}
