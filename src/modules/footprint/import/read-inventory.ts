/**
 * Reading a file whatever its format: the format is told by the file itself (JSON → PCR-SI; a CSV
 * by its header: template, NumEcoEval equipment, NumEcoEval datacenters).
 */
import { fileURLToPath } from 'node:url'
import { readTemplateXlsx } from '../xlsx/template-xlsx.js'
import { collectRows, fileRefused, readCsvDatacenterRows, readCsvItemRows } from './csv-rows.js'
import { readPcrSiFile } from './pcr-si-format.js'
import type { CsvSniff, JsonSniff } from './sniff.js'
import { type Opened, openSource } from './source.js'
import {
  ImportFileError,
  type ImportRow,
  type ImportSource,
  type InventoryImport,
  type ReadOptions,
} from './types.js'

/**
 * Rows of an inventory CSV file, template or NumEcoEval equipment, one at a time (bounded memory).
 * Throws ImportFileError when the file cannot be read at all.
 */
export function readInventoryRows(
  source: ImportSource,
  options: ReadOptions = {},
): AsyncGenerator<ImportRow> {
  return readCsvItemRows(source, options, ['template', 'numecoeval-equipment'])
}

/** The bytes already read, then the rest: lets a reader start over without reading the file twice. */
async function* replay(opened: Opened<CsvSniff | JsonSniff>): AsyncGenerator<Uint8Array> {
  yield opened.sample
  for (;;) {
    const next = await opened.rest.next()
    if (next.done) return
    yield next.value
  }
}

/**
 * A whole file of any format (small files): items for inventories, datacenters for a NumEcoEval
 * datacenter file or a PCR-SI file listing some. A refused file is one error and `fileProblem`.
 */
export async function readInventoryFile(
  source: ImportSource,
  options: ReadOptions = {},
): Promise<InventoryImport> {
  let opened: Opened<CsvSniff | JsonSniff>
  try {
    opened = await openSource(source, options)
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error
    // A workbook: the template in XLSX is read as such (read whole, so only from a path or bytes).
    const rereadable = typeof source === 'string' || source instanceof URL || source instanceof Uint8Array
    if (
      error.problem.code === 'spreadsheet' &&
      (error.problem.spreadsheet === 'xlsx' || error.problem.spreadsheet === 'zip') &&
      rereadable
    )
      return readTemplateXlsx(source instanceof URL ? fileURLToPath(source) : source, options)
    return fileRefused(error)
  }
  const again = replay(opened)
  if (opened.sniffed.kind === 'json') return readPcrSiFile(again, options)
  if (opened.sniffed.format === 'numecoeval-datacenter')
    return collectRows((withFormat) => readCsvDatacenterRows(again, withFormat), options)
  const format = opened.sniffed.format
  return collectRows((withFormat) => readCsvItemRows(again, withFormat, [format]), options)
}
