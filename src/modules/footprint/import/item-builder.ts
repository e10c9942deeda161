/**
 * One row's cells → an InventoryItem, or the row's errors (all of them, so that a person fixes the
 * row once). Shared by every format: the formats only say which cell feeds which field.
 *
 * A row with any error gives no item: an inventory never holds half-read rows.
 */
import { foldForSearch } from '../../../lib/text.js'
import type {
  DeviceType,
  DisposalRoute,
  InventoryItem,
  ItemCondition,
  ItemStatus,
  RowError,
} from '../inventory-item.js'
import type { ItemField } from './formats.js'
import { type ImportMessages, importMessages, type ValueField } from './messages.js'
import { createTypeMapper, knownTypesText, type TypeMapper } from './type-mapping.js'
import type { ImportRow, ReadOptions } from './types.js'
import { readDate, readDecimal, readQuantity, readText, todayInFrance, type ValueResult } from './values.js'
import { readCondition, readCountry, readDisposal, readStatus } from './vocabulary.js'

/** A row as the builder sees it: a cell's text by field, and the column's name for messages. */
export interface RowCells {
  text(field: ItemField): string | null | undefined
  column(field: ItemField): string
  /** Tags given as a list (JSON); otherwise the `tags` text is split on `|` and `,`. */
  tagList?(): string[] | null
}

export const maxLifetimeYears = 50
const memoLimit = 50_000

/** Remembers a pure function's results for the few distinct values a column holds. */
function memoised<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>()
  return (text) => {
    const found = known.get(text)
    if (found !== undefined || known.has(text)) return found as T
    const value = read(text)
    if (known.size < memoLimit) known.set(text, value)
    return value
  }
}

export function datacenterKey(name: string): string {
  return foldForSearch(name)
}

/** Splits a tags cell: `|` or `,` between tags; blanks dropped, duplicates once. */
export function splitTags(text: string | null): string[] {
  if (text === null) return []
  const tags: string[] = []
  for (const part of text.split(/[|,]/)) {
    const tag = part.trim()
    if (tag !== '' && !tags.includes(tag)) tags.push(tag)
  }
  return tags
}

/** The model with its manufacturer in front, unless the model already names it. */
export function modelWithManufacturer(manufacturer: string | null, model: string | null): string | null {
  if (manufacturer === null) return model
  if (model === null) return manufacturer
  return foldForSearch(model).startsWith(foldForSearch(manufacturer)) ? model : `${manufacturer} ${model}`
}

export class ItemBuilder {
  private readonly t: ImportMessages
  private readonly mapper: TypeMapper
  private readonly today: string
  private readonly datacenters: Map<string, string> | null
  private readonly knownDatacenters: string[]
  private readonly knownTypes: string
  private readonly quantity = memoised(readQuantity)
  private readonly date = memoised(readDate)
  private readonly decimal = memoised(readDecimal)
  private readonly status = memoised(readStatus)
  private readonly condition = memoised(readCondition)
  private readonly disposal = memoised(readDisposal)
  private readonly country = memoised(readCountry)

  constructor(options: ReadOptions) {
    this.t = importMessages(options.language)
    this.mapper = createTypeMapper(options.typeMapping)
    this.today = options.today ?? todayInFrance()
    this.knownTypes = knownTypesText(options.language ?? 'fr')
    if (options.datacenters) {
      this.datacenters = new Map(
        options.datacenters.map((datacenter) => [datacenterKey(datacenter.shortName), datacenter.shortName]),
      )
      this.knownDatacenters = options.datacenters.map((datacenter) => datacenter.shortName)
    } else {
      this.datacenters = null
      this.knownDatacenters = []
    }
  }

