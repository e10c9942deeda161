import { type Kysely, sql, type Transaction } from 'kysely'
import type { ActionStatus, Database } from '../../../db/schema.js'
import { changeAudited, recordAudit } from '../../audit/record-audit.js'

type Db = Kysely<Database> | Transaction<Database>

/** What a person enters for an action (the form, or the one click from a recommendation). */
export interface ActionInput {
  title: string
  description: string | null
  /** Commitment ids of the referential ("A1.E2"), in the referential's order. */
  commitments: string[]
  decreeAxis: number | null
  ownerUserId: number | null
  ownerService: string | null
  /** ISO dates (AAAA-MM-JJ). */
  startDate: string | null
  endDate: string | null
  status: ActionStatus
  budgetEuros: number | null
  isPublic: boolean
  /** Objectives of the same workspace. */
  objectiveIds: number[]
}

export interface ActionRecord extends Omit<ActionInput, 'objectiveIds'> {
  id: number
  recommendationId: string | null
  /** The member's name (or e-mail when the name is empty), or null without a member. */
  ownerName: string | null
  createdAt: string
  updatedAt: string
}

export interface ActionNote {
  id: number
  body: string
  authorName: string | null
  createdAt: string
}

export interface ActionDetails extends ActionRecord {
  objectiveIds: number[]
  /** Newest first. */
  notes: ActionNote[]
}

/** The list's filters; each one optional, all of them together. */
export interface ActionFilter {
  commitment?: string | undefined
  status?: ActionStatus | undefined
  /** A member (by user id) or a service (its exact text). */
  owner?: { userId: number } | { service: string } | undefined
  /** Actions whose period touches the year (an action with one date lasts that day). */
  year?: number | undefined
}

const joinedCommitments = (ids: readonly string[]) => (ids.length === 0 ? null : ids.join('|'))
const splitCommitments = (text: string | null) => (text ? text.split('|').filter(Boolean) : [])

/** A member's name as shown: the name, or the e-mail when the name is empty. */
const personName = (name: string | null, email: string | null) => (name?.trim() ? name : (email ?? null))

function baseQuery(db: Db, workspaceId: number) {
  return db
    .selectFrom('actions')
    .leftJoin('users', 'users.id', 'actions.owner_user_id')
    .selectAll('actions')
    .select(['users.name as owner_name', 'users.email as owner_email'])
    .where('actions.workspace_id', '=', workspaceId)
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

function recordOf(row: ActionRow): ActionRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    commitments: splitCommitments(row.commitments),
    decreeAxis: row.decree_axis,
    ownerUserId: row.owner_user_id,
    ownerService: row.owner_service,
    ownerName: row.owner_user_id === null ? null : personName(row.owner_name, row.owner_email),
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    budgetEuros: row.budget_euros === null ? null : Number(row.budget_euros),
    isPublic: Number(row.is_public) === 1,
    recommendationId: row.recommendation_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/**
 * By start date, then id; actions without a start come last (the two databases sort nulls
 * differently, so the order is set here rather than in SQL).
 */
export function byStartThenId(
  a: { startDate: string | null; id: number },
  b: { startDate: string | null; id: number },
): number {
  if (a.startDate !== b.startDate) {
    if (a.startDate === null) return 1
    if (b.startDate === null) return -1
    return a.startDate < b.startDate ? -1 : 1
  }
  return a.id - b.id
}

/** A workspace's actions matching the filter, by start date then id. */
export async function listActions(
  db: Db,
  workspaceId: number,
  filter: ActionFilter = {},
): Promise<ActionRecord[]> {
  let query = baseQuery(db, workspaceId)
  if (filter.commitment !== undefined)
    // Stored as "A1.E1|A2.E3": framed by separators, one id matches only itself. Ids hold no % or _.
    query = query.where(sql<boolean>`('|' || actions.commitments || '|') like ${`%|${filter.commitment}|%`}`)
  if (filter.status !== undefined) query = query.where('actions.status', '=', filter.status)
  if (filter.owner !== undefined)
    query =
      'userId' in filter.owner
        ? query.where('actions.owner_user_id', '=', filter.owner.userId)
        : query.where('actions.owner_service', '=', filter.owner.service)
  if (filter.year !== undefined) {
    // ISO dates compare as text on both databases.
    const { year } = filter
    query = query
      .where((eb) => eb(eb.fn.coalesce('actions.start_date', 'actions.end_date'), '<=', `${year}-12-31`))
      .where((eb) => eb(eb.fn.coalesce('actions.end_date', 'actions.start_date'), '>=', `${year}-01-01`))
  }
  const rows = await query.execute()
  return rows.map(recordOf).sort(byStartThenId)
}

/** One action of this workspace with its objectives and notes; undefined for another's, as for none. */
export async function findAction(
  db: Db,
  workspaceId: number,
  id: number,
): Promise<ActionDetails | undefined> {
  const row = await baseQuery(db, workspaceId).where('actions.id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const [links, notes] = await Promise.all([
    db
      .selectFrom('action_objectives')
      .select('objective_id')
      .where('action_id', '=', id)
      .orderBy('objective_id')
      .execute(),
    db
      .selectFrom('action_notes')
      .leftJoin('users', 'users.id', 'action_notes.author_id')
      .select([
        'action_notes.id',
        'action_notes.body',
        'action_notes.created_at',
        'users.name as author_name',
        'users.email as author_email',
      ])
      .where('action_notes.action_id', '=', id)
      .orderBy('action_notes.created_at', 'desc')
      .orderBy('action_notes.id', 'desc')
      .execute(),
  ])
  return {
    ...recordOf(row),
    objectiveIds: links.map((link) => link.objective_id),
    notes: notes.map((note) => ({
      id: note.id,
      body: note.body,
      authorName: personName(note.author_name, note.author_email),
      createdAt: note.created_at,
    })),
  }
}

