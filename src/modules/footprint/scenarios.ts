import { z } from 'zod'
import {
  computeFootprint,
  dateKey,
  type ElectricityFactors,
  electricityOptionFactors,
  type FootprintGroup,
  type FootprintLine,
  type FootprintOptions,
  type FootprintResult,
  LifetimeSource,
  lifetimeOf,
  lifetimeSourceOf,
  type PerCapita,
  Period,
  type PreparedFootprint,
  periodOf,
  prepareFootprint,
} from './compute-footprint.js'
import type { FactorBase } from './factor-base.schemas.js'
import { type Datacenter, type DeviceType, deviceTypes, type InventoryItem } from './inventory-item.js'
import type { RefurbishedRatio } from './refurbished-ratios.js'

// The ratios live with the engine, which applies them to the items bought refurbished.
export {
  derivedRefurbishedRatios,
  type RefurbishedRatio,
  refurbishedRatioFor,
} from './refurbished-ratios.js'

/**
 * Scenarios: « what if » levers on an inventory, computed by the engine and compared with the
 * baseline (docs/footprint-method.md, « Scénarios »). Pure, like the engine: no I/O, deterministic.
 *
 * - extendLifetime: the devices in use during the year last N years longer (item-level: the
 *   retirement date moves, or the lifetime used is raised);
 * - fewerDevices: fewer devices of a type in use (item-level: quantities cut, largest lines first);
 * - refurbishedShare: a share of the devices bought new in the year is bought refurbished instead
 *   (their manufacturing figure is cut by the ratio the engine applies to refurbished items,
 *   refurbished-ratios.ts; items already refurbished are left as they are);
 * - electricityOption / electricityFactor: another electricity factor for France.
 *
 * The scenario is checked by a zod schema (French messages, paths), so that it can be saved and
 * named; the base-dependent checks (electricity option) need the base: scenarioSchemaFor(base).
 */

// ---------------------------------------------------------------------------------------------
// The schema.

const knownTypes = deviceTypes as readonly string[]
const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null
const typeList = deviceTypes.join(', ')

/** A record keyed by device type; an unknown type is reported at its own path, with the others. */
function byDeviceType<Value extends z.ZodType>(value: Value) {
  return z.record(z.string(), value).superRefine(
    (record, context) => {
      for (const key of Object.keys(record))
        if (!knownTypes.includes(key))
          context.addIssue({
            code: 'custom',
            path: [key],
            message: `type « ${key} » inconnu (types connus : ${typeList})`,
          })
    },
    // Runs even when a value has its own problem, so that every problem is reported at once.
    { when: isObject },
  ) as unknown as z.ZodType<Partial<Record<DeviceType, z.output<Value>>>>
}

const wholeMonths = (years: number) => Math.abs(years * 12 - Math.round(years * 12)) < 1e-6

const extraYears = z
  .number({ error: 'un nombre d’années, par exemple 1 ou 0,5' })
  .positive('un nombre d’années positif (1 = un an de plus)')
  .max(20, 'au plus 20 ans de plus')
  .refine(wholeMonths, 'en mois entiers : 1 = 1 an, 0,5 = 6 mois, 0,25 = 3 mois')

const share = z
  .number({ error: 'une part entre 0 et 1, par exemple 0,3 pour 30 %' })
  .min(0, 'une part entre 0 et 1 (0,3 = 30 %)')
  .max(1, 'une part entre 0 et 1 (0,3 = 30 %)')

const fewerSchema = z
  .object({
    /** At most this many devices of the type in use per agent (the agents come from the options). */
    perAgent: z.number({ error: 'un nombre par agent, par exemple 1' }).nonnegative('au moins 0').optional(),
    /** This many devices fewer (after the per-agent cap). */
    remove: z
      .number({ error: 'un nombre d’équipements' })
      .nonnegative('au moins 0')
      // A refinement rather than .int(): zod stops at a non-integer, and the other checks would not run.
      .refine(Number.isInteger, 'un nombre entier d’équipements')
      .optional(),
  })
  .strict()
  .refine((rule) => rule.perAgent !== undefined || rule.remove !== undefined, 'perAgent ou remove attendu')

