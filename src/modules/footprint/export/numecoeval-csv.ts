/**
 * Inventory → NumEcoEval's physical equipment CSV and datacenter CSV (`;`, UTF-8 with BOM, ISO
 * dates, decimal point). NumEcoEval's own columns come first, in its documented order; then, unless
 * `extensions: false`, Jalons' four extension columns (tags, condition, disposal route, lifetime),
 * so that reading the file back gives the same inventory. The first column, `idInventaire`, is left
 * empty (NumEcoEval fills it): a reader that does not skip the byte order mark only misreads it.
 */
import { toCsv } from '../../../lib/csv.js'
import {
  numEcoEvalDatacenterHeader,
  numEcoEvalEquipmentHeader,
  numEcoEvalExtensionHeader,
} from '../import/formats.js'
import { deviceTypeLabels } from '../import/type-mapping.js'
import { conditionLabels, countryName, disposalLabels } from '../import/vocabulary.js'
import type { Datacenter, InventoryItem, ItemStatus } from '../inventory-item.js'

export interface NumEcoEvalExportOptions {
  /** Add Jalons' extension columns (default true). */
  extensions?: boolean
  /** Start with a byte order mark (default true, so that spreadsheets read UTF-8). */
  bom?: boolean
}

/** NumEcoEval's status words (its examples write "In use"). */
export const numEcoEvalStatus: Record<ItemStatus, string> = {
  in_use: 'In use',
  in_stock: 'In stock',
  retired: 'Retired',
}

/** The name NumEcoEval requires for an item without reference: its type and its position. */
export function equipmentName(item: InventoryItem, index: number): string {
  return item.reference ?? `${item.type}-${index + 1}`
}

export function toNumEcoEvalEquipmentCsv(
  items: readonly InventoryItem[],
  options: NumEcoEvalExportOptions = {},
): string {
  const extensions = options.extensions ?? true
  const header: string[] = [...numEcoEvalEquipmentHeader, ...(extensions ? numEcoEvalExtensionHeader : [])]
  const rows = items.map((item, index) => {
    const row: (string | number | null)[] = [
      null, // idInventaire
      equipmentName(item, index),
      item.site, // nomOrganisation
      item.service, // nomEntite
      null, // sourceDonnee
      null, // fabricant: the model holds it
      item.model,
      item.quantity,
      deviceTypeLabels[item.type].en,
      numEcoEvalStatus[item.status],
      countryName(item.country, 'fr'),
      null, // utilisateur
      item.purchaseDate,
      item.retirementDate,
      null, // nbCoeur
      null, // tailleDuDisque
      null, // tailleMemoire
      null, // typeDeProcesseur
      item.datacenter,
      item.annualKwh,
    ]
    if (extensions)
      row.push(
        item.tags.join('|'),
        conditionLabels[item.condition].fr,
        item.disposal === null ? null : disposalLabels[item.disposal].fr,
        item.lifetimeYears,
      )
    return row
  })
  return toCsv([header, ...rows], { separator: ';', bom: options.bom ?? true, inertFormulas: true })
}

export function toNumEcoEvalDatacenterCsv(
  datacenters: readonly Datacenter[],
  options: Pick<NumEcoEvalExportOptions, 'bom'> = {},
): string {
  const rows = datacenters.map((datacenter) => [
    null, // idInventaire
    datacenter.shortName,
    datacenter.longName,
    datacenter.pue,
    countryName(datacenter.country, 'fr'),
    null, // nomEntite
  ])
  return toCsv([[...numEcoEvalDatacenterHeader], ...rows], {
    separator: ';',
    bom: options.bom ?? true,
    inertFormulas: true,
  })
}
