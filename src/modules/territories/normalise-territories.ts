import type { TerritoryKind } from '../../db/schema.js'
import { populationSources, type RawDatasets, type RawGrouping } from './official-dataset.js'

export interface TerritoryRecord {
  kind: TerritoryKind
  code: string
  name: string
  nature: string | null
  siren: string | null
  populationTotal: number | null
  populationMunicipal: number | null
  populationSource: string
  populationVintage: string
  postcodes: readonly string[]
  /** Parents by code; resolved to ids when inserted. */
  intercommunalityCode: string | null
  eptCode: string | null
  departementCode: string | null
  regionCode: string | null
}

/**
 * Where the CGCT applies in full: metropolitan France and the five DROM. The overseas collectivities
 * (COM: zone "com") have statutes of their own and are left out (docs/decisions/004).
 */
const coveredZones = new Set(['metro', 'drom'])

/** The Métropole de Lyon is a collectivité à statut particulier, not an EPCI (docs/decisions/004). */
const groupingKind = (grouping: RawGrouping): TerritoryKind =>
  grouping.type === 'MET69' ? 'special' : 'epci'

/** A commune's two figures come from two sources: say so. */
function communeSource(hasTotal: boolean) {
  const { dgcl, inseeMunicipal } = populationSources
  if (!hasTotal) return { populationSource: inseeMunicipal.text, populationVintage: inseeMunicipal.vintage }
  return {
    populationSource: `Population totale : ${dgcl.text}. Population municipale : ${inseeMunicipal.text}.`,
    populationVintage: `${dgcl.vintage} (totale), ${inseeMunicipal.vintage} (municipale)`,
  }
}

const sumOfCommunes = {
  populationSource: populationSources.sumOfCommunes.text,
  populationVintage: populationSources.sumOfCommunes.vintage,
}

/** Turns the official datasets into the rows Jalons stores, with parents named by code. */
export function normaliseTerritories(raw: RawDatasets): TerritoryRecord[] {
  const intercommunalityOf = new Map<string, string>()
  const eptOf = new Map<string, string>()
  const totalPopulationOf = new Map<string, number>()
  for (const grouping of raw.epci) {
    for (const member of grouping.membres) {
      intercommunalityOf.set(member.code, grouping.code)
      if (member.populationTotale !== undefined) totalPopulationOf.set(member.code, member.populationTotale)
    }
  }
  for (const grouping of raw.ept) {
    for (const member of grouping.membres) {
      eptOf.set(member.code, grouping.code)
      if (!totalPopulationOf.has(member.code) && member.populationTotale !== undefined) {
        totalPopulationOf.set(member.code, member.populationTotale)
      }
    }
  }

  const communes: TerritoryRecord[] = raw.communes
    .filter((commune) => commune.type === 'commune-actuelle' && coveredZones.has(commune.zone))
    .map((commune) => ({
      kind: 'commune',
      code: commune.code,
      name: commune.nom,
      nature: null,
      siren: commune.siren ?? null,
      populationTotal: totalPopulationOf.get(commune.code) ?? null,
      populationMunicipal: commune.population ?? null,
      ...communeSource(totalPopulationOf.has(commune.code)),
      postcodes: commune.codesPostaux ?? [],
      intercommunalityCode: intercommunalityOf.get(commune.code) ?? null,
      eptCode: eptOf.get(commune.code) ?? null,
      departementCode: commune.departement ?? null,
      regionCode: commune.region ?? null,
    }))

  const municipalSum = (select: (commune: TerritoryRecord) => string | null) => {
    const sums = new Map<string, number>()
    for (const commune of communes) {
      const key = select(commune)
      if (key) sums.set(key, (sums.get(key) ?? 0) + (commune.populationMunicipal ?? 0))
    }
    return sums
  }
  const departementPopulation = municipalSum((commune) => commune.departementCode)
  const regionPopulation = municipalSum((commune) => commune.regionCode)

  const groupings: TerritoryRecord[] = [
    ...raw.epci.map((grouping) => toGroupingRecord(grouping, groupingKind(grouping))),
    ...raw.ept.map((grouping) => toGroupingRecord(grouping, 'ept')),
  ]

  const departements: TerritoryRecord[] = raw.departements
    .filter((departement) => coveredZones.has(departement.zone))
    .map((departement) => ({
      ...emptyParents,
      kind: 'departement',
      code: departement.code,
      name: departement.nom,
      nature: null,
      siren: null,
      populationTotal: null,
      populationMunicipal: departementPopulation.get(departement.code) ?? null,
      ...sumOfCommunes,
      postcodes: [],
      regionCode: departement.region,
    }))

  const regions: TerritoryRecord[] = raw.regions
    .filter((region) => coveredZones.has(region.zone))
    .map((region) => ({
      ...emptyParents,
      kind: 'region',
      code: region.code,
      name: region.nom,
      nature: null,
      siren: null,
      populationTotal: null,
      populationMunicipal: regionPopulation.get(region.code) ?? null,
      ...sumOfCommunes,
      postcodes: [],
    }))

  return [...regions, ...departements, ...groupings, ...communes]
}

const emptyParents = { intercommunalityCode: null, eptCode: null, departementCode: null, regionCode: null }

function toGroupingRecord(grouping: RawGrouping, kind: TerritoryKind): TerritoryRecord {
  return {
    ...emptyParents,
    kind,
    code: grouping.code,
    name: grouping.nom,
    nature: grouping.type,
    // EPCI and EPT are identified by their SIREN.
    siren: grouping.code,
    populationTotal: grouping.populationTotale ?? null,
    populationMunicipal: grouping.populationMunicipale ?? null,
    populationSource: kind === 'ept' ? populationSources.ept.text : populationSources.dgcl.text,
    populationVintage: kind === 'ept' ? populationSources.ept.vintage : populationSources.dgcl.vintage,
    postcodes: [],
  }
}
