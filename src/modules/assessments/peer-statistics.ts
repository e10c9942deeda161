/**
 * Peer statistics. A group is shown only when it holds at least `minimumGroupSize` territories,
 * so that no aggregate can reveal one territory's answers.
 */
export const minimumGroupSize = 5

export interface Distribution {
  count: number
  q1: number
  median: number
  q3: number
}

/**
 * Quantile by linear interpolation between closest ranks (the method of spreadsheets'
 * QUARTILE.INC and R's type 7): position (n − 1) × p in the sorted values.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values')
  const position = (sorted.length - 1) * p
  const lower = Math.floor(position)
  const upper = Math.ceil(position)
  const low = sorted[lower] as number
  const high = sorted[upper] as number
  return low + (high - low) * (position - lower)
}

/** Quartiles of a group, or null when the group is too small to be shown. */
export function distributionOf(values: readonly number[]): Distribution | null {
  if (values.length < minimumGroupSize) return null
  const sorted = [...values].sort((a, b) => a - b)
  return {
    count: sorted.length,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
  }
}

/** Where a score stands in its group: below the first quartile, between, above the third. */
export function positionIn(
  distribution: Distribution,
  score: number,
): 'below_q1' | 'q1_median' | 'median_q3' | 'above_q3' {
  if (score < distribution.q1) return 'below_q1'
  if (score < distribution.median) return 'q1_median'
  if (score <= distribution.q3) return 'median_q3'
  return 'above_q3'
}

/** Population bands of the peer groups (lower bound inclusive), in inhabitants. */
export const populationBands = [
  { id: 'lt3500', min: 0 },
  { id: '3500-10000', min: 3_500 },
  { id: '10000-50000', min: 10_000 },
  { id: '50000-100000', min: 50_000 },
  { id: '100000-300000', min: 100_000 },
  { id: 'ge300000', min: 300_000 },
] as const
export type PopulationBand = (typeof populationBands)[number]['id']

export function populationBandOf(population: number | null): PopulationBand | null {
  if (population === null) return null
  let band: PopulationBand | null = null
  for (const candidate of populationBands) if (population >= candidate.min) band = candidate.id
  return band
}
