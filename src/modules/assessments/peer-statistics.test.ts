import { describe, expect, it } from 'vitest'
import {
  distributionOf,
  minimumGroupSize,
  populationBandOf,
  populationBands,
  positionIn,
  quantile,
} from './peer-statistics.js'

describe('quantile (QUARTILE.INC, R type 7)', () => {
  it('[1, 2, 3, 4]: q1 1.75, median 2.5, q3 3.25', () => {
    // Positions (n − 1) × p = 0.75, 1.5, 2.25 in the sorted values.
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75)
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25)
  })

  it('[1, 3, 4, 7, 9, 12]: q1 3.25, median 5.5, q3 8.5', () => {
    // q1: position 1.25 → 3 + 0.25 × (4 − 3) = 3.25; median: 2.5 → 4 + 0.5 × 3 = 5.5; q3: 3.75 → 7 + 0.75 × 2 = 8.5
    const values = [1, 3, 4, 7, 9, 12]
    expect(quantile(values, 0.25)).toBeCloseTo(3.25, 12)
    expect(quantile(values, 0.5)).toBeCloseTo(5.5, 12)
    expect(quantile(values, 0.75)).toBeCloseTo(8.5, 12)
  })

  it('[10, 20, 30, 40, 50]: exact ranks, no interpolation', () => {
    expect([0.25, 0.5, 0.75].map((p) => quantile([10, 20, 30, 40, 50], p))).toEqual([20, 30, 40])
  })

  it('[0, 100]: q1 25, median 50, q3 75; p = 0 and 1 are the ends', () => {
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantile([0, 100], p))).toEqual([0, 25, 50, 75, 100])
  })

  it('one value is every quantile; no value throws', () => {
    expect(quantile([42], 0.25)).toBe(42)
    expect(quantile([42], 0.75)).toBe(42)
    expect(() => quantile([], 0.5)).toThrow(RangeError)
  })
})

describe('distributionOf', () => {
  it('a group of 4 is too small to show', () => {
    expect(minimumGroupSize).toBe(5)
    expect(distributionOf([10, 20, 30, 40])).toBeNull()
    expect(distributionOf([])).toBeNull()
  })

  it('a group of 5 is shown, from unsorted values, without reordering them', () => {
    const values = [50, 10, 40, 20, 30]
    expect(distributionOf(values)).toEqual({ count: 5, q1: 20, median: 30, q3: 40 })
    expect(values).toEqual([50, 10, 40, 20, 30])
  })

  it('sorts numerically, not as text', () => {
    // Sorted [3, 9, 20, 45, 60, 100]: q1 at 1.25 → 9 + 0.25 × 11; as text, 100 would sort before 20.
    expect(distributionOf([100, 20, 3, 45, 9, 60])).toEqual({ count: 6, q1: 11.75, median: 32.5, q3: 56.25 })
  })
})

describe('positionIn', () => {
  const distribution = { count: 5, q1: 20, median: 30, q3: 40 }
  it('places a score against the quartiles (q1 and median inclusive on the upper side)', () => {
    expect([19, 20, 29, 30, 40, 41].map((score) => positionIn(distribution, score))).toEqual([
      'below_q1',
      'q1_median',
      'q1_median',
      'median_q3',
      'median_q3',
      'above_q3',
    ])
  })
})

describe('populationBandOf', () => {
  it('lower bounds are inclusive', () => {
    const cases: [number, string][] = [
      [0, 'lt3500'],
      [3_499, 'lt3500'],
      [3_500, '3500-10000'],
      [9_999, '3500-10000'],
      [10_000, '10000-50000'],
      [49_999, '10000-50000'],
      [50_000, '50000-100000'],
      [99_999, '50000-100000'],
      [100_000, '100000-300000'],
      [299_999, '100000-300000'],
      [300_000, 'ge300000'],
      [2_200_000, 'ge300000'],
    ]
    for (const [population, band] of cases)
      expect([population, populationBandOf(population)]).toEqual([population, band])
  })

  it('an unknown population has no band', () => {
    expect(populationBandOf(null)).toBeNull()
  })

  it('the bands are ordered and start at 0', () => {
    expect(populationBands[0]?.min).toBe(0)
    for (let index = 1; index < populationBands.length; index++)
      expect(populationBands[index]?.min).toBeGreaterThan(populationBands[index - 1]?.min as number)
  })
})
