import { type Kysely, PostgresAdapter } from 'kysely'

/** True when the Kysely instance talks to PostgreSQL (for the few places where SQL must differ). */
// biome-ignore lint/suspicious/noExplicitAny: works for any schema, including migrations'
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
