/**
 * What the readers take and give, shared by every format.
 */
import type { Datacenter, InventoryItem, RowError } from '../inventory-item.js'
import type { ImportFormat, Separator } from './messages.js'
import type { TypeMappingTable } from './type-mapping.js'
import type { Language } from './vocabulary.js'

export type { ImportFormat, Language, Separator }

/**
 * A file to read: a path, its bytes, a Blob (an uploaded file), or a stream of bytes (a Node
 * Readable or any async iterable of chunks).
 */
export type ImportSource = string | URL | Uint8Array | Blob | AsyncIterable<Uint8Array>

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be'

export interface ReadOptions {
  /** "Today" for the purchase-date check, `yyyy-mm-dd`; by default today's date in France. */
  today?: string
  /** Known datacenters: an item naming another one is an error. No check when not given. */
  datacenters?: readonly Datacenter[]
  /** Type mapping table; the default one otherwise. */
  typeMapping?: TypeMappingTable
  /** Language of the messages; French by default. */
  language?: Language
  /** Told once the file's header is read: its format, encoding, separator and columns. */
  onFile?: (file: FileInfo) => void
}

export interface FileInfo {
  format: ImportFormat
  /** How the bytes were read at first (a UTF-8 guess can turn to Windows-1252 further on). */
  encoding: TextEncoding
  /** The CSV separator; null for JSON. */
  separator: Separator | null
  /** The header's columns as written (CSV); the keys found (JSON). */
  columns: string[]
  /** Columns of the file that no field reads (kept in the file, not imported). */
  ignoredColumns: string[]
}

/** One data row of a file: its line (1-based, header = 1), the item when the row is valid, its errors. */
export interface ImportRow {
  line: number
  item?: InventoryItem
  errors: RowError[]
}

export interface DatacenterRow {
  line: number
  datacenter?: Datacenter
  errors: RowError[]
}

export type FileProblemCode =
  | 'empty'
  | 'header_only'
  | 'single_column'
  | 'spreadsheet'
  | 'pdf'
  | 'binary'
  | 'header_missing'
  | 'unknown_format'
  | 'missing_columns'
  | 'duplicate_column'
  | 'wrong_format'
  | 'invalid_json'
  | 'json_shape'
  | 'too_large'

export interface FileProblem {
  code: FileProblemCode
  message: string
  /** Where it shows (1 for the header, or the first line for an empty file). */
  line: number
  /** For code 'spreadsheet': which kind of workbook the bytes look like. */
  spreadsheet?: 'xlsx' | 'ods' | 'xls' | 'zip'
}

/** A file that cannot be read at all (as opposed to some of its rows). */
export class ImportFileError extends Error {
  readonly problem: FileProblem
  constructor(problem: FileProblem) {
    super(problem.message)
    this.name = 'ImportFileError'
    this.problem = problem
  }
}

/** A whole file read at once (small files). */
export interface InventoryImport {
  /** The format read; null when the file could not be read at all. */
  format: ImportFormat | null
  items: InventoryItem[]
  datacenters: Datacenter[]
  /** Row errors; a file-level problem is one error at its line, with column null. */
  errors: RowError[]
  /** Set when the whole file was refused (empty, not CSV, unknown format…). */
  fileProblem: FileProblem | null
}
