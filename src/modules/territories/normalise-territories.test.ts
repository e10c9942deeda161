import { describe, expect, it } from 'vitest'
import { realDatasets } from '../../test-support/territory-fixtures.js'
import { normaliseTerritories } from './normalise-territories.js'

// On the whole real 2026 dataset: the figures the issue and the law's impact studies quote.
describe('normaliseTerritories on the official 2026 data', async () => {
  const records = normaliseTerritories(await realDatasets())
  const ofKind = (kind: string) => records.filter((record) => record.kind === kind)
  const over50k = (kind: string) =>
    ofKind(kind).filter((record) => (record.populationTotal ?? 0) > 50_000).length

  it('counts 134 communes and 288 EPCI over 50,000 inhabitants (population totale)', () => {
    expect(over50k('commune')).toBe(134)
    expect(over50k('epci')).toBe(288)
  })

  it('keeps the Métropole de Lyon out of the EPCI, as a special-status authority with its 58 communes', () => {
    const lyon = records.find((record) => record.code === '200046977')
    expect(lyon?.kind).toBe('special')
    expect(lyon?.nature).toBe('MET69')
    expect(ofKind('commune').filter((commune) => commune.intercommunalityCode === '200046977')).toHaveLength(
      58,
    )
  })

  it('covers metropolitan France and the five DROM: 18 régions, 101 départements, no COM', () => {
    expect(ofKind('region')).toHaveLength(18)
    expect(ofKind('departement')).toHaveLength(101)
    expect(
      ofKind('commune').some((commune) => commune.code.startsWith('975') || commune.code.startsWith('987')),
    ).toBe(false)
    expect(ofKind('commune').length).toBeGreaterThan(34_800)
  })

  it('keys EPT by SIREN and attaches their member communes', () => {
    const ept = ofKind('ept')
    expect(ept).toHaveLength(11)
    const plaineCommune = ept.find((record) => record.name === 'Plaine Commune')
    expect(ofKind('commune').find((commune) => commune.code === '93066')?.eptCode).toBe(plaineCommune?.code)
  })

  it('gives communes both populations and their parents, and sums municipal populations upwards', () => {
    const marseille = records.find((record) => record.kind === 'commune' && record.code === '13055')
    // Two sources, two vintages (DGCL 2022 totale, INSEE 2023 municipale): both figures, each named.
    expect(marseille).toMatchObject({ populationTotal: 883_466, populationMunicipal: 886_040 })
    expect(marseille?.populationSource).toMatch(/DGCL.*INSEE/)
    expect(marseille).toMatchObject({ departementCode: '13', regionCode: '93' })
    expect(marseille?.postcodes).toContain('13001')
    const communesOf13 = ofKind('commune').filter((commune) => commune.departementCode === '13')
    const sum = communesOf13.reduce((total, commune) => total + (commune.populationMunicipal ?? 0), 0)
    expect(
      records.find((record) => record.kind === 'departement' && record.code === '13')?.populationMunicipal,
    ).toBe(sum)
  })
})