export const scenarioSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'un nom d’au moins un caractère')
      .max(120, 'au plus 120 caractères')
      .optional(),
    extendLifetime: byDeviceType(extraYears).optional(),
    refurbishedShare: byDeviceType(share).optional(),
    fewerDevices: byDeviceType(fewerSchema).optional(),
    /** An electricity option of the base, applied to France. */
    electricityOption: z.string().trim().min(1, 'identifiant d’option attendu').optional(),
    /** kgCO2e per kWh for France (the climate criterion; the others keep the base's). */
    electricityFactor: z
      .number({ error: 'un facteur en kgCO2e/kWh, par exemple 0,05' })
      .nonnegative('un facteur positif ou nul')
      .max(2, 'au plus 2 kgCO2e/kWh')
      .optional(),
  })
  .strict()
  .superRefine(
    (scenario, context) => {
      if (scenario.electricityOption !== undefined && scenario.electricityFactor !== undefined)
        context.addIssue({
          code: 'custom',
          path: ['electricityFactor'],
          message: 'electricityOption ou electricityFactor, pas les deux',
        })
    },
    { when: isObject },
  )

export type Scenario = z.output<typeof scenarioSchema>

/** The schema with the checks that need the base: the option exists, the criteria are there. */
export function scenarioSchemaFor(base: FactorBase) {
  return scenarioSchema.superRefine(
    // Runs even when other fields have problems (every problem at once): the fields read here may
    // then be malformed, hence the type checks.
    (scenario, context) => {
      const option = scenario.electricityOption
      if (
        typeof option === 'string' &&
        !base.electricity.options.some((candidate) => candidate.id === option)
      )
        context.addIssue({
          code: 'custom',
          path: ['electricityOption'],
          message: `option « ${option} » inconnue dans la base ${base.id} ${base.version} (options : ${base.electricity.options.map((candidate) => candidate.id).join(', ')})`,
        })
      if (
        scenario.electricityFactor !== undefined &&
        !base.criteria.some((criterion) => criterion.id === 'climate')
      )
        context.addIssue({
          code: 'custom',
          path: ['electricityFactor'],
          message: `la base ${base.id} n’a pas de critère climate`,
        })
      if (
        isObject({ value: scenario.refurbishedShare }) &&
        Object.keys(scenario.refurbishedShare ?? {}).length > 0 &&
        !base.avoidedImpacts.some((avoided) => avoided.kind === 'refurbished')
      )
        context.addIssue({
          code: 'custom',
          path: ['refurbishedShare'],
          message: `la base ${base.id} ${base.version} ne publie aucun impact évité du reconditionné`,
        })
    },
    { when: isObject },
  )
}

const frenchMessages = z.locales.fr().localeError

/** Checks a scenario (from a form, a file, the API) against a base: every problem with its path. */
export function parseScenario(input: unknown, base: FactorBase) {
  return scenarioSchemaFor(base).safeParse(input, { error: frenchMessages })
}

// ---------------------------------------------------------------------------------------------
// Item-level levers: lifetime extension and fewer devices.

export interface ScenarioContext {
  /** The reporting year (the current UTC year when absent, as for the engine). */
  year?: number
  /** Staff, for fewerDevices.perAgent. */
  agents?: number | null
}

