import { dateKey } from './compute-footprint.js'
import {
  type DeviceType,
  type DisposalRoute,
  deviceTypes,
  disposalRoutes,
  type InventoryItem,
} from './inventory-item.js'

/**
 * The reuse rate of retired IT equipment (loi REEN n° 2021-1485, art. 16; décret n° 2023-266,
 * obligation `reen_reemploi_parc` of the referential), computed from the inventory. Pure.
 *
 * Our rate is a cohort rate: of the devices concerned retired during the year, the share whose
 * disposal route is reuse. The decree's formula divides the devices oriented to reuse during the
 * year by the retired devices held in stock on 1 January; the inventory records neither when a
 * retired device left nor what was held on 1 January, so that figure cannot be computed from it.
 * docs/footprint-method.md, « Taux de réemploi », says how the two relate and every choice below.
 */

/** Décret n° 2023-266, art. 3: 25 % in 2023, 35 % in 2024, 50 % from 2025 (as fractions). */
export const reuseTargets: readonly { from: number; rate: number }[] = [
  { from: 2023, rate: 0.25 },
  { from: 2024, rate: 0.35 },
  { from: 2025, rate: 0.5 },
]

/** The year's target (0–1), or null before 2023 (no obligation yet). */
export function reuseTarget(year: number): number | null {
  let target: number | null = null
  for (const step of reuseTargets) if (year >= step.from) target = step.rate
  return target
}

/** The routes that count as reuse (décret n° 2023-266, art. 2: transfer, sale, donation, take-back). */
export const reuseRoutes: readonly DisposalRoute[] = [
  'reuse_transfer',
  'reuse_sale',
  'reuse_donation',
  'reuse_takeback',
]

export interface ReuseScope {
  included: boolean
  /** The category of art. R. 543-172 II of the code de l'environnement the type falls in. */
  category: string
  /** Why, in French. */
  basis: string
}

/**
 * Which device types the obligation concerns. The decree (art. 1) covers the used electrical and
 * electronic equipment of categories 2° (screens, monitors and equipment with a screen over 100 cm²)
 * and 6° (small IT and telecommunication equipment, no outer dimension over 50 cm) of art.
 * R. 543-172 II of the code de l'environnement; the indicative lists of directive 2012/19/EU
 * (annex IV) place each kind of device.
 */
export const reuseScope: Readonly<Record<DeviceType, ReuseScope>> = {
  laptop: {
    included: true,
    category: '2°',
    basis: 'Équipement comprenant un écran de plus de 100 cm² (ordinateur portable, annexe IV cat. 2).',
  },
  desktop: {
    included: true,
    category: '6°',
    basis:
      'Ordinateur personnel, petit équipement informatique (annexe IV cat. 6) ; un tout-en-un relève du 2°.',
  },
  monitor: { included: true, category: '2°', basis: 'Écran, moniteur de plus de 100 cm².' },
  smartphone: {
    included: true,
    category: '6°',
    basis: 'Téléphone portable, petit équipement de télécommunications (annexe IV cat. 6).',
  },
  tablet: {
    included: true,
    category: '2°',
    basis:
      'Équipement comprenant un écran de plus de 100 cm² (6° pour les plus petites : concernée dans les deux cas).',
  },
  printer: {
    included: true,
    category: '6°',
    basis:
      'Imprimante, petit équipement informatique (annexe IV cat. 6). Approximation : un copieur dont une dimension dépasse 50 cm relève du 4° (gros équipement), mais l’inventaire ne donne pas les dimensions.',
  },
  video_projector: {
    included: false,
    category: '5°',
    basis:
      'Appareil de reproduction d’images : petit équipement (annexe IV cat. 5), ni écran de plus de 100 cm² ni équipement informatique et de télécommunications.',
  },
  display: { included: true, category: '2°', basis: 'Écran de plus de 100 cm² (téléviseur, affichage).' },
  network_switch: {
    included: true,
    category: '6°',
    basis:
      'Petit équipement de télécommunications (aucune dimension au-delà de 50 cm pour les commutateurs courants). Approximation : un châssis plus profond relève du 4°.',
  },
  router: {
    included: true,
    category: '6°',
    basis:
      'Routeur, nommé dans la liste des petits équipements informatiques et de télécommunications (annexe IV cat. 6).',
  },
  firewall: {
    included: true,
    category: '6°',
    basis:
      'Boîtier réseau de la même famille que le routeur (6°). Approximation : un châssis plus profond relève du 4°.',
  },
  server: {
    included: false,
    category: '4°',
    basis:
      'Serveur en baie : une dimension dépasse 50 cm (profondeur), gros équipement (4°), hors du décret.',
  },
  storage: {
    included: false,
    category: '4°',
    basis: 'Baie de stockage : gros équipement (4°), hors du décret.',
  },
  other: {
    included: false,
    category: 'inconnue',
    basis:
      'Type « autre » : la catégorie n’est pas connue, l’équipement ne peut pas être rattaché au 2° ou au 6°.',
  },
}

