import type { IndicatorReading } from '../indicators/indicator-readings.js'
import { assessObjective, type ObjectiveStatus, trajectoryValue, type YearValue } from './objective-status.js'

/** One year of an objective's table: where the trajectory stands, what was measured, the status. */
export interface ObjectiveYear {
  year: number
  expected: number
  /** The target set for this year, if any. */
  target: number | null
  isBaseline: boolean
  measured: IndicatorReading | null
  /** The year's own status, from that year's measure only; null for the baseline year and years to come. */
  status: ObjectiveStatus | null
}

/** The years an objective's page covers: from the baseline to the last target, or to this year if later. */
export function objectiveYearSpan(
  baseline: YearValue,
  targets: readonly YearValue[],
  currentYear: number,
): { from: number; to: number } {
  const lastTarget = targets.at(-1)?.year ?? baseline.year
  return { from: baseline.year, to: Math.max(lastTarget, currentYear) }
}

/**
 * The objective year by year. A year's status is judged on that year's measure alone (a year
 * without one has « no data »), so the table shows how each year went, not the latest news
 * repeated; the objective's overall status is the latest measured year's.
 */
export function objectiveYears(
  baseline: YearValue,
  targets: readonly YearValue[],
  readings: readonly IndicatorReading[],
  currentYear: number,
): ObjectiveYear[] {
  const { from, to } = objectiveYearSpan(baseline, targets, currentYear)
  const byYear = new Map(readings.map((reading) => [reading.year, reading]))
  const rows: ObjectiveYear[] = []
  for (let year = from; year <= to; year += 1) {
    const measured = byYear.get(year) ?? null
    const isBaseline = year === baseline.year
    const status =
      isBaseline || year > currentYear
        ? null
        : assessObjective(baseline, targets, measured ? [{ year, value: measured.value }] : [], year).status
    rows.push({
      year,
      expected: trajectoryValue(baseline, targets, year),
      target: targets.find((target) => target.year === year)?.value ?? null,
      isBaseline,
      measured,
      status,
    })
  }
  return rows
}
