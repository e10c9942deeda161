import {
  computeFootprint,
  type FootprintPhase,
  footprintPhases,
  prepareFootprint,
} from '../compute-footprint.js'
import { type Explanation, explainItem } from '../explain-figure.js'
import type { Criterion, FactorBase } from '../factor-base.schemas.js'
import type { InventoryItem } from '../inventory-item.js'

/**
 * The methodology page's worked example, computed with the engine and its explanations from the
 * base in the database, never written by hand: one laptop bought on 1 January 2020 and retired on
 * 1 January 2025 (five years), used in France. With the default base (0.0461 kgCO2e/kWh) it must
 * give ADEME's 191.8 kgCO2e over its life: the page shows the oracle, and it follows the base.
 */

export const exampleItem: InventoryItem = {
  type: 'laptop',
  model: null,
  quantity: 1,
  site: null,
  service: null,
  tags: [],
  purchaseDate: '2020-01-01',
  retirementDate: '2025-01-01',
  status: 'in_use',
  condition: 'new',
  disposal: null,
  datacenter: null,
  annualKwh: null,
  country: 'FR',
  lifetimeYears: null,
}

const firstYear = 2020
/** The years looked at: one before and one after the item's life, to show they count nothing. */
const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025]

export interface WorkedExample {
  criterion: { id: string; label: string; unit: string }
  /** The first year's explanation of each phase (stock method), as the engine's own helpers give it. */
  phases: { phase: FootprintPhase; explanation: Explanation }[]
  /** Stock method: the years the item counts in, and the figure of one of them. */
  countedYears: number[]
  perYear: number | null
  /** Stock method: the sum of the years, as the engine computes each. */
  lifetimeTotal: number | null
  /** Flux method: the purchase year (embodied in full + one year of use), then each later year. */
  fluxFirstYear: number | null
  fluxLaterYear: number | null
  fluxTotal: number | null
}

function yearTotal(base: FactorBase, method: 'stock' | 'flux', year: number, criterionId: string) {
  const result = computeFootprint([exampleItem], [], base, { method, year })
  return {
    counted: result.counted.quantity > 0,
    value: result.total.impacts[criterionId]?.total.value ?? null,
  }
}

const sum = (values: (number | null)[]) =>
  values.every((value) => value === null)
    ? null
    : values.reduce<number>((total, value) => total + (value ?? 0), 0)

export function workedExample(base: FactorBase): WorkedExample {
  const criterion = base.criteria.find((each) => each.id === 'climate') ?? (base.criteria[0] as Criterion)
  const id = criterion.id
  const prepared = prepareFootprint(base, [], { method: 'stock', year: firstYear })
  const stock = years.map((year) => ({ year, ...yearTotal(base, 'stock', year, id) }))
  const flux = years.map((year) => ({ year, ...yearTotal(base, 'flux', year, id) }))
  const counted = stock.filter((each) => each.counted)
  return {
    criterion: { id, label: criterion.label, unit: criterion.unit },
    phases: footprintPhases.map((phase) => ({
      phase,
      explanation: explainItem(prepared, exampleItem, phase, id),
    })),
    countedYears: counted.map((each) => each.year),
    perYear: counted[0]?.value ?? null,
    lifetimeTotal: sum(counted.map((each) => each.value)),
    fluxFirstYear: flux.find((each) => each.year === firstYear)?.value ?? null,
    fluxLaterYear: flux.find((each) => each.year === firstYear + 1)?.value ?? null,
    fluxTotal: sum(flux.filter((each) => each.counted).map((each) => each.value)),
  }
}
