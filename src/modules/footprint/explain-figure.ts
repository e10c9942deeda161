import {
  dateKey,
  type Figure,
  type FigurePhase,
  type FootprintGroup,
  type FootprintLine,
  type FootprintResult,
  footprintPhases,
  LifetimeSource,
  lifetimeOf,
  lifetimeSourceOf,
  Period,
  type PreparedFootprint,
  periodOf,
} from './compute-footprint.js'
import type { Criterion, EmbodiedPhase, FactorBase } from './factor-base.schemas.js'
import { type DeviceType, deviceTypes, type InventoryItem } from './inventory-item.js'

/**
 * Every figure of a footprint, explained: the formula in words with its numbers, as structured data
 * (so that the pages, the API and the CLI render it their own way) plus the French sentence. Item
 * explanations follow the engine's rules through the same helpers (compute-footprint.ts); the tests
 * check that they give the engine's numbers.
 */

export type Operator = '+' | '×' | '÷'

export interface ExplanationTerm {
  /** How the term joins the one before it; null for the first of a step. */
  operator: Operator | null
  /** null: not available. */
  value: number | null
  /** `kgCO2e`, `W`, `h/j`, `ans`…; empty for a plain number (1 000, a PUE, a quantity). */
  unit: string
  /** What the number is, for a page or a tooltip: « fabrication », « durée de vie »… */
  label: string
  /** Said in the sentence after the number, in brackets, when the unit does not say it. */
  mention?: string
  /** A computed figure (a part of a sum), written rounded; inputs are written as given. */
  computed?: boolean
  /**
   * The term stands for (1 − value): written « (1 − 0,323 reconditionné) », the mention inside the
   * brackets (the share of manufacturing a refurbished device avoids).
   */
  oneMinus?: boolean
}

export interface ExplanationStep {
  /** The first term of a step that `continues` is the previous step's result, not written again. */
  continues: boolean
  terms: ExplanationTerm[]
  result: { value: number | null; unit: string }
}

export interface ExplanationInput {
  label: string
  value: number | string | null
  unit: string
  /** Where the figure comes from: the base and its row, the inventory's line, the datacenter… */
  source: string
}

/** For totals: one of the parts summed, with its counts. */
export interface ExplanationPart {
  label: string
  items: number
  quantity: number
  value: number | null
  unavailableQuantity: number
}

export interface Explanation {
  label: string
  criterion: Criterion
  phase: FigurePhase
  result: number | null
  unit: string
  steps: ExplanationStep[]
  inputs: ExplanationInput[]
  parts: ExplanationPart[]
  /** Why a figure is 0 or not available, and the fallbacks used (unknown country…). */
  notes: string[]
  /** The whole explanation as one French sentence. */
  text: string
}