  build(cells: RowCells, line: number): ImportRow {
    const errors: RowError[] = []
    const t = this.t
    const error = (field: ItemField, message: string) => {
      errors.push({ line, column: cells.column(field), message })
    }
    const checked = <T>(field: ItemField, valueField: ValueField, read: ValueResult<T>): T | null => {
      if (read.ok) return read.value
      error(field, t.value(valueField, read.problem))
      return null
    }
    const text = (field: ItemField) => readText(cells.text(field))

    const model = modelWithManufacturer(text('manufacturer'), text('model'))
    const type = this.type(text('type'), model, (message, suggestion) => {
      errors.push({ line, column: cells.column('type'), message, ...(suggestion ? { suggestion } : {}) })
    })

    const quantityText = text('quantity')
    const quantity = quantityText === null ? 1 : checked('quantity', 'quantity', this.quantity(quantityText))

    const purchaseText = text('purchaseDate')
    const purchaseDate =
      purchaseText === null ? null : checked('purchaseDate', 'purchaseDate', this.date(purchaseText))
    const retirementText = text('retirementDate')
    const retirementDate =
      retirementText === null ? null : checked('retirementDate', 'retirementDate', this.date(retirementText))
    if (purchaseDate !== null && purchaseDate > this.today)
      error('purchaseDate', t.purchaseInFuture(purchaseDate, this.today))
    if (purchaseDate !== null && retirementDate !== null && retirementDate < purchaseDate)
      error('retirementDate', t.retirementBeforePurchase(retirementDate, purchaseDate))

    const statusText = text('status')
    let status: ItemStatus | undefined
    if (statusText === null)
      status = retirementDate !== null && retirementDate <= this.today ? 'retired' : 'in_use'
    else {
      status = this.status(statusText)
      if (!status) error('status', t.unknownStatus(statusText))
    }

    const conditionText = text('condition')
    let condition: ItemCondition | undefined = 'new'
    if (conditionText !== null) {
      condition = this.condition(conditionText)
      if (!condition) error('condition', t.unknownCondition(conditionText))
    }

    const disposalText = text('disposal')
    let disposal: DisposalRoute | null | undefined = null
    if (disposalText !== null) {
      disposal = this.disposal(disposalText)
      if (!disposal) error('disposal', t.unknownDisposal(disposalText))
    }

    let datacenter = text('datacenter')
    if (datacenter !== null && this.datacenters) {
      const known = this.datacenters.get(datacenterKey(datacenter))
      if (known === undefined) error('datacenter', t.unknownDatacenter(datacenter, this.knownDatacenters))
      else datacenter = known
    }

    const kwhText = text('annualKwh')
    let annualKwh = kwhText === null ? null : checked('annualKwh', 'annualKwh', this.decimal(kwhText))
    if (annualKwh !== null && annualKwh < 0) {
      error('annualKwh', t.negative('annualKwh', kwhText as string))
      annualKwh = null
    }

    const countryText = text('country')
    let country: string | undefined = 'FR'
    if (countryText !== null) {
      country = this.country(countryText)
      if (!country) error('country', t.unknownCountry(countryText))
    }

    const lifetimeText = text('lifetimeYears')
    const lifetimeYears =
      lifetimeText === null ? null : checked('lifetimeYears', 'lifetimeYears', this.decimal(lifetimeText))
    if (lifetimeYears !== null && (lifetimeYears <= 0 || lifetimeYears > maxLifetimeYears))
      error('lifetimeYears', t.lifetimeRange(lifetimeText as string))

    if (errors.length > 0 || type === null || quantity === null || !status || !condition || !country)
      return { line, errors }
    const item: InventoryItem = {
      line,
      type,
      model,
      quantity,
      site: text('site'),
      service: text('service'),
      tags: cells.tagList?.() ?? splitTags(text('tags')),
      purchaseDate,
      retirementDate,
      status,
      condition,
      disposal: disposal ?? null,
      datacenter,
      annualKwh,
      country,
      lifetimeYears,
      reference: text('reference'),
    }
    return { line, item, errors }
  }

  /**
   * The type from the type cell; when that cell is empty or unknown, from the model ("Matériel",
   * "Dell Latitude 5440" → laptop). An explicit "Autre" stays other. An unknown type that the model
   * does not settle gets the closest known type as suggestion.
   */
  private type(
    typeText: string | null,
    model: string | null,
    fail: (message: string, suggestion?: DeviceType) => void,
  ): DeviceType | null {
    const fromType = typeText === null ? null : this.mapper.map(typeText)
    if (fromType?.ok) return fromType.match.type
    if (model !== null) {
      const fromModel = this.mapper.map(model)
      if (fromModel.ok && fromModel.match.type !== 'other') return fromModel.match.type
    }
    if (typeText === null || fromType === null) {
      fail(this.t.emptyType())
      return null
    }
    const suggestion = fromType.suggestion
    fail(this.t.unknownType(typeText, suggestion, this.knownTypes), suggestion?.type)
    return null
  }
}
