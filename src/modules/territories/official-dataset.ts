import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

/**
 * The official territories come from @etalab/decoupage-administratif (Licence Ouverte): INSEE's
 * Code officiel géographique, the DGCL's list of EPCI à fiscalité propre and INSEE's legal
 * populations. Its main entry crashes, so its JSON files are read directly.
 */
export const officialDataset = {
  id: 'decoupage-administratif',
  packageName: '@etalab/decoupage-administratif',
  /** Code officiel géographique and EPCI perimeters at 1 January of this year. */
  geographyVintage: '2026',
  /** INSEE legal populations "millésime 2023", in force from 1 January 2026 (communes' population municipale). */
  populationVintage: '2023',
  licence: 'Licence Ouverte 2.0 (Etalab)',
} as const

/**
 * The package mixes two vintages (docs/decisions/004): communes' `population` is INSEE's
 * municipale 2023, while the EPCI members' populations come from the DGCL's 2026 EPCI list, which
 * carries the previous legal populations (Marseille: 877,215 there against 886,040 at INSEE 2023).
 * Each figure keeps its own source.
 */
export const populationSources = {
  inseeMunicipal: {
    text: 'INSEE, populations légales millésime 2023 en vigueur au 1er janvier 2026 (population municipale)',
    vintage: '2023',
  },
  dgcl: {
    text: 'DGCL, composition des EPCI à fiscalité propre au 1er janvier 2026 (populations légales du millésime précédent, 2022)',
    vintage: '2022',
  },
  ept: {
    text: 'INSEE, composition des établissements publics territoriaux (populations fournies avec la composition)',
    vintage: 'non précisé',
  },
  sumOfCommunes: {
    text: 'Somme des populations municipales des communes (INSEE, populations légales millésime 2023)',
    vintage: '2023',
  },
} as const

export interface RawCommune {
  code: string
  nom: string
  type: string
  zone: string
  departement?: string
  region?: string
  siren?: string
  population?: number
  codesPostaux?: string[]
}

export interface RawMember {
  code: string
  populationTotale?: number
  populationMunicipale?: number
}

export interface RawGrouping {
  code: string
  nom: string
  type: string
  populationTotale?: number
  populationMunicipale?: number
  membres: RawMember[]
}

export interface RawDepartement {
  code: string
  nom: string
  region: string
  zone: string
}

export interface RawRegion {
  code: string
  nom: string
  zone: string
}

export interface RawDatasets {
  communes: RawCommune[]
  epci: RawGrouping[]
  ept: RawGrouping[]
  departements: RawDepartement[]
  regions: RawRegion[]
  packageVersion: string
}

const require = createRequire(import.meta.url)

async function readJson<T>(file: string): Promise<T> {
  const path = require.resolve(`${officialDataset.packageName}/${file}`)
  return JSON.parse(await readFile(path, 'utf8')) as T
}

/** Reads the package's files; about 12 MB of JSON, so only when territories must be (re)loaded. */
export async function readOfficialDatasets(): Promise<RawDatasets> {
  const [communes, epci, ept, departements, regions, packageJson] = await Promise.all([
    readJson<RawCommune[]>('data/communes.json'),
    readJson<RawGrouping[]>('data/epci.json'),
    readJson<RawGrouping[]>('data/ept.json'),
    readJson<RawDepartement[]>('data/departements.json'),
    readJson<RawRegion[]>('data/regions.json'),
    readJson<{ version: string }>('package.json'),
  ])
  return { communes, epci, ept, departements, regions, packageVersion: packageJson.version }
}
