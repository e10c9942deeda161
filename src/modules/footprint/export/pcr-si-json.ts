/**
 * Inventory → PCR-SI JSON (the shape docs/footprint-imports.md describes), which the PCR-SI reader
 * reads back to the same inventory. Empty values are left out; types, statuses, conditions and
 * disposal routes are written as Jalons' ids.
 */
import type { Datacenter, InventoryItem } from '../inventory-item.js'

export interface PcrSiItem {
  id?: string
  type: string
  name?: string
  quantity: number
  lifetime?: number
  yearlyElectricityConsumption?: number
  tags: string[]
  site?: string
  service?: string
  purchaseDate?: string
  retirementDate?: string
  status: string
  condition: string
  disposal?: string
  datacenter?: string
  country: string
}

export interface PcrSiDatacenter {
  shortName: string
  longName?: string
  pue: number
  country: string
}

export interface PcrSiDocument {
  format: 'pcr-si'
  version: 1
  items: PcrSiItem[]
  datacenters: PcrSiDatacenter[]
}

const optional = <K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>)

export function pcrSiItem(item: InventoryItem): PcrSiItem {
  return {
    ...optional('id', item.reference),
    type: item.type,
    ...optional('name', item.model),
    quantity: item.quantity,
    ...optional('lifetime', item.lifetimeYears),
    ...optional('yearlyElectricityConsumption', item.annualKwh),
    tags: [...item.tags],
    ...optional('site', item.site),
    ...optional('service', item.service),
    ...optional('purchaseDate', item.purchaseDate),
    ...optional('retirementDate', item.retirementDate),
    status: item.status,
    condition: item.condition,
    ...optional('disposal', item.disposal),
    ...optional('datacenter', item.datacenter),
    country: item.country,
  }
}

export function toPcrSiDocument(
  items: readonly InventoryItem[],
  datacenters: readonly Datacenter[] = [],
): PcrSiDocument {
  return {
    format: 'pcr-si',
    version: 1,
    items: items.map(pcrSiItem),
    datacenters: datacenters.map((datacenter) => ({
      shortName: datacenter.shortName,
      ...optional('longName', datacenter.longName),
      pue: datacenter.pue,
      country: datacenter.country,
    })),
  }
}

/** The JSON text, indented, ending with a line break. */
export function toPcrSiJson(
  items: readonly InventoryItem[],
  datacenters: readonly Datacenter[] = [],
): string {
  return `${JSON.stringify(toPcrSiDocument(items, datacenters), null, 2)}\n`
}
