/** Footprint scenarios and the reuse rate of retired IT (French, the reference). */
export const frScenarios = {
  'scenarios.placeholder': '',
}
