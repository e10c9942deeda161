import { describe, expect, it } from 'vitest'
import { formatChange } from './format-change.js'

const euros = (value: number) => `${value} €`

describe('formatChange', () => {
  it('lists only the fields that changed, with money in euros', () => {
    expect(
      formatChange(
        JSON.stringify({ agents_fte: 940, annual_purchases_cents: 5_800_000_000 }),
        JSON.stringify({ agents_fte: 1250, annual_purchases_cents: 5_800_000_000 }),
        euros,
      ),
    ).toEqual([{ field: 'agents_fte', before: '940', after: '1250' }])
  })

  it('shows a creation and a deletion field by field, with ∅ on the missing side', () => {
    expect(formatChange(null, JSON.stringify({ role: 'admin' }), euros)).toEqual([
      { field: 'role', before: '∅', after: 'admin' },
    ])
    expect(formatChange(JSON.stringify({ annual_purchases_cents: 150 }), null, euros)).toEqual([
      { field: 'annual_purchases', before: '1.5 €', after: '∅' },
    ])
  })

  it('returns nothing for an entry without details, and survives malformed JSON', () => {
    expect(formatChange(null, null, euros)).toEqual([])
    expect(formatChange('not json', null, euros)).toEqual([
      { field: 'value', before: 'not json', after: '∅' },
    ])
  })
})
