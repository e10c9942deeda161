/**
 * The import itself, after the person's choice: one transaction that (when replacing) empties the
 * inventory, saves the datacenter file's datacenters, re-reads the file and inserts its valid rows
 * in batches, and marks the import done with its audit entry. Any failure rolls everything back:
 * an inventory is never half-imported. The file is read again rather than kept from the check, so
 * a million rows never sit in memory; if it no longer reads as checked, the import is refused.
 */
import { type Kysely, sql } from 'kysely'
import { sqliteConnectionInTransaction } from '../../../db/database.js'
import { isPostgres } from '../../../db/dialect.js'
import type { Database } from '../../../db/schema.js'
import { recordAudit } from '../../audit/record-audit.js'
import type { InventoryItem } from '../../footprint/inventory-item.js'
import { deleteAllItems, saveDatacenter } from '../inventory.queries.js'
import { bulkBatchSize, insertItemsBulk } from './bulk-insert.js'
import { workspaceReadContext } from './check-import.js'
import { removeUploads, uploadFile } from './import-files.js'
import { emptyReport, type ImportReport, parseReport } from './import-report.js'
import { findImport, updateImport } from './imports.queries.js'
import { UploadRefused, walkUpload } from './read-upload.js'

export type ImportMode = 'all' | 'valid'

/** Rows imported from which the table's statistics are refreshed (PostgreSQL). */
const analyzeThreshold = 10_000

/** Why an import failed, for the page (in the viewer's language). */
export type ImportFailure = NonNullable<ImportReport['failure']>

class FileChanged extends Error {
  constructor() {
    super('the file no longer reads as it did when checked')
    this.name = 'FileChanged'
  }
}

export interface RunImportInput {
  dataDir: string
  workspaceId: number
  importId: number
  mode: ImportMode
  actorId: number | null
  /** Rows read so far (kept in memory by the caller: nothing is written during the transaction). */
  onProgress?: (rowsRead: number) => void
}

export interface RunImportResult {
  status: 'done' | 'failed'
  importedRows: number
  failure?: ImportFailure
}

/**
 * Runs the import of an import row already moved to 'importing'. Never throws for a failed import:
 * the row says 'failed' with the reason, and nothing of the file is saved.
 */
export async function runImport(db: Kysely<Database>, input: RunImportInput): Promise<RunImportResult> {
  const { workspaceId, importId, mode } = input
  const row = await findImport(db, workspaceId, importId)
  if (!row) throw new Error(`import ${importId} not found in workspace ${workspaceId}`)
  const report: ImportReport =
    parseReport(row.report) ?? emptyReport('fr', new Date().toISOString().slice(0, 10))
  let imported = 0
  try {
    // SQLite: rows go straight to the connection the transaction holds (see insertItemsBulk).
    const sqlite = sqliteConnectionInTransaction(db)
    await db.transaction().execute(async (trx) => {
      const context = await workspaceReadContext(trx, workspaceId, report.language, report.today)
      if (row.replace_inventory === 1) await deleteAllItems(trx, workspaceId)
      let batch: InventoryItem[] = []
      let rowsRead = 0
      await walkUpload(
        {
          ...context,
          inventoryPath: uploadFile(input.dataDir, row.file_path),
          datacenterPath: row.datacenter_file_path
            ? uploadFile(input.dataDir, row.datacenter_file_path)
            : null,
        },
        {
          datacenter: async (datacenter) => {
            await saveDatacenter(trx, workspaceId, datacenter)
          },
          item: async (item) => {
            batch.push(item)
            if (batch.length >= bulkBatchSize) {
              const full = batch
              batch = []
              imported += full.length
              await insertItemsBulk(trx, workspaceId, full, importId, sqlite)
            }
          },
          rowErrors: () => {
            if (mode === 'all') throw new FileChanged()
          },
          row: () => input.onProgress?.(++rowsRead),
        },
      )
      if (batch.length > 0) {
        imported += batch.length
        await insertItemsBulk(trx, workspaceId, batch, importId, sqlite)
      }
      // What the person confirmed is the checked count: a file (or type table) changed since is refused.
      if (imported !== row.valid_rows) throw new FileChanged()
      const finishedAt = new Date().toISOString()
      await updateImport(trx, importId, {
        status: 'done',
        mode,
        imported_rows: imported,
        processed_rows: rowsRead,
        finished_at: finishedAt,
      })
      await recordAudit(trx, {
        actorId: input.actorId,
        workspaceId,
        entity: 'inventory_import',
        entityId: importId,
        action: 'import',
        after: {
          file: row.file_name,
          datacenterFile: row.datacenter_file_name,
          mode,
          replace: row.replace_inventory === 1,
          importedRows: imported,
        },
      })
    })
  } catch (error) {
    const failure: ImportFailure =
      error instanceof FileChanged || error instanceof UploadRefused ? 'changed' : 'error'
    if (failure === 'error')
      console.error(
        JSON.stringify({ level: 'error', importId, error: (error as Error)?.stack ?? String(error) }),
      )
    await updateImport(db, importId, {
      status: 'failed',
      mode,
      imported_rows: 0,
      finished_at: new Date().toISOString(),
      report: JSON.stringify({ ...report, failure }),
    })
    return { status: 'failed', importedRows: 0, failure }
  }
  await removeUploads(input.dataDir, [row.file_path, row.datacenter_file_path])
  // A large import changes the table's size by orders of magnitude: without fresh statistics,
  // PostgreSQL plans the inventory's keyset scan as a full scan and sort per page (quadratic: a
  // million items took 40 s to read back instead of a few). SQLite plans from the index anyway.
  if (imported >= analyzeThreshold && isPostgres(db)) await sql`analyze inventory_items`.execute(db)
  return { status: 'done', importedRows: imported }
}
