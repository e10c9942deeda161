/**
 * A workspace's own type table: labels as people write them in their files ("Poste de travail
 * DELL") → one of our types. Imports read it before the default table (workspaceTypeMapping).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Translate } from '../../i18n/i18n.js'
import { foldForSearch } from '../../lib/text.js'
import type { FieldErrors } from '../../ui/forms.js'
import { recordAudit } from '../audit/record-audit.js'
import { readText } from '../footprint/import/values.js'
import { type DeviceType, deviceTypes } from '../footprint/inventory-item.js'
import {
  deleteTypeMapping,
  listTypeMappings,
  saveTypeMapping,
  type WorkspaceTypeMapping,
} from './inventory.queries.js'

export const typeMappingAuditEntity = 'type_mapping'
export const maxLabelLength = 200

export type TypeMappingFormResult =
  | { ok: true; mapping: WorkspaceTypeMapping }
  | { ok: false; errors: FieldErrors; values: { label: string; type: string } }

export function parseTypeMappingForm(
  input: Record<string, string | undefined>,
  t: Translate,
): TypeMappingFormResult {
  const values = { label: input.label ?? '', type: input.type ?? '' }
  const errors: FieldErrors = {}
  const label = readText(values.label)
  // A label of punctuation only folds to nothing: the matcher would never use it.
  if (label === null || foldForSearch(label) === '') errors.label = t('inventory.mapping.labelEmpty')
  else if (label.length > maxLabelLength) errors.label = t('inventory.form.tooLong', { max: maxLabelLength })
  const type = (deviceTypes as readonly string[]).includes(values.type) ? (values.type as DeviceType) : null
  if (type === null) errors.type = t('inventory.mapping.typeMissing')
  if (label === null || type === null || Object.keys(errors).length > 0) return { ok: false, errors, values }
  return { ok: true, mapping: { label, type } }
}

interface Actor {
  workspaceId: number
  actorId: number
}

/** Adds a label or changes its type (the label is the key), with its audit entry. */
export async function saveWorkspaceTypeMapping(
  db: Kysely<Database>,
  actor: Actor,
  mapping: WorkspaceTypeMapping,
): Promise<'create' | 'update'> {
  return db.transaction().execute(async (trx) => {
    const before = (await listTypeMappings(trx, actor.workspaceId)).find(
      (existing) => existing.label === mapping.label,
    )
    await saveTypeMapping(trx, actor.workspaceId, mapping)
    const action = before ? 'update' : 'create'
    await recordAudit(trx, {
      ...actor,
      entity: typeMappingAuditEntity,
      entityId: mapping.label,
      action,
      before,
      after: mapping,
    })
    return action
  })
}

export async function removeWorkspaceTypeMapping(
  db: Kysely<Database>,
  actor: Actor,
  label: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = (await listTypeMappings(trx, actor.workspaceId)).find(
      (existing) => existing.label === label,
    )
    if (!before) return false
    await deleteTypeMapping(trx, actor.workspaceId, label)
    await recordAudit(trx, {
      ...actor,
      entity: typeMappingAuditEntity,
      entityId: label,
      action: 'delete',
      before,
    })
    return true
  })
}
