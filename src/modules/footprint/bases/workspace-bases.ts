/**
 * What a workspace does with factor bases: choose the base and method it computes with, and make
 * its own bases (a copy to adapt, an edited version, a CSV import). A published version never
 * changes: every change publishes the next version, so results that recorded an earlier one can
 * still be recomputed and explained (decision 011).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import type { Locale, Translate } from '../../../i18n/i18n.js'
import { foldForSearch } from '../../../lib/text.js'
import { recordAudit } from '../../audit/record-audit.js'
import type { FootprintMethod } from '../compute-footprint.js'
import type { FactorBase } from '../factor-base.schemas.js'
import {
  loadFactorBase,
  publishFactorBase,
  saveFootprintSettings,
  workspaceBasePrefix,
} from '../factor-bases.store.js'
import { deviceTypes } from '../inventory-item.js'
import { checkFactorBase } from './base-form.js'
import { type CsvLineError, readDevicesCsv } from './factor-base-csv.js'
import { baseIdTaken } from './factor-bases.queries.js'

/** The longest name given to a workspace's base (it becomes the title). */
export const maxBaseNameLength = 120
const maxSlugLength = 40

/** « Parc 2025 (ajusté) » → `parc-2025-ajuste`: the readable end of the base id. */
export function slugFromName(name: string): string {
  return foldForSearch(name).replace(/ /g, '-').slice(0, maxSlugLength).replace(/-+$/, '')
}

/** The id of a workspace's own base named `name`, or null when the name leaves no letter or digit. */
export function ownBaseId(workspaceId: number, name: string): string | null {
  const slug = slugFromName(name)
  return slug ? `${workspaceBasePrefix(workspaceId)}${slug}` : null
}

export const isOwnBaseId = (workspaceId: number, id: string) =>
  id.startsWith(workspaceBasePrefix(workspaceId))

/** Changes the base and method a workspace computes with; false when the base is not one it may use. */
export async function chooseFootprintSettings(
  db: Kysely<Database>,
  input: {
    workspaceId: number
    actorId: number
    baseId: string
    baseVersion: string
    method: FootprintMethod
  },
): Promise<boolean> {
  const base = await loadFactorBase(db, input.baseId, input.baseVersion, input.workspaceId)
  if (!base) return false
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('footprint_settings')
      .select(['base_id', 'base_version', 'method'])
      .where('workspace_id', '=', input.workspaceId)
      .executeTakeFirst()
    const after = { base_id: input.baseId, base_version: input.baseVersion, method: input.method }
    await saveFootprintSettings(trx, input.workspaceId, {
      baseId: input.baseId,
      baseVersion: input.baseVersion,
      method: input.method,
    })
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: 'footprint_settings',
      entityId: input.workspaceId,
      action: 'update',
      before,
      after,
    })
  })
  return true
}

export type OwnBaseAction = 'copy' | 'edit' | 'import'

/** Publishes a workspace's own base version and records who did it, from which base, and how. */
export async function publishOwnBase(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; base: FactorBase; from: FactorBase; action: OwnBaseAction },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await publishFactorBase(trx, input.base, 'workspace', {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
    })
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: 'factor_base',
      entityId: `${input.base.id}@${input.base.version}`,
      action: input.action,
      after: {
        id: input.base.id,
        version: input.base.version,
        title: input.base.title,
        from: `${input.from.id}@${input.from.version}`,
      },
    })
  })
}

export type CopyRefusal = 'bad_name' | 'taken'

/** A copy of `from` under a name: a new own base, version 1, same content. */
export async function copyFactorBase(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; from: FactorBase; name: string },
): Promise<{ ok: true; base: FactorBase } | { ok: false; refusal: CopyRefusal }> {
  const name = input.name.trim()
  const id = ownBaseId(input.workspaceId, name)
  if (!id || name.length > maxBaseNameLength) return { ok: false, refusal: 'bad_name' }
  if (await baseIdTaken(db, id)) return { ok: false, refusal: 'taken' }
  const base: FactorBase = { ...structuredClone(input.from), id, version: '1', title: name }
  await publishOwnBase(db, { ...input, base, action: 'copy' })
  return { ok: true, base }
}

/**
 * A CSV of device figures over `start`, as the base `target` (a new own base, or the next version
 * of one). Each problem has its line and column; on any problem nothing is built. `source`, when
 * given, becomes the source of every device whose figures the file changed.
 */
export function baseFromCsv(
  text: string,
  start: FactorBase,
  target: { id: string; version: string; title: string },
  options: { source?: string | undefined; t: Translate; locale: Locale },
): { ok: true; base: FactorBase } | { ok: false; errors: CsvLineError[] } {
  const read = readDevicesCsv(text, start, options.t)
  if (!read.ok) return read
  const devices = read.devices
  if (options.source)
    for (const type of deviceTypes)
      if (JSON.stringify(devices[type]) !== JSON.stringify(start.devices[type]))
        devices[type].source = options.source
  const checked = checkFactorBase({ ...structuredClone(start), ...target, devices }, options.locale)
  if (checked.ok) return checked
  // Left for the schema (the file's values passed the checks above): tie each problem to its row.
  return {
    ok: false,
    errors: checked.issues.map((issue) => {
      const [section, type, field, phase, criterion] = issue.path.map(String)
      const key = field === 'factors' && phase && criterion ? `${criterion}.${phase}` : (field ?? '')
      const line = section === 'devices' ? read.lines.get(type as (typeof deviceTypes)[number]) : undefined
      return { line: line ?? 1, column: read.columnNames.get(key) ?? null, message: issue.message }
    }),
  }
}
