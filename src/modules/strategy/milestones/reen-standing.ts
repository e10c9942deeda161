import type { MilestoneKind } from '../../../db/schema.js'
import type { Obligation } from '../../obligations/obligations.schemas.js'

/**
 * Where a territory stands against the REEN law's milestones (art. 35 of law 2021-1485, art.
 * L2311-1-1 and D2311-15-1 CGCT): a work programme by 1 January 2023, a responsible digital
 * strategy by 1 January 2025, then a review every year in the sustainable-development report,
 * presented before the budget debate. Pure: the milestones page, the overview and the documents
 * all call this one function.
 */

/** The obligation applies, may apply (a figure or the kind to confirm), or the territory acts of its own will. */
export type ReenApplicability = 'applies' | 'to_confirm' | 'voluntary'

/** « Au plus tard le … »: a milestone dated on its deadline is on time. */
export interface ReenDeadlines {
  programme_travail: string
  strategie: string
}

/** The law's dates, as the referential (obligation reen_strategie) gives them. */
export const defaultReenDeadlines: ReenDeadlines = {
  programme_travail: '2023-01-01',
  strategie: '2025-01-01',
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** The deadlines of the referential's obligation, where it gives them as dates; the law's otherwise. */
export function reenDeadlinesOf(obligation: Obligation | undefined): ReenDeadlines {
  const deadline = (id: keyof ReenDeadlines) => {
    const given = obligation?.milestones?.find((milestone) => milestone.id === id)?.deadline
    return given && isoDate.test(given) ? given : defaultReenDeadlines[id]
  }
  return { programme_travail: deadline('programme_travail'), strategie: deadline('strategie') }
}

/**
 * The review of year N is part of the report presented before the debate on the budget of N+1.
 * That debate has no fixed date, but the budget must be voted by 15 April (art. L1612-2 CGCT): the
 * latest day the review can still come before it.
 */
export function annualReviewDeadline(year: number): string {
  return `${year + 1}-04-15`
}

export interface MilestoneRecord {
  kind: MilestoneKind
  /** ISO date of the adoption or presentation. */
  date: string
  /** The year an annual review covers. */
  year: number | null
}

/**
 * done: recorded (onTime tells whether by the deadline; null when no deadline binds the territory);
 * overdue: the deadline has passed without it; due: its deadline is ahead; todo: no legal deadline
 * (voluntary approach).
 */
export type MilestoneState = 'done' | 'overdue' | 'due' | 'todo'

export interface MilestoneStanding {
  kind: MilestoneKind
  /** The year an annual review covers; null for the programme and the strategy. */
  year: number | null
  deadline: string
  state: MilestoneState
  /** The date it was done (the earliest recorded), when done. */
  date: string | null
  onTime: boolean | null
}

export interface ReenStanding {
  applicability: ReenApplicability
  milestones: MilestoneStanding[]
}

function standingOf(
  kind: MilestoneKind,
  year: number | null,
  deadline: string,
  done: string | undefined,
  bound: boolean,
  today: string,
): MilestoneStanding {
  if (done !== undefined)
    return { kind, year, deadline, state: 'done', date: done, onTime: bound ? done <= deadline : null }
  const state: MilestoneState = !bound ? 'todo' : today > deadline ? 'overdue' : 'due'
  return { kind, year, deadline, state, date: null, onTime: null }
}

/**
 * Every REEN milestone in order: the work programme, the strategy, then one annual review per year
 * from the year the strategy was due (or, for a voluntary approach, adopted) to today's year, plus
 * any review recorded for another year. `today` is an ISO date.
 */
export function reenStanding(
  applicability: ReenApplicability,
  milestones: readonly MilestoneRecord[],
  today: string,
  deadlines: ReenDeadlines = defaultReenDeadlines,
): ReenStanding {
  const bound = applicability !== 'voluntary'
  const earliest = (kind: MilestoneKind, year: number | null = null) =>
    milestones
      .filter((milestone) => milestone.kind === kind && (year === null || milestone.year === year))
      .map((milestone) => milestone.date)
      .sort()[0]
  const strategyAdopted = earliest('strategie')
  const standings = [
    standingOf(
      'programme_travail',
      null,
      deadlines.programme_travail,
      earliest('programme_travail'),
      bound,
      today,
    ),
    standingOf('strategie', null, deadlines.strategie, strategyAdopted, bound, today),
  ]
  const currentYear = Number(today.slice(0, 4))
  const years = new Set<number>()
  const firstYear = bound
    ? Number(deadlines.strategie.slice(0, 4))
    : strategyAdopted
      ? Number(strategyAdopted.slice(0, 4))
      : undefined
  if (firstYear !== undefined) for (let year = firstYear; year <= currentYear; year++) years.add(year)
  for (const milestone of milestones)
    if (milestone.kind === 'bilan_annuel' && milestone.year !== null) years.add(milestone.year)
  for (const year of [...years].sort((a, b) => a - b))
    standings.push(
      standingOf(
        'bilan_annuel',
        year,
        annualReviewDeadline(year),
        earliest('bilan_annuel', year),
        bound,
        today,
      ),
    )
  return { applicability, milestones: standings }
}

/** The most pressing milestone: the oldest overdue one, else the next one due. */
export function nextReenStep(standing: ReenStanding): MilestoneStanding | undefined {
  return (
    standing.milestones.find((milestone) => milestone.state === 'overdue') ??
    standing.milestones.find((milestone) => milestone.state === 'due') ??
    standing.milestones.find((milestone) => milestone.state === 'todo')
  )
}
