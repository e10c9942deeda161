import { describe, expect, it } from 'vitest'
import { readBundledReferentials } from './bundled-referentials.js'
import { compareReferentials } from './compare-referentials.js'
import type { Referential } from './referential.schemas.js'

const bundled = readBundledReferentials().at(-1) as Referential

/** A deep copy to modify: the bundled referential is shared by the whole process. */
const copy = (): Referential => ({ ...structuredClone(bundled), version: '2099.1' })

const commitmentOf = (referential: Referential, id: string) => {
  for (const ambition of referential.ambitions)
    for (const commitment of ambition.commitments) if (commitment.id === id) return commitment
  throw new Error(`No commitment ${id}`)
}

describe('compareReferentials', () => {
  it('finds nothing between a version and itself, nor between identical copies', () => {
    expect(compareReferentials(bundled, bundled).identical).toBe(true)
    const same = compareReferentials(bundled, copy())
    expect(same.identical).toBe(true)
    expect(same.questions).toEqual({ added: [], removed: [], changed: [] })
    expect(same).toMatchObject({ from: bundled.version, to: '2099.1' })
  })

  it('finds added and removed questions, with their commitment', () => {
    const later = copy()
    const commitment = commitmentOf(later, 'A1.E1')
    const removed = commitment.questions.pop()
    commitmentOf(later, 'A2.E1').questions.push({
      id: 'A2.E1.Q9',
      text: 'Nouvelle question ?',
      tier: 'S',
      levels: ['a', 'b', 'c', 'd'],
      recommendation: { id: 'R-A2.E1.Q9', text: 'Faire', priority: 'recommande' },
    })
    const { questions, identical } = compareReferentials(bundled, later)
    expect(identical).toBe(false)
    expect(questions.added).toEqual([{ id: 'A2.E1.Q9', label: 'Nouvelle question ?', commitmentId: 'A2.E1' }])
    expect(questions.removed).toEqual([{ id: removed?.id, label: removed?.text, commitmentId: 'A1.E1' }])
    expect(questions.changed).toEqual([])
  })

  it('says which fields of a question changed: text, tier, which level, obligation, recommendation', () => {
    const later = copy()
    const [first, second] = commitmentOf(later, 'A1.E1').questions
    if (!first || !second) throw new Error('A1.E1 has questions')
    const before = structuredClone(first)
    first.text = 'Texte reformulé ?'
    first.levels[2] = 'Nouveau niveau 2'
    first.tier = 'M'
    second.obligation = 'rgpd'
    second.recommendation.priority = 'facultatif'
    second.recommendation.text = 'Autre recommandation'
    const { questions } = compareReferentials(bundled, later)
    expect(questions.changed.map((item) => item.id)).toEqual([first.id, second.id])
    const [firstChanges, secondChanges] = questions.changed
    expect(firstChanges?.changes).toEqual([
      { field: 'text', before: before.text, after: 'Texte reformulé ?' },
      { field: 'tier', before: 'S', after: 'M' },
      { field: 'levels.2', before: before.levels[2], after: 'Nouveau niveau 2' },
    ])
    expect(secondChanges?.changes.map((change) => change.field)).toEqual([
      'obligation',
      'recommendation.text',
      'recommendation.priority',
    ])
    expect(secondChanges?.changes[0]).toEqual({
      field: 'obligation',
      before: commitmentOf(bundled, 'A1.E1').questions[1]?.obligation,
      after: 'rgpd',
    })
  })

  it('finds added, removed and changed indicators, field by field', () => {
    const later = copy()
    const indicators = commitmentOf(later, 'A2.E1').indicators
    const [first] = indicators
    if (!first) throw new Error('A2.E1 has indicators')
    first.unit = 'kgCO2e'
    first.legalRefs = [...first.legalRefs, 'Nouvelle référence']
    first.tier = 'L'
    const removed = indicators.splice(1, 1)[0]
    commitmentOf(later, 'A3.E3').indicators.push({
      id: '9.9',
      name: 'Nouvel indicateur',
      definition: 'Une définition.',
      unit: '%',
      source: 'Une source',
      tier: 'S',
      legalRefs: [],
      computedFrom: 'none',
    })
    const { indicators: differences } = compareReferentials(bundled, later)
    expect(differences.added).toEqual([{ id: '9.9', label: 'Nouvel indicateur', commitmentId: 'A3.E3' }])
    expect(differences.removed.map((item) => item.id)).toEqual([removed?.id])
    expect(differences.changed).toHaveLength(1)
    expect(differences.changed[0]?.id).toBe(first.id)
    expect(differences.changed[0]?.changes.map((change) => change.field).sort()).toEqual([
      'legalRefs',
      'tier',
      'unit',
    ])
  })

  it('sees an indicator moved to another commitment as a change, not a removal', () => {
    const later = copy()
    const moved = commitmentOf(later, 'A1.E1').indicators.shift()
    if (!moved) throw new Error('A1.E1 has indicators')
    commitmentOf(later, 'A1.E2').indicators.push(moved)
    const { indicators } = compareReferentials(bundled, later)
    expect(indicators.removed).toEqual([])
    expect(indicators.changed).toEqual([
      {
        id: moved.id,
        label: moved.name,
        commitmentId: 'A1.E2',
        changes: [{ field: 'commitment', before: 'A1.E1', after: 'A1.E2' }],
      },
    ])
  })

  it('finds renamed commitments, changed obligations and general changes', () => {
    const later = copy()
    commitmentOf(later, 'A3.E2').title = 'Engagement renommé'
    const obligation = later.obligations.find((candidate) => candidate.id === 'spaser')
    if (!obligation) throw new Error('spaser is an obligation')
    obligation.rule = { minPurchasesEur: 40_000_000 }
    later.obligations = later.obligations.filter((candidate) => candidate.id !== 'rgpd')
    later.maturityScale[3] = { level: 3, label: 'Exemplaire', description: 'Tout est fait.' }
    const comparison = compareReferentials(bundled, later)
    expect(comparison.commitments.changed).toEqual([
      {
        id: 'A3.E2',
        label: 'Engagement renommé',
        changes: [
          { field: 'title', before: commitmentOf(bundled, 'A3.E2').title, after: 'Engagement renommé' },
        ],
      },
    ])
    expect(comparison.obligations.removed.map((item) => item.id)).toEqual(['rgpd'])
    expect(comparison.obligations.changed.map((item) => [item.id, item.changes.map((c) => c.field)])).toEqual(
      [['spaser', ['rule']]],
    )
    expect(comparison.general.map((change) => change.field)).toEqual(['maturityScale'])
  })

  it('ignores the order of keys inside an object', () => {
    const later = copy()
    const obligation = later.obligations.find((candidate) => candidate.id === 'reen_strategie')
    if (!obligation) throw new Error('reen_strategie is an obligation')
    const reversed = Object.fromEntries(Object.entries(obligation.rule).reverse())
    expect(Object.keys(reversed)).not.toEqual(Object.keys(obligation.rule))
    obligation.rule = reversed
    expect(compareReferentials(bundled, later).identical).toBe(true)
  })
})
