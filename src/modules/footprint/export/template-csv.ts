/**
 * Inventory → our template CSV (`;`, UTF-8 with BOM, French headers and values by default), which
 * the template reader reads back to the same inventory.
 */
import { toCsv } from '../../../lib/csv.js'
import { templateHeader } from '../import/formats.js'
import { deviceTypeLabels } from '../import/type-mapping.js'
import { frenchDateText, frenchNumberText } from '../import/values.js'
import {
  conditionLabels,
  countryName,
  disposalLabels,
  type Language,
  statusLabels,
} from '../import/vocabulary.js'
import type { InventoryItem } from '../inventory-item.js'

export interface TemplateExportOptions {
  /** Headers and values in French (default: dates dd/mm/yyyy, decimal comma) or English (ISO dates, decimal point). */
  language?: Language
}

/** One template row, in the template's column order. */
export function templateRow(item: InventoryItem, language: Language = 'fr'): (string | number | null)[] {
  const french = language === 'fr'
  const date = (iso: string | null) => (iso === null ? null : french ? frenchDateText(iso) : iso)
  const decimal = (value: number | null) =>
    value === null ? null : french ? frenchNumberText(value) : String(value)
  return [
    deviceTypeLabels[item.type][language],
    item.model,
    item.quantity,
    item.site,
    item.service,
    item.tags.join('|'),
    date(item.purchaseDate),
    date(item.retirementDate),
    statusLabels[item.status][language],
    conditionLabels[item.condition][language],
    item.disposal === null ? null : disposalLabels[item.disposal][language],
    item.datacenter,
    decimal(item.annualKwh),
    countryName(item.country, language),
    decimal(item.lifetimeYears),
    item.reference ?? null,
  ]
}

export function toTemplateCsv(items: readonly InventoryItem[], options: TemplateExportOptions = {}): string {
  const language = options.language ?? 'fr'
  return toCsv([templateHeader(language), ...items.map((item) => templateRow(item, language))], {
    separator: ';',
    bom: true,
    inertFormulas: true,
  })
}
