import { describe, expect, it } from 'vitest'
import { readBundledReferentials } from '../referential/bundled-referentials.js'
import { evaluateObligation, evaluateObligations, type TerritoryFacts } from './evaluate-obligations.js'

// The obligations of the referential shipped with the code (the latest bundled version).
const obligations = readBundledReferentials().at(-1)?.obligations ?? []
const obligationById = (id: string) => {
  const found = obligations.find((obligation) => obligation.id === id)
  if (!found) throw new Error(`No obligation ${id}`)
  return found
}

const commune = (population: number, figures: Partial<TerritoryFacts> = {}): TerritoryFacts => ({
  kind: 'commune',
  populationTotal: population,
  populationMunicipal: population - 100,
  agentsFte: null,
  annualPurchasesEur: null,
  ...figures,
})

const statusOf = (id: string, facts: TerritoryFacts) => evaluateObligation(obligationById(id), facts).status

describe('REEN strategy (communes and EPCI over 50,000 inhabitants)', () => {
  it('applies strictly above 50,000 inhabitants ("plus de 50 000 habitants")', () => {
    expect(statusOf('reen_strategie', commune(50_001))).toBe('applies')
    expect(statusOf('reen_strategie', commune(50_000))).toBe('not_applicable')
  })

  it('uses the population totale, and the municipale only when the totale is unknown', () => {
    const totalAbove = { ...commune(50_500), populationMunicipal: 49_800 }
    expect(statusOf('reen_strategie', totalAbove)).toBe('applies')
    const onlyMunicipal = { ...commune(0), populationTotal: null, populationMunicipal: 50_200 }
    const status = evaluateObligation(obligationById('reen_strategie'), onlyMunicipal)
    expect(status.status).toBe('applies')
    expect(status.populationBasis).toBe('municipal')
  })

  it('does not apply to départements and régions, whatever their size', () => {
    expect(statusOf('reen_strategie', { ...commune(1_000_000), kind: 'departement' })).toBe('not_applicable')
    expect(statusOf('reen_strategie', { ...commune(5_000_000), kind: 'region' })).toBe('not_applicable')
  })

  it('asks to confirm for the Métropole de Lyon, which the law does not name, with the reason', () => {
    const status = evaluateObligation(obligationById('reen_strategie'), {
      ...commune(1_449_118),
      kind: 'special',
    })
    expect(status.status).toBe('to_confirm')
    expect(status.note).toMatch(/Métropole de Lyon/)
    expect(status.missing).toEqual([])
  })

  it('does not ask the Métropole de Lyon to confirm when its population is below the threshold anyway', () => {
    expect(statusOf('reen_strategie', { ...commune(40_000), kind: 'special' })).toBe('not_applicable')
  })
})

describe('open data by default (over 3,500 inhabitants AND at least 50 agents)', () => {
  it('is to confirm while the agents are not declared, and names the missing figure', () => {
    const status = evaluateObligation(obligationById('open_data_defaut'), commune(12_000))
    expect(status.status).toBe('to_confirm')
    expect(status.missing).toEqual(['agents'])
  })

  it('is settled by the agents: 50 is enough ("au moins 50 agents"), 49 is not', () => {
    expect(statusOf('open_data_defaut', commune(12_000, { agentsFte: 50 }))).toBe('applies')
    expect(statusOf('open_data_defaut', commune(12_000, { agentsFte: 49 }))).toBe('not_applicable')
  })

  it('does not apply to a small commune even without the agents: one false criterion is enough', () => {
    expect(statusOf('open_data_defaut', commune(3_500))).toBe('not_applicable')
  })
})

describe('public algorithms (over 3,500 inhabitants OR more than 50 agents)', () => {
  it('applies on population alone', () => {
    expect(statusOf('algorithmes_publication', commune(3_501))).toBe('applies')
  })

  it('for a small commune, depends on the agents, strictly above 50', () => {
    expect(statusOf('algorithmes_publication', commune(2_000))).toBe('to_confirm')
    expect(statusOf('algorithmes_publication', commune(2_000, { agentsFte: 51 }))).toBe('applies')
    expect(statusOf('algorithmes_publication', commune(2_000, { agentsFte: 50 }))).toBe('not_applicable')
  })

  it('explains itself: the two alternatives share one group', () => {
    const status = evaluateObligation(
      obligationById('algorithmes_publication'),
      commune(2_000, { agentsFte: 51 }),
    )
    expect(status.checks.map((check) => [check.criterion, check.met, check.group])).toEqual([
      ['population', false, 0],
      ['agents', true, 0],
    ])
  })
})

describe('SPASER (purchases over €50 M a year)', () => {
  it('is to confirm without the purchases, then follows the strict threshold', () => {
    expect(statusOf('spaser', commune(80_000))).toBe('to_confirm')
    expect(evaluateObligation(obligationById('spaser'), commune(80_000)).missing).toEqual(['purchases'])
    expect(statusOf('spaser', commune(80_000, { annualPurchasesEur: 50_000_001 }))).toBe('applies')
    expect(statusOf('spaser', commune(80_000, { annualPurchasesEur: 50_000_000 }))).toBe('not_applicable')
  })
})

describe('the whole catalogue', () => {
  it('gives every territory a status for every obligation, and never "applies" on a failed check', () => {
    for (const facts of [commune(120), commune(60_000, { agentsFte: 900, annualPurchasesEur: 6e7 })]) {
      const statuses = evaluateObligations(obligations, facts)
      expect(statuses).toHaveLength(obligations.length)
      for (const status of statuses) {
        if (status.status === 'applies') {
          const groups = new Map<number, boolean>()
          for (const check of status.checks)
            groups.set(check.group, (groups.get(check.group) ?? false) || check.met === true)
          expect([...groups.values()].every(Boolean)).toBe(true)
        }
      }
    }
  })

  it('applies the obligations that bind every public body to the smallest commune', () => {
    const statuses = evaluateObligations(obligations, commune(120))
    const applying = statuses
      .filter((status) => status.status === 'applies')
      .map((status) => status.obligation.id)
    expect(applying).toEqual(
      expect.arrayContaining([
        'reen_reemploi_parc',
        'agec_achats_reemploi',
        'rgaa_declaration',
        'climat_resilience_marches',
      ]),
    )
    expect(applying).not.toContain('reen_strategie')
  })
})
