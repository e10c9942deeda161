import type { Kysely } from 'kysely'
import { isPostgres } from '../dialect.js'

/**
 * Accounts, workspaces and what keeps them safe: sessions, single-use tokens, sign-in throttling,
 * the mail outbox and the append-only audit log. Timestamps are ISO-8601 UTC text (decision 002).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db)
  // biome-ignore lint/suspicious/noExplicitAny: column builder of either dialect
  const id = (col: any) => (postgres ? col.primaryKey() : col.primaryKey().autoIncrement())
  const idType = postgres ? 'serial' : 'integer'

  await db.schema
    .createTable('users')
    .addColumn('id', idType, id)
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull().defaultTo('fr'))
    .addColumn('platform_role', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute()

  await db.schema
    .createTable('workspaces')
    .addColumn('id', idType, id)
    .addColumn('territory_id', 'integer', (col) => col.notNull().unique().references('territories.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .execute()

  await db.schema
    .createTable('memberships')
    .addColumn('workspace_id', 'integer', (col) =>
      col.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
    .execute()
  await db.schema.createIndex('memberships_user_index').on('memberships').column('user_id').execute()

  await db.schema
    .createTable('workspace_requests')
    .addColumn('id', idType, id)
    .addColumn('territory_id', 'integer', (col) => col.notNull().references('territories.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('position', 'text', (col) => col.notNull())
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('decided_by', 'integer', (col) => col.references('users.id'))
    .addColumn('decided_at', 'text')
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('active_workspace_id', 'integer', (col) =>
      col.references('workspaces.id').onDelete('set null'),
    )
    .execute()
  await db.schema.createIndex('sessions_user_index').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('tokens')
    .addColumn('id', idType, id)
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.references('users.id').onDelete('cascade'))
    .addColumn('workspace_id', 'integer', (col) => col.references('workspaces.id').onDelete('cascade'))
    .addColumn('role', 'text')
    .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .execute()

  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('failures', 'integer', (col) => col.notNull())
    .addColumn('window_started_at', 'text', (col) => col.notNull())
    .addColumn('locked_until', 'text')
    .execute()

  await db.schema
    .createTable('outbox')
    .addColumn('id', idType, id)
    .addColumn('to_address', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', idType, id)
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'integer', (col) => col.references('users.id'))
    .addColumn('workspace_id', 'integer', (col) => col.references('workspaces.id'))
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute()
  await db.schema
    .createIndex('audit_log_workspace_index')
    .on('audit_log')
    .columns(['workspace_id', 'id'])
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'outbox',
    'auth_throttle',
    'tokens',
    'sessions',
    'workspace_requests',
    'memberships',
    'workspaces',
    'users',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
