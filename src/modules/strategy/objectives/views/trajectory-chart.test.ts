import { describe, expect, it } from 'vitest'
import { valueScale } from './trajectory-chart.js'

describe('the trajectory chart’s value scale', () => {
  it('runs between round values around every point, with round ticks', () => {
    expect(valueScale([12.5, 40, 90, 47])).toEqual({ low: 0, high: 100, ticks: [0, 20, 40, 60, 80, 100] })
    expect(valueScale([1250, 1100, 900])).toEqual({
      low: 900,
      high: 1300,
      ticks: [900, 1000, 1100, 1200, 1300],
    })
  })

  it('prints small steps without float noise, and gives a flat objective some room', () => {
    expect(valueScale([0.1, 0.3]).ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3])
    expect(valueScale([100, 100])).toEqual({ low: 90, high: 110, ticks: [90, 95, 100, 105, 110] })
    expect(valueScale([0, 0]).low).toBe(0)
  })

  it('goes below zero only for negative figures', () => {
    expect(valueScale([2, 95]).low).toBe(0)
    expect(valueScale([-30, 10])).toEqual({ low: -30, high: 10, ticks: [-30, -20, -10, 0, 10] })
  })
})
