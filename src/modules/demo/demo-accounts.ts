import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { findUserByEmail, insertUser } from '../accounts/accounts.queries.js'
import { hashPassword } from '../accounts/passwords.js'
import { recordAudit } from '../audit/record-audit.js'
import { datasetLoad, recordDatasetLoad } from '../territories/load-territories.js'
import { demoCityCode, demoDeclarations } from './demo-territories.js'

/** Addresses under example.org (reserved, RFC 2606): no real person can receive their mail. */
export const demoAccounts = [
  {
    email: 'operateur@jalons.example.org',
    name: 'Opérateur de démonstration',
    platformRole: 'operator',
    role: null,
  },
  {
    email: 'admin@jalons-sur-loire.example.org',
    name: 'Camille Admin (démo)',
    platformRole: null,
    role: 'admin',
  },
  {
    email: 'contributeur@jalons-sur-loire.example.org',
    name: 'Dominique Contributeur (démo)',
    platformRole: null,
    role: 'contributor',
  },
] as const

export interface DemoCredential {
  email: string
  password: string
  what: string
}

const demoAccountsDataset = 'demo-accounts'

/** A random demo password: 4 groups of 5 letters and digits, easy to copy. */
function demoPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(20)
  const characters = [...bytes].map((byte) => alphabet[byte % alphabet.length])
  return [0, 5, 10, 15].map((start) => characters.slice(start, start + 5).join('')).join('-')
}

/**
 * The demo city's workspace with an admin and a contributor, and a demo operator. Created once
 * (first start in demo mode) or again by `npm run demo:reset`; returns the passwords to print,
 * the only time they are shown.
 */
export async function seedDemoAccounts(
  db: Kysely<Database>,
  options: { reset?: boolean } = {},
): Promise<DemoCredential[]> {
  if (!options.reset && (await datasetLoad(db, demoAccountsDataset))) return []
  const city = await db
    .selectFrom('territories')
    .select('id')
    .where('kind', '=', 'commune')
    .where('code', '=', demoCityCode)
    .executeTakeFirst()
  if (!city) return []
  const credentials = await Promise.all(
    demoAccounts.map(async (account) => ({ account, password: demoPassword() })),
  )
  const hashes = await Promise.all(credentials.map(({ password }) => hashPassword(password)))
  await db.transaction().execute(async (trx) => {
    let workspace = await trx
      .selectFrom('workspaces')
      .select('id')
      .where('territory_id', '=', city.id)
      .executeTakeFirst()
    if (!workspace) {
      workspace = await trx
        .insertInto('workspaces')
        .values({ territory_id: city.id, created_at: new Date().toISOString(), created_by: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    }
    const workspaceId = workspace.id
    // A reset empties the demo workspace of everyone but the demo accounts, and of pending invitations.
    await trx.deleteFrom('memberships').where('workspace_id', '=', workspaceId).execute()
    await trx.deleteFrom('tokens').where('workspace_id', '=', workspaceId).execute()
    for (const [index, { account }] of credentials.entries()) {
      const existing = await findUserByEmail(trx, account.email)
      const passwordHash = hashes[index] as string
      const userId = existing
        ? existing.id
        : await insertUser(trx, {
            email: account.email,
            name: account.name,
            passwordHash,
            platformRole: account.platformRole,
          })
      if (existing) {
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute()
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
      }
      if (account.role) {
        await trx
          .insertInto('memberships')
          .values({
            workspace_id: workspaceId,
            user_id: userId,
            role: account.role,
            created_at: new Date().toISOString(),
          })
          .execute()
      }
    }
    for (const declaration of demoDeclarations) {
      await trx
        .updateTable('territory_declarations')
        .set({ agents_fte: declaration.agentsFte, annual_purchases_cents: declaration.annualPurchasesCents })
        .where('territory_id', '=', city.id)
        .execute()
    }
    await recordAudit(trx, {
      actorId: null,
      workspaceId,
      entity: 'demo',
      entityId: workspaceId,
      action: options.reset ? 'reset' : 'create',
    })
    if (!options.reset) await recordDatasetLoad(trx, demoAccountsDataset, '1', credentials.length)
  })
  return credentials.map(({ account, password }) => ({
    email: account.email,
    password,
    what: account.platformRole === 'operator' ? 'operator' : `${account.role} of Jalons-sur-Loire (demo)`,
  }))
}
