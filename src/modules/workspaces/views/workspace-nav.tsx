import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { SectionNav } from '../../../ui/section-nav.js'
import { canInWorkspace } from '../workspaces.policy.js'

/** The workspace's own navigation: only the sections the member's role opens. */
export function WorkspaceNav({
  c,
  current,
}: {
  c: Context<AppEnv>
  current: 'home' | 'assessment' | 'footprint' | 'strategy' | 'members' | 'audit' | 'api'
}) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const base = `/espace/${workspace.id}`
  const items = [
    { id: 'home', href: base, label: t('workspace.nav.home'), show: true },
    { id: 'assessment', href: `${base}/autodiagnostic`, label: t('workspace.nav.assessment'), show: true },
    { id: 'footprint', href: `${base}/empreinte`, label: t('workspace.nav.footprint'), show: true },
    { id: 'strategy', href: `${base}/strategie`, label: t('workspace.nav.strategy'), show: true },
    {
      id: 'members',
      href: `${base}/membres`,
      label: t('workspace.nav.members'),
      show: canInWorkspace(workspace.role, 'members.view'),
    },
    {
      id: 'audit',
      href: `${base}/journal`,
      label: t('workspace.nav.audit'),
      show: canInWorkspace(workspace.role, 'audit.view'),
    },
    {
      id: 'api',
      href: `${base}/api`,
      label: t('workspace.nav.api'),
      show: canInWorkspace(workspace.role, 'members.manage'),
    },
  ].filter((item) => item.show)
  return <SectionNav label={t('workspace.nav')} sections={items} current={current} />
}
