import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'

type Db = Kysely<Database> | Transaction<Database>

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

export function findUserById(db: Db, id: number) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

export async function insertUser(
  db: Db,
  user: {
    email: string
    name: string
    passwordHash: string
    locale?: 'fr' | 'en'
    platformRole?: 'operator' | 'observer' | null
  },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: normaliseEmail(user.email),
      name: user.name.trim(),
      password_hash: user.passwordHash,
      locale: user.locale ?? 'fr',
      platform_role: user.platformRole ?? null,
      created_at: new Date().toISOString(),
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
