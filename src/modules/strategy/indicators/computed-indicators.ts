import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { formatNumber, type Locale, type Translate, translator } from '../../../i18n/i18n.js'
import { withQuery } from '../../../ui/components.js'
import {
  dateKey,
  type FootprintResult,
  yearsBetween as yearsBetweenDates,
} from '../../footprint/compute-footprint.js'
import { footprintSettings } from '../../footprint/factor-bases.store.js'
import type { DeviceType } from '../../footprint/inventory-item.js'
import { computeWorkspaceFootprints } from '../../footprint/results/compute-workspace-footprints.js'
import { frozenResultsByYear } from '../../footprint/results/frozen-results.js'
import { explanationHref } from '../../footprint/results/views/result-labels.js'
import { createReuseRateAccumulator, type ReuseRateAccumulator } from '../../footprint/reuse-rate.js'
import { countItems, scanItems } from '../../inventory/inventory.queries.js'
import type { Indicator } from '../../referential/referential.schemas.js'
import { currentReferential } from '../../referential/referential.store.js'
import { referentialIndicators } from './referential-indicators.js'

type Db = Kysely<Database>

/**
 * An indicator value the platform computes from the workspace's own data (inventory, footprint,
 * self-assessment) rather than one a person typed.
 */
export interface ComputedIndicatorValue {
  indicatorId: string
  /**
   * One of the indicator's measures (4.1 `per_agent`, `manufacturing`, `use`), as the referential
   * names them; absent for the indicator's own value (the one readings, objectives and charts use).
   */
  measureId?: string
  year: number
  value: number
  /** Unit as the referential's catalogue gives it (the measure's for a measure). */
  unit: string
  /** Where it comes from, in words (« Inventaire du parc : 1 240 équipements… »). */
  source: string
  /** Site path of the page that explains the figure, under the workspace (`/espace/{id}/…`). */
  explanationHref: string
}

export interface ComputedIndicatorOptions {
  /** Only these indicators: the others are not computed at all (a footprint reads the whole inventory). */
  indicatorIds?: readonly string[] | undefined
  /** Language of the `source` texts; French, the documents' language, by default. */
  locale?: Locale | undefined
  /**
   * Also the indicators' measures (values with a `measureId`). Off by default, so that a caller
   * keying values by indicator and year never mistakes a measure for the indicator's value.
   */
  measures?: boolean | undefined
}

/**
 * The indicators computed from the inventory, by the referential's ids. Its `computedFrom` names
 * the data an indicator could come from (several `inventory_reuse` ones need figures the inventory
 * does not hold: partners, households helped…); these four are those the platform computes.
 */
export const footprintIndicatorId = '4.1'
export const equipmentIndicatorId = '4.2'
export const lifetimeIndicatorId = '4.3'
export const reuseIndicatorId = '6.1'

/** What 4.2 counts: « ordinateurs, écrans, smartphones, tablettes » (the referential's definition). */
export const equipmentTypes: readonly DeviceType[] = ['laptop', 'desktop', 'monitor', 'smartphone', 'tablet']

/** The footprint criterion 4.1 reads (kgCO2e in the factor bases; the indicator is in tCO2e). */
const climate = 'climate'

/** How an indicator is computed, when the platform computes it; undefined otherwise. */
export type ComputedSource = 'footprint' | 'equipment' | 'lifetime' | 'reuse' | 'assessment'

export function computedSourceOf(indicator: Indicator): ComputedSource | undefined {
  if (indicator.id === footprintIndicatorId) return 'footprint'
  if (indicator.id === equipmentIndicatorId) return 'equipment'
  if (indicator.id === lifetimeIndicatorId) return 'lifetime'
  if (indicator.id === reuseIndicatorId) return 'reuse'
  if (indicator.computedFrom === 'assessment' && indicator.fromQuestion) return 'assessment'
  return undefined
}

/**
 * The values the platform computes for a workspace over the given years, only where there is data:
 * no inventory, no 4.x or 6.1 value; no submitted self-assessment that year, no level. The
 * footprint is computed once for all the years (one pass over the inventory, through the footprint
 * pages' cache) and a year frozen on the footprint pages gives its frozen figures; the retirement
 * figures (4.3, 6.1) take one more pass, shared by every year.
 */
