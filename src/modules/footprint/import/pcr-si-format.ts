/**
 * PCR-SI JSON: a list of items (id, type, name, quantity, lifetime, yearly electricity consumption,
 * tags…), as an array or under an `items` key, with an optional `datacenters` list. Key names are
 * read liberally (case, accents, `_` and `-` ignored; the variants of PCR-SI files and tools, such as
 * `lifetime`/`lifespan`, listed below). The whole file is read in memory: at most 32 MB (about
 * 100,000 items); larger inventories go through the CSV template, which streams.
 */
import type { Datacenter } from '../inventory-item.js'
import { buildDatacenter, collectRows, type DatacenterCells } from './csv-rows.js'
import { ChunkDecoder } from './decode.js'
import { type DatacenterField, headerKey, type ItemField } from './formats.js'
import { ItemBuilder, type RowCells } from './item-builder.js'
import { importMessages } from './messages.js'
import { openSource } from './source.js'
import {
  type DatacenterRow,
  type FileInfo,
  ImportFileError,
  type ImportRow,
  type ImportSource,
  type InventoryImport,
  type ReadOptions,
} from './types.js'

export const pcrSiMaxBytes = 32 * 1024 * 1024

/** Accepted key names per field (compared by key: folded, letters and digits only). */
export const pcrSiItemKeys: Record<ItemField, readonly string[]> = {
  reference: ['id', 'identifier', 'identifiant', 'ref', 'reference', 'nomEquipementPhysique'],
  type: ['type', 'category', 'catégorie', 'deviceType', 'equipmentType', 'typeEquipement', 'kind'],
  model: ['name', 'model', 'modele', 'label', 'designation'],
  manufacturer: ['manufacturer', 'brand', 'fabricant', 'marque'],
  quantity: ['quantity', 'qty', 'count', 'quantite', 'number', 'units'],
  lifetimeYears: [
    'lifetime',
    'lifespan',
    'lifetimeYears',
    'lifespanYears',
    'lifetimeInYears',
    'usefulLife',
    'dureeDeVie',
    'duration',
  ],
  annualKwh: [
    'yearlyElectricityConsumption',
    'annualElectricityConsumption',
    'electricityConsumption',
    'yearlyEnergyConsumption',
    'annualEnergyConsumption',
    'energyConsumption',
    'yearlyConsumption',
    'annualConsumption',
    'consumption',
    'annualKwh',
    'yearlyKwh',
    'kwhPerYear',
    'consoElecAnnuelle',
  ],
  tags: ['tags', 'labels', 'etiquettes'],
  site: ['site', 'location', 'lieu', 'nomOrganisation'],
  service: ['service', 'department', 'entity', 'nomEntite'],
  purchaseDate: ['purchaseDate', 'acquisitionDate', 'purchasedOn', 'dateAchat'],
  retirementDate: ['retirementDate', 'disposalDate', 'endOfUse', 'dateRetrait'],
  status: ['status', 'statut'],
  condition: ['condition', 'etatAchat'],
  disposal: ['disposal', 'disposalRoute', 'endOfLife', 'filiereFinDeVie'],
  datacenter: ['datacenter', 'datacentre', 'nomCourtDatacenter'],
  country: ['country', 'countryOfUse', 'pays', 'paysDUtilisation'],
}

export const pcrSiDatacenterKeys: Record<DatacenterField, readonly string[]> = {
  shortName: ['shortName', 'name', 'id', 'nomCourtDatacenter'],
  longName: ['longName', 'description', 'nomLongDatacenter'],
  pue: ['pue'],
  country: ['country', 'location', 'localisation', 'pays'],
}

const itemListKeys = ['items', 'equipments', 'equipements', 'equipment', 'devices', 'inventory', 'inventaire']
const datacenterListKeys = ['datacenters', 'datacentres', 'centresDeDonnees']

function keyIndex<F extends string>(keys: Record<F, readonly string[]>): Map<string, F> {
  const index = new Map<string, F>()
  for (const [field, names] of Object.entries(keys) as [F, readonly string[]][])
    for (const name of names) if (!index.has(headerKey(name))) index.set(headerKey(name), field)
  return index
}
const itemFieldByKey = keyIndex(pcrSiItemKeys)
const datacenterFieldByKey = keyIndex(pcrSiDatacenterKeys)

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
type JsonObject = { [key: string]: JsonValue }

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The first key of `object` among `names` (compared by key), as written. */
function findKey(object: JsonObject, names: readonly string[]): string | undefined {
  const wanted = new Set(names.map(headerKey))
  return Object.keys(object).find((key) => wanted.has(headerKey(key)))
}

