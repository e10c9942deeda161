import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import type { Indicator, Referential } from '../../referential/referential.schemas.js'
import type { YearValue } from '../objectives/objective-status.js'
import { computedIndicatorValues } from './computed-indicators.js'

type Db = Kysely<Database>

/** Every indicator of a referential, with the commitment it belongs to, in the referential's order. */
export function referentialIndicators(
  referential: Referential,
): { indicator: Indicator; commitmentId: string }[] {
  return referential.ambitions.flatMap((ambition) =>
    ambition.commitments.flatMap((commitment) =>
      commitment.indicators.map((indicator) => ({ indicator, commitmentId: commitment.id })),
    ),
  )
}

export function findIndicator(referential: Referential, indicatorId: string): Indicator | undefined {
  return referentialIndicators(referential).find((entry) => entry.indicator.id === indicatorId)?.indicator
}

/** One indicator's value in one year, as the strategy reads it (pages, objectives, documents). */
export interface IndicatorReading {
  indicatorId: string
  year: number
  value: number
  unit: string
  /** 'entered': typed by a member (it wins over a computed value of the same year); 'computed': by the platform. */
  origin: 'entered' | 'computed'
  source: string | null
  comment: string | null
  /** Workspace-relative link explaining a computed figure; null for an entered one. */
  explanationHref: string | null
  hasEvidence: boolean
}

/**
 * The readings of a workspace for the given indicators and years: entered values, and where none
 * was entered, the value the platform computes. Callers ask for the years they show; computing
 * costs a footprint per year, so ask for few.
 */
export async function indicatorReadings(
  db: Db,
  referential: Referential,
  workspaceId: number,
  years: readonly number[],
  indicatorIds?: readonly string[],
): Promise<IndicatorReading[]> {
  const units = new Map(
    referentialIndicators(referential).map(({ indicator }) => [indicator.id, indicator.unit]),
  )
  let query = db
    .selectFrom('indicator_values')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('year', 'in', years.length > 0 ? [...years] : [-1])
  if (indicatorIds)
    query = query.where('indicator_id', 'in', indicatorIds.length > 0 ? [...indicatorIds] : [''])
  const entered = await query.execute()
  const readings = new Map<string, IndicatorReading>()
  const key = (indicatorId: string, year: number) => `${indicatorId}@${year}`
  const wanted = indicatorIds ? new Set(indicatorIds) : undefined
  for (const computed of await computedIndicatorValues(db, workspaceId, years)) {
    if (wanted && !wanted.has(computed.indicatorId)) continue
    readings.set(key(computed.indicatorId, computed.year), {
      indicatorId: computed.indicatorId,
      year: computed.year,
      value: computed.value,
      unit: computed.unit,
      origin: 'computed',
      source: computed.source,
      comment: null,
      explanationHref: computed.explanationHref,
      hasEvidence: false,
    })
  }
  for (const row of entered) {
    if (!units.has(row.indicator_id)) continue
    readings.set(key(row.indicator_id, row.year), {
      indicatorId: row.indicator_id,
      year: row.year,
      value: row.value,
      unit: units.get(row.indicator_id) as string,
      origin: 'entered',
      source: row.source,
      comment: row.comment,
      explanationHref: null,
      hasEvidence: row.evidence_url !== null || row.evidence_file_path !== null,
    })
  }
  return [...readings.values()].sort((a, b) => a.indicatorId.localeCompare(b.indicatorId) || a.year - b.year)
}

/** The years an objective or a chart looks at: from `from` to `to`, both included. */
export function yearsBetween(from: number, to: number): number[] {
  const years: number[] = []
  for (let year = from; year <= to; year += 1) years.push(year)
  return years
}

/** One indicator's values over the years, oldest first: what trajectories and trend charts draw. */
export async function indicatorHistory(
  db: Db,
  referential: Referential,
  workspaceId: number,
  indicatorId: string,
  years: readonly number[],
): Promise<YearValue[]> {
  const readings = await indicatorReadings(db, referential, workspaceId, years, [indicatorId])
  return readings.map((reading) => ({ year: reading.year, value: reading.value }))
}