export async function computedIndicatorValues(
  db: Db,
  workspaceId: number,
  years: readonly number[],
  options: ComputedIndicatorOptions = {},
): Promise<ComputedIndicatorValue[]> {
  const wantedYears = [...new Set(years)].filter((year) => Number.isSafeInteger(year)).sort((a, b) => a - b)
  if (wantedYears.length === 0) return []
  const referential = await currentReferential(db)
  const requested = options.indicatorIds ? new Set(options.indicatorIds) : undefined
  const wanted = referentialIndicators(referential)
    .map(({ indicator }) => indicator)
    .filter((indicator) => (requested ? requested.has(indicator.id) : true))
  const bySource = new Map<ComputedSource, Indicator[]>()
  for (const indicator of wanted) {
    const source = computedSourceOf(indicator)
    if (source) bySource.set(source, [...(bySource.get(source) ?? []), indicator])
  }
  if (bySource.size === 0) return []
  const context: ComputeContext = {
    db,
    workspaceId,
    years: wantedYears,
    t: translator(options.locale ?? 'fr'),
    locale: options.locale ?? 'fr',
    measures: options.measures === true,
  }
  const fromInventory = ['footprint', 'equipment', 'lifetime', 'reuse'] as const
  const hasInventory = fromInventory.some((source) => bySource.has(source))
    ? (await countItems(db, workspaceId)).items > 0
    : false
  const assessmentIndicators = bySource.get('assessment') ?? []
  const parts = await Promise.all([
    hasInventory && (bySource.has('footprint') || bySource.has('equipment'))
      ? footprintValues(context, bySource.get('footprint')?.[0], bySource.get('equipment')?.[0])
      : [],
    hasInventory && (bySource.has('lifetime') || bySource.has('reuse'))
      ? retirementValues(context, bySource.get('lifetime')?.[0], bySource.get('reuse')?.[0])
      : [],
    assessmentIndicators.length > 0 ? assessmentValues(context, assessmentIndicators) : [],
  ])
  return parts.flat().map((reading) => ({ ...reading, value: roundReading(reading.value) }))
}

/**
 * A computed value to the precision a person would have typed (one decimal from 10 up, two below):
 * objectives, documents and the public page then show and compare the figure the indicator page
 * shows, never a 65,469 beside a 65,5.
 */
