import { describe, expect, it } from 'vitest'
import { translator } from '../../../i18n/i18n.js'
import { type ActionFormContext, type ActionFormValues, isIsoDate, parseActionForm } from './action-form.js'

const context: ActionFormContext = {
  commitmentIds: ['A1.E1', 'A1.E2', 'A2.E1'],
  decreeAxisIds: [1, 2, 3, 4, 5, 6],
  memberIds: new Set([7]),
  objectiveIds: new Set([11, 12]),
  t: translator('fr'),
  locale: 'fr',
}

const values = (single: Record<string, string>, lists: Partial<ActionFormValues> = {}): ActionFormValues => ({
  single: { title: 'Une action', status: 'a_planifier', ...single },
  commitments: [],
  objectives: [],
  ...lists,
})

describe('the action form', () => {
  it('reads a full form: commitments in the referential’s order, objectives once, French budget', () => {
    const parsed = parseActionForm(
      values(
        {
          description: '  Détail  ',
          decreeAxis: '3',
          owner: '7',
          startDate: '2026-01-01',
          endDate: '2026-01-01',
          status: 'en_cours',
          budget: '1 234,56',
          isPublic: '1',
        },
        { commitments: ['A2.E1', 'A1.E1'], objectives: ['12', '11', '12'] },
      ),
      context,
    )
    expect(parsed).toEqual({
      ok: true,
      action: {
        title: 'Une action',
        description: 'Détail',
        commitments: ['A1.E1', 'A2.E1'],
        decreeAxis: 3,
        ownerUserId: 7,
        ownerService: null,
        startDate: '2026-01-01',
        endDate: '2026-01-01',
        status: 'en_cours',
        budgetEuros: 1234.56,
        isPublic: true,
        objectiveIds: [12, 11],
      },
    })
  })

  it('leaves empty fields empty: no owner, no dates, no budget, internal', () => {
    const parsed = parseActionForm(values({ budget: ' ', owner: '', decreeAxis: '' }), context)
    expect(parsed.ok && parsed.action).toMatchObject({
      ownerUserId: null,
      ownerService: null,
      startDate: null,
      endDate: null,
      budgetEuros: null,
      decreeAxis: null,
      isPublic: false,
    })
  })

  it('names every field at fault, in the form’s order', () => {
    const parsed = parseActionForm(
      values(
        {
          title: '',
          decreeAxis: '0',
          owner: '8',
          startDate: '2026-05-02',
          endDate: '2026-05-01',
          status: 'fini',
          budget: '1,2,3',
        },
        { commitments: ['A1.E1', 'B1'], objectives: ['13'] },
      ),
      context,
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(Object.keys(parsed.errors)).toEqual([
      'title',
      'commitments',
      'decreeAxis',
      'owner',
      'endDate',
      'status',
      'budget',
      'objectives',
    ])
    expect(parsed.errors.endDate).toBe('La fin (1er mai 2026) précède le début (2 mai 2026).')
  })

  it('knows a real calendar day', () => {
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('01/02/2026')).toBe(false)
  })
})
