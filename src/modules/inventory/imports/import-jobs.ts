/**
 * Background jobs of the imports, in this process: a check or an import runs after the request
 * that started it has answered, and the page shows its progress (rows read), kept here in memory
 * only (with SQLite, queries share one connection, so nothing is written while the import's
 * transaction is open). A process that stops leaves its imports 'checking' or 'importing':
 * failInterruptedImports marks them failed at the next start.
 */
import type { Kysely } from 'kysely'
import type { Database, ImportStatus } from '../../../db/schema.js'
import type { Language } from '../../footprint/import/vocabulary.js'
import { checkImportFile, workspaceReadContext } from './check-import.js'
import { removeUploads, uploadFile } from './import-files.js'
import { emptyReport, parseReport } from './import-report.js'
import { findImport, updateImport } from './imports.queries.js'
import { type ImportMode, type RunImportResult, runImport } from './run-import.js'

export interface ImportProgress {
  phase: 'checking' | 'importing'
  rowsRead: number
  /** Date.now() when the job started. */
  startedAt: number
}

/** Runs jobs without awaiting them, remembers their progress, and lets tests wait for them. */
export class ImportJobs {
  private readonly progress = new Map<string, ImportProgress>()
  private readonly running = new Set<Promise<unknown>>()

  /** Progress of the job on an upload (keyed by the upload's stored path, unique per import). */
  progressOf(key: string): ImportProgress | undefined {
    return this.progress.get(key)
  }

  /** Starts a job now, in the background; its promise never rejects (errors are logged). */
  start<T>(
    key: string,
    phase: ImportProgress['phase'],
    task: (progress: ImportProgress) => Promise<T>,
  ): Promise<T | undefined> {
    const progress: ImportProgress = { phase, rowsRead: 0, startedAt: Date.now() }
    this.progress.set(key, progress)
    const job = task(progress)
      .catch((error: unknown): undefined => {
        console.error(
          JSON.stringify({ level: 'error', job: phase, error: (error as Error)?.stack ?? String(error) }),
        )
        return undefined
      })
      .finally(() => {
        if (this.progress.get(key) === progress) this.progress.delete(key)
        this.running.delete(job)
      })
    this.running.add(job)
    return job
  }

  /** Resolves once no job runs (jobs started meanwhile included). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running])
  }
}

/** The process's jobs (one process serves the application). */
export const importJobs = new ImportJobs()

export interface JobContext {
  db: Kysely<Database>
  dataDir: string
}

/**
 * Checks an import's files and records the result on its row (status 'checked' or 'refused', counts,
 * report). A plain function: the background job and the bench call it alike.
 */
export async function runCheck(
  { db, dataDir }: JobContext,
  workspaceId: number,
  importId: number,
  language: Language,
  onProgress?: (rowsRead: number) => void,
): Promise<void> {
  const row = await findImport(db, workspaceId, importId)
  if (!row) return
  try {
    const context = await workspaceReadContext(db, workspaceId, language)
    const result = await checkImportFile(
      {
        ...context,
        inventoryPath: uploadFile(dataDir, row.file_path),
        datacenterPath: row.datacenter_file_path ? uploadFile(dataDir, row.datacenter_file_path) : null,
      },
      onProgress,
    )
    await updateImport(db, importId, {
      status: result.status,
      format: result.format,
      total_rows: result.totalRows,
      valid_rows: result.validRows,
      processed_rows: result.totalRows,
      error_count: result.errorRows,
      report: JSON.stringify(result.report),
    })
    // A refused file is of no further use (checking it again gives the same refusal).
    if (result.status === 'refused') await removeUploads(dataDir, [row.file_path, row.datacenter_file_path])
  } catch (error) {
    console.error(
      JSON.stringify({
        level: 'error',
        importId,
        job: 'check',
        error: (error as Error)?.stack ?? String(error),
      }),
    )
    const report = parseReport(row.report) ?? emptyReport(language, new Date().toISOString().slice(0, 10))
    await updateImport(db, importId, {
      status: 'failed',
      finished_at: new Date().toISOString(),
      report: JSON.stringify({ ...report, failure: 'error' }),
    })
  }
}

/** Starts the check of an import already 'checking', in the background. */
export function startCheck(
  context: JobContext,
  row: { id: number; workspace_id: number; file_path: string },
  language: Language,
): Promise<unknown> {
  return importJobs.start(row.file_path, 'checking', (progress) =>
    runCheck(context, row.workspace_id, row.id, language, (rows) => {
      progress.rowsRead = rows
    }),
  )
}

/** Starts the import of an import already moved to 'importing', in the background. */
export function startImport(
  context: JobContext,
  row: { id: number; workspace_id: number; file_path: string },
  mode: ImportMode,
  actorId: number | null,
): Promise<RunImportResult | undefined> {
  return importJobs.start(row.file_path, 'importing', (progress) =>
    runImport(context.db, {
      dataDir: context.dataDir,
      workspaceId: row.workspace_id,
      importId: row.id,
      mode,
      actorId,
      onProgress: (rows) => {
        progress.rowsRead = rows
      },
    }),
  )
}

const interruptedStatuses: readonly ImportStatus[] = ['checking', 'importing']

/**
 * Marks the imports a stopped process left running as failed (an import's transaction was rolled
 * back by the database itself). Call once at start-up, before serving. Returns how many.
 */
export async function failInterruptedImports(db: Kysely<Database>): Promise<number> {
  const rows = await db
    .selectFrom('inventory_imports')
    .select(['id', 'report'])
    .where('status', 'in', [...interruptedStatuses])
    .execute()
  const now = new Date().toISOString()
  for (const row of rows) {
    const report = parseReport(row.report) ?? emptyReport('fr', now.slice(0, 10))
    await db
      .updateTable('inventory_imports')
      .set({
        status: 'failed',
        updated_at: now,
        finished_at: now,
        report: JSON.stringify({ ...report, failure: 'interrupted' }),
      })
      .where('id', '=', row.id)
      .where('status', 'in', [...interruptedStatuses])
      .execute()
  }
  return rows.length
}
