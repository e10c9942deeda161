/**
 * The row loop shared by the CSV formats: open, bind the header's columns, build each row, turn a
 * broken quote into a row error, refuse a file with a header and no data.
 */
import type { Datacenter, InventoryItem, RowError } from '../inventory-item.js'
import { type CsvRecord, CsvSyntaxError } from './csv-records.js'
import {
  type BoundColumn,
  bindColumns,
  type ColumnBinding,
  type CsvFormat,
  columnsOf,
  type DatacenterField,
  detectCsvFormat,
  expectedColumns,
  type ItemField,
  templateHeader,
} from './formats.js'
import { datacenterKey, ItemBuilder, type RowCells } from './item-builder.js'
import { type ImportMessages, importMessages, type Separator } from './messages.js'
import { openCsv } from './source.js'
import { createTypeMapper } from './type-mapping.js'
import {
  type DatacenterRow,
  ImportFileError,
  type ImportFormat,
  type ImportRow,
  type ImportSource,
  type InventoryImport,
  type ReadOptions,
} from './types.js'
import { readDecimal, readText } from './values.js'
import { readCountry } from './vocabulary.js'

/** Cells of the current record, by field, through the header's binding. */
class CsvCells<F extends string> {
  fields: readonly string[] = []
  private readonly indices: Partial<Record<F, number>> = {}
  private readonly names: Partial<Record<F, string>> = {}

  constructor(columns: Partial<Record<F, BoundColumn>>) {
    for (const [field, column] of Object.entries(columns) as [F, BoundColumn][]) {
      this.indices[field] = column.index
      this.names[field] = column.name
    }
  }

  text(field: F): string | undefined {
    const index = this.indices[field]
    return index === undefined ? undefined : this.fields[index]
  }

  column(field: F): string {
    return this.names[field] ?? field
  }
}

/** The error for a row with more cells than the header (blank extra cells are fine). */
function extraFieldsError(
  record: CsvRecord,
  headerLength: number,
  separator: Separator,
  t: ImportMessages,
): RowError | null {
  if (record.fields.length <= headerLength) return null
  for (let index = headerLength; index < record.fields.length; index++) {
    if ((record.fields[index] as string).trim() !== '')
      return {
        line: record.line,
        column: null,
        message: t.tooManyFields(record.fields.length, headerLength, separator),
      }
  }
  return null
}

function syntaxError(error: CsvSyntaxError, t: ImportMessages): RowError {
  const message = error.problem === 'unclosed_quote' ? t.unclosedQuote() : t.recordTooLong(1024 * 1024)
  return { line: error.line, column: null, message }
}

/**
 * Rows of a CSV inventory file of one of the given formats, one at a time (bounded memory).
 * Throws ImportFileError when the file cannot be read at all.
 */
