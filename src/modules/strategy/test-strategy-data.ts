import type { Kysely } from 'kysely'
import type { ActionStatus, Database } from '../../db/schema.js'

/**
 * Strategy rows written straight into the tables, as test and bench data (the forms that write
 * them are tested in their own modules): no audit entry, no check.
 */

const now = () => new Date().toISOString()

export async function insertObjective(
  db: Kysely<Database>,
  workspaceId: number,
  input: {
    indicatorId: string
    title: string
    baseline: { year: number; value: number }
    targets: { year: number; value: number }[]
    decreeAxis?: number | null
  },
): Promise<number> {
  const row = await db
    .insertInto('objectives')
    .values({
      workspace_id: workspaceId,
      indicator_id: input.indicatorId,
      title: input.title,
      decree_axis: input.decreeAxis ?? null,
      baseline_year: input.baseline.year,
      baseline_value: input.baseline.value,
      targets: JSON.stringify(input.targets),
      comment: null,
      created_by: null,
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertAction(
  db: Kysely<Database>,
  workspaceId: number,
  input: {
    title: string
    isPublic: boolean
    status?: ActionStatus
    budgetEuros?: number | null
    ownerService?: string | null
    ownerUserId?: number | null
    commitments?: string[]
    decreeAxis?: number | null
    startDate?: string | null
    endDate?: string | null
    description?: string | null
    objectiveIds?: number[]
  },
): Promise<number> {
  const row = await db
    .insertInto('actions')
    .values({
      workspace_id: workspaceId,
      title: input.title,
      description: input.description ?? null,
      commitments: input.commitments?.join('|') || null,
      decree_axis: input.decreeAxis ?? null,
      owner_user_id: input.ownerUserId ?? null,
      owner_service: input.ownerService ?? null,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      status: input.status ?? 'en_cours',
      budget_euros: input.budgetEuros ?? null,
      is_public: input.isPublic ? 1 : 0,
      recommendation_id: null,
      created_by: null,
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const objectiveId of input.objectiveIds ?? [])
    await db
      .insertInto('action_objectives')
      .values({ action_id: row.id, objective_id: objectiveId })
      .execute()
  return row.id
}

export async function insertIndicatorValue(
  db: Kysely<Database>,
  workspaceId: number,
  input: { indicatorId: string; year: number; value: number; source?: string | null },
): Promise<void> {
  await db
    .insertInto('indicator_values')
    .values({
      workspace_id: workspaceId,
      indicator_id: input.indicatorId,
      year: input.year,
      value: input.value,
      source: input.source ?? null,
      comment: null,
      evidence_url: null,
      evidence_file_name: null,
      evidence_file_path: null,
      evidence_content_type: null,
      evidence_bytes: null,
      updated_by: null,
      updated_at: now(),
    })
    .execute()
}
