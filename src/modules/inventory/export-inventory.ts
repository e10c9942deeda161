/**
 * The whole inventory of a workspace as a file, in each format the imports read, so that exporting
 * then importing gives the same inventory. CSV files are streamed from scanItems, a batch of rows
 * at a time: a million lines never sit in memory as one string. The XLSX workbook and the PCR-SI
 * JSON are built in memory (a ZIP's directory and a JSON document are written whole); both formats
 * are limited to 32 MB on reading anyway, so larger inventories go through the CSV files.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { toCsv } from '../../lib/csv.js'
import {
  equipmentName,
  toNumEcoEvalDatacenterCsv,
  toNumEcoEvalEquipmentCsv,
} from '../footprint/export/numecoeval-csv.js'
import { toPcrSiJson } from '../footprint/export/pcr-si-json.js'
import { templateRow } from '../footprint/export/template-csv.js'
import { templateHeader } from '../footprint/import/formats.js'
import { todayInFrance } from '../footprint/import/values.js'
import type { Language } from '../footprint/import/vocabulary.js'
import type { InventoryItem } from '../footprint/inventory-item.js'
import { toTemplateXlsx } from '../footprint/xlsx/template-xlsx.js'
import { listDatacenters, scanItems } from './inventory.queries.js'

export const exportFormats = [
  'modele-csv',
  'modele-xlsx',
  'numecoeval',
  'numecoeval-datacenters',
  'pcr-si',
] as const
export type ExportFormat = (typeof exportFormats)[number]

export interface InventoryExport {
  contentType: string
  fileName: string
  body: ReadableStream<Uint8Array> | Uint8Array | string
}

/** Rows written per chunk of a CSV stream: small enough to stay light, large enough to be quick. */
const rowsPerChunk = 1000

const csvType = 'text/csv; charset=utf-8'

/** The file's name: what it is, the territory's code, the day. Only safe characters. */
export function exportFileName(
  prefix: string,
  territoryCode: string,
  today: string,
  extension: string,
): string {
  const code = territoryCode.replace(/[^A-Za-z0-9-]+/g, '-')
  return `${prefix}-${code}-${today}.${extension}`
}

async function* batches(db: Kysely<Database>, workspaceId: number): AsyncGenerator<InventoryItem[]> {
  let batch: InventoryItem[] = []
  for await (const item of scanItems(db, workspaceId)) {
    batch.push(item)
    if (batch.length === rowsPerChunk) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/** An async source of text → a byte stream that reads the next chunk only when the client takes one. */
function textStream(source: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await source.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      await source.return(undefined)
    },
  })
}

async function* templateCsvChunks(
  db: Kysely<Database>,
  workspaceId: number,
  language: Language,
): AsyncGenerator<string> {
  const options = { separator: ';', inertFormulas: true } as const
  // The header with the byte order mark, then the rows: the same text as toTemplateCsv.
  yield toCsv([templateHeader(language)], { ...options, bom: true })
  for await (const batch of batches(db, workspaceId))
    yield toCsv(
      batch.map((item) => templateRow(item, language)),
      options,
    )
}

async function* numEcoEvalChunks(db: Kysely<Database>, workspaceId: number): AsyncGenerator<string> {
  let position = 0
  let first = true
  for await (const batch of batches(db, workspaceId)) {
    // An item without reference is named by its position in the whole file, as the writer does for
    // a whole list: the batch's own positions would restart at 1.
    const named = batch.map((item) => ({ ...item, reference: equipmentName(item, position++) }))
    const text = toNumEcoEvalEquipmentCsv(named, { bom: first })
    // Each batch is written with the header; it is kept once. The header holds no quote or line break.
    yield first ? text : text.slice(text.indexOf('\r\n') + 2)
    first = false
  }
  if (first) yield toNumEcoEvalEquipmentCsv([])
}

async function allItems(db: Kysely<Database>, workspaceId: number): Promise<InventoryItem[]> {
  const items: InventoryItem[] = []
  for await (const item of scanItems(db, workspaceId)) {
    const { line: _line, id: _id, ...fields } = item
    items.push(fields)
  }
  return items
}

export async function exportInventory(
  db: Kysely<Database>,
  workspace: { id: number; territoryCode: string },
  format: ExportFormat,
  options: { language: Language; today?: string },
): Promise<InventoryExport> {
  const today = options.today ?? todayInFrance()
  const name = (prefix: string, extension: string) =>
    exportFileName(prefix, workspace.territoryCode, today, extension)
  switch (format) {
    case 'modele-csv':
      return {
        contentType: csvType,
        fileName: name('inventaire', 'csv'),
        body: textStream(templateCsvChunks(db, workspace.id, options.language)),
      }
    case 'numecoeval':
      return {
        contentType: csvType,
        fileName: name('numecoeval-equipements', 'csv'),
        body: textStream(numEcoEvalChunks(db, workspace.id)),
      }
    case 'numecoeval-datacenters': {
      const datacenters = await listDatacenters(db, workspace.id)
      return {
        contentType: csvType,
        fileName: name('numecoeval-datacenters', 'csv'),
        body: toNumEcoEvalDatacenterCsv(datacenters.map(({ id: _id, ...datacenter }) => datacenter)),
      }
    }
    case 'modele-xlsx':
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: name('inventaire', 'xlsx'),
        body: toTemplateXlsx(await allItems(db, workspace.id), { language: options.language }),
      }
    case 'pcr-si': {
      const datacenters = await listDatacenters(db, workspace.id)
      return {
        contentType: 'application/json; charset=utf-8',
        fileName: name('pcr-si', 'json'),
        body: toPcrSiJson(
          await allItems(db, workspace.id),
          datacenters.map(({ id: _id, ...datacenter }) => datacenter),
        ),
      }
    }
  }
}