/** What the audit log keeps of an action: its fields, people by id only. */
function audited(input: ActionInput & { recommendationId?: string | null }) {
  return {
    title: input.title,
    description: input.description,
    commitments: input.commitments,
    decreeAxis: input.decreeAxis,
    ownerUserId: input.ownerUserId,
    ownerService: input.ownerService,
    startDate: input.startDate,
    endDate: input.endDate,
    status: input.status,
    budgetEuros: input.budgetEuros,
    isPublic: input.isPublic,
    objectiveIds: input.objectiveIds,
    recommendationId: input.recommendationId ?? null,
  }
}

function columnsOf(input: ActionInput) {
  return {
    title: input.title,
    description: input.description,
    commitments: joinedCommitments(input.commitments),
    decree_axis: input.decreeAxis,
    owner_user_id: input.ownerUserId,
    owner_service: input.ownerService,
    start_date: input.startDate,
    end_date: input.endDate,
    status: input.status,
    budget_euros: input.budgetEuros,
    is_public: input.isPublic ? 1 : 0,
  }
}

async function linkObjectives(trx: Transaction<Database>, actionId: number, objectiveIds: number[]) {
  const unique = [...new Set(objectiveIds)]
  if (unique.length === 0) return
  await trx
    .insertInto('action_objectives')
    .values(unique.map((objectiveId) => ({ action_id: actionId, objective_id: objectiveId })))
    .execute()
}

async function insertAction(
  trx: Transaction<Database>,
  input: { workspaceId: number; actorId: number; action: ActionInput; recommendationId: string | null },
): Promise<number> {
  const now = new Date().toISOString()
  const row = await trx
    .insertInto('actions')
    .values({
      workspace_id: input.workspaceId,
      ...columnsOf(input.action),
      recommendation_id: input.recommendationId,
      created_by: input.actorId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await linkObjectives(trx, row.id, input.action.objectiveIds)
  await recordAudit(trx, {
    actorId: input.actorId,
    workspaceId: input.workspaceId,
    entity: 'action',
    entityId: row.id,
    action: 'create',
    after: audited({ ...input.action, recommendationId: input.recommendationId }),
  })
  return row.id
}

export function createAction(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; action: ActionInput },
): Promise<number> {
  return db.transaction().execute((trx) => insertAction(trx, { ...input, recommendationId: null }))
}

/**
 * The action answering a recommendation: the one already there, or a new one. The check and the
 * insert share a transaction, so a second click finds the first click's action.
 */
export async function createActionForRecommendation(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; recommendationId: string; action: ActionInput },
): Promise<{ id: number; created: boolean }> {
  const existingAction = (executor: Kysely<Database>) =>
    executor
      .selectFrom('actions')
      .select('id')
      .where('workspace_id', '=', input.workspaceId)
      .where('recommendation_id', '=', input.recommendationId)
      .executeTakeFirst()
  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await existingAction(trx)
      if (existing) return { id: existing.id, created: false }
      const id = await insertAction(trx, input)
      return { id, created: true }
    })
  } catch (error) {
    // Two clicks at the same instant on PostgreSQL: the unique index (migration 007) refuses the
    // second insert; that click then leads to the first one's action.
    const existing = await existingAction(db)
    if (existing) return { id: existing.id, created: false }
    throw error
  }
}

