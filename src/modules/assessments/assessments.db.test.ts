import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/database.js'
import type { Database, TerritoryKind } from '../../db/schema.js'
import { openTestDatabase, type TestDatabase, testDialects } from '../../test-support/test-databases.js'
import { createTestUser } from '../../test-support/test-users.js'
import type { Question, Referential } from '../referential/referential.schemas.js'
import { currentReferential, loadReferential, publishReferential } from '../referential/referential.store.js'
import { type AssessmentRefusal, AssessmentRefused } from './assessment-errors.js'
import {
  type AssessmentRow,
  answersOf,
  findAssessment,
  storedScores,
  territoryFactsOf,
} from './assessments.queries.js'
import { computeYearDistributions, groupKey } from './peers.queries.js'
import { type AnswerInput, saveAnswers } from './save-answers.js'
import { startAssessment } from './start-assessment.js'
import { submitAssessment } from './submit-assessment.js'

type Db = Kysely<Database>

const questionsOf = (referential: Referential): Question[] =>
  referential.ambitions.flatMap((ambition) =>
    ambition.commitments.flatMap((commitment) => commitment.questions),
  )
const commitmentIdsOf = (referential: Referential) =>
  referential.ambitions.flatMap((ambition) => ambition.commitments.map((commitment) => commitment.id))

/** The refusal an operation ended with (fails the test if it succeeded or failed otherwise). */
async function refusalOf(operation: Promise<unknown>): Promise<AssessmentRefusal> {
  try {
    await operation
  } catch (error) {
    if (error instanceof AssessmentRefused) return error.refusal
    throw error
  }
  throw new Error('the operation was not refused')
}

