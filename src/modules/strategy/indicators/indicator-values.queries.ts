import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, IndicatorValuesTable } from '../../../db/schema.js'
import { recordAudit } from '../../audit/record-audit.js'
import { newEvidencePath, removeEvidence, writeEvidence } from './evidence-storage.js'

type Db = Kysely<Database> | Transaction<Database>

/** A value a member entered for one indicator and year. */
export type IndicatorValueRow = Selectable<IndicatorValuesTable>

/** An evidence file, checked (evidence-file.ts), to attach to the value. */
export interface EvidenceUpload {
  /** As the person's computer named it (shown, and given back on download). */
  name: string
  contentType: string
  content: Uint8Array
}

/** The file as the row records it. */
interface StoredEvidence {
  name: string
  /** Relative to `<dataDir>/evidence` (evidence-storage.ts). */
  path: string
  contentType: string
  bytes: number
}

export interface SaveIndicatorValueInput {
  workspaceId: number
  indicatorId: string
  year: number
  value: number
  source: string | null
  comment: string | null
  evidenceUrl: string | null
  /** A new file replaces the stored one; without one, the stored file stays unless `removeFile`. */
  evidenceFile?: EvidenceUpload | undefined
  removeFile?: boolean | undefined
  actorId: number | null
}

export interface SavedIndicatorValue {
  id: number
  created: boolean
}

/** What the audit log keeps of a value: everything but where its file lies on disk. */
function audited(row: Omit<IndicatorValueRow, 'id' | 'workspace_id' | 'updated_by' | 'updated_at'>) {
  return {
    indicatorId: row.indicator_id,
    year: row.year,
    value: row.value,
    source: row.source,
    comment: row.comment,
    evidenceUrl: row.evidence_url,
    evidenceFile: row.evidence_file_path === null ? null : row.evidence_file_name,
  }
}

export function findIndicatorValue(
  db: Db,
  workspaceId: number,
  indicatorId: string,
  year: number,
): Promise<IndicatorValueRow | undefined> {
  return db
    .selectFrom('indicator_values')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('indicator_id', '=', indicatorId)
    .where('year', '=', year)
    .executeTakeFirst()
}

/** A workspace's entered values, oldest year first; of one indicator when given. */
export function listIndicatorValues(
  db: Db,
  workspaceId: number,
  filter: { indicatorId?: string; years?: readonly number[] } = {},
): Promise<IndicatorValueRow[]> {
  let query = db.selectFrom('indicator_values').selectAll().where('workspace_id', '=', workspaceId)
  if (filter.indicatorId !== undefined) query = query.where('indicator_id', '=', filter.indicatorId)
  if (filter.years) query = query.where('year', 'in', filter.years.length > 0 ? [...filter.years] : [-1])
  return query.orderBy('indicator_id').orderBy('year').execute()
}

/**
 * Enters the year's value of an indicator, or replaces it: one row per workspace, indicator and
 * year, written with its audit entry in one transaction. A new evidence file is written first and
 * removed again if the save fails, so that nothing is left behind; the file it replaces is removed
 * once the save is committed. Two members saving the same new year at once: the unique key
 * refuses the second insert, which is then retried as an update.
 */
export async function saveIndicatorValue(
  db: Kysely<Database>,
  dataDir: string,
  input: SaveIndicatorValueInput,
): Promise<SavedIndicatorValue> {
  let file: StoredEvidence | undefined
  if (input.evidenceFile) {
    file = {
      name: input.evidenceFile.name,
      path: newEvidencePath(input.workspaceId),
      contentType: input.evidenceFile.contentType,
      bytes: input.evidenceFile.content.byteLength,
    }
    await writeEvidence(dataDir, file.path, input.evidenceFile.content)
  }
  let saved: SavedIndicatorValue & { dropped: string | null }
  try {
    try {
      saved = await saveOnce(db, input, file)
    } catch (error) {
      if (!(await findIndicatorValue(db, input.workspaceId, input.indicatorId, input.year))) throw error
      saved = await saveOnce(db, input, file)
    }
  } catch (error) {
    await removeEvidence(dataDir, file?.path)
    throw error
  }
  await removeEvidence(dataDir, saved.dropped)
  return { id: saved.id, created: saved.created }
}

function saveOnce(
  db: Kysely<Database>,
  input: SaveIndicatorValueInput,
  file: StoredEvidence | undefined,
): Promise<SavedIndicatorValue & { dropped: string | null }> {
  const { workspaceId, indicatorId, year, actorId } = input
  return db.transaction().execute(async (trx) => {
    const before = await findIndicatorValue(trx, workspaceId, indicatorId, year)
    const keepFile = !file && !input.removeFile
    const values = {
      value: input.value,
      source: input.source,
      comment: input.comment,
      evidence_url: input.evidenceUrl,
      evidence_file_name: keepFile ? (before?.evidence_file_name ?? null) : (file?.name ?? null),
      evidence_file_path: keepFile ? (before?.evidence_file_path ?? null) : (file?.path ?? null),
      evidence_content_type: keepFile ? (before?.evidence_content_type ?? null) : (file?.contentType ?? null),
      evidence_bytes: keepFile ? (before?.evidence_bytes ?? null) : (file?.bytes ?? null),
      updated_by: actorId,
      updated_at: new Date().toISOString(),
    }
    const after = { indicator_id: indicatorId, year, ...values }
    if (before) {
      await trx.updateTable('indicator_values').set(values).where('id', '=', before.id).execute()
      await recordAudit(trx, {
        actorId,
        workspaceId,
        entity: 'indicator_value',
        entityId: before.id,
        action: 'update',
        before: audited(before),
        after: audited(after),
      })
      return { id: before.id, created: false, dropped: keepFile ? null : before.evidence_file_path }
    }
    const inserted = await trx
      .insertInto('indicator_values')
      .values({ workspace_id: workspaceId, ...after })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId,
      workspaceId,
      entity: 'indicator_value',
      entityId: inserted.id,
      action: 'create',
      after: audited(after),
    })
    return { id: inserted.id, created: true, dropped: null }
  })
}

/**
 * Deletes the year's entered value (the computed one, if any, shows again), then, once that is
 * committed, its evidence file. Returns what was deleted; undefined when there was nothing.
 */
export async function deleteIndicatorValue(
  db: Kysely<Database>,
  dataDir: string,
  input: { workspaceId: number; indicatorId: string; year: number; actorId: number | null },
): Promise<IndicatorValueRow | undefined> {
  const deleted = await db.transaction().execute(async (trx) => {
    const before = await findIndicatorValue(trx, input.workspaceId, input.indicatorId, input.year)
    if (!before) return undefined
    const deleted = await trx.deleteFrom('indicator_values').where('id', '=', before.id).executeTakeFirst()
    if (Number(deleted.numDeletedRows) !== 1) return undefined
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: 'indicator_value',
      entityId: before.id,
      action: 'delete',
      before: audited(before),
    })
    return before
  })
  await removeEvidence(dataDir, deleted?.evidence_file_path)
  return deleted
}
