import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { type WorkspaceRole, workspaceRoles } from '../../../db/schema.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../../ui/forms.js'
import { canInWorkspace } from '../workspaces.policy.js'
import { WorkspaceNav } from './workspace-nav.js'

interface Member {
  id: number
  name: string
  email: string
  role: WorkspaceRole
}

function RoleSelect({ c, id, selected }: { c: Context<AppEnv>; id: string; selected: WorkspaceRole }) {
  const t = c.get('t')
  return (
    <select id={id} name="role">
      {workspaceRoles.map((role) => (
        <option value={role} selected={role === selected}>
          {t(`role.${role}`)} ({t(`role.${role}.help`)})
        </option>
      ))}
    </select>
  )
}

export function MembersPage({
  c,
  members,
  pending,
  errors,
  notice,
  inviteEmail,
}: {
  c: Context<AppEnv>
  members: Member[]
  pending: { id: number; email: string; role: WorkspaceRole | null; expires_at: string }[]
  errors: FieldErrors
  notice?: { text: string; success: boolean } | undefined
  inviteEmail?: string | undefined
}) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const manage = canInWorkspace(workspace.role, 'members.manage')
  const base = `/espace/${workspace.id}/membres`
  return (
    <>
      <h1>{t('members.title')}</h1>
      <WorkspaceNav c={c} current="members" />
      {notice ? (
        <p class={notice.success ? 'notice success' : 'notice'} role="status">
          {notice.text}
        </p>
      ) : null}
      <table>
        <caption>{t('members.caption', { territory: workspace.territoryName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('members.email')}</th>
            <th scope="col">{t('members.role')}</th>
            {manage ? <th scope="col">{t('members.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr>
              <td>{member.name}</td>
              <td>{member.email}</td>
              <td>{t(`role.${member.role}`)}</td>
              {manage ? (
                <td>
                  <form method="post" action={`${base}/${member.id}/role`} class="inline">
                    <CsrfField c={c} />
                    <label class="visually-hidden" for={`role-${member.id}`}>
                      {t('members.changeRole')} ({member.name})
                    </label>
                    <RoleSelect c={c} id={`role-${member.id}`} selected={member.role} />
                    <button type="submit">{t('members.changeRole')}</button>
                  </form>
                  <form method="post" action={`${base}/${member.id}/retirer`} class="inline">
                    <CsrfField c={c} />
                    <button
                      type="submit"
                      class="secondary"
                      aria-label={`${t('members.remove')} ${member.name}`}
                    >
                      {t('members.remove')}
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {manage ? (
        <>
          {pending.length > 0 ? (
            <table>
              <caption>{t('members.pendingCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('members.email')}</th>
                  <th scope="col">{t('members.role')}</th>
                  <th scope="col">{t('members.expires')}</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((invitation) => (
                  <tr>
                    <td>{invitation.email}</td>
                    <td>{invitation.role ? t(`role.${invitation.role}`) : '—'}</td>
                    <td>{invitation.expires_at.slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <section aria-labelledby="invite-heading" class="panel">
            <h2 id="invite-heading">{t('members.invite')}</h2>
            <ErrorSummary
              c={c}
              errors={errors}
              labels={{ email: t('members.inviteEmail'), role: t('members.inviteRole') }}
            />
            <form method="post" action={`${base}/inviter`} class="inline">
              <CsrfField c={c} />
              <Field
                name="email"
                type="email"
                label={t('members.inviteEmail')}
                value={inviteEmail}
                error={errors.email}
                required
              />
              <div class="field">
                <label for="role">{t('members.inviteRole')}</label>
                <RoleSelect c={c} id="role" selected="contributor" />
              </div>
              <button type="submit">{t('members.inviteSubmit')}</button>
            </form>
          </section>
        </>
      ) : null}
    </>
  )
}
