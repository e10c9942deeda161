import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../test-support/test-users.js'
import { currentReferential } from '../referential/referential.store.js'
import { indexReferential } from '../referential/referential-index.js'
import { questionApplies } from '../referential/territory-tier.js'
import { AssessmentRefused } from './assessment-errors.js'
import { startAssessment } from './start-assessment.js'

const year = new Date().getUTCFullYear()

describe.each(testDialects())('self-assessment over HTTP on %s', (dialect) => {
  let test: TestApp
  let workspaceId: number
  const admin = () => new Visitor(test.app)
  let adminVisitor: Visitor
  const base = () => `/espace/${workspaceId}/autodiagnostic`

  beforeAll(async () => {
    test = await startTestApp(dialect)
    // Lyon: a commune over 50,000 inhabitants, so tier L: every question applies.
    const created = await createTestUser(test.database.db, {
      email: 'admin@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'admin' },
    })
    workspaceId = created.workspaceId as number
    await createTestUser(test.database.db, {
      email: 'contributor@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'contributor' },
    })
    await createTestUser(test.database.db, {
      email: 'reader@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'reader' },
    })
    adminVisitor = admin()
    await adminVisitor.signIn('admin@example.org')
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const answers = async () =>
    test.database.db
      .selectFrom('assessment_answers')
      .innerJoin('assessments', 'assessments.id', 'assessment_answers.assessment_id')
      .select(['question_id', 'level', 'comment', 'evidence_url', 'year'])
      .where('assessments.workspace_id', '=', workspaceId)
      .orderBy('question_id')
      .execute()

  it('opens a year, shows the commitments and refuses a second opening of the same year', async () => {
    const opened = await adminVisitor.post(base(), { year: String(year) })
    expect(opened.status).toBe(303)
    expect(opened.headers.get('location')).toBe(`${base()}/${year}?info=ouvert`)
    const overview = await (await adminVisitor.request(`${base()}/${year}`)).text()
    expect(overview).toContain('A3.E3')
    expect(overview).toContain('0 / 5 répondues')
    const again = await adminVisitor.post(base(), { year: String(year) })
    expect(again.status).toBe(400)
    expect(await again.text()).toContain(`Un autodiagnostic existe déjà pour ${year}`)
    const badYear = await adminVisitor.post(base(), { year: '1999' })
    expect(badYear.status).toBe(400)
  })

  it('shows each question with its four level descriptors', async () => {
    const html = await (await adminVisitor.request(`${base()}/${year}/engagements/A1.E1`)).text()
    const referential = await currentReferential(test.database.db)
    const question = indexReferential(referential).questions.get('A1.E1.Q2')?.question
    for (const descriptor of question?.levels ?? []) expect(html).toContain(descriptor.replace(/'/g, '&#39;'))
    expect(html).toContain('name="level-A1.E1.Q2"')
  })

  it('saves a draft and shows it again when the member comes back', async () => {
    const saved = await adminVisitor.post(`${base()}/${year}/engagements/A1.E1`, {
      version: '2026.1',
      'level-A1.E1.Q1': '2',
      'comment-A1.E1.Q1': 'Catalogue en cours',
      'evidence-A1.E1.Q1': 'https://example.org/catalogue',
      'level-A1.E1.Q2': '1',
      next: '1',
    })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`${base()}/${year}/engagements/A1.E2?info=enregistre`)
    expect(await answers()).toContainEqual({
      question_id: 'A1.E1.Q1',
      level: 2,
      comment: 'Catalogue en cours',
      evidence_url: 'https://example.org/catalogue',
      year,
    })
    const again = await (await adminVisitor.request(`${base()}/${year}/engagements/A1.E1`)).text()
    expect(again).toMatch(/value="2" checked/)
    expect(again).toContain('Catalogue en cours')
  })

  it('refuses bad input with a message naming the field, and saves nothing', async () => {
    const before = await answers()
    const bad = await adminVisitor.post(`${base()}/${year}/engagements/A1.E1`, {
      version: '2026.1',
      'level-A1.E1.Q1': '4',
      'evidence-A1.E1.Q2': 'javascript:alert(1)',
      'level-A1.E1.Q3': '3',
    })
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toContain('href="#level-A1.E1.Q1"')
    expect(html).toContain('le niveau doit être 0, 1, 2 ou 3')
    expect(html).toContain('href="#evidence-A1.E1.Q2"')
    const foreign = await adminVisitor.post(`${base()}/${year}/engagements/A1.E1`, {
      version: '2026.1',
      'level-A3.E3.Q1': '3',
    })
    expect(foreign.status).toBe(400)
    expect(await foreign.text()).toContain('la question A3.E3.Q1 ne fait pas partie de cet engagement')
    const otherVersion = await adminVisitor.post(`${base()}/${year}/engagements/A1.E1`, {
      version: '2025.9',
      'level-A1.E1.Q3': '3',
    })
    expect(otherVersion.status).toBe(400)
    expect(await otherVersion.text()).toContain('version 2025.9')
    expect(await answers()).toEqual(before)
  })

  it('lets a contributor answer but only an admin submit; a reader only reads', async () => {
    const contributor = new Visitor(test.app)
    await contributor.signIn('contributor@example.org')
    const saved = await contributor.post(`${base()}/${year}/engagements/A1.E2`, {
      version: '2026.1',
      'level-A1.E2.Q1': '1',
    })
    expect(saved.status).toBe(303)
    expect((await contributor.post(`${base()}/${year}/soumettre`)).status).toBe(403)
    const reader = new Visitor(test.app)
    await reader.signIn('reader@example.org')
    const form = await (await reader.request(`${base()}/${year}/engagements/A1.E2`)).text()
    expect(form).toContain('disabled')
    expect(form).not.toContain('Enregistrer le brouillon')
    expect(
      (await reader.post(`${base()}/${year}/engagements/A1.E2`, { version: '2026.1', 'level-A1.E2.Q1': '3' }))
        .status,
    ).toBe(403)
  })

  it('refuses to submit while applicable questions are unanswered, and lists them', async () => {
    const refused = await adminVisitor.post(`${base()}/${year}/soumettre`)
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('sans niveau')
    expect(html).toContain(`${base()}/${year}/engagements/A3.E3#A3.E3.Q5`)
    const row = await test.database.db
      .selectFrom('assessments')
      .select('status')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('draft')
  })

  it('submits once every applicable question is answered, then locks the year', async () => {
    const referential = await currentReferential(test.database.db)
    for (const commitment of indexReferential(referential).commitments) {
      const form: Record<string, string> = { version: referential.version }
      for (const question of commitment.questions)
        if (questionApplies(question, 'L', 'commune'))
          form[`level-${question.id}`] = question.id.endsWith('1') ? '3' : '1'
      expect((await adminVisitor.post(`${base()}/${year}/engagements/${commitment.id}`, form)).status).toBe(
        303,
      )
    }
    const submitted = await adminVisitor.post(`${base()}/${year}/soumettre`)
    expect(submitted.status).toBe(303)
    expect(submitted.headers.get('location')).toBe(`${base()}/${year}/resultats?info=soumis`)
    const row = await test.database.db
      .selectFrom('assessments')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'submitted',
      tier: 'L',
      peer_kind: 'commune',
      population_band: 'ge300000',
    })
    // Each commitment: its Q1 at 3, the others at 1 → (3 + 1 × (n − 1)) / 3n.
    expect(row.score).toBeGreaterThan(33)
    expect(row.score).toBeLessThan(60)

    const before = await answers()
    expect((await adminVisitor.post(`${base()}/${year}/soumettre`)).status).toBe(409)
    const edit = await adminVisitor.post(`${base()}/${year}/engagements/A1.E1`, {
      version: referential.version,
      'level-A1.E1.Q2': '3',
    })
    expect(edit.status).toBe(409)
    expect(await edit.text()).toContain('Rien n’a été enregistré')
    expect(await answers()).toEqual(before)
  })

  it('shows results: radar with a table, recommendations legal first, peers hidden under 5', async () => {
    const html = await (await adminVisitor.request(`${base()}/${year}/resultats`)).text()
    expect(html).toContain('<svg class="radar"')
    expect(html).toContain('<caption id="scores-caption">Scores par engagement')
    const recommendations = html.slice(html.indexOf('class="recommendations"'))
    const first = /<li id="(R-[^"]+)">\s*<span class="priority priority-(\w+)"/.exec(recommendations)
    expect(first?.[2]).toBe('obligatoire')
    expect(html).toContain('il en faut au moins 5')
  })

  it('exports the assessment as CSV and JSON', async () => {
    const csv = await adminVisitor.request(`${base()}/${year}/export.csv`)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const bytes = new Uint8Array(await csv.arrayBuffer())
    // A byte order mark first, so that spreadsheets read UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.startsWith('annee;version_referentiel;engagement;question')).toBe(true)
    expect(text.trim().split('\r\n')).toHaveLength(1 + 42)
    const json = (await (await adminVisitor.request(`${base()}/${year}/export.json`)).json()) as {
      status: string
      answers: { question: string; level: number | null }[]
    }
    expect(json.status).toBe('submitted')
    expect(json.answers.find((answer) => answer.question === 'A1.E1.Q1')?.level).toBe(3)
  })

  it('starts next year from a copy of the submitted answers', async () => {
    const opened = await adminVisitor.post(base(), { year: String(year + 1), copy: String(year) })
    expect(opened.status).toBe(303)
    expect(opened.headers.get('location')).toContain('copied=42&left=0')
    const copied = (await answers()).filter((answer) => answer.year === year + 1)
    expect(copied).toHaveLength(42)
  })
  it('gives two people opening the same year at once one assessment and one clear refusal', async () => {
    const referential = await currentReferential(test.database.db)
    const open = () =>
      startAssessment(test.database.db, { workspaceId, year: year + 2, actorId: null, referential })
    const outcomes = await Promise.allSettled([open(), open(), open()])
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
    for (const outcome of outcomes.filter((candidate) => candidate.status === 'rejected'))
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(AssessmentRefused)
  })
})
