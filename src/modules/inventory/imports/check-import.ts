/**
 * The check of an uploaded file: the whole file is read (streaming) exactly as the import will read
 * it, nothing is saved; what is kept is bounded (counts, the first rows as preview, the first
 * errors), so a million-row file is checked in constant memory.
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { todayInFrance } from '../../footprint/import/values.js'
import type { Language } from '../../footprint/import/vocabulary.js'
import { listDatacenters, workspaceTypeMapping } from '../inventory.queries.js'
import {
  emptyReport,
  type ImportReport,
  maxKeptErrors,
  previewSize,
  reportError,
  reportFile,
} from './import-report.js'
import { type UploadInput, UploadRefused, walkUpload } from './read-upload.js'

type Db = Kysely<Database> | Transaction<Database>

export interface CheckResult {
  status: 'checked' | 'refused'
  format: string | null
  /** Data rows of the inventory file (items, valid or not). */
  totalRows: number
  validRows: number
  /** Rows with at least one error, in both files (items and datacenters). */
  errorRows: number
  report: ImportReport
}

/** The options the readers take for a workspace: its type table and its datacenters. */
export async function workspaceReadContext(
  db: Db,
  workspaceId: number,
  language: Language,
  today: string = todayInFrance(),
): Promise<Omit<UploadInput, 'inventoryPath' | 'datacenterPath'>> {
  const [typeMapping, datacenters] = await Promise.all([
    workspaceTypeMapping(db, workspaceId),
    listDatacenters(db, workspaceId),
  ])
  const workspaceDatacenters = datacenters.map(({ id: _id, ...datacenter }) => datacenter)
  return { language, today, typeMapping, workspaceDatacenters }
}

/**
 * Reads the file(s) through and reports. `onProgress` is told the rows read so far (every row: it
 * only sets a number). Never throws for a bad file: a refused file is a result.
 */
export async function checkImportFile(
  input: UploadInput,
  onProgress?: (rowsRead: number) => void,
): Promise<CheckResult> {
  const report = emptyReport(input.language, input.today)
  let totalRows = 0
  let validRows = 0
  let errorRows = 0
  let format: string | null = null
  try {
    await walkUpload(input, {
      file: (which, info) => {
        if (which === 'inventory') {
          report.file = reportFile(info)
          format = info.format
        } else report.datacenterFile = reportFile(info)
      },
      datacenter: () => {
        report.datacenters.rows++
        report.datacenters.valid++
      },
      item: (item) => {
        totalRows++
        validRows++
        if (report.preview.length < previewSize) report.preview.push(item)
      },
      rowErrors: (which, errors, row) => {
        errorRows++
        if (row === 'datacenter') report.datacenters.rows++
        else totalRows++
        report.errorCount += errors.length
        for (const error of errors)
          if (report.errors.length < maxKeptErrors)
            report.errors.push(reportError(error, which, input.language))
      },
      row: () => onProgress?.(totalRows),
    })
  } catch (error) {
    if (!(error instanceof UploadRefused)) throw error
    report.problem = { file: error.file, code: error.problem.code, message: error.problem.message }
    report.preview = []
    report.errors = []
    report.errorCount = 0
    return { status: 'refused', format, totalRows: 0, validRows: 0, errorRows: 0, report }
  }
  return { status: 'checked', format, totalRows, validRows, errorRows, report }
}
