import { describe, expect, it } from 'vitest'
import { parseSnapshot } from './snapshot-schema.js'
import { testObjective, testSnapshot } from './test-publications.js'
import { percentOfTheWay } from './views/published-format.js'

const territory = { kind: 'commune', code: '69123', name: 'Lyon', population: 522_250 } as const

describe('parseSnapshot', () => {
  it('reads a snapshot as the documents publish it', () => {
    const snapshot = testSnapshot(territory)
    expect(parseSnapshot(JSON.stringify(snapshot))).toEqual({
      objectives: snapshot.objectives,
      actions: snapshot.actions,
      milestones: snapshot.milestones,
      skipped: 0,
    })
  })

  it('drops fields it does not know, so nothing reaches the public by accident', () => {
    const snapshot = testSnapshot(territory)
    const leaky = {
      ...snapshot,
      actions: snapshot.actions.map((action) => ({ ...action, ownerEmail: 'agent@example.org' })),
    }
    expect(JSON.stringify(parseSnapshot(JSON.stringify(leaky)))).not.toContain('agent@example.org')
  })

  it('keeps the readable items and counts the others', () => {
    const snapshot = testSnapshot(territory)
    const damaged = {
      ...snapshot,
      objectives: [...snapshot.objectives, { id: 'x' }],
      actions: [...snapshot.actions, { ...snapshot.actions[0], status: 'inconnu' }],
      milestones: 'not a list',
    }
    const content = parseSnapshot(JSON.stringify(damaged))
    expect(content?.objectives).toHaveLength(2)
    expect(content?.actions).toHaveLength(2)
    expect(content?.milestones).toEqual([])
    expect(content?.skipped).toBe(2)
  })

  it('answers null for text that is no snapshot of a known format', () => {
    expect(parseSnapshot('{not json')).toBeNull()
    expect(parseSnapshot('null')).toBeNull()
    expect(parseSnapshot(JSON.stringify({ ...testSnapshot(territory), format: 2 }))).toBeNull()
  })
})

describe('percentOfTheWay', () => {
  it('measures the way from the baseline to the last target, whichever the direction', () => {
    // Lowering 120 → 80: at 105, 15 of 40 done.
    expect(percentOfTheWay(testObjective(1))).toBe(38)
    // Raising 20 → 50: at 35, half way.
    expect(
      percentOfTheWay(
        testObjective(2, {
          baseline: { year: 2023, value: 20 },
          targets: [{ year: 2027, value: 50 }],
          measured: { year: 2025, value: 35 },
        }),
      ),
    ).toBe(50)
  })

  it('stays between 0 and 100, and says nothing without a measure or a way to go', () => {
    expect(percentOfTheWay(testObjective(1, { measured: { year: 2025, value: 130 } }))).toBe(0)
    expect(percentOfTheWay(testObjective(1, { measured: { year: 2025, value: 60 } }))).toBe(100)
    expect(percentOfTheWay(testObjective(1, { measured: null }))).toBeNull()
    expect(percentOfTheWay(testObjective(1, { targets: [{ year: 2030, value: 120 }] }))).toBeNull()
  })
})
