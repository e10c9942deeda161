import type { Kysely, Transaction } from 'kysely'
import type { AssessmentsTable, Database } from '../../db/schema.js'
import type { TerritoryFacts } from '../obligations/evaluate-obligations.js'
import { readFrozenScores } from './score-assessment.js'

type Db = Kysely<Database> | Transaction<Database>

export type AssessmentRow = Omit<AssessmentsTable, 'id'> & { id: number }

export interface Answer {
  level: number | null
  comment: string | null
  evidenceUrl: string | null
}

export function listAssessments(db: Db, workspaceId: number) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('year', 'desc')
    .execute() as Promise<AssessmentRow[]>
}

export function findAssessment(db: Db, workspaceId: number, year: number) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('year', '=', year)
    .executeTakeFirst() as Promise<AssessmentRow | undefined>
}

/** The latest submitted assessment before a year, for "this year against last year". */
export function findPreviousSubmitted(db: Db, workspaceId: number, year: number) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('year', '<', year)
    .where('status', '=', 'submitted')
    .orderBy('year', 'desc')
    .executeTakeFirst() as Promise<AssessmentRow | undefined>
}

export async function answersOf(db: Db, assessmentId: number): Promise<Map<string, Answer>> {
  const rows = await db
    .selectFrom('assessment_answers')
    .select(['question_id', 'level', 'comment', 'evidence_url'])
    .where('assessment_id', '=', assessmentId)
    .execute()
  return new Map(
    rows.map((row) => [
      row.question_id,
      { level: row.level, comment: row.comment, evidenceUrl: row.evidence_url },
    ]),
  )
}

export const levelsOf = (answers: ReadonlyMap<string, Answer>) =>
  new Map([...answers].map(([questionId, answer]) => [questionId, answer.level]))

/** Frozen scores of a submitted assessment: 'overall:', 'ambition:<id>', 'commitment:<id>' → score. */
export async function storedScores(db: Db, assessmentId: number) {
  const row = await db
    .selectFrom('assessments')
    .select(['score', 'scores'])
    .where('id', '=', assessmentId)
    .executeTakeFirst()
  const scores = new Map<string, number>()
  if (!row) return scores
  if (row.score !== null) scores.set('overall:', row.score)
  const frozen = readFrozenScores(row.scores)
  for (const [id, score] of Object.entries(frozen.ambition)) scores.set(`ambition:${id}`, score)
  for (const [id, score] of Object.entries(frozen.commitment)) scores.set(`commitment:${id}`, score)
  return scores
}

/** What the tier and the obligations are computed from: the territory and its declared figures. */
export async function territoryFactsOf(db: Db, territoryId: number): Promise<TerritoryFacts> {
  const row = await db
    .selectFrom('territories')
    .leftJoin('territory_declarations as declarations', 'declarations.territory_id', 'territories.id')
    .select([
      'territories.kind',
      'territories.population_total',
      'territories.population_municipal',
      'declarations.agents_fte',
      'declarations.annual_purchases_cents',
    ])
    .where('territories.id', '=', territoryId)
    .executeTakeFirstOrThrow()
  return {
    kind: row.kind,
    populationTotal: row.population_total,
    populationMunicipal: row.population_municipal,
    agentsFte: row.agents_fte ?? null,
    annualPurchasesEur: row.annual_purchases_cents == null ? null : row.annual_purchases_cents / 100,
  }
}
