import { describe, expect, it } from 'vitest'
import type { Obligation } from '../../obligations/obligations.schemas.js'
import { annualReviewDeadline, nextReenStep, reenDeadlinesOf, reenStanding } from './reen-standing.js'

describe('where a territory stands against the REEN milestones', () => {
  it('marks what is overdue, due or done, on time or late, for a territory the law binds', () => {
    const standing = reenStanding(
      'applies',
      [
        { kind: 'programme_travail', date: '2023-03-10', year: null },
        { kind: 'bilan_annuel', date: '2026-02-01', year: 2025 },
      ],
      '2026-11-29',
    )
    expect(standing.applicability).toBe('applies')
    expect(standing.milestones).toEqual([
      {
        kind: 'programme_travail',
        year: null,
        deadline: '2023-01-01',
        state: 'done',
        date: '2023-03-10',
        onTime: false,
      },
      { kind: 'strategie', year: null, deadline: '2025-01-01', state: 'overdue', date: null, onTime: null },
      {
        kind: 'bilan_annuel',
        year: 2025,
        deadline: '2026-04-15',
        state: 'done',
        date: '2026-02-01',
        onTime: true,
      },
      { kind: 'bilan_annuel', year: 2026, deadline: '2027-04-15', state: 'due', date: null, onTime: null },
    ])
    expect(nextReenStep(standing)?.kind).toBe('strategie')
  })

  it('counts a milestone dated on its deadline as on time, and keeps the earliest of several', () => {
    const standing = reenStanding(
      'applies',
      [
        { kind: 'strategie', date: '2025-06-30', year: null },
        { kind: 'strategie', date: '2025-01-01', year: null },
      ],
      '2024-12-01',
    )
    expect(standing.milestones[0]).toMatchObject({ kind: 'programme_travail', state: 'overdue' })
    expect(standing.milestones[1]).toMatchObject({ state: 'done', date: '2025-01-01', onTime: true })
    // Before the first review year: no review expected yet.
    expect(standing.milestones.filter((milestone) => milestone.kind === 'bilan_annuel')).toEqual([])
  })

  it('has no deadline to miss for a voluntary approach: reviews follow the strategy’s adoption', () => {
    const none = reenStanding('voluntary', [], '2026-05-01')
    expect(none.milestones.map((milestone) => milestone.state)).toEqual(['todo', 'todo'])
    const adopted = reenStanding(
      'voluntary',
      [{ kind: 'strategie', date: '2026-03-01', year: null }],
      '2026-05-01',
    )
    expect(adopted.milestones.slice(1)).toEqual([
      {
        kind: 'strategie',
        year: null,
        deadline: '2025-01-01',
        state: 'done',
        date: '2026-03-01',
        onTime: null,
      },
      { kind: 'bilan_annuel', year: 2026, deadline: '2027-04-15', state: 'todo', date: null, onTime: null },
    ])
    expect(nextReenStep(adopted)).toMatchObject({ kind: 'programme_travail', state: 'todo' })
  })

  it('treats an obligation still to confirm as binding, and keeps reviews of other years', () => {
    const standing = reenStanding(
      'to_confirm',
      [{ kind: 'bilan_annuel', date: '2024-11-20', year: 2024 }],
      '2025-02-01',
    )
    expect(standing.milestones.map((milestone) => [milestone.kind, milestone.year, milestone.state])).toEqual(
      [
        ['programme_travail', null, 'overdue'],
        ['strategie', null, 'overdue'],
        ['bilan_annuel', 2024, 'done'],
        ['bilan_annuel', 2025, 'due'],
      ],
    )
  })

  it('reads the deadlines from the referential where they are dates', () => {
    const obligation = {
      milestones: [
        { id: 'programme_travail', label: 'Programme', deadline: '2023-06-30' },
        { id: 'strategie', label: 'Stratégie', deadline: 'Un jour' },
      ],
    } as Obligation
    expect(reenDeadlinesOf(obligation)).toEqual({ programme_travail: '2023-06-30', strategie: '2025-01-01' })
    expect(reenDeadlinesOf(undefined)).toEqual({ programme_travail: '2023-01-01', strategie: '2025-01-01' })
    expect(annualReviewDeadline(2025)).toBe('2026-04-15')
  })
})
