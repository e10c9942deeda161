import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import type { FileProblem } from '../../../lib/parse-yaml.js'
import { recordAudit } from '../../audit/record-audit.js'
import type { FactorBase } from '../factor-base.schemas.js'
import { parseFactorBase } from '../factor-bases.js'
import { FactorBaseVersionTaken, publishFactorBase } from '../factor-bases.store.js'

export type PlatformPublishResult =
  | { ok: true; base: FactorBase }
  | { ok: false; code: 'invalid'; problems: FileProblem[] }
  /** `espace-…` ids belong to workspaces' own bases. */
  | { ok: false; code: 'workspace_id'; id: string }
  /** A version ending like a download (`.json`, `.csv`) would be read as one. */
  | { ok: false; code: 'reserved_version'; version: string }
  | { ok: false; code: 'taken'; id: string; version: string }

/**
 * An operator publishes a platform base from its YAML or JSON text: checked whole (every problem
 * with its path and line), never over an existing id@version, recorded in the audit log. Nothing
 * is published on any refusal.
 */
export async function publishPlatformBase(
  db: Kysely<Database>,
  text: string,
  actorId: number,
): Promise<PlatformPublishResult> {
  const parsed = parseFactorBase(text)
  if (!parsed.ok) return { ok: false, code: 'invalid', problems: parsed.problems }
  const base = parsed.value
  if (base.id.startsWith('espace-')) return { ok: false, code: 'workspace_id', id: base.id }
  if (/\.(json|csv)$/i.test(base.version))
    return { ok: false, code: 'reserved_version', version: base.version }
  try {
    await db.transaction().execute(async (trx) => {
      await publishFactorBase(trx, base, 'operator', { actorId, workspaceId: null })
      await recordAudit(trx, {
        actorId,
        workspaceId: null,
        entity: 'factor_base',
        entityId: `${base.id}@${base.version}`,
        action: 'publish',
        after: { id: base.id, version: base.version, title: base.title },
      })
    })
  } catch (error) {
    if (error instanceof FactorBaseVersionTaken)
      return { ok: false, code: 'taken', id: base.id, version: base.version }
    throw error
  }
  return { ok: true, base }
}