/** `yyyy-mm-dd` moved by whole months; a day past the month's end becomes its last day. */
export function addMonths(date: string, months: number): string {
  const key = dateKey(date)
  if (key < 0) return date
  const total = Math.floor(key / 10000) * 12 + (Math.floor(key / 100) % 100) - 1 + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const day = Math.min(key % 100, lastDay)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function isCounted(item: InventoryItem, prepared: PreparedFootprint): boolean {
  const purchase = dateKey(item.purchaseDate)
  const retirement = dateKey(item.retirementDate)
  return (
    periodOf(item.status, purchase, retirement, prepared.yearStart, prepared.nextYearStart) === Period.Counted
  )
}

function typeOf(item: InventoryItem, prepared: PreparedFootprint): number {
  return prepared.typeIndex.get(item.type) ?? deviceTypes.indexOf('other')
}

/** The lifetime the engine uses for the item, and where it comes from. */
function lifetimeUsed(
  item: InventoryItem,
  prepared: PreparedFootprint,
): { source: LifetimeSource; years: number } {
  const purchase = dateKey(item.purchaseDate)
  const retirement = dateKey(item.retirementDate)
  const source = lifetimeSourceOf(purchase, retirement, item.lifetimeYears)
  const years = lifetimeOf(
    source,
    purchase,
    retirement,
    item.lifetimeYears,
    prepared.typeLifetime[typeOf(item, prepared)] as number,
  )
  return { source, years }
}

function extendItem(item: InventoryItem, years: number, prepared: PreparedFootprint): InventoryItem {
  // Only the devices in use during the year: one retired before it stays retired (bringing it back
  // would add a device to the fleet without removing the one that replaced it).
  if (!isCounted(item, prepared) || prepared.hasFactors[typeOf(item, prepared)] !== 1) return item
  const used = lifetimeUsed(item, prepared)
  if (used.source === LifetimeSource.Dates && item.retirementDate !== null)
    return { ...item, retirementDate: addMonths(item.retirementDate, Math.round(years * 12)) }
  return { ...item, lifetimeYears: used.years + years }
}

/**
 * The scenario's inventory for the item-level levers (extendLifetime, fewerDevices), in the input's
 * order; lines cut to 0 are dropped. The other levers (refurbishedShare, electricity) are not item
 * changes: compareScenario applies them. Needs the whole inventory (fewerDevices ranks the lines).
 */
export function applyScenario(
  items: readonly InventoryItem[],
  scenario: Scenario,
  base: FactorBase,
  context: ScenarioContext = {},
): InventoryItem[] {
  const prepared = prepareFootprint(base, [], {
    method: 'stock',
    ...(context.year ? { year: context.year } : {}),
  })
  const extend = scenario.extendLifetime ?? {}
  const changed = items.map((item) => {
    const years = extend[item.type]
    return years === undefined ? item : extendItem(item, years, prepared)
  })

  const fewer = scenario.fewerDevices ?? {}
  const quantities = changed.map((item) => item.quantity)
  for (const type of deviceTypes) {
    const rule = fewer[type]
    if (rule === undefined) continue
    // The devices of the type in use during the year (stored devices are not « in use »).
    const inUse: number[] = []
    let count = 0
    changed.forEach((item, index) => {
      if (item.type === type && item.status !== 'in_stock' && isCounted(item, prepared)) {
        inUse.push(index)
        count += item.quantity
      }
    })
    let cap = count
    if (rule.perAgent !== undefined) {
      const agents = context.agents
      if (agents === undefined || agents === null || agents <= 0)
        throw new Error(`fewerDevices.${type}.perAgent : le nombre d’agents est requis (options.agents)`)
      cap = Math.min(count, Math.floor(rule.perAgent * agents + 1e-9))
    }
    let toRemove = Math.min(count, count - cap + (rule.remove ?? 0))
    // Largest lines first; equal lines in the inventory's order.
    inUse.sort(
      (a, b) => (changed[b] as InventoryItem).quantity - (changed[a] as InventoryItem).quantity || a - b,
    )
    for (const index of inUse) {
      if (toRemove <= 0) break
      const cut = Math.min(toRemove, quantities[index] as number)
      quantities[index] = (quantities[index] as number) - cut
      toRemove -= cut
    }
  }
  const result: InventoryItem[] = []
  changed.forEach((item, index) => {
    const quantity = quantities[index] as number
    if (quantity <= 0) return
    result.push(quantity === item.quantity ? item : { ...item, quantity })
  })
  return result
}

// ---------------------------------------------------------------------------------------------
// The comparison.

export interface AvoidedFigure {
  /** Baseline − scenario; negative when the scenario adds (a higher electricity factor). */
  value: number | null
  /** value ÷ baseline × 100; null when the baseline is 0 or not available. */
  percent: number | null
}

export interface ScenarioComparison {
  /** The scenario as checked. */
  definition: Scenario
  baseline: FootprintResult
  scenario: FootprintResult
  /** Per criterion (all phases). */
  avoided: {
    total: Record<string, AvoidedFigure>
    byType: { type: DeviceType; impacts: Record<string, AvoidedFigure> }[]
  }
  /** The ratios used for refurbishedShare, one per type with a share. */
  refurbishedRatios: RefurbishedRatio[]
  /** The electricity factors the scenario used for France, when it changes them. */
  electricity: { country: string; label: string; perKwh: Record<string, number | null> } | null
  /** What the reader should know (a lever without effect in this method…), in French. */
  notes: string[]
}

const scenarioCountry = 'FR'

const frenchNumber = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 4 })

function scenarioElectricity(scenario: Scenario, base: FactorBase): ScenarioComparison['electricity'] {
  if (scenario.electricityOption !== undefined) {
    const option = base.electricity.options.find((candidate) => candidate.id === scenario.electricityOption)
    return {
      country: scenarioCountry,
      label: option?.label ?? scenario.electricityOption,
      perKwh: electricityOptionFactors(base, scenario.electricityOption),
    }
  }
  if (scenario.electricityFactor !== undefined)
    return {
      country: scenarioCountry,
      label: `facteur du scénario (${frenchNumber(scenario.electricityFactor)} kgCO2e/kWh)`,
      perKwh: { climate: scenario.electricityFactor },
    }
  return null
}

