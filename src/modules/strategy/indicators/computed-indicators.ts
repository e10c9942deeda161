import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'

/**
 * An indicator value the platform computes from the workspace's own data (inventory, footprint,
 * self-assessment) rather than one a person typed. STUB: the indicators work fills this in.
 */
export interface ComputedIndicatorValue {
  indicatorId: string
  year: number
  value: number
  /** Unit as the referential's catalogue gives it. */
  unit: string
  /** Where it comes from, in words (« Inventaire du parc, 1 240 lignes »). */
  source: string
  /** Workspace-relative link to the page that explains the figure. */
  explanationHref: string
}

export async function computedIndicatorValues(
  _db: Kysely<Database>,
  _workspaceId: number,
  _years: readonly number[],
): Promise<ComputedIndicatorValue[]> {
  return []
}
