import { describe, expect, it } from 'vitest'
import { findFactorBase } from '../factor-bases.js'
import { workedExample } from './worked-example.js'

describe('the methodology page’s worked example', () => {
  const base = findFactorBase()
  if (!base) throw new Error('the default base is shipped')
  const example = workedExample(base)

  it('gives ADEME’s oracle: 191.8 kgCO2e over the laptop’s five years, in both methods', () => {
    expect(example.countedYears).toEqual([2020, 2021, 2022, 2023, 2024])
    expect(example.perYear).toBeCloseTo((170 + 12.3 + 2.79) / 5 + ((26.5 * 3 * 365) / 1000) * 0.0461, 9)
    expect(example.lifetimeTotal).toBeCloseTo(191.8, 1)
    expect(example.fluxFirstYear).toBeCloseTo(186.4, 1)
    expect(example.fluxLaterYear).toBeCloseTo(1.34, 2)
    expect(example.fluxTotal).toBeCloseTo(example.lifetimeTotal as number, 9)
  })

  it('explains the year phase by phase with figures that add up to the engine’s', () => {
    const sum = example.phases.reduce((total, { explanation }) => total + (explanation.result ?? 0), 0)
    expect(sum).toBeCloseTo(example.perYear as number, 9)
    expect(example.phases.map(({ explanation }) => explanation.text)).toEqual([
      '170 kgCO2e (fabrication) ÷ 5 ans = 34 kgCO2e/an',
      '12,3 kgCO2e (distribution) ÷ 5 ans = 2,46 kgCO2e/an',
      expect.stringContaining('× 0,0461 kgCO2e/kWh = 1,34 kgCO2e'),
      '2,79 kgCO2e (fin de vie) ÷ 5 ans = 0,558 kgCO2e/an',
    ])
  })
})