export const reuseExclusionReasons = [
  /** Type outside categories 2° and 6°. */
  'outOfScope',
  /** More than ten years old on the day it was retired (décret, art. 1, 1°). */
  'overTenYears',
  /** Carries a tag the caller marks as sensitive data (décret, art. 1, 2° and 3°). */
  'sensitiveData',
  /** Retirement date in the year but status not `retired` (a planned date?): not counted. */
  'notRetired',
  /** Status `retired` without a retirement date: its year is unknown, not counted (any year). */
  'retiredWithoutDate',
] as const
export type ReuseExclusionReason = (typeof reuseExclusionReasons)[number]

export const reuseAssumptions = [
  /** No purchase date: its age is unknown, counted as eligible (under ten years). */
  'unknownPurchaseDate',
  /** No disposal route, or `unknown`: counted as eligible, not reused. */
  'unknownDisposal',
] as const
export type ReuseAssumption = (typeof reuseAssumptions)[number]

export interface ReuseCount {
  items: number
  quantity: number
}

export interface ReuseNote<Reason extends string> extends ReuseCount {
  reason: Reason
  /** File lines of the first items concerned (at most `reuseLinesKept`). */
  lines: number[]
}

export const reuseLinesKept = 50

export interface ReuseRateResult {
  year: number
  /** The legal target for the year (0–1), null before 2023. */
  target: number | null
  /** Devices concerned retired during the year (the denominator). */
  eligible: ReuseCount
  /** Of those, the ones whose route is reuse (the numerator). */
  reused: ReuseCount
  /** reused ÷ eligible (quantities), null when nothing is eligible. */
  rate: number | null
  /** rate ≥ target; null when either is null. */
  met: boolean | null
  /** Devices retired (or dated) in the year that are left out, by reason; only reasons with devices. */
  excluded: ReuseNote<ReuseExclusionReason>[]
  /** Eligible devices counted on an assumption, by reason; only reasons with devices. */
  counted: ReuseNote<ReuseAssumption>[]
  byType: { type: DeviceType; eligible: ReuseCount; reused: ReuseCount }[]
  byRoute: { route: DisposalRoute; items: number; quantity: number }[]
}

export interface ReuseRateOptions {
  /**
   * Tags that mark devices holding classified or sensitive information (décret, art. 1, 2° and 3°):
   * the inventory's vocabulary has no such field, so an authority may tag them. None by default.
   */
  sensitiveTags?: readonly string[]
}

export interface ReuseRateAccumulator {
  add(item: InventoryItem): void
  /** The rate of the items added so far; a new, independent result at each call. */
  result(): ReuseRateResult
}

class Note {
  items = 0
  quantity = 0
  readonly lines: number[] = []
  add(item: InventoryItem): void {
    this.items++
    this.quantity += item.quantity
    if (item.line !== undefined && this.lines.length < reuseLinesKept) this.lines.push(item.line)
  }
}

class Count {
  items = 0
  quantity = 0
  add(item: InventoryItem): void {
    this.items++
    this.quantity += item.quantity
  }
  copy(): ReuseCount {
    return { items: this.items, quantity: this.quantity }
  }
}

const reuseRouteSet = new Set<DisposalRoute | null>(reuseRoutes)