export function roundReading(value: number): number {
  const decimals = Math.abs(value) >= 10 ? 1 : 2
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

interface ComputeContext {
  db: Db
  workspaceId: number
  years: number[]
  t: Translate
  locale: Locale
  measures: boolean
}

const measureUnit = (indicator: Indicator, measureId: string) =>
  indicator.measures?.find((measure) => measure.id === measureId)?.unit

/**
 * 4.1 (total in tCO2e, its manufacturing and use parts, per agent in kgCO2e) and 4.2 (devices per
 * agent) from each year's footprint: the frozen result of the year when there is one for the
 * workspace's method, else the footprint computed now with its base. A year where the inventory
 * counts no device gives nothing (the inventory says nothing of that year).
 */
async function footprintValues(
  { db, workspaceId, years, t, locale, measures }: ComputeContext,
  footprint: Indicator | undefined,
  equipment: Indicator | undefined,
): Promise<ComputedIndicatorValue[]> {
  const settings = await footprintSettings(db, workspaceId)
  const method = settings.method
  const frozen = await frozenResultsByYear(db, workspaceId, method, years)
  const computed = await computeWorkspaceFootprints(db, workspaceId, {
    years: years.filter((year) => !frozen.has(year)),
    method,
    base: settings.base,
  })
  const number = (value: number) => formatNumber(locale, value)
  const methodText = t(`indicators.computed.method.${method}`)
  const values: ComputedIndicatorValue[] = []
  for (const year of years) {
    const frozenYear = frozen.get(year)
    const result: FootprintResult | undefined = frozenYear?.result ?? computed.get(year)
    if (!result || result.counted.quantity === 0) continue
    const address = { year, method, frozen: frozenYear !== undefined }
    const agents = result.perAgent?.count ?? null
    if (footprint) {
      const source = frozenYear
        ? t('indicators.computed.footprintFrozen', {
            year,
            method: methodText,
            base: result.base.title,
            version: result.base.version,
          })
        : t('indicators.computed.footprint', {
            method: methodText,
            base: result.base.title,
            version: result.base.version,
            devices: number(result.counted.quantity),
          })
      const figures = result.total.impacts[climate]
      const add = (measureId: string | undefined, value: number | null | undefined, href: string) => {
        if (value === null || value === undefined || !Number.isFinite(value)) return
        const unit = measureId ? measureUnit(footprint, measureId) : footprint.unit
        if (!unit) return
        values.push({
          indicatorId: footprint.id,
          ...(measureId ? { measureId } : {}),
          year,
          value,
          unit,
          source:
            measureId === 'per_agent'
              ? t('indicators.computed.perAgent', { source, agents: number(agents ?? 0) })
              : source,
          explanationHref: href,
        })
      }
      const figureHref = (phase?: 'manufacturing' | 'use') =>
        explanationHref(workspaceId, address, { criterion: climate, ...(phase ? { phase } : {}) })
      if (figures) {
        const tonnes = (kg: number | null) => (kg === null ? null : kg / 1000)
        add(undefined, tonnes(figures.total.value), figureHref())
        if (measures) {
          add('total', tonnes(figures.total.value), figureHref())
          add('manufacturing', tonnes(figures.manufacturing.value), figureHref('manufacturing'))
          add('use', tonnes(figures.use.value), figureHref('use'))
          add(
            'per_agent',
            result.perAgent?.values[climate],
            explanationHref(workspaceId, address, { criterion: climate, per: 'agent' }),
          )
        }
      }
    }
    if (equipment && agents !== null && agents > 0) {
      const wantedTypes = new Set<string>(equipmentTypes)
      const devices = result.byType
        .filter((line) => line.key !== null && wantedTypes.has(line.key))
        .reduce((sum, line) => sum + line.quantity, 0)
      values.push({
        indicatorId: equipment.id,
        year,
        value: devices / agents,
        unit: equipment.unit,
        source: t('indicators.computed.equipment', {
          devices: number(devices),
          year,
          agents: number(agents),
        }),
        explanationHref: frozenYear
          ? `/espace/${workspaceId}/empreinte/bilans/${year}/${method}`
          : withQuery(`/espace/${workspaceId}/empreinte`, { annee: year, methode: method }),
      })
    }
  }
  return values
}

/** A year's devices retired with both dates known: their count and summed ages, for the mean age. */
interface AgeSum {
  quantity: number
  years: number
}

/**
 * 4.3 (mean age at retirement) and 6.1 (reuse rate of retired IT) in one pass over the inventory,
 * every year at once. The reuse rate is the reuse page's (footprint/reuse-rate.ts), in %. The mean
 * age counts the devices retired during the year (status « réformé », retirement date in the year)
 * whose purchase date is known and earlier, weighted by their quantity: without both dates an age
 * would be a guess.
 */
async function retirementValues(
  { db, workspaceId, years, t, locale }: ComputeContext,
  lifetime: Indicator | undefined,
  reuse: Indicator | undefined,
): Promise<ComputedIndicatorValue[]> {
  const reuseByYear = new Map<number, ReuseRateAccumulator>(
    reuse ? years.map((year) => [year, createReuseRateAccumulator(year)]) : [],
  )
  const ages = new Map<number, AgeSum>(years.map((year) => [year, { quantity: 0, years: 0 }]))
  const accumulators = [...reuseByYear.values()]
  for await (const item of scanItems(db, workspaceId)) {
    for (const accumulator of accumulators) accumulator.add(item)
    if (!lifetime || item.status !== 'retired') continue
    const retirement = dateKey(item.retirementDate)
    const purchase = dateKey(item.purchaseDate)
    if (retirement < 0 || purchase < 0 || retirement <= purchase) continue
    const sum = ages.get(Math.floor(retirement / 10000))
    if (!sum) continue
    sum.quantity += item.quantity
    sum.years += item.quantity * yearsBetweenDates(purchase, retirement)
  }
  const number = (value: number) => formatNumber(locale, value)
  const values: ComputedIndicatorValue[] = []
  for (const year of years) {
    const rate = reuseByYear.get(year)?.result()
    if (reuse && rate && rate.rate !== null)
      values.push({
        indicatorId: reuse.id,
        year,
        value: rate.rate * 100,
        unit: reuse.unit,
        source: t('indicators.computed.reuse', {
          reused: number(rate.reused.quantity),
          eligible: number(rate.eligible.quantity),
          year,
        }),
        explanationHref: withQuery(`/espace/${workspaceId}/empreinte/reemploi`, { annee: year }),
      })
    const age = ages.get(year)
    if (lifetime && age && age.quantity > 0)
      values.push({
        indicatorId: lifetime.id,
        year,
        value: age.years / age.quantity,
        unit: lifetime.unit,
        source: t('indicators.computed.lifetime', { devices: number(age.quantity), year }),
        explanationHref: withQuery(`/espace/${workspaceId}/empreinte/inventaire`, { statut: 'retired' }),
      })
  }
  return values
}

/** Levels (0–3) answered in each year's submitted self-assessment; a draft says nothing yet. */
async function assessmentValues(
  { db, workspaceId, years, t }: ComputeContext,
  indicators: readonly Indicator[],
): Promise<ComputedIndicatorValue[]> {
  const questionIds = [...new Set(indicators.map((indicator) => indicator.fromQuestion as string))]
  const rows = await db
    .selectFrom('assessments')
    .innerJoin('assessment_answers', 'assessment_answers.assessment_id', 'assessments.id')
    .select(['assessments.year', 'assessment_answers.question_id', 'assessment_answers.level'])
    .where('assessments.workspace_id', '=', workspaceId)
    .where('assessments.status', '=', 'submitted')
    .where('assessments.year', 'in', years)
    .where('assessment_answers.question_id', 'in', questionIds)
    .execute()
  const values: ComputedIndicatorValue[] = []
  for (const row of rows) {
    if (row.level === null) continue
    for (const indicator of indicators) {
      if (indicator.fromQuestion !== row.question_id) continue
      values.push({
        indicatorId: indicator.id,
        year: row.year,
        value: row.level,
        unit: indicator.unit,
        source: t('indicators.computed.assessment', { year: row.year, question: row.question_id }),
        explanationHref: `/espace/${workspaceId}/autodiagnostic/${row.year}/resultats`,
      })
    }
  }
  return values
}