/** A consumption given as { value, unit } in Wh, kWh or MWh → kWh. */
function energyInKwh(value: JsonObject): number | string | null {
  const amount = value.value ?? value.amount
  if (typeof amount !== 'number' && typeof amount !== 'string') return null
  const unit =
    typeof value.unit === 'string'
      ? value.unit
          .trim()
          .toLowerCase()
          .replace(/\s|\/an|\/year|\/yr/g, '')
      : 'kwh'
  const factor = ({ wh: 0.001, kwh: 1, mwh: 1000 } as Record<string, number>)[unit]
  if (factor === undefined) return null
  if (typeof amount === 'number') return amount * factor
  return factor === 1 ? amount : null
}

interface JsonCells extends RowCells {
  problems: { column: string; key: string }[]
}

/** An item's cells: scalars as text (numbers as written by JSON), tags as a list. */
function itemCells(object: JsonObject, path: string): JsonCells {
  const texts: Partial<Record<ItemField, string | null>> = {}
  const columns: Partial<Record<ItemField, string>> = {}
  let tags: string[] | null = null
  const problems: JsonCells['problems'] = []
  for (const [key, value] of Object.entries(object)) {
    const field = itemFieldByKey.get(headerKey(key))
    if (!field || columns[field] !== undefined) continue
    columns[field] = `${path}.${key}`
    if (field === 'tags' && Array.isArray(value)) {
      tags = value
        .filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '')
        .map((tag) => tag.trim())
      tags = [...new Set(tags)]
      continue
    }
    if (field === 'annualKwh' && isObject(value)) {
      const kwh = energyInKwh(value)
      if (kwh === null) problems.push({ column: `${path}.${key}`, key })
      else texts[field] = String(kwh)
      continue
    }
    if (value === null) texts[field] = null
    else if (typeof value === 'string') texts[field] = value
    else if (typeof value === 'number' || typeof value === 'boolean') texts[field] = String(value)
    else problems.push({ column: `${path}.${key}`, key })
  }
  return {
    problems,
    text: (field) => texts[field],
    column: (field) => columns[field] ?? `${path}.${field}`,
    tagList: () => tags,
  }
}

function datacenterCells(object: JsonObject, path: string): DatacenterCells & { problems: string[] } {
  const texts: Partial<Record<DatacenterField, string | null>> = {}
  const columns: Partial<Record<DatacenterField, string>> = {}
  const problems: string[] = []
  for (const [key, value] of Object.entries(object)) {
    const field = datacenterFieldByKey.get(headerKey(key))
    if (!field || columns[field] !== undefined) continue
    columns[field] = `${path}.${key}`
    if (value === null) texts[field] = null
    else if (typeof value === 'string') texts[field] = value
    else if (typeof value === 'number') texts[field] = String(value)
    else problems.push(key)
  }
  return { problems, text: (field) => texts[field], column: (field) => columns[field] ?? `${path}.${field}` }
}

/**
 * The line (1-based) where each element of an array starts: the top-level array (`key` null) or the
 * array under the top-level object's `key`. JSON.parse gives no positions; this scan does.
 */
export function jsonElementLines(text: string, key: string | null): number[] {
  const lines: number[] = []
  const stack: number[] = [] // 123 '{' or 91 '['
  let line = 1
  let expectKey = false
  let lastTopKey: string | null = null
  let targetDepth = 0
  let expectElement = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) {
      line++
      continue
    }
    if (code === 32 || code === 9 || code === 13) continue
    const depth = stack.length
    if (targetDepth > 0 && depth === targetDepth && expectElement && code !== 93) {
      lines.push(line)
      expectElement = false
    }
    if (code === 34) {
      let end = index + 1
      while (end < text.length) {
        const at = text.charCodeAt(end)
        if (at === 92) end += 2
        else if (at === 34) break
        else end++
      }
      if (expectKey && depth === 1) lastTopKey = text.slice(index + 1, end)
      expectKey = false
      index = end
    } else if (code === 123) {
      stack.push(123)
      expectKey = true
    } else if (code === 91) {
      stack.push(91)
      if ((key === null && depth === 0) || (key !== null && depth === 1 && lastTopKey === key)) {
        targetDepth = stack.length
        expectElement = true
      }
    } else if (code === 125 || code === 93) {
      if (code === 93 && depth === targetDepth) return lines
      stack.pop()
    } else if (code === 44) {
      if (stack[stack.length - 1] === 123) expectKey = true
      if (depth === targetDepth) expectElement = true
    }
  }
  return lines
}

/** Line and column (1-based) of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1
  for (let index = 0; index < Math.min(offset, text.length); index++)
    if (text.charCodeAt(index) === 10) line++
  return line
}

/**
 * The datacenters (first) and items of a PCR-SI file. Items naming a datacenter are checked
 * against the file's datacenters, when it lists some, and `options.datacenters`.
 * Throws ImportFileError when the file cannot be read at all.
 */
