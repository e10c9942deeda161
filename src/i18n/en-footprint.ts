import type { frFootprint } from './fr-footprint.js'

/** Footprint results, charts, explanations, methodology, API in English. */
export const enFootprint: Record<keyof typeof frFootprint, string> = {
  'footprint.placeholder': '',
}