const inputOf = (details: ActionDetails): ActionInput & { recommendationId: string | null } => ({
  title: details.title,
  description: details.description,
  commitments: details.commitments,
  decreeAxis: details.decreeAxis,
  ownerUserId: details.ownerUserId,
  ownerService: details.ownerService,
  startDate: details.startDate,
  endDate: details.endDate,
  status: details.status,
  budgetEuros: details.budgetEuros,
  isPublic: details.isPublic,
  objectiveIds: details.objectiveIds,
  recommendationId: details.recommendationId,
})

/** Replaces an action's fields and objectives; false when it is not this workspace's. */
export function updateAction(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; id: number; action: ActionInput },
): Promise<boolean> {
  return changeAudited(db, input, {
    entity: 'action',
    action: 'update',
    find: (trx) => findAction(trx, input.workspaceId, input.id),
    change: async (trx, before) => {
      await trx
        .updateTable('actions')
        .set({ ...columnsOf(input.action), updated_at: new Date().toISOString() })
        .where('workspace_id', '=', input.workspaceId)
        .where('id', '=', input.id)
        .execute()
      await trx.deleteFrom('action_objectives').where('action_id', '=', input.id).execute()
      await linkObjectives(trx, input.id, input.action.objectiveIds)
      return {
        before: audited(inputOf(before)),
        after: audited({ ...input.action, recommendationId: before.recommendationId }),
      }
    },
  })
}

/** Deletes an action with its objective links and notes; false when it is not this workspace's. */
export function deleteAction(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; id: number },
): Promise<boolean> {
  return changeAudited(db, input, {
    entity: 'action',
    action: 'delete',
    find: (trx) => findAction(trx, input.workspaceId, input.id),
    change: async (trx, before) => {
      // The links and notes go too (ON DELETE CASCADE); said explicitly, whatever the connection's pragmas.
      await trx.deleteFrom('action_objectives').where('action_id', '=', input.id).execute()
      await trx.deleteFrom('action_notes').where('action_id', '=', input.id).execute()
      await trx
        .deleteFrom('actions')
        .where('workspace_id', '=', input.workspaceId)
        .where('id', '=', input.id)
        .execute()
      return { before: { ...audited(inputOf(before)), notes: before.notes.length } }
    },
  })
}

/** A progress note on an action of this workspace; undefined when the action is not this workspace's. */
export function addActionNote(
  db: Kysely<Database>,
  input: { workspaceId: number; actorId: number; actionId: number; body: string },
): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const action = await trx
      .selectFrom('actions')
      .select('id')
      .where('workspace_id', '=', input.workspaceId)
      .where('id', '=', input.actionId)
      .executeTakeFirst()
    if (!action) return undefined
    const row = await trx
      .insertInto('action_notes')
      .values({
        action_id: input.actionId,
        body: input.body,
        author_id: input.actorId,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      entity: 'action_note',
      entityId: row.id,
      action: 'create',
      after: { actionId: input.actionId, body: input.body },
    })
    return row.id
  })
}

/** recommendation id → the action answering it, for the self-assessment results page. */
export async function actionsByRecommendation(db: Db, workspaceId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('actions')
    .select(['id', 'recommendation_id'])
    .where('workspace_id', '=', workspaceId)
    .where('recommendation_id', 'is not', null)
    .orderBy('id', 'desc')
    .execute()
  // Newest first, so that the oldest action wins when (by accident) two answer the same one.
  const found = new Map<string, number>()
  for (const row of rows) if (row.recommendation_id) found.set(row.recommendation_id, row.id)
  return found
}

