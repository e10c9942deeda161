/** The footprint's public methodology page and the workspace API tokens (French, the reference). */
export const frFootprintMethod = {
  'footprintMethod.placeholder': '',
}
