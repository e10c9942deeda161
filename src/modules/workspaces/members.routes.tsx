import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { fr } from '../../i18n/fr.js'
import { renderNotFound } from '../../ui/error-pages.js'
import { type FieldErrors, fieldErrorsOf, formValues } from '../../ui/forms.js'
import { noticeFrom } from '../../ui/notices.js'
import { inviteSchema, roleSchema } from '../accounts/accounts.schemas.js'
import { changeMembership, type MembershipChange } from './change-membership.js'
import { inviteMember } from './invite-member.js'
import { MembersPage } from './views/members.page.js'
import { workspaceAccess } from './workspace-access.middleware.js'
import { listMembers, listPendingInvitations } from './workspaces.queries.js'

const notices = {
  invite: 'members.invited',
  deja: 'members.alreadyMember',
  role: 'members.roleChanged',
  retire: 'members.removed',
  dernier: 'members.lastAdmin',
} as const

/** Members of a workspace: everyone sees them; admins invite, change roles and remove. */
export function membersRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()

  const render = async (
    c: Context<AppEnv>,
    state: { errors?: FieldErrors; notice?: { text: string; success: boolean }; inviteEmail?: string } = {},
  ) => {
    const workspace = c.get('workspace')
    const [members, pending] = await Promise.all([
      listMembers(db, workspace.id),
      listPendingInvitations(db, workspace.id),
    ])
    return c.render(
      <MembersPage
        c={c}
        members={members}
        pending={pending}
        errors={state.errors ?? {}}
        notice={state.notice}
        inviteEmail={state.inviteEmail}
      />,
      { title: c.get('t')('members.title') },
    )
  }
  const back = (c: Context<AppEnv>, info: keyof typeof notices, email?: string) =>
    c.redirect(
      `/espace/${c.get('workspace').id}/membres?info=${info}${email ? `&email=${encodeURIComponent(email)}` : ''}`,
      303,
    )

  routes.get('/espace/:workspaceId/membres', workspaceAccess(deps, 'members.view'), (c) => {
    const found = noticeFrom(c, notices, { email: c.req.query('email') ?? '' })
    const notice = found && { text: found.text, success: found.key !== 'deja' && found.key !== 'dernier' }
    return render(c, notice ? { notice } : {})
  })

  routes.post('/espace/:workspaceId/membres/inviter', workspaceAccess(deps, 'members.manage'), async (c) => {
    const values = await formValues(c)
    const parsed = inviteSchema.safeParse(values)
    if (!parsed.success) {
      c.status(400)
      return render(c, {
        errors: fieldErrorsOf(parsed.error, c.get('t'), fr),
        inviteEmail: values.email ?? '',
      })
    }
    const user = c.get('user') as { id: number; name: string }
    const workspace = c.get('workspace')
    const outcome = await inviteMember(deps, {
      workspaceId: workspace.id,
      territoryName: workspace.territoryName,
      email: parsed.data.email,
      role: parsed.data.role,
      invitedBy: { id: user.id, name: user.name },
    })
    return back(c, outcome === 'invited' ? 'invite' : 'deja', parsed.data.email)
  })

  const change = (
    c: Context<AppEnv>,
    membershipChange: MembershipChange | undefined,
    done: keyof typeof notices,
  ) => {
    const workspace = c.get('workspace')
    if (!membershipChange) return renderNotFound(c)
    return changeMembership(db, {
      workspaceId: workspace.id,
      memberId: Number(c.req.param('userId')),
      actorId: (c.get('user') as { id: number }).id,
      change: membershipChange,
    }).then((outcome) =>
      outcome === 'not_member' ? renderNotFound(c) : back(c, outcome === 'last_admin' ? 'dernier' : done),
    )
  }

  routes.post(
    '/espace/:workspaceId/membres/:userId/role',
    workspaceAccess(deps, 'members.manage'),
    async (c) => {
      const role = roleSchema.safeParse((await formValues(c)).role)
      return change(c, role.success ? { role: role.data } : undefined, 'role')
    },
  )

  routes.post('/espace/:workspaceId/membres/:userId/retirer', workspaceAccess(deps, 'members.manage'), (c) =>
    change(c, 'remove', 'retire'),
  )

  return routes
}
