import type { Kysely, Selectable, Transaction } from 'kysely'
import type { ActionStatus, Database, ObjectivesTable } from '../../../db/schema.js'
import { changeAudited, createAudited } from '../../audit/record-audit.js'
import type { Referential } from '../../referential/referential.schemas.js'
import {
  findIndicator,
  indicatorReadings,
  referentialIndicators,
  yearsBetween,
} from '../indicators/indicator-readings.js'
import type { ObjectiveInput } from './objective-form.js'
import { assessObjective, type ObjectiveStatus, type YearValue } from './objective-status.js'

type Db = Kysely<Database> | Transaction<Database>

export interface Objective extends ObjectiveInput {
  id: number
  createdAt: string
  updatedAt: string
}

function objectiveOf(row: Selectable<ObjectivesTable>): Objective {
  return {
    id: row.id,
    indicatorId: row.indicator_id,
    title: row.title,
    decreeAxis: row.decree_axis,
    baseline: { year: row.baseline_year, value: row.baseline_value },
    targets: readTargets(row.targets),
    comment: row.comment,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** The targets column, defensively: a row written by hand must not break every page. */
function readTargets(json: string): YearValue[] {
  try {
    const parsed: unknown = JSON.parse(json)
    if (!Array.isArray(parsed)) return []
    return parsed
      .filter(
        (target): target is YearValue =>
          typeof target?.year === 'number' && typeof target?.value === 'number',
      )
      .map(({ year, value }) => ({ year, value }))
      .sort((a, b) => a.year - b.year)
  } catch {
    return []
  }
}

/** A workspace's objectives, in creation order. */
export async function listObjectives(db: Db, workspaceId: number): Promise<Objective[]> {
  const rows = await db
    .selectFrom('objectives')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute()
  return rows.map(objectiveOf)
}

/** One objective of this workspace; undefined for another workspace's, exactly as for a missing one. */
export async function findObjective(db: Db, workspaceId: number, id: number): Promise<Objective | undefined> {
  const row = await db
    .selectFrom('objectives')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? objectiveOf(row) : undefined
}

const columnsOf = (input: ObjectiveInput) => ({
  indicator_id: input.indicatorId,
  title: input.title,
  decree_axis: input.decreeAxis,
  baseline_year: input.baseline.year,
  baseline_value: input.baseline.value,
  targets: JSON.stringify(input.targets),
  comment: input.comment,
})

/** What the audit log keeps of an objective: its content, without the timestamps. */
const audited = ({ id: _id, createdAt: _created, updatedAt: _updated, ...content }: Objective) => content

export function createObjective(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; objective: ObjectiveInput },
): Promise<number> {
  return createAudited(db, input, {
    entity: 'objective',
    after: input.objective,
    insert: async (trx) => {
      const now = new Date().toISOString()
      const row = await trx
        .insertInto('objectives')
        .values({
          workspace_id: input.workspaceId,
          ...columnsOf(input.objective),
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

/** Replaces an objective's content; false when it is not this workspace's. */
export function updateObjective(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; id: number; objective: ObjectiveInput },
): Promise<boolean> {
  return changeAudited(db, input, {
    entity: 'objective',
    action: 'update',
    find: (trx) => findObjective(trx, input.workspaceId, input.id),
    change: async (trx, before) => {
      await trx
        .updateTable('objectives')
        .set({ ...columnsOf(input.objective), updated_at: new Date().toISOString() })
        .where('workspace_id', '=', input.workspaceId)
        .where('id', '=', input.id)
        .execute()
      return { before: audited(before), after: input.objective }
    },
  })
}

/** Deletes an objective and its links to actions (the actions stay); false when not this workspace's. */
export function deleteObjective(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; id: number },
): Promise<boolean> {
  return changeAudited(db, input, {
    entity: 'objective',
    action: 'delete',
    find: (trx) => findObjective(trx, input.workspaceId, input.id),
    change: async (trx, before) => {
      const links = await trx
        .selectFrom('action_objectives')
        .select('action_id')
        .where('objective_id', '=', input.id)
        .execute()
      // The foreign key cascades too; deleting the links here keeps the log's account complete.
      await trx.deleteFrom('action_objectives').where('objective_id', '=', input.id).execute()
      await trx
        .deleteFrom('objectives')
        .where('workspace_id', '=', input.workspaceId)
        .where('id', '=', input.id)
        .execute()
      return { before: { ...audited(before), actionIds: links.map((link) => link.action_id) } }
    },
  })
}

export interface LinkedAction {
  id: number
  title: string
  status: ActionStatus
}

/** The actions of this workspace that serve an objective, in creation order. */
export async function actionsOfObjective(
  db: Db,
  workspaceId: number,
  objectiveId: number,
): Promise<LinkedAction[]> {
  return db
    .selectFrom('action_objectives')
    .innerJoin('actions', 'actions.id', 'action_objectives.action_id')
    .select(['actions.id', 'actions.title', 'actions.status'])
    .where('action_objectives.objective_id', '=', objectiveId)
    .where('actions.workspace_id', '=', workspaceId)
    .orderBy('actions.id')
    .execute()
}

/** How many of the workspace's actions each decree axis holds (axis null: actions without one). */
export async function actionCountsByAxis(db: Db, workspaceId: number): Promise<Map<number | null, number>> {
  const rows = await db
    .selectFrom('actions')
    .select(['decree_axis', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('decree_axis')
    .execute()
  // PostgreSQL's count is a bigint, which the driver hands over as a string.
  return new Map(rows.map((row) => [row.decree_axis, Number(row.count)]))
}

/** An objective as the pages, the documents and the public page show it: with where it stands. */
export interface ObjectiveWithStatus extends Objective {
  /** The indicator's name and unit in the referential in force (the id and '' when it left it). */
  indicatorName: string
  unit: string
  status: ObjectiveStatus
  /** The latest value measured after the baseline year, up to the year asked. */
  measured: YearValue | null
  /** The trajectory's value in the measured year. */
  expected: number | null
  /** The first target from the year asked on (the last one once they are all past). */
  nextTarget: YearValue | null
  /** +1 to raise the indicator, -1 to lower it, 0 to hold it. */
  direction: 1 | -1 | 0
}

/**
 * Every objective of a workspace with its status in `year`, from the indicator readings (entered
 * values, else computed ones). One reading of the indicators for all objectives: computed values
 * cost a footprint per year, so the years are read once, from the earliest baseline to `year`.
 */
export async function objectivesWithStatus(
  db: Kysely<Database>,
  referential: Referential,
  workspaceId: number,
  year: number,
): Promise<ObjectiveWithStatus[]> {
  const objectives = await listObjectives(db, workspaceId)
  if (objectives.length === 0) return []
  const earliest = Math.min(...objectives.map((objective) => objective.baseline.year))
  const indicatorIds = [...new Set(objectives.map((objective) => objective.indicatorId))]
  const readings = await indicatorReadings(
    db,
    referential,
    workspaceId,
    yearsBetween(earliest + 1, year),
    indicatorIds,
  )
  const order = new Map(
    referentialIndicators(referential).map(({ indicator }, index) => [indicator.id, index]),
  )
  return objectives
    .map((objective) =>
      withStatus(
        referential,
        objective,
        readings.filter((reading) => reading.indicatorId === objective.indicatorId),
        year,
      ),
    )
    .sort(
      (a, b) =>
        (order.get(a.indicatorId) ?? order.size) - (order.get(b.indicatorId) ?? order.size) || a.id - b.id,
    )
}

/** One objective with its status in `year`, from its indicator's values (any years, any order). */
export function withStatus(
  referential: Referential,
  objective: Objective,
  measures: readonly YearValue[],
  year: number,
): ObjectiveWithStatus {
  const values = measures.map((measure) => ({ year: measure.year, value: measure.value }))
  const assessment = assessObjective(objective.baseline, objective.targets, values, year)
  const indicator = findIndicator(referential, objective.indicatorId)
  return {
    ...objective,
    indicatorName: indicator?.name ?? objective.indicatorId,
    unit: indicator?.unit ?? '',
    status: assessment.status,
    measured: assessment.measured,
    expected: assessment.expected,
    nextTarget: objective.targets.find((target) => target.year >= year) ?? objective.targets.at(-1) ?? null,
    direction: assessment.direction,
  }
}
