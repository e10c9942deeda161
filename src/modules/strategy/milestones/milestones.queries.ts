import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { changeAudited, createAudited } from '../../audit/record-audit.js'
import type { MilestoneInput } from './milestone-form.js'

type Db = Kysely<Database> | Transaction<Database>

export interface Milestone extends MilestoneInput {
  id: number
  updatedAt: string
}

const columns = [
  'id',
  'kind',
  'date',
  'year',
  'deliberation_number',
  'document_url',
  'comment',
  'updated_at',
] as const

type MilestoneRow = Pick<Database['strategy_milestones'], Exclude<(typeof columns)[number], 'id'>> & {
  id: number
}

function milestoneOf(row: MilestoneRow): Milestone {
  return {
    id: row.id,
    kind: row.kind,
    date: row.date,
    year: row.year,
    deliberationNumber: row.deliberation_number,
    documentUrl: row.document_url,
    comment: row.comment,
    updatedAt: row.updated_at,
  }
}

/** A workspace's milestones, oldest first (the order they happened in). */
export async function listMilestones(db: Db, workspaceId: number): Promise<Milestone[]> {
  const rows = await db
    .selectFrom('strategy_milestones')
    .select(columns)
    .where('workspace_id', '=', workspaceId)
    .orderBy('date')
    .orderBy('id')
    .execute()
  return rows.map(milestoneOf)
}

export async function findMilestone(db: Db, workspaceId: number, id: number): Promise<Milestone | undefined> {
  const row = await db
    .selectFrom('strategy_milestones')
    .select(columns)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? milestoneOf(row) : undefined
}

const auditedValues = (input: MilestoneInput) => ({
  kind: input.kind,
  date: input.date,
  year: input.year,
  deliberation_number: input.deliberationNumber,
  document_url: input.documentUrl,
  comment: input.comment,
})

export function createMilestone(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; milestone: MilestoneInput },
): Promise<number> {
  return createAudited(db, input, {
    entity: 'milestone',
    after: auditedValues(input.milestone),
    insert: async (trx) => {
      const now = new Date().toISOString()
      const row = await trx
        .insertInto('strategy_milestones')
        .values({
          workspace_id: input.workspaceId,
          ...auditedValues(input.milestone),
          created_by: input.actorId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },
  })
}

/** false when the milestone is not this workspace's (or no longer exists). */
export function updateMilestone(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; id: number; milestone: MilestoneInput },
): Promise<boolean> {
  return changeAudited(db, input, {
    entity: 'milestone',
    action: 'update',
    find: (trx) => findMilestone(trx, input.workspaceId, input.id),
    change: async (trx, before) => {
      await trx
        .updateTable('strategy_milestones')
        .set({ ...auditedValues(input.milestone), updated_at: new Date().toISOString() })
        .where('workspace_id', '=', input.workspaceId)
        .where('id', '=', input.id)
        .execute()
      return { before: auditedValues(before), after: auditedValues(input.milestone) }
    },
  })
}

export function deleteMilestone(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; id: number },
): Promise<boolean> {
  return changeAudited(db, input, {
    entity: 'milestone',
    action: 'delete',
    find: (trx) => findMilestone(trx, input.workspaceId, input.id),
    change: async (trx, before) => {
      await trx
        .deleteFrom('strategy_milestones')
        .where('workspace_id', '=', input.workspaceId)
        .where('id', '=', input.id)
        .execute()
      return { before: auditedValues(before) }
    },
  })
}
