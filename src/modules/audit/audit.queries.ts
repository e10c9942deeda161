import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { offsetOf, type Page, toPage } from '../../lib/pagination.js'

export interface AuditFilters {
  /** One workspace's log; undefined for the whole platform (operators). */
  workspaceId?: number | undefined
  actorId?: number | undefined
  entity?: string | undefined
  /** ISO dates (yyyy-mm-dd), inclusive. */
  from?: string | undefined
  to?: string | undefined
  page: number
}

export interface AuditRow {
  id: number
  at: string
  actorId: number | null
  actorName: string | null
  actorDeleted: boolean
  workspaceId: number | null
  entity: string
  entityId: string
  action: string
  before: string | null
  after: string | null
}

export const auditPageSize = 30

export async function listAudit(db: Kysely<Database>, filters: AuditFilters): Promise<Page<AuditRow>> {
  let query = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id')
  if (filters.workspaceId !== undefined)
    query = query.where('audit_log.workspace_id', '=', filters.workspaceId)
  if (filters.actorId !== undefined) query = query.where('audit_log.actor_id', '=', filters.actorId)
  if (filters.entity) query = query.where('audit_log.entity', '=', filters.entity)
  if (filters.from) query = query.where('audit_log.at', '>=', filters.from)
  if (filters.to) query = query.where('audit_log.at', '<', `${filters.to}T99`)
  const [rows, count] = await Promise.all([
    query
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.actor_id',
        'users.name',
        'users.deleted_at',
        'audit_log.workspace_id',
        'audit_log.entity',
        'audit_log.entity_id',
        'audit_log.action',
        'audit_log.before',
        'audit_log.after',
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(auditPageSize)
      .offset(offsetOf(filters.page, auditPageSize))
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return toPage(
    rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      actorName: row.name,
      actorDeleted: row.deleted_at !== null,
      workspaceId: row.workspace_id,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      before: row.before,
      after: row.after,
    })),
    filters.page,
    auditPageSize,
    count.total,
  )
}

/** The people and kinds of objects that appear in a log, for the filter lists. */
export async function auditFilterChoices(db: Kysely<Database>, workspaceId: number | undefined) {
  let actors = db
    .selectFrom('audit_log')
    .innerJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['users.id', 'users.name', 'users.deleted_at'])
    .distinct()
  let entities = db.selectFrom('audit_log').select('entity').distinct()
  if (workspaceId !== undefined) {
    actors = actors.where('audit_log.workspace_id', '=', workspaceId)
    entities = entities.where('workspace_id', '=', workspaceId)
  }
  const [people, kinds] = await Promise.all([
    actors.orderBy('users.name').execute(),
    entities.orderBy('entity').execute(),
  ])
  return { people, entities: kinds.map((row) => row.entity) }
}
