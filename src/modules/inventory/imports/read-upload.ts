/**
 * Reading an uploaded inventory (and its optional NumEcoEval datacenter file) with the footprint
 * readers, row by row: the same walk serves the check and the import, so that both see the file
 * the same way. The format is told by the bytes, not the file's name: a workbook is read as our
 * XLSX template, JSON as PCR-SI, anything else as CSV (template or NumEcoEval equipment), whose
 * reader refuses what it cannot read with the message naming the likely cause.
 */
import { open } from 'node:fs/promises'
import { readNumEcoEvalDatacenterRows } from '../../footprint/import/numecoeval-format.js'
import { readPcrSiRows } from '../../footprint/import/pcr-si-format.js'
import { readInventoryRows } from '../../footprint/import/read-inventory.js'
import { sniff, sniffSampleSize } from '../../footprint/import/sniff.js'
import type { TypeMappingTable } from '../../footprint/import/type-mapping.js'
import {
  type DatacenterRow,
  type FileInfo,
  type FileProblem,
  ImportFileError,
  type ImportRow,
  type Language,
  type ReadOptions,
} from '../../footprint/import/types.js'
import type { Datacenter, InventoryItem, RowError } from '../../footprint/inventory-item.js'
import { readTemplateXlsxRows } from '../../footprint/xlsx/template-xlsx.js'
import type { ImportedFile } from './import-report.js'

export interface UploadInput {
  /** The uploaded inventory file on disk. */
  inventoryPath: string
  /** The NumEcoEval datacenter file on disk, if one was sent. */
  datacenterPath: string | null
  language: Language
  /** `yyyy-mm-dd`, for the "purchase in the future" check. */
  today: string
  typeMapping: TypeMappingTable
  /** The workspace's datacenters: items may name them, and those of the datacenter file. */
  workspaceDatacenters: readonly Datacenter[]
}

/** A whole file refused: which one, and the reader's problem (its message names the cause). */
export class UploadRefused extends Error {
  constructor(
    readonly file: ImportedFile,
    readonly problem: FileProblem,
  ) {
    super(problem.message)
    this.name = 'UploadRefused'
  }
}

export interface UploadVisitor {
  file?(which: ImportedFile, info: FileInfo): void
  /** A valid datacenter (from the datacenter file, or a PCR-SI file's list). */
  datacenter?(datacenter: Datacenter): void | Promise<void>
  /** A valid item of the inventory file. */
  item(item: InventoryItem): void | Promise<void>
  /** A row with errors (every row with errors gives no item nor datacenter). */
  rowErrors(which: ImportedFile, errors: RowError[], row: 'item' | 'datacenter'): void | Promise<void>
  /** Told after each row of the inventory file (progress). */
  row?(): void
}

type FileKind = 'xlsx' | 'json' | 'csv'

/** What the first bytes say: a workbook, JSON, or (anything else) CSV for the CSV reader to judge. */
async function kindOf(path: string): Promise<FileKind> {
  const handle = await open(path, 'r')
  try {
    const sample = Buffer.alloc(sniffSampleSize)
    const { bytesRead } = await handle.read(sample, 0, sniffSampleSize, 0)
    const size = (await handle.stat()).size
    const sniffed = sniff(sample.subarray(0, bytesRead), { complete: bytesRead >= size })
    if (!sniffed.ok)
      return sniffed.problem.code === 'spreadsheet' &&
        (sniffed.problem.spreadsheet === 'xlsx' || sniffed.problem.spreadsheet === 'zip')
        ? 'xlsx'
        : 'csv'
    return sniffed.kind === 'json' ? 'json' : 'csv'
  } finally {
    await handle.close()
  }
}

function inventoryRows(
  kind: FileKind,
  path: string,
  options: ReadOptions,
): AsyncGenerator<ImportRow | DatacenterRow> {
  if (kind === 'xlsx') return readTemplateXlsxRows(path, options)
  if (kind === 'json') return readPcrSiRows(path, options)
  return readInventoryRows(path, options)
}

/** A PCR-SI datacenter row with errors carries no datacenter: its errors' path tells it. */
function isDatacenterError(errors: readonly RowError[]): boolean {
  return (
    errors.length > 0 &&
    errors.every((error) => /^(datacent|centresdedonnees)\w*\[/i.test(error.column ?? ''))
  )
}

/**
 * Reads the datacenter file (first: items are checked against its datacenters), then the
 * inventory file, row by row, telling the visitor. Throws UploadRefused for a file that cannot be
 * read at all.
 */
export async function walkUpload(input: UploadInput, visitor: UploadVisitor): Promise<void> {
  const known: Datacenter[] = [...input.workspaceDatacenters]
  const base: ReadOptions = { language: input.language, today: input.today, typeMapping: input.typeMapping }
  if (input.datacenterPath) {
    try {
      const rows = readNumEcoEvalDatacenterRows(input.datacenterPath, {
        ...base,
        onFile: (info) => visitor.file?.('datacenters', info),
      })
      for await (const row of rows) {
        if (row.datacenter) {
          known.push(row.datacenter)
          await visitor.datacenter?.(row.datacenter)
        }
        if (row.errors.length > 0) await visitor.rowErrors('datacenters', row.errors, 'datacenter')
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw new UploadRefused('datacenters', error.problem)
      throw error
    }
  }
  const kind = await kindOf(input.inventoryPath)
  try {
    const rows = inventoryRows(kind, input.inventoryPath, {
      ...base,
      datacenters: known,
      onFile: (info) => visitor.file?.('inventory', info),
    })
    for await (const row of rows) {
      const datacenterRow =
        'datacenter' in row || (kind === 'json' && !('item' in row) && isDatacenterError(row.errors))
      if ('item' in row && row.item) await visitor.item(row.item)
      else if ('datacenter' in row && row.datacenter) await visitor.datacenter?.(row.datacenter)
      if (row.errors.length > 0)
        await visitor.rowErrors('inventory', row.errors, datacenterRow ? 'datacenter' : 'item')
      visitor.row?.()
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw new UploadRefused('inventory', error.problem)
    throw error
  }
}
