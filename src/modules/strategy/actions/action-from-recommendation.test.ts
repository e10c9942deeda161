import { describe, expect, it } from 'vitest'
import { actionFromRecommendation, titleFromText } from './action-from-recommendation.js'

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

describe('the action a recommendation becomes', () => {
  const found = (text: string) =>
    ({
      question: { recommendation: { text } },
      commitment: { id: 'A2.E1', decreeAxes: [2, 4] },
    }) as unknown as Parameters<typeof actionFromRecommendation>[0]

  it('keeps a short text as the title only, not repeated as the description', () => {
    expect(actionFromRecommendation(found('Recenser les démarches en ligne.'))).toMatchObject({
      title: 'Recenser les démarches en ligne.',
      description: null,
      commitments: ['A2.E1'],
      decreeAxis: 2,
      status: 'a_planifier',
      isPublic: false,
    })
  })

  it('keeps the whole of a long text in the description when the title is cut', () => {
    const text = `${'Allonger la durée de vie des équipements '.repeat(6)}.`
    const action = actionFromRecommendation(found(text))
    expect(action.title.endsWith('…')).toBe(true)
    expect(action.description).toBe(text)
  })
})
