import type { frFootprintMethod } from './fr-footprint-method.js'

/** The footprint's public methodology page and the workspace API tokens in English. */
export const enFootprintMethod: Record<keyof typeof frFootprintMethod, string> = {
  'footprintMethod.placeholder': '',
}
