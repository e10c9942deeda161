import type { TerritoryInsert } from '../territories/load-territories.js'

/**
 * Fictitious territories a newcomer can explore without touching real ones. Their codes cannot
 * clash with official codes (INSEE codes are digits, SIREN nine digits), they carry is_demo = 1,
 * and they never count in national figures.
 */
export const demoDataset = { id: 'demo', vintage: 'demo-1' } as const

const demoSource = 'Données fictives de démonstration'

const base = {
  nature: null,
  siren: null,
  populationSource: demoSource,
  postcodes: [],
  eptCode: null,
  departementCode: null,
  regionCode: null,
  isDemo: true,
  datasetVintage: demoDataset.vintage,
  populationVintage: 'démonstration',
  extraSearchWords: ['demo', 'démonstration'],
} as const

export const demoAgglomerationCode = 'DEMO-AGGLO'
export const demoCityCode = 'DEMO-VILLE'

export const demoTerritories: TerritoryInsert[] = [
  {
    ...base,
    kind: 'epci',
    code: demoAgglomerationCode,
    name: 'Jalons Agglomération (démonstration)',
    nature: 'CA',
    populationTotal: 84_650,
    populationMunicipal: 83_120,
    intercommunalityCode: null,
  },
  {
    ...base,
    kind: 'commune',
    code: demoCityCode,
    name: 'Jalons-sur-Loire (démonstration)',
    populationTotal: 62_480,
    populationMunicipal: 61_390,
    intercommunalityCode: demoAgglomerationCode,
  },
  {
    ...base,
    kind: 'commune',
    code: 'DEMO-BOURG',
    name: 'Bourg-des-Jalons (démonstration)',
    populationTotal: 12_940,
    populationMunicipal: 12_700,
    intercommunalityCode: demoAgglomerationCode,
  },
  {
    ...base,
    kind: 'commune',
    code: 'DEMO-HAMEAU',
    name: 'Saint-Jalon-le-Petit (démonstration)',
    populationTotal: 9_230,
    populationMunicipal: 9_030,
    intercommunalityCode: demoAgglomerationCode,
  },
]

/** What the demo city declares, so that every obligation shows a definite status there. */
export const demoDeclarations = [{ code: demoCityCode, agentsFte: 940, annualPurchasesCents: 58_000_000_00 }]