/** Starts a year's reuse rate, for items read one at a time (a file reader's stream). */
export function createReuseRateAccumulator(
  year: number,
  options: ReuseRateOptions = {},
): ReuseRateAccumulator {
  const yearStart = year * 10000 + 101
  const yearEnd = year * 10000 + 1231
  const sensitive = new Set(options.sensitiveTags ?? [])
  const excluded = new Map<ReuseExclusionReason, Note>(
    reuseExclusionReasons.map((reason) => [reason, new Note()]),
  )
  const counted = new Map<ReuseAssumption, Note>(reuseAssumptions.map((reason) => [reason, new Note()]))
  const eligible = new Count()
  const reused = new Count()
  const byType = new Map<DeviceType, { eligible: Count; reused: Count }>()
  const byRoute = new Map<DisposalRoute, Count>()
  const exclude = (reason: ReuseExclusionReason, item: InventoryItem) => excluded.get(reason)?.add(item)

  return {
    add(item) {
      const retirement = dateKey(item.retirementDate)
      if (retirement < 0) {
        if (item.status === 'retired') exclude('retiredWithoutDate', item)
        return
      }
      // Retired during the year: the retirement date (the first day out of service) in the year.
      if (retirement < yearStart || retirement > yearEnd) return
      if (item.status !== 'retired') return exclude('notRetired', item)
      const type = (deviceTypes as readonly string[]).includes(item.type) ? item.type : 'other'
      if (!reuseScope[type].included) return exclude('outOfScope', item)
      const purchase = dateKey(item.purchaseDate)
      // « Plus de dix ans à la date de la réforme »: later than the tenth anniversary (a device retired
      // on its tenth anniversary is ten years old, not more). yyyymmdd + 100000 is that anniversary.
      if (purchase >= 0 && retirement > purchase + 100000) return exclude('overTenYears', item)
      if (sensitive.size > 0 && item.tags.some((tag) => sensitive.has(tag)))
        return exclude('sensitiveData', item)

      if (purchase < 0) counted.get('unknownPurchaseDate')?.add(item)
      eligible.add(item)
      let typeCounts = byType.get(type)
      if (!typeCounts) {
        typeCounts = { eligible: new Count(), reused: new Count() }
        byType.set(type, typeCounts)
      }
      typeCounts.eligible.add(item)
      if (reuseRouteSet.has(item.disposal)) {
        reused.add(item)
        typeCounts.reused.add(item)
      } else if (item.disposal === null || item.disposal === 'unknown')
        counted.get('unknownDisposal')?.add(item)
      if (item.disposal !== null) {
        let route = byRoute.get(item.disposal)
        if (!route) {
          route = new Count()
          byRoute.set(item.disposal, route)
        }
        route.add(item)
      }
    },

    result() {
      const target = reuseTarget(year)
      const rate = eligible.quantity === 0 ? null : reused.quantity / eligible.quantity
      const notes = <Reason extends string>(map: Map<Reason, Note>): ReuseNote<Reason>[] =>
        [...map]
          .filter(([, note]) => note.items > 0)
          .map(([reason, note]) => ({
            reason,
            items: note.items,
            quantity: note.quantity,
            lines: [...note.lines],
          }))
      return {
        year,
        target,
        eligible: eligible.copy(),
        reused: reused.copy(),
        rate,
        met: rate === null || target === null ? null : rate >= target,
        excluded: notes(excluded),
        counted: notes(counted),
        byType: deviceTypes
          .filter((type) => byType.has(type))
          .map((type) => {
            const counts = byType.get(type) as { eligible: Count; reused: Count }
            return { type, eligible: counts.eligible.copy(), reused: counts.reused.copy() }
          }),
        byRoute: [...byRoute]
          .map(([route, count]) => ({ route, ...count.copy() }))
          .sort((a, b) => disposalRoutes.indexOf(a.route) - disposalRoutes.indexOf(b.route)),
      }
    },
  }
}

/** A year's reuse rate of the items (an array or any iterable). */
export function reuseRate(
  items: Iterable<InventoryItem>,
  year: number,
  options: ReuseRateOptions = {},
): ReuseRateResult {
  const accumulator = createReuseRateAccumulator(year, options)
  for (const item of items) accumulator.add(item)
  return accumulator.result()
}
