import type { AppDependencies } from '../../app-env.js'
import type { TerritoryKind } from '../../db/schema.js'
import { recordAudit } from '../audit/record-audit.js'
import { inviteMember } from './invite-member.js'
import { countAdmins, findWorkspaceByTerritory } from './workspaces.queries.js'

export type OpenOutcome =
  | { state: 'opened'; workspaceId: number; territoryName: string }
  | { state: 'unknown_territory' }
  /** The workspace exists and has an admin: its admins invite people, not the operator. */
  | { state: 'exists'; territoryName: string }

/** Opens a territory's workspace (once) and invites its first admin; never adds an admin to a run workspace. */
export async function openWorkspace(
  deps: Pick<AppDependencies, 'db' | 'mailer' | 'config'>,
  input: { kind: TerritoryKind; code: string; adminEmail: string; operator: { id: number; name: string } },
): Promise<OpenOutcome> {
  const { db } = deps
  const territory = await db
    .selectFrom('territories')
    .select(['id', 'name'])
    .where('kind', '=', input.kind)
    .where('code', '=', input.code)
    .executeTakeFirst()
  if (!territory) return { state: 'unknown_territory' }
  let workspace = await findWorkspaceByTerritory(db, territory.id)
  if (workspace && (await countAdmins(db, workspace.id)) > 0)
    return { state: 'exists', territoryName: territory.name }
  if (!workspace) {
    workspace = await db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto('workspaces')
        .values({
          territory_id: territory.id,
          created_at: new Date().toISOString(),
          created_by: input.operator.id,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordAudit(trx, {
        actorId: input.operator.id,
        workspaceId: created.id,
        entity: 'workspace',
        entityId: created.id,
        action: 'create',
        after: { territoryId: territory.id },
      })
      return created
    })
  }
  await inviteMember(deps, {
    workspaceId: workspace.id,
    territoryName: territory.name,
    email: input.adminEmail,
    role: 'admin',
    invitedBy: input.operator,
  })
  return { state: 'opened', workspaceId: workspace.id, territoryName: territory.name }
}

/** "commune/69123", "epci/200046977": how operators and requesters name a territory. */
export function parseTerritoryReference(value: string): { kind: TerritoryKind; code: string } | undefined {
  const match = value
    .trim()
    .match(/^(commune|epci|ept|special|departement|region)\s*[/:]\s*([0-9A-Za-z-]{1,20})$/)
  return match ? { kind: match[1] as TerritoryKind, code: (match[2] as string).toUpperCase() } : undefined
}
