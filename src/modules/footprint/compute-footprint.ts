import { type Criterion, embodiedPhases, type FactorBase } from './factor-base.schemas.js'
import { type Datacenter, type DeviceType, deviceTypes, type InventoryItem } from './inventory-item.js'
import { type RefurbishedRatio, refurbishedRatiosByType } from './refurbished-ratios.js'

/**
 * The footprint engine: pure, deterministic, no I/O. Given a checked inventory, its datacenters
 * and a factor base, it computes a year's impacts per criterion and phase, by type, site, service
 * and tag. The rules, with their formulas, are in docs/footprint-method.md; explain-figure.ts turns
 * any figure back into its formula with the numbers filled in, using the same helpers as here.
 *
 * Two forms, one code: createFootprintAccumulator() takes the items one at a time (a file reader's
 * stream: a million lines need not be held in memory), computeFootprint() an array (it adds each
 * item to an accumulator).
 *
 * Performance matters (an inventory of a large authority runs to hundreds of thousands of lines and
 * the scenarios will recompute it many times): the per-type, per-country and per-datacenter
 * constants are resolved once, dates are read with integer arithmetic, and adding an item allocates
 * nothing; every group keeps its figures per device type in one flat Float64Array.
 */

export const footprintPhases = ['manufacturing', 'distribution', 'use', 'endOfLife'] as const
export type FootprintPhase = (typeof footprintPhases)[number]
export type FigurePhase = FootprintPhase | 'total'

export type FootprintMethod = 'stock' | 'flux'

/** Country → criterion id → factor per kWh (null: not available). */
export type ElectricityFactors = Readonly<Record<string, Readonly<Record<string, number | null>>>>

export interface FootprintOptions {
  method: FootprintMethod
  /** The reporting year; the current UTC year when absent. */
  year?: number
  /**
   * Replaces the base's electricity factors for the countries given (criterion by criterion; the
   * criteria not given keep the base's). For scenarios: see electricityOptionFactors().
   */
  electricityFactors?: ElectricityFactors
  /** Staff (agents, FTE) and inhabitants, for the per-agent and per-inhabitant figures. */
  agents?: number | null
  inhabitants?: number | null
}

/**
 * One figure: the sum of what is available, and how many devices it leaves out because their figure
 * is not available. `value` is null only when nothing was available (shown « non disponible »); a
 * 0 is a real zero (nothing counted in that phase, such as the use of stored devices).
 */
export interface Figure {
  value: number | null
  unavailableQuantity: number
}

export type CriterionFigures = Record<FigurePhase, Figure>

export interface FootprintLine {
  /** Device type, site, service or tag; null for « non renseigné » (no site, no tag…). */
  key: string | null
  /** Inventory lines counted, and devices (the sum of their quantities). */
  items: number
  quantity: number
  /** Criterion id → figures per phase. */
  impacts: Record<string, CriterionFigures>
}

export interface FootprintGroup extends FootprintLine {
  /** The same figures broken down by device type (types present only), for explanations. */
  types: FootprintLine[]
}

export const flagCodes = [
  'noFactor',
  'unknownCountry',
  'unknownDatacenter',
  'noUseProfile',
  'retiredWithoutDate',
] as const
export type FlagCode = (typeof flagCodes)[number]

export interface FootprintFlag {
  code: FlagCode
  items: number
  quantity: number
  /** File lines of the first items concerned (at most `flagLinesKept`), when the items carry one. */
  lines: number[]
  /** The distinct values at fault: types, countries, datacenter names (sorted). */
  values: string[]
}

export const flagLinesKept = 50

export interface PerCapita {
  count: number
  /** Criterion id → total ÷ count; null when the total is not available. */
  values: Record<string, number | null>
}

export interface FootprintResult {
  base: { id: string; version: string; title: string }
  method: FootprintMethod
  year: number
  criteria: Criterion[]
  /** Lines and devices counted for the year, and those left out (bought after, retired before…). */
  counted: { items: number; quantity: number }
  excluded: {
    items: number
    quantity: number
    boughtAfter: number
    retiredBefore: number
    retiredWithoutDate: number
  }
  total: FootprintGroup
  byType: FootprintLine[]
  bySite: FootprintGroup[]
  byService: FootprintGroup[]
  /** An item with several tags counts in each: these do not add up to the total then. */
  byTag: FootprintGroup[]
  /** The total ÷ agents (or inhabitants), when the count is given in the options. */
  perAgent: PerCapita | null
  perInhabitant: PerCapita | null
  flags: FootprintFlag[]
}

