import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'

type Db = Kysely<Database> | Transaction<Database>

/** Whether any version of this base id exists, whoever owns it (ids are unique across the platform). */
export async function baseIdTaken(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('factor_bases')
    .select('version')
    .where('base_id', '=', id)
    .executeTakeFirst()
  return row !== undefined
}

/** A workspace's own base: the next whole version number after those published (1, 2, 3…). */
export async function nextOwnVersion(db: Db, id: string): Promise<string> {
  const rows = await db.selectFrom('factor_bases').select('version').where('base_id', '=', id).execute()
  const numbers = rows.map((row) => (/^\d+$/.test(row.version) ? Number(row.version) : 0))
  return String(Math.max(0, ...numbers) + 1)
}
