/**
 * What the check of an uploaded file keeps (the `report` JSON of an inventory_imports row): the
 * file's summary and column mapping, a preview of the first items, the first errors, or the reason
 * the whole file was refused. Bounded whatever the file's size.
 */
import { bindColumns, type CsvFormat, columnsOf } from '../../footprint/import/formats.js'
import { importMessages } from '../../footprint/import/messages.js'
import type { FileInfo, FileProblemCode, Language } from '../../footprint/import/types.js'
import type { DeviceType, InventoryItem, RowError } from '../../footprint/inventory-item.js'

/** Errors kept for the page (the count goes on beyond). */
export const maxKeptErrors = 1000
/** Items shown in the preview. */
export const previewSize = 10

export type ImportedFile = 'inventory' | 'datacenters'

export interface ReportError {
  /** Which uploaded file the line is in. */
  file: ImportedFile
  line: number
  column: string | null
  message: string
  suggestion?: DeviceType
  /** For an unknown type: the text as written, for the link to the type mapping page. */
  label?: string
}

export interface ColumnMapping {
  column: string
  /** The field the column feeds (ItemField or DatacenterField). */
  field: string
}

export interface ReportFile {
  format: string
  encoding: string
  separator: string | null
  columns: ColumnMapping[]
  ignoredColumns: string[]
}

export interface ImportReport {
  /** The language the messages were written in (the uploader's). */
  language: Language
  /** "Today" of the check, reused by the import so that both read the file alike. */
  today: string
  file: ReportFile | null
  datacenterFile: ReportFile | null
  datacenters: { rows: number; valid: number }
  preview: InventoryItem[]
  errors: ReportError[]
  /** Every error message of the file(s), kept or not. */
  errorCount: number
  /** Set when a whole file was refused (empty, not CSV, unknown format…). */
  problem: { file: ImportedFile; code: FileProblemCode; message: string } | null
  /**
   * Set when the check or import failed (and was rolled back): the file changed since the check,
   * an unexpected error, or the process stopped while it ran.
   */
  failure?: 'changed' | 'error' | 'interrupted'
}

/** The file's columns → our fields (CSV and XLSX; PCR-SI keys are not columns). */
export function reportFile(info: FileInfo): ReportFile {
  const columns: ColumnMapping[] = []
  if (info.format !== 'pcr-si') {
    const binding = bindColumns<string>(info.columns, columnsOf(info.format as CsvFormat))
    for (const [field, bound] of Object.entries(binding.columns))
      if (bound) columns.push({ column: bound.name, field })
    columns.sort((a, b) => info.columns.indexOf(a.column) - info.columns.indexOf(b.column))
  }
  return {
    format: info.format,
    encoding: info.encoding,
    separator: info.separator,
    columns,
    ignoredColumns: info.ignoredColumns,
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const patterns = new Map<Language, RegExp[]>()

/**
 * The type as written, from the reader's "unknown type" message (the readers give the message and
 * the suggestion, not the cell): the message's own template, with the text as a group.
 */
export function unknownTypeLabel(message: string, language: Language): string | null {
  let list = patterns.get(language)
  if (!list) {
    const t = importMessages(language)
    const raw = '\u0001'
    const other = '\u0002'
    list = [t.unknownType(raw, { pattern: other }, other), t.unknownType(raw, null, other)].map(
      (template) =>
        new RegExp(`^${escapeRegExp(template).replace(raw, '(.+?)').replaceAll(other, '[\\s\\S]*')}$`, 'u'),
    )
    patterns.set(language, list)
  }
  for (const pattern of list) {
    const match = pattern.exec(message)
    if (match) return match[1] as string
  }
  return null
}

export function reportError(error: RowError, file: ImportedFile, language: Language): ReportError {
  const entry: ReportError = { file, line: error.line, column: error.column, message: error.message }
  if (error.suggestion) entry.suggestion = error.suggestion
  if (file === 'inventory') {
    const label = unknownTypeLabel(error.message, language)
    if (label !== null) entry.label = label
  }
  return entry
}

export function emptyReport(language: Language, today: string): ImportReport {
  return {
    language,
    today,
    file: null,
    datacenterFile: null,
    datacenters: { rows: 0, valid: 0 },
    preview: [],
    errors: [],
    errorCount: 0,
    problem: null,
  }
}

export function parseReport(json: string | null): ImportReport | null {
  if (json === null) return null
  try {
    return JSON.parse(json) as ImportReport
  } catch {
    return null
  }
}
