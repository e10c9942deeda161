import { prepareDatabase } from '../bootstrap.js'
import { loadConfig } from '../config.js'
import { randomToken } from '../lib/secrets.js'
import { findUserByEmail, insertUser } from '../modules/accounts/accounts.queries.js'
import { hashPassword, passwordProblem } from '../modules/accounts/passwords.js'
import { recordAudit } from '../modules/audit/record-audit.js'

/**
 * npm run operator:create -- [--observer] <email> "<name>"
 * Creates a platform operator, or an observer with --observer (or gives an existing account that
 * role). The password comes from JALONS_PASSWORD, or is generated and printed once.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const role = args.includes('--observer') ? ('observer' as const) : ('operator' as const)
  const [email, ...nameParts] = args.filter((arg) => arg !== '--observer')
  const name = nameParts.join(' ').trim()
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !name) {
    console.error('usage: npm run operator:create -- [--observer] <email> "<name>"')
    process.exit(2)
  }
  const given = process.env.JALONS_PASSWORD
  const password = given ?? randomToken().slice(0, 20)
  const problem = passwordProblem(password, email)
  if (problem) {
    console.error(
      `jalons: JALONS_PASSWORD is not acceptable (${problem}): at least 12 characters, not a common password`,
    )
    process.exit(2)
  }
  const { handle } = await prepareDatabase({ ...loadConfig(), demo: false })
  try {
    const existing = await findUserByEmail(handle.db, email)
    await handle.db.transaction().execute(async (trx) => {
      if (existing) {
        await trx.updateTable('users').set({ platform_role: role }).where('id', '=', existing.id).execute()
        await recordAudit(trx, {
          actorId: null,
          workspaceId: null,
          entity: 'user',
          entityId: existing.id,
          action: 'promote',
          after: { platformRole: role },
        })
      } else {
        const id = await insertUser(trx, {
          email,
          name,
          passwordHash: await hashPassword(password),
          platformRole: role,
        })
        await recordAudit(trx, {
          actorId: null,
          workspaceId: null,
          entity: 'user',
          entityId: id,
          action: 'create',
          after: { platformRole: role },
        })
      }
    })
    if (existing)
      console.log(
        `jalons: ${email} is now ${role === 'operator' ? 'an operator' : 'an observer'} (password unchanged)`,
      )
    else console.log(`jalons: ${role} ${email} created${given ? '' : `, password: ${password}`}`)
  } finally {
    await handle.close()
  }
}

main().catch((error: unknown) => {
  console.error(`jalons: ${(error as Error).message}`)
  process.exit(1)
})