/** Per criterion, the manufacturing figure to take off, by type (index) — a flat array. */
type Deltas = Float64Array

/**
 * Compares an inventory's footprint with a scenario's, for the same year, method and datacenters.
 * The scenario is checked first (a ZodError when it is not valid for the base).
 */
export function compareScenario(
  items: readonly InventoryItem[],
  datacenters: readonly Datacenter[],
  base: FactorBase,
  options: FootprintOptions,
  scenarioInput: Scenario,
): ScenarioComparison {
  const scenario = scenarioSchemaFor(base).parse(scenarioInput, { error: frenchMessages })
  const baseline = computeFootprint(items, datacenters, base, options)
  const year = baseline.year
  const notes: string[] = []

  const changed = applyScenario(items, scenario, base, { year, agents: options.agents ?? null })
  const electricity = scenarioElectricity(scenario, base)
  let electricityFactors: ElectricityFactors | undefined = options.electricityFactors
  if (electricity !== null)
    electricityFactors = {
      ...options.electricityFactors,
      [electricity.country]: { ...options.electricityFactors?.[electricity.country], ...electricity.perKwh },
    }
  const scenarioOptions: FootprintOptions = {
    ...options,
    year,
    ...(electricityFactors ? { electricityFactors } : {}),
  }
  const computed = computeFootprint(changed, datacenters, base, scenarioOptions)

  // The engine's own ratios (prepareFootprint resolves them once per type), so that a device the
  // lever turns refurbished weighs exactly what the engine gives a device bought refurbished.
  const prepared = prepareFootprint(base, datacenters, scenarioOptions)
  const shares = scenario.refurbishedShare ?? {}
  const refurbishedRatios: RefurbishedRatio[] = []
  deviceTypes.forEach((type, t) => {
    const share = shares[type]
    if (share === undefined || share === 0) return
    const ratio = prepared.refurbishedRatios[t]
    if (ratio) refurbishedRatios.push(ratio)
  })
  const result =
    refurbishedRatios.length === 0 ? computed : withRefurbished(computed, changed, shares, prepared)

  if (options.method === 'flux' && Object.keys(scenario.extendLifetime ?? {}).length > 0)
    notes.push(
      'Méthode flux : allonger la durée de vie ne change pas le résultat de l’année (la fabrication est comptée entière l’année de l’achat) ; les achats évités se traduisent par fewerDevices.',
    )
  if (electricity !== null)
    notes.push(`Électricité en France : ${electricity.label} au lieu du facteur de la base.`)

  return {
    definition: scenario,
    baseline,
    scenario: result,
    avoided: avoidedBetween(baseline, result),
    refurbishedRatios,
    electricity,
    notes,
  }
}

/**
 * Takes the refurbished purchases' avoided manufacturing off a computed result: for every item of a
 * type with a share, bought **new** in the year and counted, share × (1 − the engine's refurbished
 * multiplier) × manufacturing × the item's embodied weight (quantity ÷ lifetime in stock, quantity
 * in flux), exactly as the engine weighs it. Items already `refurbished` are left: the engine has
 * reduced them already, in the baseline and the scenario alike. The result is the engine's on the
 * inventory with each such line split into (1 − share) × quantity new and share × quantity
 * refurbished (a test checks it); adjusting the result instead keeps the inventory's lines and
 * whole quantities (a split would count extra lines and fractions of devices). The figures of the
 * total, the types, sites, services and tags are adjusted.
 */
