import type { Kysely, Transaction } from 'kysely'
import type { Database, ImportStatus, InventoryImportsTable } from '../../../db/schema.js'

type Db = Kysely<Database> | Transaction<Database>

export type ImportRow = Omit<InventoryImportsTable, 'id'> & { id: number }

export interface ImportListRow {
  id: number
  status: ImportStatus
  fileName: string
  datacenterFileName: string | null
  createdAt: string
  createdBy: string | null
  importedRows: number
  totalRows: number | null
  replace: boolean
}

export async function insertImport(
  db: Db,
  values: {
    workspaceId: number
    fileName: string
    filePath: string
    datacenterFileName: string | null
    datacenterFilePath: string | null
    fileBytes: number
    replace: boolean
    createdBy: number | null
  },
): Promise<number> {
  const now = new Date().toISOString()
  const row = await db
    .insertInto('inventory_imports')
    .values({
      workspace_id: values.workspaceId,
      status: 'checking',
      format: null,
      file_name: values.fileName,
      file_path: values.filePath,
      datacenter_file_name: values.datacenterFileName,
      datacenter_file_path: values.datacenterFilePath,
      file_bytes: values.fileBytes,
      mode: null,
      replace_inventory: values.replace ? 1 : 0,
      total_rows: null,
      valid_rows: null,
      processed_rows: 0,
      imported_rows: 0,
      error_count: 0,
      report: null,
      created_at: now,
      created_by: values.createdBy,
      updated_at: now,
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** One import of this workspace (another workspace's import is undefined). */
export async function findImport(db: Db, workspaceId: number, id: number): Promise<ImportRow | undefined> {
  return db
    .selectFrom('inventory_imports')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function listImports(db: Db, workspaceId: number, limit = 50): Promise<ImportListRow[]> {
  const rows = await db
    .selectFrom('inventory_imports')
    .leftJoin('users', 'users.id', 'inventory_imports.created_by')
    .select([
      'inventory_imports.id',
      'inventory_imports.status',
      'inventory_imports.file_name',
      'inventory_imports.datacenter_file_name',
      'inventory_imports.created_at',
      'inventory_imports.imported_rows',
      'inventory_imports.total_rows',
      'inventory_imports.replace_inventory',
      'users.name',
    ])
    .where('inventory_imports.workspace_id', '=', workspaceId)
    .orderBy('inventory_imports.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    fileName: row.file_name,
    datacenterFileName: row.datacenter_file_name,
    createdAt: row.created_at,
    createdBy: row.name,
    importedRows: row.imported_rows,
    totalRows: row.total_rows,
    replace: row.replace_inventory === 1,
  }))
}

/**
 * Moves an import from one of the given statuses to another, atomically: false when it was not
 * in one of them (a second click, another tab), so that two jobs never run on one import.
 */
export async function moveImport(
  db: Db,
  workspaceId: number,
  id: number,
  from: readonly ImportStatus[],
  to: ImportStatus,
  extra: Partial<Pick<InventoryImportsTable, 'mode' | 'processed_rows' | 'imported_rows'>> = {},
): Promise<boolean> {
  const result = await db
    .updateTable('inventory_imports')
    .set({ status: to, updated_at: new Date().toISOString(), ...extra })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function updateImport(
  db: Db,
  id: number,
  values: Partial<Omit<InventoryImportsTable, 'id' | 'workspace_id'>>,
): Promise<void> {
  await db
    .updateTable('inventory_imports')
    .set({ ...values, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute()
}

/** Deletes an import of this workspace if it is in one of the given statuses. */
export async function deleteImport(
  db: Db,
  workspaceId: number,
  id: number,
  statuses: readonly ImportStatus[],
): Promise<boolean> {
  const result = await db
    .deleteFrom('inventory_imports')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', [...statuses])
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
