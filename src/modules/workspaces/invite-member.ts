import type { Kysely } from 'kysely'
import type { Config } from '../../config.js'
import type { Database, WorkspaceRole } from '../../db/schema.js'
import { translator } from '../../i18n/i18n.js'
import { findUserByEmail, normaliseEmail } from '../accounts/accounts.queries.js'
import { issueToken, withdrawTokens } from '../accounts/tokens.js'
import { recordAudit } from '../audit/record-audit.js'
import type { Mailer } from '../mail/mailer.js'
import { findMembership } from './workspaces.queries.js'

export interface Invitation {
  workspaceId: number
  territoryName: string
  email: string
  role: WorkspaceRole
  invitedBy: { id: number | null; name: string }
}

/**
 * Invites a person by mail with a single-use, 7-day link. Someone who is already a member gets
 * no second invitation (the caller shows a message); the invitation is recorded in the audit log
 * by its id, without the address (decision 008).
 */
export async function inviteMember(
  deps: { db: Kysely<Database>; mailer: Mailer; config: Pick<Config, 'baseUrl'> },
  invitation: Invitation,
): Promise<'invited' | 'already_member'> {
  const { db, mailer, config } = deps
  const email = normaliseEmail(invitation.email)
  const existing = await findUserByEmail(db, email)
  if (existing && (await findMembership(db, invitation.workspaceId, existing.id))) return 'already_member'
  const secret = await db.transaction().execute(async (trx) => {
    // One live invitation per person and workspace: a new one replaces the previous.
    await withdrawTokens(trx, { workspaceId: invitation.workspaceId, email })
    const token = await issueToken(trx, {
      purpose: 'invitation',
      email,
      workspaceId: invitation.workspaceId,
      role: invitation.role,
      createdBy: invitation.invitedBy.id,
    })
    await recordAudit(trx, {
      actorId: invitation.invitedBy.id,
      workspaceId: invitation.workspaceId,
      entity: 'invitation',
      entityId: token.id,
      action: 'invitation.sent',
      after: { role: invitation.role },
    })
    return token.secret
  })
  const t = translator(existing?.locale ?? 'fr')
  const roleLabel = t(`role.${invitation.role}`)
  await mailer.send({
    to: email,
    subject: t('invitation.mailSubject', { territory: invitation.territoryName }),
    text: t('invitation.mailBody', {
      inviter: invitation.invitedBy.name,
      territory: invitation.territoryName,
      role: roleLabel,
      link: `${config.baseUrl}/invitation/${secret}`,
    }),
  })
  return 'invited'
}
