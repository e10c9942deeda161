import type { ActionStatus, DocumentKind, MilestoneKind, TerritoryKind } from '../../../db/schema.js'
import type { ObjectiveStatus, YearValue } from '../objectives/objective-status.js'

/**
 * What a published document shows the public, frozen at publication (stored as JSON in
 * strategy_documents.snapshot). The public page and the API read the latest version that is not
 * withdrawn, never the live tables: drafts stay private by construction.
 */
export interface PublicStrategySnapshot {
  /** Format of this object; bump when a field changes meaning. */
  format: 1
  territory: { kind: TerritoryKind; code: string; name: string; population: number | null }
  document: { kind: DocumentKind; version: number; year: number; title: string; publishedAt: string }
  objectives: {
    id: number
    title: string
    indicatorId: string
    indicatorName: string
    unit: string
    decreeAxis: number | null
    baseline: YearValue
    targets: YearValue[]
    measured: YearValue | null
    expected: number | null
    status: ObjectiveStatus
  }[]
  /** Public actions only (is_public = 1). */
  actions: {
    id: number
    title: string
    description: string | null
    commitments: string[]
    decreeAxis: number | null
    status: ActionStatus
    startDate: string | null
    endDate: string | null
    budgetEuros: number | null
    objectiveIds: number[]
  }[]
  milestones: {
    kind: MilestoneKind
    date: string
    year: number | null
    deliberationNumber: string | null
    documentUrl: string | null
  }[]
}
