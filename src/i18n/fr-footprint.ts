/** Footprint results, charts, explanations, methodology, API (French, the reference). */
export const frFootprint = {
  'footprint.placeholder': '',
}
