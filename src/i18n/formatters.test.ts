import { describe, expect, it } from 'vitest'
import { formatBudget, formatLongDate } from './i18n.js'

describe('a day in words', () => {
  it('writes the first of the month as « 1er » in French, and only the first', () => {
    expect(formatLongDate('fr', '2025-01-01')).toBe('1er janvier 2025')
    expect(formatLongDate('fr', '2025-01-11')).toBe('11 janvier 2025')
    expect(formatLongDate('fr', '2025-01-21')).toBe('21 janvier 2025')
    expect(formatLongDate('en', '2025-01-01')).toBe('1 January 2025')
  })

  it('gives an instant as the day it was in France', () => {
    // 23:30 UTC on 31 March is already 1 April in Paris (summer time).
    expect(formatLongDate('fr', '2026-03-31T23:30:00Z')).toBe('1er avril 2026')
  })
})

describe('a budget', () => {
  it('shows cents only when there are some, never rounding what was typed', () => {
    const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ')
    expect(plain(formatBudget('fr', 12_500.5))).toBe('12 500,50 €')
    expect(plain(formatBudget('fr', 3_000))).toBe('3 000 €')
    expect(formatBudget('en', 12_500.5)).toBe('€12,500.50')
  })
})
