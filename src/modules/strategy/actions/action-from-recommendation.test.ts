import { describe, expect, it } from 'vitest'
import { titleFromText } from './action-from-recommendation.js'

describe('a recommendation’s text as an action title', () => {
  it('keeps a text short enough as it is', () => {
    expect(titleFromText('  Recenser les démarches  en ligne. ')).toBe('Recenser les démarches en ligne.')
  })

  it('cuts a long text at the last word boundary, with « … », within the limit', () => {
    const text = 'mot '.repeat(60).trim()
    const title = titleFromText(text, 30)
    expect(title.length).toBeLessThanOrEqual(30)
    expect(title).toBe('mot mot mot mot mot mot mot…')
  })

  it('leaves no dangling punctuation before the ellipsis', () => {
    expect(titleFromText('Un, deux, trois, quatre, cinq', 18)).toBe('Un, deux, trois…')
  })

  it('cuts inside a word only when a single word is longer than the limit', () => {
    expect(titleFromText('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`)
  })
})