/** This workspace's objectives, to link actions to (id and title, in creation order). */
export function objectiveChoices(db: Db, workspaceId: number) {
  return db
    .selectFrom('objectives')
    .select(['id', 'title', 'indicator_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute()
}

/** The people and services that own at least one action: the list's « responsable » filter. */
export async function actionOwners(
  db: Db,
  workspaceId: number,
): Promise<{ members: { id: number; name: string }[]; services: string[] }> {
  const [people, services] = await Promise.all([
    db
      .selectFrom('actions')
      .innerJoin('users', 'users.id', 'actions.owner_user_id')
      .select(['users.id', 'users.name', 'users.email'])
      .distinct()
      .where('actions.workspace_id', '=', workspaceId)
      .execute(),
    db
      .selectFrom('actions')
      .select('owner_service')
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .where('owner_service', 'is not', null)
      .execute(),
  ])
  return {
    members: people
      .map((person) => ({ id: person.id, name: personName(person.name, person.email) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    services: services
      .map((row) => row.owner_service ?? '')
      .filter(Boolean)
      .sort((a, b) => a.localeCompare(b, 'fr')),
  }
}

/** The years the workspace's actions span (for the year filter), with the current year. */
export async function actionYears(db: Db, workspaceId: number, currentYear: number): Promise<number[]> {
  const row = await db
    .selectFrom('actions')
    .select((eb) => [
      eb.fn.min(eb.fn.coalesce('start_date', 'end_date')).as('first'),
      eb.fn.max(eb.fn.coalesce('end_date', 'start_date')).as('last'),
    ])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst()
  const yearOf = (date: unknown) => (typeof date === 'string' ? Number(date.slice(0, 4)) : currentYear)
  const first = Math.min(yearOf(row?.first), currentYear)
  const last = Math.max(yearOf(row?.last), currentYear)
  const years: number[] = []
  for (let year = first; year <= last; year++) years.push(year)
  return years
}

/** action id → the ids of its objectives, for every action of the workspace (one query). */
export async function objectivesByAction(db: Db, workspaceId: number): Promise<Map<number, number[]>> {
  const links = await db
    .selectFrom('action_objectives')
    .innerJoin('actions', 'actions.id', 'action_objectives.action_id')
    .select(['action_objectives.action_id', 'action_objectives.objective_id'])
    .where('actions.workspace_id', '=', workspaceId)
    .orderBy('action_objectives.objective_id')
    .execute()
  const byAction = new Map<number, number[]>()
  for (const link of links) {
    const list = byAction.get(link.action_id) ?? []
    list.push(link.objective_id)
    byAction.set(link.action_id, list)
  }
  return byAction
}

/** An action as the documents and the public page use it. */
export interface DocumentAction {
  id: number
  title: string
  description: string | null
  commitments: string[]
  decreeAxis: number | null
  status: ActionStatus
  startDate: string | null
  endDate: string | null
  budgetEuros: number | null
  isPublic: boolean
  /** The member's name (or e-mail) or the service; null when nobody is named. */
  ownerDisplay: string | null
  ownerKind: 'member' | 'service' | null
  objectiveIds: number[]
  notesCount: number
  recommendationId: string | null
}

/**
 * The workspace's actions for a generated document or the public snapshot, by start date then id.
 * With publicOnly, internal actions are left out here, not by the caller.
 */
export async function actionsForDocuments(
  db: Db,
  workspaceId: number,
  options: { publicOnly: boolean },
): Promise<DocumentAction[]> {
  let query = baseQuery(db, workspaceId)
  if (options.publicOnly) query = query.where('actions.is_public', '=', 1)
  const [rows, objectivesOf, notes] = await Promise.all([
    query.execute(),
    objectivesByAction(db, workspaceId),
    db
      .selectFrom('action_notes')
      .innerJoin('actions', 'actions.id', 'action_notes.action_id')
      .select((eb) => ['action_notes.action_id', eb.fn.countAll().as('count')])
      .where('actions.workspace_id', '=', workspaceId)
      .groupBy('action_notes.action_id')
      .execute(),
  ])
  const notesOf = new Map(notes.map((row) => [row.action_id, Number(row.count)]))
  return rows
    .map(recordOf)
    .sort(byStartThenId)
    .map((action) => ({
      id: action.id,
      title: action.title,
      description: action.description,
      commitments: action.commitments,
      decreeAxis: action.decreeAxis,
      status: action.status,
      startDate: action.startDate,
      endDate: action.endDate,
      budgetEuros: action.budgetEuros,
      isPublic: action.isPublic,
      ownerDisplay: action.ownerName ?? action.ownerService,
      ownerKind: action.ownerName !== null ? 'member' : action.ownerService !== null ? 'service' : null,
      objectiveIds: objectivesOf.get(action.id) ?? [],
      notesCount: notesOf.get(action.id) ?? 0,
      recommendationId: action.recommendationId,
    }))
}

/** Objective ids → titles, for this workspace only (the action page's links). */
export async function objectiveTitles(
  db: Db,
  workspaceId: number,
  ids: readonly number[],
): Promise<{ id: number; title: string }[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('objectives')
    .select(['id', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute()
}
