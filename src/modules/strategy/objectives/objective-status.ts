/**
 * Where an objective stands in a year, against the straight line from its baseline through each
 * of its targets in turn (a piecewise linear trajectory). Pure: the pages, the documents, the
 * public page and the API all call this one function.
 */

export interface YearValue {
  year: number
  value: number
}

/** In the order the pages count and list them. */
export const objectiveStatuses = ['reached', 'on_track', 'behind', 'no_data'] as const
export type ObjectiveStatus = (typeof objectiveStatuses)[number]

export interface ObjectiveAssessment {
  status: ObjectiveStatus
  /** The value measured (the latest one after the baseline, up to the year asked). */
  measured: YearValue | null
  /** The trajectory's value in the measured year; null without a measure. */
  expected: number | null
  /** +1 when the objective is to raise the indicator, -1 to lower it, 0 when the target equals the baseline. */
  direction: 1 | -1 | 0
  /** The last target: the objective itself. */
  finalTarget: YearValue
}

/** The trajectory's value in a year: the baseline before it starts, the last target after it ends. */
export function trajectoryValue(baseline: YearValue, targets: readonly YearValue[], year: number): number {
  let from = baseline
  for (const target of targets) {
    if (year <= target.year) {
      if (target.year === from.year) return target.value
      const share = Math.max(0, (year - from.year) / (target.year - from.year))
      return from.value + (target.value - from.value) * share
    }
    from = target
  }
  return from.value
}

/**
 * The status in `year` from the measures known (any order). « Reached » once a measure meets the
 * last target; « on track » when the latest measure is at or beyond the trajectory that year
 * (beyond: above it when raising, below it when lowering); « behind » otherwise; « no data »
 * without a measure after the baseline year.
 */
export function assessObjective(
  baseline: YearValue,
  targets: readonly YearValue[],
  measures: readonly YearValue[],
  year: number,
): ObjectiveAssessment {
  const sorted = [...targets].sort((a, b) => a.year - b.year)
  const finalTarget = sorted.at(-1) ?? baseline
  const difference = finalTarget.value - baseline.value
  const direction = difference > 0 ? 1 : difference < 0 ? -1 : 0
  const measured =
    measures
      .filter((measure) => measure.year > baseline.year && measure.year <= year)
      .sort((a, b) => b.year - a.year)[0] ?? null
  if (!measured) return { status: 'no_data', measured: null, expected: null, direction, finalTarget }
  const expected = trajectoryValue(baseline, sorted, measured.year)
  // Compared with a tolerance: figures typed with two decimals must not fall « behind » by 1e-15.
  const atLeast = (value: number, reference: number) =>
    direction >= 0 ? value >= reference - 1e-9 : value <= reference + 1e-9
  const status = atLeast(measured.value, finalTarget.value)
    ? 'reached'
    : atLeast(measured.value, expected)
      ? 'on_track'
      : 'behind'
  return { status, measured, expected, direction, finalTarget }
}
