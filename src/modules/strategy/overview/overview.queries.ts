import type { Kysely } from 'kysely'
import {
  type ActionStatus,
  actionStatuses,
  type Database,
  type DocumentKind,
  documentKinds,
} from '../../../db/schema.js'
import type { Referential } from '../../referential/referential.schemas.js'
import { listActions } from '../actions/actions.queries.js'
import { type DocumentVersion, listDocumentVersions } from '../documents/documents.queries.js'
import { indicatorReadings } from '../indicators/indicator-readings.js'
import { referentialIndicators } from '../indicators/referential-indicators.js'
import { loadReenContext, type ReenContext } from '../milestones/reen-context.js'
import type { ObjectiveStatus } from '../objectives/objective-status.js'
import { objectivesWithStatus } from '../objectives/objectives.queries.js'

export interface StrategyOverview {
  year: number
  reen: ReenContext
  indicators: { withValue: number; total: number }
  objectives: { total: number; byStatus: Record<ObjectiveStatus, number> }
  actions: {
    total: number
    public: number
    byStatus: Record<ActionStatus, number>
    /** Budget of the actions not abandoned. */
    budget: number
  }
  /** The latest version of each kind, whether public or withdrawn; absent when never published. */
  latest: Partial<Record<DocumentKind, DocumentVersion>>
}

/** The figures of the strategy's overview page, for a year, each read by the module that owns it. */
export async function strategyOverview(
  db: Kysely<Database>,
  referential: Referential,
  workspace: { id: number; territoryId: number },
  year: number,
): Promise<StrategyOverview> {
  const [reen, readings, objectives, actions, versions] = await Promise.all([
    loadReenContext(db, referential, workspace),
    indicatorReadings(db, referential, workspace.id, [year]),
    objectivesWithStatus(db, referential, workspace.id, year),
    listActions(db, workspace.id),
    listDocumentVersions(db, workspace.id),
  ])
  const objectivesByStatus: Record<ObjectiveStatus, number> = {
    reached: 0,
    on_track: 0,
    behind: 0,
    no_data: 0,
  }
  for (const objective of objectives) objectivesByStatus[objective.status]++
  const actionsByStatus = Object.fromEntries(actionStatuses.map((status) => [status, 0])) as Record<
    ActionStatus,
    number
  >
  let budget = 0
  for (const action of actions) {
    actionsByStatus[action.status]++
    if (action.status !== 'abandonnee') budget += action.budgetEuros ?? 0
  }
  const latest: Partial<Record<DocumentKind, DocumentVersion>> = {}
  // Newest first: the first of each kind is its latest.
  for (const kind of documentKinds) {
    const version = versions.find((candidate) => candidate.kind === kind)
    if (version) latest[kind] = version
  }
  return {
    year,
    reen,
    indicators: {
      withValue: new Set(readings.map((reading) => reading.indicatorId)).size,
      total: referentialIndicators(referential).length,
    },
    objectives: { total: objectives.length, byStatus: objectivesByStatus },
    actions: {
      total: actions.length,
      public: actions.filter((action) => action.isPublic).length,
      byStatus: actionsByStatus,
      budget,
    },
    latest,
  }
}
