import type { Kysely, Transaction } from 'kysely'
import type { Database, WorkspaceRole } from '../../db/schema.js'

type Db = Kysely<Database> | Transaction<Database>

export interface WorkspaceContext {
  id: number
  territoryId: number
  territoryKind: Database['territories']['kind']
  territoryCode: string
  territoryName: string
  role: WorkspaceRole
}

/** The workspace as seen by one member; undefined when the person is not a member. */
export async function findWorkspaceForMember(
  db: Db,
  workspaceId: number,
  userId: number,
): Promise<WorkspaceContext | undefined> {
  const row = await db
    .selectFrom('workspaces')
    .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
    .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
    .select([
      'workspaces.id',
      'workspaces.territory_id',
      'territories.kind',
      'territories.code',
      'territories.name',
      'memberships.role',
    ])
    .where('workspaces.id', '=', workspaceId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    territoryId: row.territory_id,
    territoryKind: row.kind,
    territoryCode: row.code,
    territoryName: row.name,
    role: row.role,
  }
}

/** The workspaces a person belongs to, for the switcher. */
export function listWorkspacesOf(db: Db, userId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
    .select(['workspaces.id', 'territories.name', 'territories.kind', 'territories.code', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('territories.name')
    .execute()
}

export function listMembers(db: Db, workspaceId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.workspace_id', '=', workspaceId)
    .where('users.deleted_at', 'is', null)
    .orderBy('users.name')
    .execute()
}

export function findMembership(db: Db, workspaceId: number, userId: number) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

export async function countAdmins(db: Db, workspaceId: number): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow()
  return row.count
}

export function listPendingInvitations(db: Db, workspaceId: number) {
  return db
    .selectFrom('tokens')
    .select(['id', 'email', 'role', 'expires_at'])
    .where('workspace_id', '=', workspaceId)
    .where('purpose', '=', 'invitation')
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date().toISOString())
    .orderBy('created_at', 'desc')
    .execute()
}

export function findWorkspaceByTerritory(db: Db, territoryId: number) {
  return db.selectFrom('workspaces').selectAll().where('territory_id', '=', territoryId).executeTakeFirst()
}
