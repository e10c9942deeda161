/**
 * Our template: one row per device or group of identical devices, French column names (English
 * ones read too), French or English values. See docs/footprint-imports.md.
 */
import { toTemplateCsv } from '../export/template-csv.js'
import type { InventoryItem } from '../inventory-item.js'
import { collectRows, readCsvItemRows } from './csv-rows.js'
import type { ImportRow, ImportSource, InventoryImport, ReadOptions } from './types.js'
import type { Language } from './vocabulary.js'

export { templateColumns, templateHeader } from './formats.js'

/**
 * The rows of a template file, one at a time: reads the file as a stream, so memory stays bounded
 * whatever its size. Throws ImportFileError when the file cannot be read at all (empty, not CSV,
 * another format, header only…).
 */
export function readTemplateRows(source: ImportSource, options: ReadOptions = {}): AsyncGenerator<ImportRow> {
  return readCsvItemRows(source, options, ['template'])
}

/** A whole template file at once (small files); a refused file is one error and `fileProblem`. */
export function readTemplateFile(source: ImportSource, options: ReadOptions = {}): Promise<InventoryImport> {
  return collectRows((withFormat) => readTemplateRows(source, withFormat), options)
}

const example = (item: Omit<InventoryItem, 'line'>): InventoryItem => item

/** The example rows of the downloadable template. */
export const templateExampleItems: readonly InventoryItem[] = [
  example({
    type: 'laptop',
    model: 'Dell Latitude 5440',
    quantity: 25,
    site: 'Hôtel de ville',
    service: 'Ressources humaines',
    tags: ['télétravail', 'agents'],
    purchaseDate: '2023-03-15',
    retirementDate: null,
    status: 'in_use',
    condition: 'new',
    disposal: null,
    datacenter: null,
    annualKwh: null,
    country: 'FR',
    lifetimeYears: null,
    reference: 'PC-RH-2023',
  }),
  example({
    type: 'monitor',
    model: 'Iiyama ProLite 24"',
    quantity: 40,
    site: 'Hôtel de ville',
    service: null,
    tags: [],
    purchaseDate: '2021-09-02',
    retirementDate: null,
    status: 'in_use',
    condition: 'refurbished',
    disposal: null,
    datacenter: null,
    annualKwh: null,
    country: 'FR',
    lifetimeYears: null,
    reference: null,
  }),
  example({
    type: 'server',
    model: 'HPE ProLiant DL360 Gen10',
    quantity: 2,
    site: 'Salle serveur de la mairie',
    service: 'Direction du numérique',
    tags: ['production'],
    purchaseDate: '2020-01-10',
    retirementDate: null,
    status: 'in_use',
    condition: 'new',
    disposal: null,
    datacenter: 'DC-MAIRIE',
    annualKwh: 1450.5,
    country: 'FR',
    lifetimeYears: 6,
    reference: 'SRV-01',
  }),
  example({
    type: 'desktop',
    model: 'HP EliteDesk 800 G4',
    quantity: 12,
    site: 'École Jules-Ferry',
    service: 'Éducation',
    tags: ['écoles'],
    purchaseDate: '2017-09-01',
    retirementDate: '2024-06-30',
    status: 'retired',
    condition: 'new',
    disposal: 'reuse_donation',
    datacenter: null,
    annualKwh: null,
    country: 'FR',
    lifetimeYears: null,
    reference: null,
  }),
  example({
    type: 'smartphone',
    model: 'Samsung Galaxy A54',
    quantity: 8,
    site: null,
    service: 'Police municipale',
    tags: [],
    purchaseDate: '2024-05-06',
    retirementDate: null,
    status: 'in_stock',
    condition: 'refurbished',
    disposal: null,
    datacenter: null,
    annualKwh: null,
    country: 'FR',
    lifetimeYears: null,
    reference: null,
  }),
]

/** The template to download: header and five filled example rows (`;`, UTF-8 with BOM). */
export function templateExampleCsv(language: Language = 'fr'): string {
  return toTemplateCsv(templateExampleItems, { language })
}
