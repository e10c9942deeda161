import { describe, expect, it } from 'vitest'
import type { TerritoryKind } from '../../db/schema.js'
import type { ObligationStatusValue } from '../obligations/evaluate-obligations.js'
import { readBundledReferentials } from '../referential/bundled-referentials.js'
import {
  type Priority,
  type Question,
  type Referential,
  referentialSchema,
  type TierId,
} from '../referential/referential.schemas.js'
import { effectivePriority, prioritisedRecommendations } from './recommendations.js'

const bundled = readBundledReferentials().at(-1) as Referential

function question(
  id: string,
  priority: Priority,
  options: { tier?: TierId; kinds?: TerritoryKind[]; obligation?: string; priorityIfExempt?: Priority } = {},
): Question {
  return {
    id,
    text: `Question ${id}`,
    tier: options.tier ?? 'S',
    ...(options.kinds ? { kinds: options.kinds as Question['kinds'] } : {}),
    levels: ['rien', 'un peu', 'beaucoup', 'tout'],
    ...(options.obligation ? { obligation: options.obligation } : {}),
    recommendation: {
      id: `R-${id}`,
      text: `Faire ${id}`,
      priority,
      ...(options.priorityIfExempt ? { priorityIfExempt: options.priorityIfExempt } : {}),
    },
  }
}

// Obligations are the bundled referential's (the schema checks that they exist).
const referential = referentialSchema.parse({
  ...structuredClone(bundled),
  version: 'test-reco',
  ambitions: [
    {
      id: 'A1',
      title: 'Ambition',
      commitments: [
        {
          id: 'A1.E1',
          title: 'Engagement 1',
          summary: 'Résumé',
          decreeAxes: [1],
          indicators: [],
          questions: [
            question('A1.E1.Q1', 'obligatoire', {
              obligation: 'rgaa_declaration',
              priorityIfExempt: 'fortement_recommande',
            }),
            question('A1.E1.Q2', 'recommande'),
            question('A1.E1.Q3', 'obligatoire', { obligation: 'spaser', priorityIfExempt: 'recommande' }),
            question('A1.E1.Q4', 'facultatif', { tier: 'M' }),
          ],
        },
        {
          id: 'A1.E2',
          title: 'Engagement 2',
          summary: 'Résumé',
          decreeAxes: [1],
          indicators: [],
          questions: [
            question('A1.E2.Q1', 'fortement_recommande'),
            // No priorityIfExempt: « fortement recommandé » when the obligation does not apply.
            question('A1.E2.Q2', 'obligatoire', { obligation: 'reen_strategie' }),
            question('A1.E2.Q3', 'recommande', { kinds: ['region'] }),
            question('A1.E2.Q4', 'recommande'),
          ],
        },
      ],
    },
  ],
})

const levels = (entries: Record<string, number | null>) => new Map(Object.entries(entries))
const statuses = (entries: Record<string, ObligationStatusValue>) => new Map(Object.entries(entries))

// A1.E1.Q1 gap 1 · A1.E1.Q2 gap 3 · A1.E1.Q3 gap 2 · A1.E2.Q1 unanswered, gap 3 · A1.E2.Q2 gap 2 ·
// A1.E2.Q4 gap 3. A1.E1.Q4 (tier M) and A1.E2.Q3 (régions) do not apply to a commune of tier S.
const answers = levels({
  'A1.E1.Q1': 2,
  'A1.E1.Q2': 0,
  'A1.E1.Q3': 1,
  'A1.E1.Q4': 0,
  'A1.E2.Q2': 1,
  'A1.E2.Q3': 0,
  'A1.E2.Q4': 0,
})
const commune = { referential, tier: 'S' as const, kind: 'commune' as const }

