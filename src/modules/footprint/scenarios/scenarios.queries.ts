import type { Kysely, Transaction } from 'kysely'
import type { Database, FootprintScenariosTable } from '../../../db/schema.js'
import { changeAudited, createAudited } from '../../audit/record-audit.js'
import { readStoredScenario, type StoredScenario, writeStoredScenario } from './stored-scenario.js'

type Db = Kysely<Database> | Transaction<Database>

export type ScenarioRow = Omit<FootprintScenariosTable, 'id'> & { id: number }

export interface SavedScenario {
  id: number
  name: string
  stored: StoredScenario
  createdAt: string
  updatedAt: string
}

function savedOf(row: ScenarioRow): SavedScenario {
  return {
    id: row.id,
    name: row.name,
    stored: readStoredScenario(row.content),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** A workspace's scenarios, by name (French collation, so « Écrans » sorts with the E). */
export async function listScenarios(db: Db, workspaceId: number): Promise<SavedScenario[]> {
  const rows = (await db
    .selectFrom('footprint_scenarios')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .execute()) as ScenarioRow[]
  return rows.map(savedOf).sort((a, b) => a.name.localeCompare(b.name, 'fr'))
}

/** One scenario of this workspace; undefined for another workspace's, exactly as for a missing one. */
export async function findScenario(
  db: Db,
  workspaceId: number,
  id: number,
): Promise<SavedScenario | undefined> {
  const row = (await db
    .selectFrom('footprint_scenarios')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()) as ScenarioRow | undefined
  return row ? savedOf(row) : undefined
}

/** A name already used in the workspace, whatever its case (« Sobriété » and « sobriété » are one). */
export class ScenarioNameTaken extends Error {
  constructor(readonly scenarioName: string) {
    super(`Scenario name already used: ${scenarioName}`)
  }
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'accent' }) === 0

async function checkNameFree(db: Db, workspaceId: number, name: string, exceptId: number | null) {
  const rows = await db
    .selectFrom('footprint_scenarios')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .execute()
  if (rows.some((row) => row.id !== exceptId && sameName(row.name, name))) throw new ScenarioNameTaken(name)
}

/** The database's own unique constraint, should two people save the same name at the same moment. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}

const audited = (name: string, stored: StoredScenario) => ({ name, content: stored })

export async function createScenario(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; name: string; stored: StoredScenario },
): Promise<number> {
  try {
    return await createAudited(db, input, {
      entity: 'footprint_scenario',
      after: audited(input.name, input.stored),
      insert: async (trx) => {
        await checkNameFree(trx, input.workspaceId, input.name, null)
        const now = new Date().toISOString()
        const row = await trx
          .insertInto('footprint_scenarios')
          .values({
            workspace_id: input.workspaceId,
            name: input.name,
            content: writeStoredScenario(input.stored),
            created_at: now,
            created_by: input.actorId,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        return row.id
      },
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new ScenarioNameTaken(input.name)
    throw error
  }
}

/** Replaces a scenario's name and content; false when it is not this workspace's. */
export async function updateScenario(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; id: number; name: string; stored: StoredScenario },
): Promise<boolean> {
  try {
    return await changeAudited(db, input, {
      entity: 'footprint_scenario',
      action: 'update',
      find: (trx) => findScenario(trx, input.workspaceId, input.id),
      change: async (trx, before) => {
        await checkNameFree(trx, input.workspaceId, input.name, input.id)
        await trx
          .updateTable('footprint_scenarios')
          .set({
            name: input.name,
            content: writeStoredScenario(input.stored),
            updated_at: new Date().toISOString(),
          })
          .where('workspace_id', '=', input.workspaceId)
          .where('id', '=', input.id)
          .execute()
        return { before: audited(before.name, before.stored), after: audited(input.name, input.stored) }
      },
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new ScenarioNameTaken(input.name)
    throw error
  }
}

export function deleteScenario(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; id: number },
): Promise<boolean> {
  return changeAudited(db, input, {
    entity: 'footprint_scenario',
    action: 'delete',
    find: (trx) => findScenario(trx, input.workspaceId, input.id),
    change: async (trx, before) => {
      await trx
        .deleteFrom('footprint_scenarios')
        .where('workspace_id', '=', input.workspaceId)
        .where('id', '=', input.id)
        .execute()
      return { before: audited(before.name, before.stored) }
    },
  })
}

/** The device types of a workspace's inventory, for the form (one small query, no scan). */
export async function inventoryTypes(db: Db, workspaceId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('inventory_items')
    .select('type')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .execute()
  return rows.map((row) => row.type)
}
