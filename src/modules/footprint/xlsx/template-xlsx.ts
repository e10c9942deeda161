/**
 * Our template as an XLSX workbook: the file to download (header and the CSV template's example
 * rows, as typed cells), and the reader of a workbook people filled in. The reader gives the same
 * rows, items and errors as the CSV template reader: the header goes through the same checks
 * (bindHeaderCells) and each row through the same row building (cellRowBuilder, ItemBuilder).
 */
import { readFile, stat } from 'node:fs/promises'
import { templateRow } from '../export/template-csv.js'
import { bindHeaderCells, cellRowBuilder, collectRows } from '../import/csv-rows.js'
import { type ItemField, templateColumns, templateHeader } from '../import/formats.js'
import { importMessages } from '../import/messages.js'
import { templateExampleItems } from '../import/template-format.js'
import {
  type FileProblemCode,
  ImportFileError,
  type ImportRow,
  type InventoryImport,
  type ReadOptions,
} from '../import/types.js'
import type { Language } from '../import/vocabulary.js'
import type { InventoryItem } from '../inventory-item.js'
import { readXlsxSheet, type SheetRow, XlsxError, type XlsxErrorCode } from './read-xlsx.js'
import { writeXlsx, type XlsxValue } from './write-xlsx.js'

/** Largest XLSX file read (compressed); its parts are limited to 100 MB each uncompressed (zip.ts). */
export const maxXlsxFileBytes = 32 * 1024 * 1024

const dateFields: ReadonlySet<ItemField> = new Set(['purchaseDate', 'retirementDate'])
const numberFields: ReadonlySet<ItemField> = new Set(['quantity', 'annualKwh', 'lifetimeYears'])

/**
 * One template row as typed cells: the CSV template's row (templateRow: labels in the language),
 * with dates as date cells and quantities and decimals as numbers, so that the spreadsheet shows
 * them in its own locale and computes with them.
 */
function typedRow(item: InventoryItem, language: Language): XlsxValue[] {
  return templateRow(item, language).map((value, index) => {
    const field = templateColumns[index]?.field
    if (field === undefined) return value
    if (dateFields.has(field)) {
      const date = item[field as 'purchaseDate' | 'retirementDate']
      return date === null ? null : { date }
    }
    if (numberFields.has(field)) return item[field as 'quantity' | 'annualKwh' | 'lifetimeYears']
    return value
  })
}

export interface TemplateXlsxOptions {
  /** Column names and values in French (default) or English. */
  language?: Language
}

/** An inventory as our template, in XLSX; read back by readTemplateXlsx to the same items. */
export function toTemplateXlsx(
  items: readonly InventoryItem[],
  options: TemplateXlsxOptions = {},
): Uint8Array {
  const language = options.language ?? 'fr'
  return writeXlsx([templateHeader(language), ...items.map((item) => typedRow(item, language))], {
    sheetName: language === 'en' ? 'Inventory' : 'Inventaire',
  })
}

/** The template to download, in XLSX: header and the five example rows of the CSV template. */
export function templateExampleXlsx(language: Language = 'fr'): Uint8Array {
  return toTemplateXlsx(templateExampleItems, { language })
}

// ——— Reading ———

type NotWorkbook = 'text' | 'pdf' | 'ods' | 'xls' | 'zip'

const messages = {
  fr: {
    notWorkbook: (kind: NotWorkbook) =>
      ({
        text: "Ce fichier n'est pas un classeur Excel (XLSX) mais un fichier texte : importez-le comme fichier CSV.",
        pdf: "Ce fichier est un PDF : l'import attend un classeur Excel (XLSX).",
        ods: 'Ce fichier est un classeur OpenDocument (ODS) : ouvrez-le dans votre tableur et choisissez « Enregistrer sous » → « Classeur Excel (.xlsx) ».',
        xls: 'Ce fichier est un classeur Excel ancien format (XLS) ou protégé par un mot de passe : ouvrez-le dans votre tableur et enregistrez-le au format « Classeur Excel (.xlsx) », sans mot de passe.',
        zip: "Ce fichier est une archive ZIP mais pas un classeur Excel (XLSX) : l'import attend un classeur .xlsx.",
      })[kind],
    damaged: (detail: string) =>
      `Ce classeur Excel (XLSX) est endommagé ou incomplet (${detail}) : ouvrez-le dans votre tableur et enregistrez-le à nouveau, ou enregistrez-le en CSV.`,
    unsupported: (detail: string) =>
      `Ce classeur Excel (XLSX) utilise une forme que l'import ne lit pas (${detail}) : ouvrez-le dans votre tableur et enregistrez-le à nouveau, ou enregistrez-le en CSV.`,
    encrypted:
      'Ce classeur est protégé par un mot de passe : enregistrez-le sans mot de passe, ou en CSV, avant de l’importer.',
    tooLarge: (megabytes: number) =>
      `Ce classeur dépasse la taille que l'import XLSX lit (${megabytes} Mo) : enregistrez-le en CSV, dont la taille n'est pas limitée.`,
    emptySheet:
      'La première feuille du classeur est vide : le modèle doit être rempli dans la première feuille.',
  },
  en: {
    notWorkbook: (kind: NotWorkbook) =>
      ({
        text: 'This file is not an Excel workbook (XLSX) but a text file: import it as a CSV file.',
        pdf: 'This file is a PDF: the import expects an Excel workbook (XLSX).',
        ods: 'This file is an OpenDocument spreadsheet (ODS): open it in your spreadsheet and use "Save as" → "Excel workbook (.xlsx)".',
        xls: 'This file is an old-format Excel workbook (XLS) or a password-protected one: open it in your spreadsheet and save it as "Excel workbook (.xlsx)", without password.',
        zip: 'This file is a ZIP archive but not an Excel workbook (XLSX): the import expects an .xlsx workbook.',
      })[kind],
    damaged: (detail: string) =>
      `This Excel workbook (XLSX) is damaged or incomplete (${detail}): open it in your spreadsheet and save it again, or save it as CSV.`,
    unsupported: (detail: string) =>
      `This Excel workbook (XLSX) uses a form the import does not read (${detail}): open it in your spreadsheet and save it again, or save it as CSV.`,
    encrypted:
      'This workbook is password-protected: save it without password, or as CSV, before importing it.',
    tooLarge: (megabytes: number) =>
      `This workbook is larger than the XLSX import reads (${megabytes} MB): save it as CSV, which has no size limit.`,
    emptySheet: "The workbook's first sheet is empty: the template is filled in the first sheet.",
  },
}

