import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { territoryFactsOf } from '../../assessments/assessments.queries.js'
import { todayInFrance } from '../../footprint/import/values.js'
import { evaluateObligation, type ObligationStatus } from '../../obligations/evaluate-obligations.js'
import type { Referential } from '../../referential/referential.schemas.js'
import { listMilestones, type Milestone } from './milestones.queries.js'
import {
  type MilestoneRecord,
  type ReenApplicability,
  type ReenStanding,
  reenDeadlinesOf,
  reenStanding,
} from './reen-standing.js'

export const reenObligationId = 'reen_strategie'

export interface ReenContext {
  milestones: Milestone[]
  standing: ReenStanding
  /** The obligation evaluated for the territory, as its public page does; undefined if the referential has none. */
  obligation: ObligationStatus | undefined
}

/** Whether the law binds the territory, from the obligation as evaluated for it. */
export function reenApplicabilityOf(obligation: ObligationStatus | undefined): ReenApplicability {
  return obligation?.status === 'applies'
    ? 'applies'
    : obligation?.status === 'to_confirm'
      ? 'to_confirm'
      : 'voluntary'
}

/** Where a territory stands, from its milestones and the REEN obligation as evaluated for it. */
export function reenStandingOf(
  obligation: ObligationStatus | undefined,
  milestones: readonly MilestoneRecord[],
  today = todayInFrance(),
): ReenStanding {
  return reenStanding(
    reenApplicabilityOf(obligation),
    milestones,
    today,
    reenDeadlinesOf(obligation?.obligation),
  )
}

/**
 * A workspace's milestones and where its territory stands: the obligation is evaluated as on the
 * territory's page (its kind, population and declared figures), so both always agree.
 */
export async function loadReenContext(
  db: Kysely<Database>,
  referential: Referential,
  workspace: { id: number; territoryId: number },
  today = todayInFrance(),
): Promise<ReenContext> {
  const [milestones, facts] = await Promise.all([
    listMilestones(db, workspace.id),
    territoryFactsOf(db, workspace.territoryId),
  ])
  const definition = referential.obligations.find((obligation) => obligation.id === reenObligationId)
  const obligation = definition ? evaluateObligation(definition, facts) : undefined
  return { milestones, standing: reenStandingOf(obligation, milestones, today), obligation }
}
