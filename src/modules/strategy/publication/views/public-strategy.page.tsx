import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import type { Page } from '../../../../lib/pagination.js'
import { DemoBadge, territoryPath } from '../../../../ui/components.js'
import type { ObligationStatus } from '../../../obligations/evaluate-obligations.js'
import type { PublicTerritory, PublishedVersion } from '../published-strategy.queries.js'
import type { PublishedAction, PublishedContent, PublishedObjective } from '../snapshot-schema.js'
import { ObligationsTable } from './obligations-table.js'
import { PublishedActions } from './published-actions.js'
import { PublishedDocuments } from './published-documents.js'
import { formatDay } from './published-format.js'
import { type LegalDeadlines, PublishedMilestones } from './published-milestones.js'
import { PublishedObjectives } from './published-objectives.js'

export interface PublicStrategyView {
  territory: PublicTerritory
  /** Public versions, newest first; empty when nothing is published. */
  versions: PublishedVersion[]
  /** The version whose snapshot is shown, and that snapshot (null: unreadable). */
  shown: { version: PublishedVersion; content: PublishedContent | null } | undefined
  objectives: Page<PublishedObjective>
  actions: Page<PublishedAction>
  deadlines: LegalDeadlines
  obligations: ObligationStatus[]
  /** Links to another page of one table, keeping the other's. */
  objectivesHref: (page: number) => string
  actionsHref: (page: number) => string
}

/** What a territory has published, for anyone: only frozen snapshots, never the live tables. */
export function PublicStrategyPage({ c, view }: { c: Context<AppEnv>; view: PublicStrategyView }) {
  const t = c.get('t')
  const { territory, shown } = view
  const content = shown?.content
  return (
    <>
      <h1>
        <span class="subtitle">
          {territory.name} {territory.isDemo ? <DemoBadge c={c} /> : null}
        </span>
        {t('publicStrategy.title')}
      </h1>
      <p class="lead">{t('publicStrategy.lead')}</p>
      <p>
        <a href={territoryPath(territory)}>{t('publicStrategy.backToTerritory')}</a>
      </p>
      {shown ? (
        <>
          <p class="meta">
            {t('publicStrategy.asOf', {
              date: formatDay(c.get('locale'), shown.version.publishedAt),
              title: shown.version.title,
              version: shown.version.version,
            })}
          </p>
          {!content || content.skipped > 0 ? (
            <p class="notice" role="status">
              {t('publicStrategy.unreadable')}
            </p>
          ) : null}
          <PublishedDocuments c={c} territory={territory} versions={view.versions} />
          <PublishedObjectives
            c={c}
            all={content?.objectives ?? []}
            page={view.objectives}
            hrefFor={view.objectivesHref}
          />
          <PublishedActions
            c={c}
            all={content?.actions ?? []}
            page={view.actions}
            hrefFor={view.actionsHref}
          />
          <PublishedMilestones c={c} milestones={content?.milestones ?? []} deadlines={view.deadlines} />
        </>
      ) : (
        <div class="panel">
          <p>
            <strong>{t('publicStrategy.nothing')}</strong>
          </p>
          <p>{t('publicStrategy.nothingHint')}</p>
        </div>
      )}
      <ObligationsTable c={c} territory={territory} statuses={view.obligations} />
    </>
  )
}
