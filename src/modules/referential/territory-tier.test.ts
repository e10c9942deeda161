import { describe, expect, it } from 'vitest'
import type { TerritoryKind } from '../../db/schema.js'
import type { TerritoryFacts } from '../obligations/evaluate-obligations.js'
import { readBundledReferentials } from './bundled-referentials.js'
import type { Question, Referential } from './referential.schemas.js'
import { questionApplies, territoryTier } from './territory-tier.js'

// The size tiers of the referential shipped with the code: S all; M > 3,500 inhabitants or ≥ 50
// agents; L communes and EPCI > 50,000 inhabitants.
const referential = readBundledReferentials().at(-1) as Referential

const facts = (
  kind: TerritoryKind,
  population: number | null,
  agentsFte: number | null = null,
): TerritoryFacts => ({
  kind,
  populationTotal: population,
  populationMunicipal: population,
  agentsFte,
  annualPurchasesEur: null,
})

describe('territoryTier', () => {
  it('a commune of 60,000 inhabitants is L', () => {
    expect(territoryTier(referential, facts('commune', 60_000))).toEqual({ tier: 'L', higherToConfirm: null })
    expect(territoryTier(referential, facts('epci', 60_000))).toEqual({ tier: 'L', higherToConfirm: null })
  })

  it('a département of 60,000 inhabitants is M: L is for communes and EPCI only', () => {
    expect(territoryTier(referential, facts('departement', 60_000))).toEqual({
      tier: 'M',
      higherToConfirm: null,
    })
    expect(territoryTier(referential, facts('region', 5_000_000))).toEqual({
      tier: 'M',
      higherToConfirm: null,
    })
  })

  it('a commune of 2,000 inhabitants without declared agents is S, M to confirm', () => {
    expect(territoryTier(referential, facts('commune', 2_000))).toEqual({ tier: 'S', higherToConfirm: 'M' })
  })

  it('the same commune with 60 agents is M; with 10 agents S, nothing to confirm', () => {
    expect(territoryTier(referential, facts('commune', 2_000, 60))).toEqual({
      tier: 'M',
      higherToConfirm: null,
    })
    expect(territoryTier(referential, facts('commune', 2_000, 10))).toEqual({
      tier: 'S',
      higherToConfirm: null,
    })
  })

  it('thresholds: more than 3,500 and more than 50,000 inhabitants; 50 agents or more', () => {
    expect(territoryTier(referential, facts('commune', 3_500, 0)).tier).toBe('S')
    expect(territoryTier(referential, facts('commune', 3_501)).tier).toBe('M')
    expect(territoryTier(referential, facts('commune', 50_000)).tier).toBe('M')
    expect(territoryTier(referential, facts('commune', 50_001)).tier).toBe('L')
    expect(territoryTier(referential, facts('commune', 100, 50)).tier).toBe('M')
    expect(territoryTier(referential, facts('commune', 100, 49.5)).tier).toBe('S')
  })

  it('a commune of 10,000 inhabitants is M, and L is not "to confirm"', () => {
    expect(territoryTier(referential, facts('commune', 10_000))).toEqual({ tier: 'M', higherToConfirm: null })
  })
})

describe('questionApplies', () => {
  const question = (tier: Question['tier'], kinds?: TerritoryKind[]): Question => ({
    id: 'A1.E1.Q1',
    text: 'Question',
    tier,
    ...(kinds ? { kinds: kinds as Question['kinds'] } : {}),
    levels: ['0', '1', '2', '3'],
    recommendation: { id: 'R-A1.E1.Q1', text: 'Faire', priority: 'recommande' },
  })

  it('asks a question of its tier and the tiers above', () => {
    const grid = (['S', 'M', 'L'] as const).map((questionTier) =>
      (['S', 'M', 'L'] as const).map((tier) => questionApplies(question(questionTier), tier, 'commune')),
    )
    expect(grid).toEqual([
      [true, true, true],
      [false, true, true],
      [false, false, true],
    ])
  })

  it('asks every kind when the question names none, only the named kinds otherwise', () => {
    expect(questionApplies(question('S'), 'S', 'region')).toBe(true)
    expect(questionApplies(question('S', ['commune', 'epci']), 'L', 'epci')).toBe(true)
    expect(questionApplies(question('S', ['commune', 'epci']), 'L', 'departement')).toBe(false)
    // both conditions must hold
    expect(questionApplies(question('L', ['departement']), 'M', 'departement')).toBe(false)
    expect(questionApplies(question('M', ['departement']), 'M', 'departement')).toBe(true)
  })
})