const refused = (code: FileProblemCode, message: string, line = 1) =>
  new ImportFileError({ code, message, line })

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((byte, index) => bytes[index] === byte)

/** Why bytes that are not a ZIP archive are not a workbook. */
function notZip(bytes: Uint8Array, options: ReadOptions): ImportFileError {
  const m = messages[options.language ?? 'fr']
  if (bytes.length === 0) return refused('empty', importMessages(options.language).empty())
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return refused('spreadsheet', m.notWorkbook('xls'))
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return refused('pdf', m.notWorkbook('pdf'))
  const sample = bytes.subarray(0, 4096)
  const text = sample.every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d)
  return text
    ? refused('wrong_format', m.notWorkbook('text'))
    : refused('binary', m.damaged('not a ZIP archive'))
}

function xlsxProblem(error: XlsxError, options: ReadOptions): ImportFileError {
  const m = messages[options.language ?? 'fr']
  const code: XlsxErrorCode = error.code
  switch (code) {
    case 'ods':
      return refused('spreadsheet', m.notWorkbook('ods'))
    case 'not_xlsx':
      return refused('wrong_format', m.notWorkbook('zip'))
    case 'encrypted':
      return refused('spreadsheet', m.encrypted)
    case 'too_large':
    case 'zip64':
      return refused('too_large', m.tooLarge(maxXlsxFileBytes / (1024 * 1024)))
    case 'unsupported':
      return refused('binary', m.unsupported(error.message))
    default:
      return refused('binary', m.damaged(error.message))
  }
}

async function bytesOf(source: Uint8Array | string, options: ReadOptions): Promise<Uint8Array> {
  const m = messages[options.language ?? 'fr']
  if (typeof source !== 'string') {
    if (source.length > maxXlsxFileBytes)
      throw refused('too_large', m.tooLarge(maxXlsxFileBytes / (1024 * 1024)))
    return source
  }
  if ((await stat(source)).size > maxXlsxFileBytes)
    throw refused('too_large', m.tooLarge(maxXlsxFileBytes / (1024 * 1024)))
  return readFile(source)
}

const isBlank = (row: SheetRow) => row.cells.every((cell) => cell.trim() === '')

/**
 * The rows of a template workbook's first sheet: its first non-blank row is the header, blank
 * rows are skipped, each row's line is its number in the sheet. Throws ImportFileError when the
 * workbook cannot be read or its header is not our template's.
 */
export async function* readTemplateXlsxRows(
  source: Uint8Array | string,
  options: ReadOptions = {},
): AsyncGenerator<ImportRow> {
  const bytes = await bytesOf(source, options)
  if (!startsWith(bytes, [0x50, 0x4b])) throw notZip(bytes, options)
  let rows: SheetRow[]
  try {
    rows = readXlsxSheet(bytes).rows.filter((row) => !isBlank(row))
  } catch (error) {
    if (error instanceof XlsxError) throw xlsxProblem(error, options)
    throw error
  }
  const [headerRow, ...dataRows] = rows
  if (!headerRow) throw refused('empty', messages[options.language ?? 'fr'].emptySheet)
  const { format, header, binding } = bindHeaderCells(headerRow.cells, headerRow.line, ['template'], options)
  if (dataRows.length === 0)
    throw refused('header_only', importMessages(options.language).headerOnly(), headerRow.line)
  options.onFile?.({
    format,
    encoding: 'utf-8',
    separator: null,
    columns: header,
    ignoredColumns: binding.ignored,
  })
  const build = cellRowBuilder(binding, options)
  for (const row of dataRows) yield build(row.cells, row.line)
}

/**
 * A whole template workbook (a path or its bytes): the same result as readTemplateFile for the CSV
 * template. A refused file is one error and `fileProblem`.
 */
export function readTemplateXlsx(
  source: Uint8Array | string,
  options: ReadOptions = {},
): Promise<InventoryImport> {
  return collectRows((withFormat) => readTemplateXlsxRows(source, withFormat), options)
}