export async function* readCsvItemRows(
  source: ImportSource,
  options: ReadOptions,
  formats: readonly CsvFormat[],
): AsyncGenerator<ImportRow> {
  const t = importMessages(options.language)
  const opened = await openCsv(source, options, formats)
  const build = cellRowBuilder(opened.binding, options)
  const headerLength = opened.sniffed.header.length
  const separator = opened.sniffed.separator
  let rows = 0
  try {
    for await (const batch of opened.batches) {
      for (const record of batch) {
        rows++
        const extra = extraFieldsError(record, headerLength, separator, t)
        if (extra) {
          yield { line: record.line, errors: [extra] }
          continue
        }
        yield build(record.fields, record.line)
      }
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    rows++
    yield { line: error.line, errors: [syntaxError(error, t)] }
  }
  if (rows === 0)
    throw new ImportFileError({
      code: 'header_only',
      message: t.headerOnly(),
      line: opened.sniffed.headerLine,
    })
}

/**
 * Builds one row from its cells, through the header's binding: the row building of every CSV item
 * format, for rows already split into cells (an XLSX sheet's rows too).
 */
export function cellRowBuilder(
  binding: ColumnBinding<string>,
  options: ReadOptions,
): (fields: readonly string[], line: number) => ImportRow {
  const builder = new ItemBuilder(options)
  const cells = new CsvCells<ItemField>(binding.columns as Partial<Record<ItemField, BoundColumn>>)
  const view: RowCells = cells
  return (fields, line) => {
    cells.fields = fields
    return builder.build(view, line)
  }
}

const defaultMapper = createTypeMapper()

/**
 * A header already split into cells (an XLSX sheet's first row), checked as a CSV header is (see
 * sniff.ts): the same refusals and messages — data instead of a header, unknown format, a column
 * twice, a required column missing, another format than expected. Throws ImportFileError.
 */
export function bindHeaderCells(
  cells: readonly string[],
  line: number,
  expected: readonly CsvFormat[],
  options: ReadOptions,
): { format: CsvFormat; header: string[]; binding: ColumnBinding<string> } {
  const t = importMessages(options.language)
  const refuse = (
    code: 'header_missing' | 'unknown_format' | 'duplicate_column' | 'missing_columns' | 'wrong_format',
    message: string,
  ) => new ImportFileError({ code, message, line })
  const header = cells.map((cell) => cell.trim())
  const format = detectCsvFormat(header)
  if (format === null) {
    const firstCell = header.find((cell) => cell !== '') ?? ''
    const looksLikeData =
      header.some((cell) => cell !== '' && defaultMapper.map(cell).ok) &&
      header.some((cell) => /^\d/.test(cell))
    if (looksLikeData)
      throw refuse('header_missing', t.headerMissing(firstCell, templateHeader('fr').join(';')))
    throw refuse(
      'unknown_format',
      t.unknownFormat(
        header.filter((cell) => cell !== ''),
        expectedColumns,
      ),
    )
  }
  const binding = bindColumns<string>(header, columnsOf(format))
  if (binding.duplicate) {
    const { name, first, second } = binding.duplicate
    throw refuse('duplicate_column', t.duplicateColumn(name, first, second))
  }
  if (binding.missing.length > 0) throw refuse('missing_columns', t.missingColumns(format, binding.missing))
  if (!expected.includes(format)) throw refuse('wrong_format', t.wrongFormat(format, expected))
  return { format, header, binding }
}

/** Rows of a NumEcoEval datacenter file. PUE below 1, an unknown country or a name given twice are row errors. */
export async function* readCsvDatacenterRows(
  source: ImportSource,
  options: ReadOptions,
): AsyncGenerator<DatacenterRow> {
  const t = importMessages(options.language)
  const opened = await openCsv(source, options, ['numecoeval-datacenter'])
  const cells = new CsvCells<DatacenterField>(
    opened.binding.columns as Partial<Record<DatacenterField, BoundColumn>>,
  )
  const headerLength = opened.sniffed.header.length
  const seen = new Map<string, number>()
  let rows = 0
  try {
    for await (const batch of opened.batches) {
      for (const record of batch) {
        rows++
        const extra = extraFieldsError(record, headerLength, opened.sniffed.separator, t)
        if (extra) {
          yield { line: record.line, errors: [extra] }
          continue
        }
        cells.fields = record.fields
        yield buildDatacenter(cells, record.line, seen, t)
      }
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    rows++
    yield { line: error.line, errors: [syntaxError(error, t)] }
  }
  if (rows === 0)
    throw new ImportFileError({
      code: 'header_only',
      message: t.headerOnly(),
      line: opened.sniffed.headerLine,
    })
}

export interface DatacenterCells {
  text(field: DatacenterField): string | null | undefined
  column(field: DatacenterField): string
}

/** One datacenter from its cells; `seen` holds the names already read (folded) and their lines. */
export function buildDatacenter(
  cells: DatacenterCells,
  line: number,
  seen: Map<string, number>,
  t: ImportMessages,
): DatacenterRow {
  const errors: RowError[] = []
  const error = (field: DatacenterField, message: string) =>
    errors.push({ line, column: cells.column(field), message })
  const shortName = readText(cells.text('shortName'))
  if (shortName === null) error('shortName', t.emptyDatacenterName())
  else {
    const firstLine = seen.get(datacenterKey(shortName))
    if (firstLine !== undefined) error('shortName', t.duplicateDatacenter(shortName, firstLine))
    else seen.set(datacenterKey(shortName), line)
  }
  const pueText = readText(cells.text('pue'))
  let pue: number | null = null
  if (pueText === null) error('pue', t.emptyValue('pue'))
  else {
    const read = readDecimal(pueText)
    if (!read.ok) error('pue', t.value('pue', read.problem))
    else if ((read.value as number) < 1) error('pue', t.pueBelowOne(pueText))
    else pue = read.value
  }
  const countryText = readText(cells.text('country'))
  let country: string | undefined = 'FR'
  if (countryText !== null) {
    country = readCountry(countryText)
    if (!country) error('country', t.unknownCountry(countryText))
  }
  if (errors.length > 0 || shortName === null || pue === null || !country) return { line, errors }
  const datacenter: Datacenter = { shortName, longName: readText(cells.text('longName')), pue, country }
  return { line, datacenter, errors }
}

/**
 * Reads a whole file (small files): items, datacenters and errors, or the reason the file was
 * refused as one error (and `fileProblem`).
 */
export async function collectRows(
  read: (options: ReadOptions) => AsyncIterable<ImportRow | DatacenterRow>,
  options: ReadOptions,
): Promise<InventoryImport> {
  let format: ImportFormat | null = null
  const withFormat: ReadOptions = {
    ...options,
    onFile: (file) => {
      format = file.format
      options.onFile?.(file)
    },
  }
  const items: InventoryItem[] = []
  const datacenters: Datacenter[] = []
  const errors: RowError[] = []
  try {
    for await (const row of read(withFormat)) {
      if ('item' in row && row.item) items.push(row.item)
      if ('datacenter' in row && row.datacenter) datacenters.push(row.datacenter)
      for (const error of row.errors) errors.push(error)
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error
    return fileRefused(error)
  }
  return { format, items, datacenters, errors, fileProblem: null }
}

export function fileRefused(error: ImportFileError): InventoryImport {
  const { problem } = error
  return {
    format: null,
    items: [],
    datacenters: [],
    errors: [{ line: problem.line, column: null, message: problem.message }],
    fileProblem: problem,
  }
}