describe('prioritisedRecommendations', () => {
  it('an obligation that applies comes first; exempt obligations fall back to priorityIfExempt', () => {
    const items = prioritisedRecommendations(
      commune,
      answers,
      statuses({ rgaa_declaration: 'applies', spaser: 'not_applicable', reen_strategie: 'not_applicable' }),
    )
    expect(items.map((item) => [item.id, item.priority, item.gap])).toEqual([
      // the only obligation that applies, although its gap is the smallest
      ['R-A1.E1.Q1', 'obligatoire', 1],
      // gap 3: « fortement recommandé » before « recommandé », then the referential's order
      ['R-A1.E2.Q1', 'fortement_recommande', 3],
      ['R-A1.E1.Q2', 'recommande', 3],
      ['R-A1.E2.Q4', 'recommande', 3],
      // gap 2: reen_strategie exempt, no priorityIfExempt → fortement recommandé; spaser exempt → recommandé
      ['R-A1.E2.Q2', 'fortement_recommande', 2],
      ['R-A1.E1.Q3', 'recommande', 2],
    ])
  })

  it('among obligations that apply (or may apply), the larger gap first, then the referential order', () => {
    const items = prioritisedRecommendations(
      commune,
      answers,
      statuses({ rgaa_declaration: 'applies', spaser: 'applies', reen_strategie: 'to_confirm' }),
    )
    expect(items.map((item) => item.id)).toEqual([
      'R-A1.E1.Q3',
      'R-A1.E2.Q2',
      'R-A1.E1.Q1',
      'R-A1.E2.Q1',
      'R-A1.E1.Q2',
      'R-A1.E2.Q4',
    ])
    expect(items.slice(0, 3).every((item) => item.priority === 'obligatoire')).toBe(true)
  })

  it('carries what the action plan needs', () => {
    const [first] = prioritisedRecommendations(
      commune,
      answers,
      statuses({ rgaa_declaration: 'applies', spaser: 'not_applicable', reen_strategie: 'not_applicable' }),
    )
    expect(first).toEqual({
      id: 'R-A1.E1.Q1',
      questionId: 'A1.E1.Q1',
      commitmentId: 'A1.E1',
      text: 'Faire A1.E1.Q1',
      priority: 'obligatoire',
      level: 2,
      gap: 1,
      obligationId: 'rgaa_declaration',
      obligationStatus: 'applies',
    })
  })

  it('ids are R-<question id>', () => {
    const items = prioritisedRecommendations({ ...commune, tier: 'L' }, new Map(), new Map())
    expect(items.length).toBe(7)
    for (const item of items) expect(item.id).toBe(`R-${item.questionId}`)
  })

  it('level-3 answers and non-applicable questions give no recommendation', () => {
    const top = levels(Object.fromEntries([...answers.keys(), 'A1.E2.Q1'].map((id) => [id, 3])))
    expect(prioritisedRecommendations(commune, top, new Map())).toEqual([])
    const ids = prioritisedRecommendations(commune, answers, new Map()).map((item) => item.questionId)
    expect(ids).not.toContain('A1.E1.Q4')
    expect(ids).not.toContain('A1.E2.Q3')
    // The same answers for a région of tier M, exempt from all three obligations: both now apply.
    const region = prioritisedRecommendations(
      { referential, tier: 'M', kind: 'region' },
      answers,
      statuses({
        rgaa_declaration: 'not_applicable',
        spaser: 'not_applicable',
        reen_strategie: 'not_applicable',
      }),
    )
    expect(region.map((item) => item.questionId)).toEqual([
      'A1.E2.Q1', // gap 3, fortement recommandé
      'A1.E1.Q2', // gap 3, recommandé, in the referential's order
      'A1.E2.Q3',
      'A1.E2.Q4',
      'A1.E1.Q4', // gap 3, facultatif
      'A1.E2.Q2', // gap 2, fortement recommandé (exempt)
      'A1.E1.Q3', // gap 2, recommandé (exempt)
      'A1.E1.Q1', // gap 1
    ])
  })
})

describe('effectivePriority', () => {
  it('keeps « obligatoire » unless the obligation does not apply', () => {
    expect(effectivePriority('obligatoire', 'recommande', 'applies')).toBe('obligatoire')
    expect(effectivePriority('obligatoire', 'recommande', 'to_confirm')).toBe('obligatoire')
    expect(effectivePriority('obligatoire', 'recommande', null)).toBe('obligatoire')
    expect(effectivePriority('obligatoire', 'recommande', 'not_applicable')).toBe('recommande')
    expect(effectivePriority('obligatoire', undefined, 'not_applicable')).toBe('fortement_recommande')
  })

  it('leaves other priorities alone', () => {
    expect(effectivePriority('facultatif', 'obligatoire', 'not_applicable')).toBe('facultatif')
    expect(effectivePriority('recommande', undefined, 'applies')).toBe('recommande')
  })
})
