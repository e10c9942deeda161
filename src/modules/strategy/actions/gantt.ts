/**
 * The timeline's geometry, pure: a year drawn from `left` over `plotWidth` units, one unit span per
 * day (730 units: 2 per day in a common year), each action a bar from its first to its last day in
 * the year (inclusive). An action with one date lasts that day; one that starts before the year or
 * ends after it is cut at the year's edges and says so.
 */

export const ganttLayout = {
  width: 770,
  left: 20,
  plotWidth: 730,
  /** Legend, then month names. */
  headerHeight: 64,
  rowHeight: 40,
  bottom: 12,
} as const

const dayMs = 86_400_000

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
export const daysInYear = (year: number) => (isLeap(year) ? 366 : 365)

/** 0 for 1 January. */
export function dayOfYear(iso: string): number {
  const year = Number(iso.slice(0, 4))
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(year, 0, 1)) / dayMs)
}

/** Where a day starts on the x axis (a day index of the year; 365 or 366 is the year's end). */
export function dayX(year: number, day: number): number {
  return ganttLayout.left + (ganttLayout.plotWidth * day) / daysInYear(year)
}

export interface GanttBar {
  x: number
  width: number
  /** The action began before the year (the bar starts at 1 January). */
  startsBefore: boolean
  /** The action goes on after the year (the bar ends at 31 December). */
  endsAfter: boolean
}

/** The bar of an action in a year; null without any date, or when the action is not in that year. */
export function ganttBar(start: string | null, end: string | null, year: number): GanttBar | null {
  const from = start ?? end
  const to = end ?? start
  if (from === null || to === null) return null
  const yearStart = `${year}-01-01`
  const yearEnd = `${year}-12-31`
  if (from > yearEnd || to < yearStart) return null
  const startsBefore = from < yearStart
  const endsAfter = to > yearEnd
  const first = startsBefore ? 0 : dayOfYear(from)
  const last = endsAfter ? daysInYear(year) - 1 : dayOfYear(to)
  const x = dayX(year, first)
  return { x, width: dayX(year, last + 1) - x, startsBefore, endsAfter }
}

/** Month starts on the x axis: 12 positions, for the grid lines and labels. */
export function monthStarts(year: number): { month: number; x: number; width: number }[] {
  return Array.from({ length: 12 }, (_, month) => {
    const first = dayOfYear(`${year}-${String(month + 1).padStart(2, '0')}-01`)
    const next =
      month === 11 ? daysInYear(year) : dayOfYear(`${year}-${String(month + 2).padStart(2, '0')}-01`)
    return { month, x: dayX(year, first), width: dayX(year, next) - dayX(year, first) }
  })
}

/** The SVG's height for a number of rows. */
export const ganttHeight = (rows: number) =>
  ganttLayout.headerHeight + Math.max(1, rows) * ganttLayout.rowHeight + ganttLayout.bottom

/** One decimal, as the attributes are written (and as tests compare them). */
export const svgNumber = (value: number) => value.toFixed(1)