export async function* readPcrSiRows(
  source: ImportSource,
  options: ReadOptions = {},
): AsyncGenerator<ImportRow | DatacenterRow> {
  const t = importMessages(options.language)
  const opened = await openSource(source, options)
  if (opened.sniffed.kind !== 'json') {
    await opened.rest.return?.(undefined)
    throw new ImportFileError({
      code: 'wrong_format',
      message: t.wrongFormat(opened.sniffed.format, ['pcr-si']),
      line: 1,
    })
  }
  const decoder = new ChunkDecoder(opened.sniffed.encoding)
  const parts: string[] = [decoder.decode(opened.sample.subarray(opened.sniffed.bomLength), opened.complete)]
  let size = opened.sample.length
  if (!opened.complete) {
    for (;;) {
      const next = await opened.rest.next()
      if (next.done) break
      size += next.value.length
      if (size > pcrSiMaxBytes) {
        await opened.rest.return?.(undefined)
        throw new ImportFileError({ code: 'too_large', message: t.tooLarge(pcrSiMaxBytes), line: 1 })
      }
      parts.push(decoder.decode(next.value))
    }
    parts.push(decoder.decode(new Uint8Array(0), true))
  }
  const text = parts.join('')
  let document: JsonValue
  try {
    document = JSON.parse(text) as JsonValue
  } catch (error) {
    const detail = (error as Error).message
    const position = /position (\d+)/.exec(detail)
    const line = position ? lineOf(text, Number(position[1])) : 1
    throw new ImportFileError({
      code: 'invalid_json',
      message: t.invalidJson(detail, position ? line : null),
      line,
    })
  }

  let itemsKey: string | null = null
  let items: JsonValue[]
  let datacentersKey: string | undefined
  if (Array.isArray(document)) items = document
  else if (isObject(document)) {
    const key = findKey(document, itemListKeys)
    const list = key === undefined ? undefined : document[key]
    if (key === undefined || !Array.isArray(list))
      throw new ImportFileError({ code: 'json_shape', message: t.jsonShape(), line: 1 })
    itemsKey = key
    items = list
    datacentersKey = findKey(document, datacenterListKeys)
  } else throw new ImportFileError({ code: 'json_shape', message: t.jsonShape(), line: 1 })
  const itemLines = jsonElementLines(text, itemsKey)

  const file: FileInfo = {
    format: 'pcr-si',
    encoding: opened.sniffed.encoding,
    separator: null,
    columns: isObject(document) ? Object.keys(document) : [],
    ignoredColumns: [],
  }
  options.onFile?.(file)

  const datacenters: Datacenter[] = []
  const datacenterList =
    isObject(document) && datacentersKey !== undefined ? document[datacentersKey] : undefined
  if (Array.isArray(datacenterList) && datacentersKey !== undefined) {
    const lines = jsonElementLines(text, datacentersKey)
    const seen = new Map<string, number>()
    for (const [index, element] of datacenterList.entries()) {
      const line = lines[index] ?? 1
      const path = `${datacentersKey}[${index}]`
      if (!isObject(element)) {
        yield { line, errors: [{ line, column: path, message: t.notAnObject() }] }
        continue
      }
      const cells = datacenterCells(element, path)
      const row = buildDatacenter(cells, line, seen, t)
      for (const key of cells.problems)
        row.errors.unshift({ line, column: `${path}.${key}`, message: t.unexpectedValue(key) })
      if (row.errors.length > 0) yield { line, errors: row.errors }
      else {
        if (row.datacenter) datacenters.push(row.datacenter)
        yield row
      }
    }
  }

  const known =
    datacenters.length > 0 || datacentersKey !== undefined
      ? [...(options.datacenters ?? []), ...datacenters]
      : options.datacenters
  const builder = new ItemBuilder(known ? { ...options, datacenters: known } : options)
  const prefix = itemsKey === null ? '' : itemsKey
  for (const [index, element] of items.entries()) {
    const line = itemLines[index] ?? 1
    const path = `${prefix}[${index}]`
    if (!isObject(element)) {
      yield { line, errors: [{ line, column: path, message: t.notAnObject() }] }
      continue
    }
    const cells = itemCells(element, path)
    const row = builder.build(cells, line)
    if (cells.problems.length > 0) {
      const problems = cells.problems.map(({ column, key }) => ({
        line,
        column,
        message: t.unexpectedValue(key),
      }))
      yield { line, errors: [...problems, ...row.errors] }
    } else yield row
  }
}

/** A whole PCR-SI file: items, datacenters, errors (or the reason it was refused). */
export function readPcrSiFile(source: ImportSource, options: ReadOptions = {}): Promise<InventoryImport> {
  return collectRows((withFormat) => readPcrSiRows(source, withFormat), options)
}
