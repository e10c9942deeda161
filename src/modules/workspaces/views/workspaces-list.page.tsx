import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import type { WorkspaceRole } from '../../../db/schema.js'

export function WorkspacesListPage({
  c,
  workspaces,
}: {
  c: Context<AppEnv>
  workspaces: { id: number; name: string; role: WorkspaceRole }[]
}) {
  const activeId = c.get('session')?.activeWorkspaceId ?? null
  const t = c.get('t')
  return (
    <>
      <h1>{t('workspaces.title')}</h1>
      {workspaces.length === 0 ? (
        <p>
          {t('workspaces.none')} <a href="/demander-un-espace">{t('signIn.requestWorkspace')}</a>
        </p>
      ) : (
        <table>
          <caption>{t('workspaces.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.name')}</th>
              <th scope="col">{t('workspaces.role')}</th>
            </tr>
          </thead>
          <tbody>
            {workspaces.map((workspace) => (
              <tr>
                <td>
                  <a
                    href={`/espace/${workspace.id}`}
                    aria-current={workspace.id === activeId ? 'true' : undefined}
                  >
                    {workspace.name}
                  </a>
                  {workspace.id === activeId ? ` (${t('workspaces.active')})` : ''}
                </td>
                <td>{t(`role.${workspace.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