export const phaseLabels: Record<FigurePhase, string> = {
  manufacturing: 'fabrication',
  distribution: 'distribution',
  use: 'usage',
  endOfLife: 'fin de vie',
  total: 'total',
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`

// ---------------------------------------------------------------------------------------------
// Numbers in French.

const exact = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 })
const whole = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 })
const threeDigits = new Intl.NumberFormat('fr-FR', {
  minimumSignificantDigits: 3,
  maximumSignificantDigits: 3,
})

/** An input as given (26,5 ; 0,0461 ; 1 000). */
export function formatInput(value: number): string {
  return exact.format(value)
}

/**
 * A computed figure: whole numbers as they are, from 100 up to the unit, below 100 to three
 * significant digits (29,0 ; 1,34 ; 0,0123): more would pretend to a precision the factors lack.
 */
export function formatFigure(value: number): string {
  if (Number.isInteger(value)) return exact.format(value)
  return Math.abs(value) >= 100 ? whole.format(value) : threeDigits.format(value)
}

function formatValue(value: number | null, unit: string, computed: boolean): string {
  if (value === null) return 'non disponible'
  const unitText = unit === 'ans' && Math.abs(value) < 2 ? 'an' : unit
  const number = computed ? formatFigure(value) : formatInput(value)
  return unitText ? `${number} ${unitText}` : number
}

function renderSteps(steps: readonly ExplanationStep[]): string {
  let text = ''
  steps.forEach((step, index) => {
    step.terms.forEach((term, position) => {
      if (position === 0 && step.continues && index > 0) return
      const value = formatValue(term.value, term.unit, term.computed === true)
      const written = term.oneMinus
        ? `(1 − ${value}${term.mention ? ` ${term.mention}` : ''})`
        : `${value}${term.mention ? ` (${term.mention})` : ''}`
      text += term.operator ? ` ${term.operator} ${written}` : written
    })
    // A lone term is its own result: no « = » to write.
    if (step.terms.length > 1 || step.continues)
      text += ` = ${formatValue(step.result.value, step.result.unit, true)}`
  })
  return text
}

function finish(explanation: Omit<Explanation, 'text'>): Explanation {
  const formula = renderSteps(explanation.steps)
  const notes = explanation.notes.join(' ')
  const text = formula ? (notes ? `${formula}. ${notes}` : formula) : notes
  return { ...explanation, text }
}

// ---------------------------------------------------------------------------------------------
// One item.

const periodNotes: Record<Exclude<Period, 0>, (item: InventoryItem, year: number) => string> = {
  [Period.BoughtAfter]: (item, year) =>
    `Non compté en ${year} : acheté après l’année (${item.purchaseDate}).`,
  [Period.RetiredBefore]: (item, year) =>
    `Non compté en ${year} : sorti du parc avant l’année (${item.retirementDate}).`,
  [Period.RetiredWithoutDate]: (_item, year) =>
    `Non compté en ${year} : sorti du parc sans date de sortie (ajouter la date pour le compter).`,
}

function itemWhere(item: InventoryItem, label: string): string {
  return item.line === undefined ? label : `${label}, ligne ${item.line}`
}

/**
 * Explains one item's figure for one phase (or its total) and criterion, under the method and year
 * of `prepared` (prepareFootprint(base, datacenters, options)).
 */
export function explainItem(
  prepared: PreparedFootprint,
  item: InventoryItem,
  phase: FigurePhase,
  criterionId = 'climate',
): Explanation {
  const { base } = prepared
  const c = prepared.criterionIndex.get(criterionId)
  const criterion = c === undefined ? undefined : prepared.criteria[c]
  if (c === undefined || !criterion)
    throw new Error(`unknown criterion ${criterionId} in ${base.id} ${base.version}`)
  const type: DeviceType = (deviceTypes as readonly string[]).includes(item.type) ? item.type : 'other'
  const device = base.devices[type]
  const head = {
    label: `${capitalised(phaseLabels[phase])} — ${itemWhere(item, device.label)} — ${criterion.label}, ${prepared.year}`,
    criterion,
    phase,
    unit: criterion.unit,
    parts: [] as ExplanationPart[],
  }
  const zero = (note: string): Explanation =>
    finish({ ...head, result: 0, steps: [], inputs: [], notes: [`${note} 0 ${criterion.unit}.`] })

  const purchase = dateKey(item.purchaseDate)
  const retirement = dateKey(item.retirementDate)
  const period = periodOf(item.status, purchase, retirement, prepared.yearStart, prepared.nextYearStart)
  if (period !== Period.Counted) return zero(periodNotes[period](item, prepared.year))

  if (phase === 'total') {
    const phases = footprintPhases.map((each) => ({
      phase: each,
      explanation: explainItem(prepared, item, each, criterionId),
    }))
    return sumOf(
      head,
      phases.map(({ phase: each, explanation }) => ({ label: phaseLabels[each], value: explanation.result })),
      [...new Set(phases.flatMap(({ explanation }) => explanation.notes))],
    )
  }
  if (phase === 'use') return explainUse(prepared, item, head, c, criterion, type)
  return explainEmbodied(prepared, item, head, phase, criterion, type, purchase, retirement)
}

type Head = Omit<Explanation, 'result' | 'steps' | 'inputs' | 'notes' | 'text'>

function baseSource(base: FactorBase): string {
  return `${base.title} (${base.id} ${base.version})`
}

function explainEmbodied(
  prepared: PreparedFootprint,
  item: InventoryItem,
  head: Head,
  phase: EmbodiedPhase,
  criterion: Criterion,
  type: DeviceType,
  purchase: number,
  retirement: number,
): Explanation {
  const { base } = prepared
  const device = base.devices[type]
  const factor = device.factors?.[phase][criterion.id] ?? null
  const source = `${baseSource(base)} — ${device.mapping}${device.source ? ` ${device.source}` : ''}`
  const flux = prepared.method === 'flux'
  if (flux && purchase < prepared.yearStart)
    return finish({
      ...head,
      result: 0,
      steps: [],
      inputs: [],
      notes: [
        `Méthode flux : ${item.purchaseDate === null ? 'date d’achat inconnue' : `acheté avant ${prepared.year} (${item.purchaseDate})`}, seul l’usage de l’année compte ; 0 ${criterion.unit}.`,
      ],
    })
  if (factor === null) {
    const why = device.factors
      ? `la base ne donne pas de chiffre « ${criterion.label} » pour la ${phaseLabels[phase]} de ce type`
      : 'ce type n’a pas de facteurs dans la base (compté, signalé « sans facteur »)'
    return finish({
      ...head,
      result: null,
      steps: [],
      inputs: [
        { label: `${phaseLabels[phase]} (${device.label})`, value: null, unit: criterion.unit, source },
      ],
      notes: [`Non disponible : ${why}.`],
    })
  }
  const factorTerm: ExplanationTerm = {
    operator: null,
    value: factor,
    unit: criterion.unit,
    label: `${phaseLabels[phase]} (${device.label})`,
    mention: phaseLabels[phase],
  }
  const inputs: ExplanationInput[] = [
    { label: factorTerm.label, value: factor, unit: criterion.unit, source },
  ]
  const terms: ExplanationTerm[] = [factorTerm]
  const notes: string[] = []
  let result = factor
  let resultUnit = criterion.unit
  if (phase === 'manufacturing' && item.condition === 'refurbished') {
    // The engine's rule: manufacturing × (1 − ratio), the ratio resolved once per type.
    const t = deviceTypes.indexOf(type)
    const ratio = prepared.refurbishedRatios[t] ?? null
    if (ratio === null)
      notes.push(
        `Reconditionné : la base ne publie aucun impact évité du reconditionné, fabrication comptée comme un neuf.`,
      )
    else {
      const label = 'part de la fabrication évitée (reconditionné)'
      terms.push({
        operator: '×',
        value: ratio.ratio,
        unit: '',
        label,
        mention: 'reconditionné',
        computed: true,
        oneMinus: true,
      })
      inputs.push({ label, value: ratio.ratio, unit: '', source: `${baseSource(base)} — ${ratio.basis}` })
      if (ratio.origin === 'default')
        notes.push(
          `Reconditionné : la base ne donne pas d’impact évité pour ce type ; par défaut, le plus petit ratio de la base (${base.devices[ratio.from].label.toLowerCase()}), hypothèse prudente.`,
        )
      if (ratio.criterion !== criterion.id) {
        const published = base.criteria.find((each) => each.id === ratio.criterion)?.label ?? ratio.criterion
        notes.push(
          `Reconditionné : la part évitée, publiée pour le critère « ${published} », est appliquée telle quelle au critère « ${criterion.label} ».`,
        )
      }
      result *= prepared.refurbishedFactor[t] as number
    }
  }
  if (flux) notes.push(`Méthode flux : acheté en ${prepared.year}, compté en entier.`)
  else {
    const lifetimeSource = lifetimeSourceOf(purchase, retirement, item.lifetimeYears)
    const lifetime = lifetimeOf(
      lifetimeSource,
      purchase,
      retirement,
      item.lifetimeYears,
      prepared.typeLifetime[deviceTypes.indexOf(type)] as number,
    )
    const given =
      lifetimeSource === LifetimeSource.Dates
        ? `dates d’achat (${item.purchaseDate}) et de sortie (${item.retirementDate})`
        : lifetimeSource === LifetimeSource.Item
          ? itemWhere(item, 'durée de vie donnée par l’inventaire')
          : `durée par défaut du type dans la base (${baseSource(base)})`
    terms.push({ operator: '÷', value: lifetime, unit: 'ans', label: 'durée de vie' })
    inputs.push({ label: 'durée de vie', value: lifetime, unit: 'ans', source: given })
    if (lifetime === 1)
      notes.push('Durée de vie portée à 1 an : un équipement n’est jamais amorti en moins d’un an.')
    result /= lifetime
    resultUnit = `${criterion.unit}/an`
  }
  if (item.quantity !== 1) {
    terms.push({ operator: '×', value: item.quantity, unit: '', label: 'quantité', mention: 'quantité' })
    inputs.push({ label: 'quantité', value: item.quantity, unit: '', source: itemWhere(item, 'inventaire') })
    result *= item.quantity
  }
  return finish({
    ...head,
    result,
    steps: [{ continues: false, terms, result: { value: result, unit: resultUnit } }],
    inputs,
    notes,
  })
}

function explainUse(
  prepared: PreparedFootprint,
  item: InventoryItem,
  head: Head,
  c: number,
  criterion: Criterion,
  type: DeviceType,
): Explanation {
  const { base } = prepared
  const device = base.devices[type]
  if (item.status === 'in_stock')
    return finish({
      ...head,
      result: 0,
      steps: [],
      inputs: [],
      notes: [`En stock : pas d’usage ; 0 ${criterion.unit}.`],
    })
  const notes: string[] = []
  const inputs: ExplanationInput[] = []
  const steps: ExplanationStep[] = []
  const deviceSource = `${baseSource(base)} — ${device.mapping}${device.note ? ` ${device.note}` : ''}`

  // kWh: measured, or power × hours × 365 ÷ 1000.
  let kwh: number | null
  let first: ExplanationTerm
  if (item.annualKwh !== null) {
    kwh = item.annualKwh
    first = {
      operator: null,
      value: kwh,
      unit: 'kWh',
      label: 'consommation annuelle mesurée',
      mention: 'mesurée',
    }
    inputs.push({ label: first.label, value: kwh, unit: 'kWh', source: itemWhere(item, 'inventaire') })
  } else if (device.activePowerW !== null && device.hoursPerDay !== null) {
    kwh = (device.activePowerW * device.hoursPerDay * 365) / 1000
    steps.push({
      continues: false,
      terms: [
        { operator: null, value: device.activePowerW, unit: 'W', label: 'puissance active' },
        { operator: '×', value: device.hoursPerDay, unit: 'h/j', label: 'heures d’usage par jour' },
        { operator: '×', value: 365, unit: 'j', label: 'jours par an' },
        { operator: '÷', value: 1000, unit: '', label: 'watts par kilowatt' },
      ],
      result: { value: kwh, unit: 'kWh' },
    })
    inputs.push(
      { label: 'puissance active', value: device.activePowerW, unit: 'W', source: deviceSource },
      { label: 'heures d’usage par jour', value: device.hoursPerDay, unit: 'h/j', source: deviceSource },
    )
    first = { operator: null, value: kwh, unit: 'kWh', label: 'consommation annuelle' }
  } else {
    return finish({
      ...head,
      result: null,
      steps: [],
      inputs: [],
      notes: [
        device.factors
          ? 'Non disponible : la base ne donne pas de puissance pour ce type et l’inventaire pas de consommation mesurée (kWh).'
          : 'Non disponible : ce type n’a pas de facteurs dans la base et l’inventaire ne donne pas de consommation mesurée (kWh).',
      ],
    })
  }

  const terms: ExplanationTerm[] = [first]
  let country = item.country
  let pue = 1
  if (item.datacenter !== null) {
    const datacenter = prepared.datacenters.get(item.datacenter)
    if (datacenter) {
      pue = datacenter.pue
      country = datacenter.country
      terms.push({ operator: '×', value: pue, unit: '', label: 'PUE', mention: 'PUE' })
      inputs.push({
        label: 'PUE',
        value: pue,
        unit: '',
        source: `centre de données « ${datacenter.shortName} »`,
      })
      if (datacenter.country !== item.country)
        notes.push(`Électricité du pays du centre de données (${datacenter.country}).`)
    } else notes.push(`Centre de données « ${item.datacenter} » inconnu : PUE 1.`)
  }
  const resolved = prepared.countries.get(country)
  if (!resolved)
    notes.push(
      `Pays « ${country} » sans facteur d’électricité : facteur ${base.electricity.fallbackCountry}.`,
    )
  const factors = resolved ?? prepared.fallback
  const perKwh = factors.perKwh[c] as number
  const factorSource = `${factors.sources[c]} (${resolved ? country : base.electricity.fallbackCountry})`
  if (Number.isNaN(perKwh)) {
    inputs.push({
      label: `facteur ${criterion.label} de l’électricité`,
      value: null,
      unit: `${criterion.unit}/kWh`,
      source: factorSource,
    })
    notes.push(
      `Non disponible : pas de facteur « ${criterion.label} » par kWh.${base.electricity.note ? ` ${base.electricity.note}` : ''}`,
    )
    return finish({ ...head, result: null, steps: [], inputs, notes })
  }
  terms.push({
    operator: '×',
    value: perKwh,
    unit: `${criterion.unit}/kWh`,
    label: `facteur ${criterion.label} de l’électricité`,
  })
  inputs.push({
    label: `facteur ${criterion.label} de l’électricité`,
    value: perKwh,
    unit: `${criterion.unit}/kWh`,
    source: factorSource,
  })
  if (item.quantity !== 1) {
    terms.push({ operator: '×', value: item.quantity, unit: '', label: 'quantité', mention: 'quantité' })
    inputs.push({ label: 'quantité', value: item.quantity, unit: '', source: itemWhere(item, 'inventaire') })
  }
  const result = kwh * pue * perKwh * item.quantity
  steps.push({ continues: steps.length > 0, terms, result: { value: result, unit: criterion.unit } })
  return finish({ ...head, result, steps, inputs, notes })
}

/** A sum of labelled parts: available ones added, the others said « non disponible ». */
function sumOf(
  head: Head,
  parts: readonly {
    label: string
    value: number | null
    items?: number
    quantity?: number
    unavailableQuantity?: number
    mention?: string
  }[],
  notes: string[],
): Explanation {
  const available = parts.filter((part) => part.value !== null)
  const result =
    available.length === 0 ? null : available.reduce((sum, part) => sum + (part.value as number), 0)
  const terms: ExplanationTerm[] = parts.map((part, index) => ({
    operator: index === 0 ? null : '+',
    value: part.value,
    unit: head.criterion.unit,
    label: part.label,
    mention: part.mention ?? part.label,
    computed: true,
  }))
  return finish({
    ...head,
    result,
    steps:
      terms.length > 0
        ? [{ continues: false, terms, result: { value: result, unit: head.criterion.unit } }]
        : [],
    inputs: [],
    parts: parts.map((part) => ({
      label: part.label,
      items: part.items ?? 0,
      quantity: part.quantity ?? 0,
      value: part.value,
      unavailableQuantity: part.unavailableQuantity ?? 0,
    })),
    notes,
  })
}

// ---------------------------------------------------------------------------------------------
// Totals.

export type GroupDimension = 'total' | 'type' | 'site' | 'service' | 'tag'

const dimensionLabels: Record<Exclude<GroupDimension, 'total'>, string> = {
  type: 'type',
  site: 'site',
  service: 'service',
  tag: 'étiquette',
}

function findGroup(
  result: FootprintResult,
  dimension: GroupDimension,
  key: string | null,
): FootprintGroup | FootprintLine | undefined {
  switch (dimension) {
    case 'total':
      return result.total
    case 'type':
      return result.byType.find((line) => line.key === key)
    case 'site':
      return result.bySite.find((group) => group.key === key)
    case 'service':
      return result.byService.find((group) => group.key === key)
    case 'tag':
      return result.byTag.find((group) => group.key === key)
  }
}

function counts(line: FootprintLine): string {
  return `${formatInput(line.quantity)} équipement${line.quantity > 1 ? 's' : ''}, ${formatInput(line.items)} ligne${line.items > 1 ? 's' : ''}`
}

function unavailableNote(figure: Figure, label: string): string[] {
  if (figure.unavailableQuantity === 0) return []
  const quantity = formatInput(figure.unavailableQuantity)
  return [
    `${capitalised(label)} : non disponible pour ${quantity} équipement${figure.unavailableQuantity > 1 ? 's' : ''}, laissé${figure.unavailableQuantity > 1 ? 's' : ''} hors du chiffre.`,
  ]
}

/**
 * Explains a total: a phase of a group as the sum of its device types (with their counts), or a
 * group's total as the sum of its phases. `base` gives the types' labels.
 */
export function explainGroup(
  result: FootprintResult,
  base: FactorBase,
  dimension: GroupDimension,
  key: string | null,
  phase: FigurePhase,
  criterionId = 'climate',
): Explanation {
  const criterion = result.criteria.find((candidate) => candidate.id === criterionId)
  if (!criterion) throw new Error(`unknown criterion ${criterionId}`)
  const group = findGroup(result, dimension, key)
  if (!group) throw new Error(`no ${dimension} group ${key ?? '(non renseigné)'} in this result`)
  const name =
    dimension === 'total'
      ? `ensemble du parc`
      : dimension === 'type'
        ? (base.devices[key as DeviceType]?.label ?? String(key))
        : `${dimensionLabels[dimension]} « ${key ?? 'non renseigné'} »`
  const head: Head = {
    label: `${capitalised(phaseLabels[phase])} — ${name} — ${criterion.label}, ${result.year} (méthode ${result.method})`,
    criterion,
    phase,
    unit: criterion.unit,
    parts: [],
  }
  const figures = group.impacts[criterionId]
  if (!figures) throw new Error(`no figures for ${criterionId}`)
  const notes = [`Comptés : ${counts(group)}.`]
  if (dimension === 'tag')
    notes.push(
      'Un équipement portant plusieurs étiquettes compte dans chacune : les étiquettes ne s’additionnent pas.',
    )
  if (phase === 'total') {
    for (const each of footprintPhases) notes.push(...unavailableNote(figures[each], phaseLabels[each]))
    return sumOf(
      head,
      footprintPhases.map((each) => ({
        label: phaseLabels[each],
        value: figures[each].value,
        items: group.items,
        quantity: group.quantity,
        unavailableQuantity: figures[each].unavailableQuantity,
      })),
      notes,
    )
  }
  const types: FootprintLine[] = 'types' in group ? group.types : [group]
  notes.push(...unavailableNote(figures[phase], phaseLabels[phase]))
  return sumOf(
    head,
    types.map((line) => {
      const label = base.devices[line.key as DeviceType]?.label ?? String(line.key)
      const figure = line.impacts[criterionId]?.[phase] ?? { value: null, unavailableQuantity: 0 }
      return {
        label,
        mention: `${label} : ${counts(line)}`,
        value: figure.value,
        items: line.items,
        quantity: line.quantity,
        unavailableQuantity: figure.unavailableQuantity,
      }
    }),
    notes,
  )
}

/** Explains a per-agent or per-inhabitant figure: the total divided by the count given. */
export function explainPerCapita(
  result: FootprintResult,
  per: 'agent' | 'inhabitant',
  criterionId = 'climate',
): Explanation {
  const criterion = result.criteria.find((candidate) => candidate.id === criterionId)
  if (!criterion) throw new Error(`unknown criterion ${criterionId}`)
  const perCapita = per === 'agent' ? result.perAgent : result.perInhabitant
  if (!perCapita) throw new Error(`no ${per} count was given`)
  const word = per === 'agent' ? 'agent' : 'habitant'
  const total = result.total.impacts[criterionId]?.total.value ?? null
  const value = perCapita.values[criterionId] ?? null
  return finish({
    label: `Par ${word} — ${criterion.label}, ${result.year} (méthode ${result.method})`,
    criterion,
    phase: 'total',
    result: value,
    unit: `${criterion.unit}/${word}`,
    steps: [
      {
        continues: false,
        terms: [
          {
            operator: null,
            value: total,
            unit: criterion.unit,
            label: 'total',
            mention: 'total',
            computed: true,
          },
          { operator: '÷', value: perCapita.count, unit: `${word}s`, label: `${word}s` },
        ],
        result: { value, unit: `${criterion.unit}/${word}` },
      },
    ],
    inputs: [{ label: `${word}s`, value: perCapita.count, unit: '', source: 'chiffre déclaré' }],
    parts: [],
    notes: [],
  })
}