let territorySequence = 0
async function insertTerritory(
  db: Db,
  input: { kind: TerritoryKind; population: number; isDemo?: boolean },
): Promise<{ id: number; code: string }> {
  const code = `T${String(++territorySequence).padStart(5, '0')}`
  const row = await db
    .insertInto('territories')
    .values({
      kind: input.kind,
      code,
      name: `Territoire de test ${code}`,
      nature: null,
      siren: null,
      population_total: input.population,
      population_municipal: input.population,
      population_source: 'test',
      population_vintage: 'test',
      postcodes: null,
      intercommunality_id: null,
      ept_id: null,
      departement_id: null,
      region_id: null,
      is_demo: input.isDemo ? 1 : 0,
      dataset_vintage: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, code }
}

async function insertWorkspace(db: Db, territoryId: number): Promise<number> {
  const row = await db
    .insertInto('workspaces')
    .values({ territory_id: territoryId, created_at: new Date().toISOString(), created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const answer = (questionId: string, level: number | null): AnswerInput => ({
  questionId,
  level,
  comment: null,
  evidenceUrl: null,
})

const countRows = async (db: Db, table: 'assessment_answers' | 'audit_log') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
    ).count,
  )

describe.each(testDialects())('assessments on %s', (dialect) => {
  let database: TestDatabase
  let db: Db
  let referential: Referential
  let actorId: number
  let workspaceId: number
  let territoryId: number
  let assessment: AssessmentRow

  beforeAll(async () => {
    database = await openTestDatabase(dialect)
    db = database.db
    referential = await currentReferential(db)
    // A commune of 60,000 inhabitants: tier L, every question of the referential applies to it.
    const territory = await insertTerritory(db, { kind: 'commune', population: 60_000 })
    territoryId = territory.id
    const user = await createTestUser(db, {
      email: 'evaluatrice@example.org',
      workspace: { kind: 'commune', code: territory.code, role: 'admin' },
    })
    actorId = user.userId
    workspaceId = user.workspaceId as number
  })
  afterAll(async () => {
    await database?.dispose()
  })

  const reload = async (year: number) => (await findAssessment(db, workspaceId, year)) as AssessmentRow
  const auditOf = (assessmentId: number) =>
    db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'workspace_id', 'after'])
      .where('entity', '=', 'assessment')
      .where('entity_id', '=', String(assessmentId))
      .orderBy('id')
      .execute()

  it('starts a year as a draft under the version in force', async () => {
    const started = await startAssessment(db, { workspaceId, year: 2026, actorId, referential })
    expect(started).toMatchObject({ copied: 0, leftBehind: 0 })
    assessment = await reload(2026)
    expect(assessment).toMatchObject({
      id: started.id,
      workspace_id: workspaceId,
      year: 2026,
      referential_version: '2026.1',
      status: 'draft',
      score: null,
      letter: null,
      tier: null,
    })
    expect((await auditOf(started.id)).map((row) => row.action)).toEqual(['start'])
  })

  it('refuses to start the same year twice', async () => {
    expect(await refusalOf(startAssessment(db, { workspaceId, year: 2026, actorId, referential }))).toEqual({
      code: 'exists',
      year: 2026,
    })
    const rows = await db
      .selectFrom('assessments')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('refuses a question of another version, and writes nothing', async () => {
    const before = {
      answers: await countRows(db, 'assessment_answers'),
      audit: await countRows(db, 'audit_log'),
    }
    expect(
      await refusalOf(
        saveAnswers(db, {
          assessment,
          referential,
          actorId,
          answers: [answer('A1.E1.Q1', 2), answer('A9.E9.Q9', 1)],
        }),
      ),
    ).toEqual({ code: 'unknown_question', questionId: 'A9.E9.Q9', version: '2026.1' })
    expect(await countRows(db, 'assessment_answers')).toBe(before.answers)
    expect(await countRows(db, 'audit_log')).toBe(before.audit)
  })

  it('refuses a level outside 0–3, and writes nothing', async () => {
    const before = await countRows(db, 'assessment_answers')
    await expect(
      saveAnswers(db, {
        assessment,
        referential,
        actorId,
        answers: [answer('A1.E1.Q1', 2), answer('A1.E1.Q2', 4)],
      }),
    ).rejects.toThrow(RangeError)
    await expect(
      saveAnswers(db, { assessment, referential, actorId, answers: [answer('A1.E1.Q1', -1)] }),
    ).rejects.toThrow(RangeError)
    expect(await countRows(db, 'assessment_answers')).toBe(before)
    expect((await answersOf(db, assessment.id)).size).toBe(0)
  })

  it('refuses to submit while applicable questions are unanswered, and lists them', async () => {
    const questions = questionsOf(referential)
    expect(questions).toHaveLength(42)
    // Everything at 3 but A1.E1 at 0; three questions left out, one of them saved without a level.
    const levelOf = (id: string) => (id.startsWith('A1.E1.') ? 0 : 3)
    const left = ['A1.E2.Q2', 'A2.E3.Q3', 'A3.E3.Q5']
    await saveAnswers(db, {
      assessment,
      referential,
      actorId,
      answers: questions
        .filter((q) => !left.includes(q.id))
        .map((q) => answer(q.id, levelOf(q.id)))
        .concat([answer('A2.E3.Q3', null)]),
    })
    expect((await answersOf(db, assessment.id)).size).toBe(40)
    const facts = await territoryFactsOf(db, territoryId)
    expect(await refusalOf(submitAssessment(db, { assessment, referential, facts, actorId }))).toEqual({
      code: 'unanswered',
      questionIds: left,
    })
    expect(await reload(2026)).toMatchObject({ status: 'draft', score: null, scores: null })
    await saveAnswers(db, {
      assessment,
      referential,
      actorId,
      answers: left.map((id) => answer(id, levelOf(id))),
    })
  })

  it('submits: scores, letter, tier and peer group are stored and the change is logged', async () => {
    const facts = await territoryFactsOf(db, territoryId)
    const scores = await submitAssessment(db, { assessment, referential, facts, actorId })
    // A1.E1 at 0, the 8 other commitments at 100: A1 = mean(0, 100, 100) = 66.67 → 67,
    // A2 = A3 = 100, overall = 800 / 9 = 88.89 → 89 → A.
    expect(scores.overall).toBe(89)
    expect(scores.letter).toBe('A')
    const row = await reload(2026)
    expect(row).toMatchObject({
      status: 'submitted',
      submitted_by: actorId,
      tier: 'L',
      peer_kind: 'commune',
      population_band: '50000-100000',
      score: 89,
      letter: 'A',
    })
    expect(row.submitted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    const byKey = await storedScores(db, assessment.id)
    expect(byKey.size).toBe(1 + 3 + 9)
    expect(byKey.get('overall:')).toBe(89)
    expect(byKey.get('ambition:A1')).toBe(67)
    expect(byKey.get('ambition:A2')).toBe(100)
    expect(byKey.get('commitment:A1.E1')).toBe(0)
    for (const id of commitmentIdsOf(referential).slice(1)) expect(byKey.get(`commitment:${id}`)).toBe(100)
    const audit = await auditOf(assessment.id)
    expect(audit.map((entry) => entry.action)).toEqual(['start', 'save', 'save', 'submit'])
    const submitted = audit.at(-1)
    expect(submitted).toMatchObject({ actor_id: actorId, workspace_id: workspaceId })
    expect(JSON.parse(submitted?.after ?? '{}')).toEqual({ year: 2026, score: 89, letter: 'A', tier: 'L' })
  })

  it('refuses a second submission, even one started from a stale draft', async () => {
    const facts = await territoryFactsOf(db, territoryId)
    const fresh = await reload(2026)
    expect(await refusalOf(submitAssessment(db, { assessment: fresh, referential, facts, actorId }))).toEqual(
      {
        code: 'locked',
      },
    )
    // `assessment` still says draft: the conditional update is what refuses it.
    expect(assessment.status).toBe('draft')
    expect(await refusalOf(submitAssessment(db, { assessment, referential, facts, actorId }))).toEqual({
      code: 'locked',
    })
    expect((await storedScores(db, assessment.id)).size).toBe(13)
    expect((await auditOf(assessment.id)).filter((entry) => entry.action === 'submit')).toHaveLength(1)
  })

  it('refuses to save answers once submitted, and writes nothing', async () => {
    const audit = await countRows(db, 'audit_log')
    expect(
      await refusalOf(
        saveAnswers(db, { assessment, referential, actorId, answers: [answer('A1.E1.Q1', 3)] }),
      ),
    ).toEqual({ code: 'locked' })
    expect((await answersOf(db, assessment.id)).get('A1.E1.Q1')?.level).toBe(0)
    expect(await countRows(db, 'audit_log')).toBe(audit)
  })

  it('a copy for next year carries only the answers whose question is unchanged', async () => {
    const next = structuredClone(referential)
    next.version = '2026.2'
    const changed = next.ambitions[0]?.commitments[0]?.questions[1] as Question
    expect(changed.id).toBe('A1.E1.Q2')
    changed.text = `${changed.text} (reformulée)`
    await publishReferential(db, next, actorId)
    const inForce = await currentReferential(db)
    expect(inForce.version).toBe('2026.2')

    // A process that has not read version 2026.1 yet (a fresh handle on the same database): the
    // copy reads it while its transaction is open; on SQLite's single connection it must not wait
    // for itself.
    const other =
      dialect === 'sqlite'
        ? await openDatabase(database.displayUrl)
        : await openDatabase(process.env.TEST_DATABASE_URL as string, {
            searchPath: database.schema as string,
          })
    try {
      const started = await Promise.race([
        startAssessment(other.db, {
          workspaceId,
          year: 2027,
          actorId,
          referential: inForce,
          copyFromYear: 2026,
        }),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('startAssessment did not finish in 5 s')), 5_000),
        ),
      ])
      expect(started).toMatchObject({ copied: 41, leftBehind: 1 })
    } finally {
      await other.close()
    }
    const copy = await reload(2027)
    expect(copy).toMatchObject({ status: 'draft', referential_version: '2026.2', score: null })
    const carried = await answersOf(db, copy.id)
    expect(carried.size).toBe(41)
    expect(carried.has('A1.E1.Q2')).toBe(false)
    expect(carried.get('A1.E1.Q1')?.level).toBe(0)
    expect(carried.get('A3.E3.Q5')?.level).toBe(3)
    // The source year is untouched.
    expect((await answersOf(db, assessment.id)).size).toBe(42)
    expect(await loadReferential(db, '2026.1')).toBeDefined()
    // Copying from a year that is not submitted is refused.
    expect(
      await refusalOf(
        startAssessment(db, { workspaceId, year: 2028, actorId, referential: inForce, copyFromYear: 2027 }),
      ),
    ).toEqual({ code: 'copy_source_missing', year: 2027 })
  })

  describe('peer distributions', () => {
    const year = 2030
    const questions = () => questionsOf(referential)

    /**
     * A territory with a submitted assessment whose first `zeroCommitments` commitments are at 0
     * and the others at 100: overall = round(100 × (9 − zeroCommitments) / 9).
     */
    async function submitted(
      kind: TerritoryKind,
      population: number,
      zeroCommitments: number,
      options: { isDemo?: boolean; submit?: boolean } = {},
    ) {
      const territory = await insertTerritory(db, { kind, population, isDemo: options.isDemo ?? false })
      const workspace = await insertWorkspace(db, territory.id)
      const { id } = await startAssessment(db, { workspaceId: workspace, year, actorId, referential })
      const row = (await findAssessment(db, workspace, year)) as AssessmentRow
      const zero = new Set(commitmentIdsOf(referential).slice(0, zeroCommitments))
      await saveAnswers(db, {
        assessment: row,
        referential,
        actorId,
        answers: questions().map((q) =>
          answer(q.id, zero.has(q.id.split('.').slice(0, 2).join('.')) ? 0 : 3),
        ),
      })
      if (options.submit === false) return id
      const facts = await territoryFactsOf(db, territory.id)
      const scores = await submitAssessment(db, { assessment: row, referential, facts, actorId })
      expect(scores.overall).toBe(Math.round((100 * (9 - zeroCommitments)) / 9))
      return id
    }

    beforeAll(async () => {
      // The version in force is 2026.2 now: these assessments are answered under it.
      referential = await currentReferential(db)
      // commune, < 3,500 inhabitants: overall 100, 89, 78, 67, 56
      for (const [index, zero] of [0, 1, 2, 3, 4].entries())
        await submitted('commune', 1_000 + index * 500, zero)
      // EPCI of 10,000–50,000: overall 44, 33, 22, 11 (a group of 4)
      for (const zero of [5, 6, 7, 8]) await submitted('epci', 20_000, zero)
      // a draft in the first group, and two demo communes at 0: none enter the real figures
      await submitted('commune', 2_000, 9, { submit: false })
      await submitted('commune', 1_500, 9, { isDemo: true })
      await submitted('commune', 1_800, 9, { isDemo: true })
    })

    it('a group of 5 gets its quartiles', async () => {
      const figures = await computeYearDistributions(db, year, false)
      const communes = figures.groups.get(groupKey('commune', 'lt3500'))
      expect(communes?.count).toBe(5)
      // sorted 56, 67, 78, 89, 100: positions 1, 2, 3
      expect(communes?.byScope.get('overall')).toEqual({ count: 5, q1: 67, median: 78, q3: 89 })
      // A1.E1 is at 0 in four of them, at 100 in one
      expect(communes?.byScope.get('commitment:A1.E1')).toEqual({ count: 5, q1: 0, median: 0, q3: 0 })
      // A1.E3 (third commitment) at 0 in k = 3 and 4: 0, 0, 100, 100, 100
      expect(communes?.byScope.get('commitment:A1.E3')).toEqual({ count: 5, q1: 0, median: 100, q3: 100 })
      // Ambition scores are not part of the peer figures.
      expect(communes?.byScope.has('ambition:A1')).toBe(false)
      expect(communes?.byScope.size).toBe(1 + 9)
    })

    it('a group of 4 is not shown', async () => {
      const figures = await computeYearDistributions(db, year, false)
      const epci = figures.groups.get(groupKey('epci', '10000-50000'))
      expect(epci?.count).toBe(4)
      expect(epci?.byScope.get('overall')).toBeNull()
      expect([...(epci?.byScope.values() ?? [])].every((distribution) => distribution === null)).toBe(true)
      expect([...figures.groups.keys()].sort()).toEqual(['commune|lt3500', 'epci|10000-50000'])
    })

    it('nationally: every real submitted assessment of the year, and nothing else', async () => {
      const { national } = await computeYearDistributions(db, year, false)
      expect(national.count).toBe(9)
      // 11, 22, 33, 44, 56, 67, 78, 89, 100: positions 2, 4, 6
      expect(national.byScope.get('overall')).toEqual({ count: 9, q1: 33, median: 56, q3: 78 })
      // The 2026 assessment (score 89) is another year.
      expect((await computeYearDistributions(db, 2026, false)).national.count).toBe(1)
    })

    it('demonstration territories are compared only among themselves', async () => {
      const demo = await computeYearDistributions(db, year, true)
      expect(demo.national.count).toBe(2)
      expect(demo.national.byScope.get('overall')).toBeNull()
      expect([...demo.groups.keys()]).toEqual(['commune|lt3500'])
      expect(demo.groups.get('commune|lt3500')?.count).toBe(2)
    })
  })
})
