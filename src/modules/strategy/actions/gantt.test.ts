import { describe, expect, it } from 'vitest'
import { dayOfYear, ganttBar, monthStarts } from './gantt.js'

describe('the timeline’s geometry', () => {
  it('counts days from 1 January, leap years included', () => {
    expect(dayOfYear('2026-01-01')).toBe(0)
    expect(dayOfYear('2026-03-01')).toBe(59)
    expect(dayOfYear('2028-03-01')).toBe(60)
    expect(dayOfYear('2026-12-31')).toBe(364)
  })

  it('draws a bar from the first to the last day, inclusive, two units a day in a common year', () => {
    expect(ganttBar('2026-04-01', '2026-06-30', 2026)).toEqual({
      x: 200,
      width: 182,
      startsBefore: false,
      endsAfter: false,
    })
    expect(ganttBar('2026-01-01', '2026-12-31', 2026)).toMatchObject({ x: 20, width: 730 })
  })

  it('cuts at the year’s edges and says so', () => {
    expect(ganttBar('2025-06-01', '2026-01-31', 2026)).toEqual({
      x: 20,
      width: 62,
      startsBefore: true,
      endsAfter: false,
    })
    expect(ganttBar('2026-12-01', '2027-03-01', 2026)).toEqual({
      x: 20 + 334 * 2,
      width: 62,
      startsBefore: false,
      endsAfter: true,
    })
  })

  it('makes one day of a single date, and nothing without dates or outside the year', () => {
    expect(ganttBar('2026-09-15', null, 2026)).toMatchObject({ x: 534, width: 2 })
    expect(ganttBar(null, '2026-09-15', 2026)).toMatchObject({ x: 534, width: 2 })
    expect(ganttBar(null, null, 2026)).toBeNull()
    expect(ganttBar('2025-01-01', '2025-12-31', 2026)).toBeNull()
    expect(ganttBar('2027-01-01', null, 2026)).toBeNull()
  })

  it('spreads a leap year over the same width', () => {
    const bar = ganttBar('2028-01-01', '2028-12-31', 2028)
    expect(bar?.x).toBe(20)
    expect(bar?.width).toBeCloseTo(730, 9)
    const months = monthStarts(2028)
    expect(months).toHaveLength(12)
    expect(months[2]?.x).toBeCloseTo(20 + (730 * 60) / 366, 9)
    expect(months.reduce((sum, month) => sum + month.width, 0)).toBeCloseTo(730, 9)
  })
})
