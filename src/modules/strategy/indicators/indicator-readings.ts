import type { Kysely } from 'kysely'
import type { Database, IndicatorValuesTable } from '../../../db/schema.js'
import type { Locale } from '../../../i18n/i18n.js'
import type { Referential } from '../../referential/referential.schemas.js'
import { type ComputedIndicatorValue, computedIndicatorValues } from './computed-indicators.js'
import { referentialIndicators } from './referential-indicators.js'

export { findIndicator, referentialIndicators } from './referential-indicators.js'

type Db = Kysely<Database>

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
  /** An entered value's evidence link (http or https), when given. */
  evidenceUrl?: string | null
  /** An entered value's evidence file, as the person's computer named it (download: …/preuve). */
  evidenceFileName?: string | null
}

/** The stored columns a reading is made of. */
export type EnteredValueRow = Pick<
  IndicatorValuesTable,
  | 'indicator_id'
  | 'year'
  | 'value'
  | 'source'
  | 'comment'
  | 'evidence_url'
  | 'evidence_file_name'
  | 'evidence_file_path'
>

/**
 * Entered values over computed ones, for the indicators of the referential (a value kept for an
 * indicator the referential no longer has is left out). Measures of computed values are not
 * readings: only an indicator's own value is.
 */
export function mergeReadings(
  referential: Referential,
  entered: readonly EnteredValueRow[],
  computed: readonly ComputedIndicatorValue[],
  indicatorIds?: readonly string[],
): IndicatorReading[] {
  const units = new Map(
    referentialIndicators(referential).map(({ indicator }) => [indicator.id, indicator.unit]),
  )
  const wanted = indicatorIds ? new Set(indicatorIds) : undefined
  const readings = new Map<string, IndicatorReading>()
  const key = (indicatorId: string, year: number) => `${indicatorId}@${year}`
  for (const value of computed) {
    if (value.measureId !== undefined || !units.has(value.indicatorId)) continue
    if (wanted && !wanted.has(value.indicatorId)) continue
    readings.set(key(value.indicatorId, value.year), {
      indicatorId: value.indicatorId,
      year: value.year,
      value: value.value,
      unit: value.unit,
      origin: 'computed',
      source: value.source,
      comment: null,
      explanationHref: value.explanationHref,
      hasEvidence: false,
      evidenceUrl: null,
      evidenceFileName: null,
    })
  }
  for (const row of entered) {
    const unit = units.get(row.indicator_id)
    if (unit === undefined || (wanted && !wanted.has(row.indicator_id))) continue
    readings.set(key(row.indicator_id, row.year), {
      indicatorId: row.indicator_id,
      year: row.year,
      value: row.value,
      unit,
      origin: 'entered',
      source: row.source,
      comment: row.comment,
      explanationHref: null,
      hasEvidence: row.evidence_url !== null || row.evidence_file_path !== null,
      evidenceUrl: row.evidence_url,
      evidenceFileName: row.evidence_file_path === null ? null : row.evidence_file_name,
    })
  }
  return [...readings.values()].sort((a, b) => a.indicatorId.localeCompare(b.indicatorId) || a.year - b.year)
}

/**
 * The readings of a workspace for the given indicators and years: entered values, and where none
 * was entered, the value the platform computes. Callers ask for the years they show; computing
 * costs a footprint per year, so ask for few. Computed sources are worded in `locale` (French by
 * default).
 */
export async function indicatorReadings(
  db: Db,
  referential: Referential,
  workspaceId: number,
  years: readonly number[],
  indicatorIds?: readonly string[],
  options: { locale?: Locale } = {},
): Promise<IndicatorReading[]> {
  let query = db
    .selectFrom('indicator_values')
    .select([
      'indicator_id',
      'year',
      'value',
      'source',
      'comment',
      'evidence_url',
      'evidence_file_name',
      'evidence_file_path',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('year', 'in', years.length > 0 ? [...years] : [-1])
  if (indicatorIds)
    query = query.where('indicator_id', 'in', indicatorIds.length > 0 ? [...indicatorIds] : [''])
  const [entered, computed] = await Promise.all([
    query.execute(),
    computedIndicatorValues(db, workspaceId, years, { indicatorIds, locale: options.locale }),
  ])
  return mergeReadings(referential, entered, computed, indicatorIds)
}

/** The years an objective or a chart looks at: from `from` to `to`, both included. */
export function yearsBetween(from: number, to: number): number[] {
  const years: number[] = []
  for (let year = from; year <= to; year += 1) years.push(year)
  return years
}
