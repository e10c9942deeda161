import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { SectionNav } from '../../../ui/section-nav.js'
import { WorkspaceNav } from '../../workspaces/views/workspace-nav.js'

export type StrategySection =
  | 'overview'
  | 'indicators'
  | 'objectives'
  | 'actions'
  | 'milestones'
  | 'documents'

/**
 * The workspace navigation, then the strategy's own sections: every strategy page starts with it
 * (under its h1), as the footprint pages do.
 */
export function StrategyNav({ c, current }: { c: Context<AppEnv>; current: StrategySection }) {
  const t = c.get('t')
  const base = `/espace/${c.get('workspace').id}/strategie`
  return (
    <>
      <WorkspaceNav c={c} current="strategy" />
      <SectionNav
        label={t('strategyNav.label')}
        secondary
        current={current}
        sections={[
          { id: 'overview', href: base, label: t('strategyNav.overview') },
          { id: 'indicators', href: `${base}/indicateurs`, label: t('strategyNav.indicators') },
          { id: 'objectives', href: `${base}/objectifs`, label: t('strategyNav.objectives') },
          { id: 'actions', href: `${base}/actions`, label: t('strategyNav.actions') },
          { id: 'milestones', href: `${base}/jalons`, label: t('strategyNav.milestones') },
          { id: 'documents', href: `${base}/documents`, label: t('strategyNav.documents') },
        ]}
      />
    </>
  )
}