// ---------------------------------------------------------------------------------------------
// Helpers shared with explain-figure.ts: the explanation must follow exactly the same rules.

/**
 * A `yyyy-mm-dd` date as the integer yyyymmdd (2024-03-15 → 20240315), or -1 when absent or not of
 * that shape. Integers compare like the dates they stand for, and reading them costs no Date.
 */
export function dateKey(text: string | null): number {
  if (text === null || text.length !== 10) return -1
  let value = 0
  for (let index = 0; index < 10; index++) {
    if (index === 4 || index === 7) {
      if (text.charCodeAt(index) !== 45) return -1
      continue
    }
    const digit = text.charCodeAt(index) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/**
 * Years from one date key to a later one: whole months count as twelfths of a year, the remaining
 * days as days ÷ 365.25. Exact for anniversaries (2020-03-15 → 2025-03-15 = 5 years), which is what
 * a person reading the two dates expects.
 */
export function yearsBetween(from: number, to: number): number {
  const fromYear = Math.floor(from / 10000)
  const toYear = Math.floor(to / 10000)
  const fromMonth = Math.floor(from / 100) % 100
  const toMonth = Math.floor(to / 100) % 100
  return toYear - fromYear + (toMonth - fromMonth) / 12 + ((to % 100) - (from % 100)) / 365.25
}

export const Period = { Counted: 0, BoughtAfter: 1, RetiredBefore: 2, RetiredWithoutDate: 3 } as const
export type Period = (typeof Period)[keyof typeof Period]

/**
 * Whether an item was in use during the year [yearStart, nextYearStart). The retirement date is
 * the first day out of service: an item retired on 1 January is not in use that year. No purchase
 * date: counted as in use. Status retired without a retirement date: left out (and flagged), since
 * nothing says it was still in use during the year.
 */
export function periodOf(
  status: InventoryItem['status'],
  purchase: number,
  retirement: number,
  yearStart: number,
  nextYearStart: number,
): Period {
  if (purchase >= nextYearStart) return Period.BoughtAfter
  if (retirement >= 0) return retirement <= yearStart ? Period.RetiredBefore : Period.Counted
  return status === 'retired' ? Period.RetiredWithoutDate : Period.Counted
}

export const LifetimeSource = { Dates: 0, Item: 1, Type: 2 } as const
export type LifetimeSource = (typeof LifetimeSource)[keyof typeof LifetimeSource]

/** Dates first (both known, in order), then the item's own lifetime (PCR-SI), then the type's. */
export function lifetimeSourceOf(
  purchase: number,
  retirement: number,
  itemLifetime: number | null,
): LifetimeSource {
  if (purchase >= 0 && retirement > purchase) return LifetimeSource.Dates
  if (itemLifetime !== null && itemLifetime > 0) return LifetimeSource.Item
  return LifetimeSource.Type
}

/** The lifetime in years, never below 1 (a device is never written off in less than a year). */
export function lifetimeOf(
  source: LifetimeSource,
  purchase: number,
  retirement: number,
  itemLifetime: number | null,
  typeLifetime: number,
): number {
  const raw =
    source === LifetimeSource.Dates
      ? yearsBetween(purchase, retirement)
      : source === LifetimeSource.Item
        ? (itemLifetime as number)
        : typeLifetime
  return Math.max(1, raw)
}

/** The per-kWh factors of an electricity option of the base, ready for `electricityFactors`. */
export function electricityOptionFactors(base: FactorBase, optionId: string): Record<string, number | null> {
  const option = base.electricity.options.find((candidate) => candidate.id === optionId)
  if (!option) throw new Error(`unknown electricity option ${optionId} in ${base.id} ${base.version}`)
  return { ...option.perKwh }
}

interface CountryFactors {
  /** Per criterion; NaN when not available. */
  perKwh: Float64Array
  /** Per criterion: where the factor comes from (option label, or the scenario). */
  sources: string[]
}

/** The base and options turned into flat constants, once per computation. */
export interface PreparedFootprint {
  base: FactorBase
  method: FootprintMethod
  year: number
  yearStart: number
  nextYearStart: number
  criteria: Criterion[]
  criterionIndex: Map<string, number>
  typeIndex: Map<string, number>
  /** [type × criterion × 3 embodied phases], 0 where not available. */
  embodied: Float64Array
  /** [type × criterion × 3]: 1 where the base gives null (or the type has no factors). */
  embodiedMissing: Uint8Array
  /** [type × criterion]: 1 where any embodied phase is missing. */
  anyEmbodiedMissing: Uint8Array
  hasFactors: Uint8Array
  typeLifetime: Float64Array
  /**
   * [type]: the multiplier of a refurbished item's manufacturing, 1 − the ratio avoided (every
   * criterion); 1 when the base publishes no refurbished figure (the item then counts as new).
   */
  refurbishedFactor: Float64Array
  /** [type]: the ratio behind refurbishedFactor, with its origin and basis; null when none. */
  refurbishedRatios: (RefurbishedRatio | null)[]
  /** Default yearly kWh (power × hours × 365 ÷ 1000); NaN when the base gives no power. */
  typeKwh: Float64Array
  countries: Map<string, CountryFactors>
  fallback: CountryFactors
  datacenters: Map<string, Datacenter>
}

const typeCount = deviceTypes.length
const otherIndex = deviceTypes.indexOf('other')

export function prepareFootprint(
  base: FactorBase,
  datacenters: readonly Datacenter[],
  options: FootprintOptions,
): PreparedFootprint {
  const year = options.year ?? new Date().getUTCFullYear()
  const criteria = base.criteria
  const criterionCount = criteria.length
  const criterionIndex = new Map(criteria.map((criterion, index) => [criterion.id, index]))
  const typeIndex = new Map<string, number>(deviceTypes.map((type, index) => [type, index]))
  const embodied = new Float64Array(typeCount * criterionCount * 3)
  const embodiedMissing = new Uint8Array(typeCount * criterionCount * 3)
  const anyEmbodiedMissing = new Uint8Array(typeCount * criterionCount)
  const hasFactors = new Uint8Array(typeCount)
  const typeLifetime = new Float64Array(typeCount)
  const typeKwh = new Float64Array(typeCount)
  const refurbishedRatios = refurbishedRatiosByType(base)
  const refurbishedFactor = Float64Array.from(refurbishedRatios, (ratio) => 1 - (ratio?.ratio ?? 0))
  deviceTypes.forEach((type, t) => {
    const device = base.devices[type]
    hasFactors[t] = device.factors ? 1 : 0
    typeLifetime[t] = Math.max(1, device.lifetimeYears ?? 1)
    typeKwh[t] =
      device.activePowerW !== null && device.hoursPerDay !== null
        ? (device.activePowerW * device.hoursPerDay * 365) / 1000
        : Number.NaN
    criteria.forEach((criterion, c) => {
      embodiedPhases.forEach((phase, p) => {
        const figure = device.factors?.[phase][criterion.id] ?? null
        const at = (t * criterionCount + c) * 3 + p
        if (figure === null) {
          embodiedMissing[at] = 1
          anyEmbodiedMissing[t * criterionCount + c] = 1
        } else embodied[at] = figure
      })
    })
  })

  const countries = new Map<string, CountryFactors>()
  const optionsById = new Map(base.electricity.options.map((option) => [option.id, option]))
  for (const [country, optionId] of Object.entries(base.electricity.countries)) {
    const option = optionsById.get(optionId)
    if (!option) continue
    countries.set(country, {
      perKwh: Float64Array.from(criteria, (criterion) => option.perKwh[criterion.id] ?? Number.NaN),
      sources: criteria.map(() => option.label),
    })
  }
  for (const [country, factors] of Object.entries(options.electricityFactors ?? {})) {
    const current = countries.get(country)
    const perKwh = current
      ? Float64Array.from(current.perKwh)
      : new Float64Array(criterionCount).fill(Number.NaN)
    const sources = current ? [...current.sources] : criteria.map(() => 'non disponible')
    criteria.forEach((criterion, c) => {
      if (!(criterion.id in factors)) return
      perKwh[c] = factors[criterion.id] ?? Number.NaN
      sources[c] = 'facteur du scénario'
    })
    countries.set(country, { perKwh, sources })
  }
  const fallback = countries.get(base.electricity.fallbackCountry)
  if (!fallback)
    throw new Error(`${base.id} ${base.version}: no electricity factors for the fallback country`)

  const byName = new Map<string, Datacenter>()
  for (const datacenter of datacenters)
    if (!byName.has(datacenter.shortName)) byName.set(datacenter.shortName, datacenter)

  return {
    base,
    method: options.method,
    year,
    yearStart: year * 10000 + 101,
    nextYearStart: (year + 1) * 10000 + 101,
    criteria,
    criterionIndex,
    typeIndex,
    embodied,
    embodiedMissing,
    anyEmbodiedMissing,
    hasFactors,
    typeLifetime,
    refurbishedFactor,
    refurbishedRatios,
    typeKwh,
    countries,
    fallback,
    datacenters: byName,
  }
}

// ---------------------------------------------------------------------------------------------
// Accumulation.

/**
 * Per group and per device type, one slot of `stride` numbers:
 * [items, quantity, embodiedQuantity, useQuantity, then per criterion:
 *  manufacturing, distribution, endOfLife, use, useUnavailableQuantity, incompleteQuantity].
 */
const slotItems = 0
const slotQuantity = 1
const slotEmbodiedQuantity = 2
const slotUseQuantity = 3
const slotHead = 4
const perCriterion = 6
const cellUse = 3
const cellUseUnavailable = 4
const cellIncomplete = 5

interface GroupSums {
  key: string | null
  cells: Float64Array
}

class FlagCounter {
  items = 0
  quantity = 0
  readonly lines: number[] = []
  readonly values = new Set<string>()

  add(item: InventoryItem, value: string | null): void {
    this.items++
    this.quantity += item.quantity
    if (item.line !== undefined && this.lines.length < flagLinesKept) this.lines.push(item.line)
    if (value !== null) this.values.add(value)
  }
}

/** The engine in incremental form: items are added one at a time, so they need not all be held. */
export interface FootprintAccumulator {
  /**
   * Counts one inventory item. Allocates nothing per item (only a group's first item creates its
   * group, and a flag keeps its first `flagLinesKept` lines and its distinct values).
   */
  add(item: InventoryItem): void
  /**
   * The footprint of the items added so far. It may be called any number of times, and items may
   * still be added after it: each call returns a new result, independent of the accumulator (a
   * snapshot that later items leave as it is); two calls with nothing added in between give equal
   * results.
   */
  result(): FootprintResult
}

/**
 * Starts a year's footprint, for items read one at a time (a file reader's stream):
 * `for await (const item of rows) accumulator.add(item)`, then `accumulator.result()`. Items and
 * datacenters are expected checked by the file readers; anything unexpected (an unknown datacenter
 * or country, a type without factors) is computed with a documented fallback and flagged, never
 * thrown. Adding items in a given order gives exactly computeFootprint's result for that order.
 */
export function createFootprintAccumulator(
  base: FactorBase,
  datacenters: readonly Datacenter[],
  options: FootprintOptions,
): FootprintAccumulator {
  return new Accumulation(prepareFootprint(base, datacenters, options), options)
}

/**
 * Computes a year's footprint of items already in memory: an accumulator, each item added in
 * order, its result. For a large file, feed createFootprintAccumulator from the reader instead.
 */
export function computeFootprint(
  items: readonly InventoryItem[],
  datacenters: readonly Datacenter[],
  base: FactorBase,
  options: FootprintOptions,
): FootprintResult {
  const accumulator = createFootprintAccumulator(base, datacenters, options)
  for (let index = 0; index < items.length; index++) accumulator.add(items[index] as InventoryItem)
  return accumulator.result()
}

/**
 * The accumulator. A class rather than closures: every accumulator shares the same `add`, so its
 * call sites stay monomorphic (a new closure per computation made V8 deoptimise them on each one).
 */
class Accumulation implements FootprintAccumulator {
  private readonly criterionCount: number
  private readonly stride: number
  private readonly flux: boolean
  private readonly total: GroupSums
  private readonly sites = new Map<string | null, GroupSums>()
  private readonly services = new Map<string | null, GroupSums>()
  private readonly tags = new Map<string | null, GroupSums>()
  private readonly flags: Record<FlagCode, FlagCounter> = {
    noFactor: new FlagCounter(),
    unknownCountry: new FlagCounter(),
    unknownDatacenter: new FlagCounter(),
    noUseProfile: new FlagCounter(),
    retiredWithoutDate: new FlagCounter(),
  }
  /** Items left out of the year (those retired without date are counted by their flag). */
  private readonly excluded = { items: 0, quantity: 0, boughtAfter: 0, retiredBefore: 0 }
  /** One item's contribution, laid out as a slot; added to each of its groups. Reused, not reallocated. */
  private readonly contribution: Float64Array
  /** The previous item's groups: inventories are often sorted by site or service. */
  private lastSite: GroupSums | undefined
  private lastService: GroupSums | undefined

  constructor(
    private readonly prepared: PreparedFootprint,
    private readonly options: FootprintOptions,
  ) {
    this.criterionCount = prepared.criteria.length
    this.stride = slotHead + perCriterion * this.criterionCount
    this.flux = prepared.method === 'flux'
    this.total = this.newGroup(null)
    this.contribution = new Float64Array(this.stride)
    this.contribution[slotItems] = 1
  }

  private newGroup(key: string | null): GroupSums {
    return { key, cells: new Float64Array(typeCount * this.stride) }
  }

  private groupOf(groups: Map<string | null, GroupSums>, key: string | null): GroupSums {
    const found = groups.get(key)
    if (found !== undefined) return found
    const created = this.newGroup(key)
    groups.set(key, created)
    return created
  }

  add(item: InventoryItem): void {
    const { prepared, flags, contribution, criterionCount, stride, flux } = this
    const { yearStart, embodied, anyEmbodiedMissing, hasFactors, typeKwh } = prepared
    const quantity = item.quantity
    const purchase = dateKey(item.purchaseDate)
    const retirement = dateKey(item.retirementDate)
    const period = periodOf(item.status, purchase, retirement, yearStart, prepared.nextYearStart)
    if (period !== Period.Counted) {
      const excluded = this.excluded
      excluded.items++
      excluded.quantity += quantity
      if (period === Period.BoughtAfter) excluded.boughtAfter++
      else if (period === Period.RetiredBefore) excluded.retiredBefore++
      else flags.retiredWithoutDate.add(item, null)
      return
    }
    // Not a known type (the readers refuse those): counted as « autre », without factors.
    const t = prepared.typeIndex.get(item.type) ?? otherIndex
    if (hasFactors[t] === 0) flags.noFactor.add(item, item.type)

    // Embodied: stock spreads it over the lifetime, every year in use; flux counts it whole in the
    // purchase year only (an unknown purchase date is never « bought in the year »). A type without
    // factors is counted all the same, as « not available ».
    const embodiedCounted = !flux || purchase >= yearStart
    let embodiedShare = 0
    if (embodiedCounted && hasFactors[t] === 1) {
      if (flux) embodiedShare = quantity
      else {
        const source = lifetimeSourceOf(purchase, retirement, item.lifetimeYears)
        embodiedShare =
          quantity /
          lifetimeOf(source, purchase, retirement, item.lifetimeYears, prepared.typeLifetime[t] as number)
      }
    }
    // Bought refurbished: the manufacturing avoided is taken off (every criterion, same ratio);
    // distribution and end of life are a new device's.
    const manufacturingShare =
      item.condition === 'refurbished'
        ? embodiedShare * (prepared.refurbishedFactor[t] as number)
        : embodiedShare
    contribution[slotQuantity] = quantity
    contribution[slotEmbodiedQuantity] = embodiedCounted ? quantity : 0

    // Use: none for a stored device; otherwise kWh × PUE × the factor of the country of use.
    const inUse = item.status !== 'in_stock'
    let kwh = Number.NaN
    let factors = prepared.fallback.perKwh
    if (inUse) {
      kwh = item.annualKwh ?? (typeKwh[t] as number)
      if (Number.isNaN(kwh) && hasFactors[t] === 1) flags.noUseProfile.add(item, item.type)
      let country = item.country
      if (item.datacenter !== null) {
        const datacenter = prepared.datacenters.get(item.datacenter)
        if (datacenter) {
          // The electricity is the datacenter's: its PUE and its country.
          kwh *= datacenter.pue
          country = datacenter.country
        } else flags.unknownDatacenter.add(item, item.datacenter)
      }
      const resolved = prepared.countries.get(country)
      if (resolved) factors = resolved.perKwh
      else flags.unknownCountry.add(item, country)
    }
    contribution[slotUseQuantity] = inUse ? quantity : 0

    for (let c = 0; c < criterionCount; c++) {
      const at = slotHead + c * perCriterion
      const from = (t * criterionCount + c) * 3
      contribution[at] = (embodied[from] as number) * manufacturingShare
      contribution[at + 1] = (embodied[from + 1] as number) * embodiedShare
      contribution[at + 2] = (embodied[from + 2] as number) * embodiedShare
      let useUnavailable = 0
      if (inUse) {
        const value = kwh * (factors[c] as number) * quantity
        if (Number.isNaN(value)) {
          contribution[at + cellUse] = 0
          useUnavailable = quantity
        } else contribution[at + cellUse] = value
      } else contribution[at + cellUse] = 0
      contribution[at + cellUseUnavailable] = useUnavailable
      contribution[at + cellIncomplete] =
        useUnavailable > 0 || (embodiedCounted && anyEmbodiedMissing[t * criterionCount + c] === 1)
          ? quantity
          : 0
    }

    const offset = t * stride
    addSlot(this.total.cells, offset, contribution, stride)
    const site = item.site
    let lastSite = this.lastSite
    if (lastSite === undefined || lastSite.key !== site)
      this.lastSite = lastSite = this.groupOf(this.sites, site)
    addSlot(lastSite.cells, offset, contribution, stride)
    const service = item.service
    let lastService = this.lastService
    if (lastService === undefined || lastService.key !== service)
      this.lastService = lastService = this.groupOf(this.services, service)
    addSlot(lastService.cells, offset, contribution, stride)
    const itemTags = item.tags
    if (itemTags.length === 0) addSlot(this.groupOf(this.tags, null).cells, offset, contribution, stride)
    else
      for (let k = 0; k < itemTags.length; k++) {
        const tag = itemTags[k] as string
        // A tag written twice on one line counts once.
        if (k > 0 && itemTags.indexOf(tag) < k) continue
        addSlot(this.groupOf(this.tags, tag).cells, offset, contribution, stride)
      }
  }

  result(): FootprintResult {
    // Reads the sums and changes nothing; every array and object returned is new (the flags' lines
    // are copied), so a result is a snapshot that later items leave as it is.
    const { prepared, flags, stride, options } = this
    const criteria = prepared.criteria
    const totalGroup = finishGroup(this.total, prepared, stride)
    const perCapita = (count: number | null | undefined): PerCapita | null => {
      if (!count || count <= 0) return null
      const values: Record<string, number | null> = {}
      for (const criterion of criteria) {
        const value = totalGroup.impacts[criterion.id]?.total.value ?? null
        values[criterion.id] = value === null ? null : value / count
      }
      return { count, values }
    }
    const base = prepared.base
    return {
      base: { id: base.id, version: base.version, title: base.title },
      method: prepared.method,
      year: prepared.year,
      criteria,
      counted: { items: totalGroup.items, quantity: totalGroup.quantity },
      excluded: { ...this.excluded, retiredWithoutDate: flags.retiredWithoutDate.items },
      total: totalGroup,
      byType: totalGroup.types,
      bySite: finishGroups(this.sites, prepared, stride),
      byService: finishGroups(this.services, prepared, stride),
      byTag: finishGroups(this.tags, prepared, stride),
      perAgent: perCapita(options.agents),
      perInhabitant: perCapita(options.inhabitants),
      flags: flagCodes
        .filter((code) => flags[code].items > 0)
        .map((code) => ({
          code,
          items: flags[code].items,
          quantity: flags[code].quantity,
          lines: [...flags[code].lines],
          values: [...flags[code].values].sort(),
        })),
    }
  }
}

function addSlot(cells: Float64Array, offset: number, contribution: Float64Array, stride: number): void {
  for (let index = 0; index < stride; index++)
    cells[offset + index] = (cells[offset + index] as number) + (contribution[index] as number)
}

// ---------------------------------------------------------------------------------------------
// Turning the accumulated numbers into figures.

interface Running {
  sum: number
  available: number
  unavailable: number
}

function figureOf(running: Running): Figure {
  // Nothing available while something was counted: « non disponible », not 0.
  return {
    value: running.available === 0 && running.unavailable > 0 ? null : running.sum,
    unavailableQuantity: running.unavailable,
  }
}

/** Figures of the given types of one group's sums (one type for a type line, all for a group). */
function lineOf(
  key: string | null,
  cells: Float64Array,
  types: readonly number[],
  prepared: PreparedFootprint,
  stride: number,
): FootprintLine {
  const criterionCount = prepared.criteria.length
  let items = 0
  let quantity = 0
  for (const t of types) {
    items += cells[t * stride + slotItems] as number
    quantity += cells[t * stride + slotQuantity] as number
  }
  const impacts: Record<string, CriterionFigures> = {}
  prepared.criteria.forEach((criterion, c) => {
    const phases = [0, 1, 2, 3].map(() => ({ sum: 0, available: 0, unavailable: 0 }))
    let incomplete = 0
    for (const t of types) {
      const at = t * stride + slotHead + c * perCriterion
      const embodiedQuantity = cells[t * stride + slotEmbodiedQuantity] as number
      for (let p = 0; p < 3; p++) {
        const running = phases[p === 2 ? 3 : p] as Running // slots hold endOfLife third, phases list it fourth
        running.sum += cells[at + p] as number
        if (prepared.embodiedMissing[(t * criterionCount + c) * 3 + p] === 1)
          running.unavailable += embodiedQuantity
        else running.available += embodiedQuantity
      }
      const use = phases[2] as Running
      const useUnavailable = cells[at + cellUseUnavailable] as number
      use.sum += cells[at + cellUse] as number
      use.unavailable += useUnavailable
      use.available += (cells[t * stride + slotUseQuantity] as number) - useUnavailable
      incomplete += cells[at + cellIncomplete] as number
    }
    const [manufacturing, distribution, use, endOfLife] = phases.map(figureOf) as [
      Figure,
      Figure,
      Figure,
      Figure,
    ]
    const parts = [manufacturing, distribution, use, endOfLife]
    const known = parts.filter((figure) => figure.value !== null)
    impacts[criterion.id] = {
      manufacturing,
      distribution,
      use,
      endOfLife,
      total: {
        value: known.length === 0 ? null : known.reduce((sum, figure) => sum + (figure.value as number), 0),
        unavailableQuantity: incomplete,
      },
    }
  })
  return { key, items, quantity, impacts }
}

const allTypes = deviceTypes.map((_, index) => index)

function finishGroup(group: GroupSums, prepared: PreparedFootprint, stride: number): FootprintGroup {
  const types = allTypes
    .filter((t) => (group.cells[t * stride + slotItems] as number) > 0)
    .map((t) => lineOf(deviceTypes[t] as DeviceType, group.cells, [t], prepared, stride))
  return { ...lineOf(group.key, group.cells, allTypes, prepared, stride), types }
}

/** Groups in a stable order: by name (French collation), « non renseigné » last. */
function finishGroups(
  groups: Map<string | null, GroupSums>,
  prepared: PreparedFootprint,
  stride: number,
): FootprintGroup[] {
  return [...groups.values()]
    .sort((a, b) =>
      a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key, 'fr', { sensitivity: 'base' }),
    )
    .map((group) => finishGroup(group, prepared, stride))
}