function withRefurbished(
  result: FootprintResult,
  items: readonly InventoryItem[],
  shares: Partial<Record<DeviceType, number>>,
  prepared: PreparedFootprint,
): FootprintResult {
  const criterionCount = prepared.criteria.length
  const size = deviceTypes.length * criterionCount
  const total: Deltas = new Float64Array(size)
  const sites = new Map<string | null, Deltas>()
  const services = new Map<string | null, Deltas>()
  const tags = new Map<string | null, Deltas>()
  const into = (groups: Map<string | null, Deltas>, key: string | null): Deltas => {
    let found = groups.get(key)
    if (!found) {
      found = new Float64Array(size)
      groups.set(key, found)
    }
    return found
  }

  for (const item of items) {
    const share = shares[item.type]
    if (share === undefined || share === 0 || item.condition === 'refurbished') continue
    const purchase = dateKey(item.purchaseDate)
    if (purchase < prepared.yearStart || purchase >= prepared.nextYearStart || !isCounted(item, prepared))
      continue
    const t = typeOf(item, prepared)
    if (prepared.hasFactors[t] !== 1 || prepared.refurbishedRatios[t] === null) continue
    const avoidedShare = 1 - (prepared.refurbishedFactor[t] as number)
    const weight =
      prepared.method === 'flux' ? item.quantity : item.quantity / lifetimeUsed(item, prepared).years
    const targets = [total, into(sites, item.site), into(services, item.service)]
    if (item.tags.length === 0) targets.push(into(tags, null))
    else for (const tag of new Set(item.tags)) targets.push(into(tags, tag))
    for (let c = 0; c < criterionCount; c++) {
      const at = (t * criterionCount + c) * 3 // manufacturing is the first embodied phase
      if (prepared.embodiedMissing[at] === 1) continue
      const delta = share * avoidedShare * (prepared.embodied[at] as number) * weight
      for (const target of targets)
        target[t * criterionCount + c] = (target[t * criterionCount + c] as number) + delta
    }
  }

  const criteria = prepared.criteria
  const adjustLine = <Line extends FootprintLine>(
    line: Line,
    deltas: Deltas | undefined,
    types: number[],
  ): Line => {
    if (!deltas) return line
    const impacts: FootprintLine['impacts'] = {}
    criteria.forEach((criterion, c) => {
      const figures = line.impacts[criterion.id]
      if (!figures) return
      let delta = 0
      for (const t of types) delta += deltas[t * criterionCount + c] as number
      impacts[criterion.id] =
        delta === 0
          ? figures
          : {
              ...figures,
              manufacturing: { ...figures.manufacturing, value: minus(figures.manufacturing.value, delta) },
              total: { ...figures.total, value: minus(figures.total.value, delta) },
            }
    })
    return { ...line, impacts }
  }
  const allTypes = deviceTypes.map((_, index) => index)
  const adjustGroup = (group: FootprintGroup, deltas: Deltas | undefined): FootprintGroup => ({
    ...adjustLine(group, deltas, allTypes),
    types: group.types.map((line) => adjustLine(line, deltas, [deviceTypes.indexOf(line.key as DeviceType)])),
  })
  const totalGroup = adjustGroup(result.total, total)
  const perCapita = (previous: PerCapita | null): PerCapita | null => {
    if (previous === null) return null
    const values: Record<string, number | null> = {}
    for (const criterion of criteria) {
      const value = totalGroup.impacts[criterion.id]?.total.value ?? null
      values[criterion.id] = value === null ? null : value / previous.count
    }
    return { count: previous.count, values }
  }
  return {
    ...result,
    total: totalGroup,
    byType: totalGroup.types,
    bySite: result.bySite.map((group) => adjustGroup(group, sites.get(group.key))),
    byService: result.byService.map((group) => adjustGroup(group, services.get(group.key))),
    byTag: result.byTag.map((group) => adjustGroup(group, tags.get(group.key))),
    perAgent: perCapita(result.perAgent),
    perInhabitant: perCapita(result.perInhabitant),
  }
}

function minus(value: number | null, delta: number): number | null {
  return value === null ? null : value - delta
}

function avoidedOf(baseline: number | null | undefined, scenario: number | null | undefined): AvoidedFigure {
  if (baseline === null || baseline === undefined || scenario === null || scenario === undefined)
    return { value: null, percent: null }
  const value = baseline - scenario
  return { value, percent: baseline === 0 ? null : (value / baseline) * 100 }
}

function avoidedBetween(baseline: FootprintResult, scenario: FootprintResult): ScenarioComparison['avoided'] {
  const lineAvoided = (before: FootprintLine | undefined, after: FootprintLine | undefined) => {
    const impacts: Record<string, AvoidedFigure> = {}
    for (const criterion of baseline.criteria) {
      // A type absent from one side counts 0 there (all its devices were removed, say).
      const from = before ? before.impacts[criterion.id]?.total.value : 0
      const to = after ? after.impacts[criterion.id]?.total.value : 0
      impacts[criterion.id] = avoidedOf(from, to)
    }
    return impacts
  }
  const types = deviceTypes.filter((type) =>
    [...baseline.byType, ...scenario.byType].some((line) => line.key === type),
  )
  return {
    total: lineAvoided(baseline.total, scenario.total),
    byType: types.map((type) => ({
      type,
      impacts: lineAvoided(
        baseline.byType.find((line) => line.key === type),
        scenario.byType.find((line) => line.key === type),
      ),
    })),
  }
}
