import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { SectionNav } from '../../../ui/section-nav.js'
import { WorkspaceNav } from '../../workspaces/views/workspace-nav.js'

export type FootprintSection = 'results' | 'inventory' | 'imports' | 'scenarios' | 'reuse' | 'bases'

/**
 * The workspace navigation, then the footprint's own sections: every footprint page starts with it
 * (under its h1), so that a member moves between inventory, imports and results in one click.
 */
export function FootprintNav({ c, current }: { c: Context<AppEnv>; current: FootprintSection }) {
  const t = c.get('t')
  const base = `/espace/${c.get('workspace').id}/empreinte`
  return (
    <>
      <WorkspaceNav c={c} current="footprint" />
      <SectionNav
        label={t('footprintNav.label')}
        secondary
        current={current}
        sections={[
          { id: 'results', href: base, label: t('footprintNav.results') },
          { id: 'inventory', href: `${base}/inventaire`, label: t('footprintNav.inventory') },
          { id: 'imports', href: `${base}/imports`, label: t('footprintNav.imports') },
          { id: 'scenarios', href: `${base}/scenarios`, label: t('footprintNav.scenarios') },
          { id: 'reuse', href: `${base}/reemploi`, label: t('footprintNav.reuse') },
          { id: 'bases', href: `${base}/bases`, label: t('footprintNav.bases') },
        ]}
      />
    </>
  )
}
