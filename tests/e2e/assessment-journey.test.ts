import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import {
  budget,
  describeViolations,
  findReflowOverflow,
  reflowWidth,
  weighColdLoad,
} from './support/audit.js'
import { browserAvailable } from './support/browser.js'
import { parseCsv } from './support/csv.js'
import {
  type Actor,
  click,
  createJourney,
  escapeRegExp,
  header,
  heading,
  pathOf,
  screenshotsDir,
  textOf,
  viewport,
  visit,
  workspaceIdOf,
} from './support/journey.js'
import { useStage } from './support/stage.js'

const demoCity = 'Jalons-sur-Loire (démonstration)'
/** The demo seeds last year's assessment (submitted) and this year's (a draft): same clock as the server. */
const year = new Date().getUTCFullYear()
const lastYear = year - 1
/** The demo city has 62,480 inhabitants: tier L, where every question of the referential applies. */
const questionCount = 42
const commitmentCount = 9

/** What the admin types as proof, and a mistake the browser lets through but the server must refuse. */
const evidence = 'https://jalons-sur-loire.example.org/deliberations/inventaire-du-parc.pdf'
const comment = 'Inventaire du parc fait en mars ; reste à chiffrer le réemploi.'
const notAnAddress = 'pas une adresse'
const notAWebAddress = 'ftp://archives.jalons-sur-loire.example.org/inventaire.pdf'
/** The reader the admin invites (example.org: reserved, RFC 2606). */
const reader = {
  name: 'Lou Lecteur',
  email: 'lou.lecteur@jalons-sur-loire.example.org',
  password: 'Lecture paisible au bord de la Loire',
}

/** A CSS selector for an id such as "A1.E1.Q1" or "evidence-A1.E1.Q1" (dots are not classes). */
const byId = (id: string) => `[id="${id}"]`

/**
 * The yearly self-assessment, as people do it in their own browsers with JavaScript DISABLED (axe
 * runs on a scripted replay of each page: see createScriptlessAxe): the demo city's admin resumes
 * this year's draft, saves, is refused a bad proof link and an early submission, answers the rest
 * commitment by commitment, submits, reads the results (radar against last year, recommendations,
 * peers), exports and prints them; then a contributor and a reader see only what their role allows.
 * Every page anyone loads gets an axe-core check (zero violations, WCAG 2.1 A/AA and RGAA 4); a
 * page loaded and never checked fails the last test. The steps share their browsers and run in
 * order: after a step throws, the following ones are skipped.
 */
describe.skipIf(!browserAvailable)('the self-assessment, without JavaScript', () => {
  const stage = useStage()
  const { journey, credential, openBrowser, audit, screenshot, linkInOutbox, checkEveryPageAudited, axe } =
    createJourney(stage, { screenshotPrefix: 'assessment' })
  let pdfDir: string

  beforeAll(() => {
    pdfDir = mkdtempSync(join(tmpdir(), 'jalons-assessment-pdf-'))
  })
  afterAll(() => {
    if (pdfDir) rmSync(pdfDir, { recursive: true, force: true })
  })

  const statusMessage = (actor: Actor) => textOf(actor.page.locator('main').getByRole('status'))
  const workspaceNav = (actor: Actor) =>
    actor.page.getByRole('navigation', { name: 'Navigation de l’espace' })
  const main = (actor: Actor) => actor.page.locator('main')
  /** A table row's cells, one space apart. */
  const cellsOf = async (row: Locator) =>
    (await row.locator('th, td').allInnerTexts()).map((cell) => cell.replace(/\s+/g, ' ').trim()).join(' ')

  async function signIn(actor: Actor, email: string, password: string): Promise<void> {
    const { page } = actor
    await visit(actor, '/connexion')
    await audit(actor, 'sign-in')
    await page.getByLabel('Adresse électronique').fill(email)
    await page.getByLabel('Mot de passe', { exact: true }).fill(password)
    await click(actor, page.getByRole('button', { name: 'Se connecter' }))
    expect(pathOf(actor)).toBe('/espaces')
    await audit(actor, 'workspaces')
  }

  /** From the workspace list to the demo city's assessments, by the links a person follows. */
  async function openAssessments(actor: Actor): Promise<number> {
    const { page } = actor
    await click(actor, page.getByRole('link', { name: demoCity }))
    await audit(actor, 'workspace-home')
    const workspaceId = workspaceIdOf(actor)
    await click(actor, workspaceNav(actor).getByRole('link', { name: 'Autodiagnostic' }))
    expect(pathOf(actor)).toBe(`/espace/${workspaceId}/autodiagnostic`)
    await audit(actor, 'assessment-list')
    expect(await heading(actor)).toBe('Autodiagnostic de maturité')
    return workspaceId
  }

  /** "A2.E3 · Title  2 / 4 répondues" on the overview, for every commitment, in order. */
  async function progressRows(actor: Actor) {
    const rows = await actor.page.locator('ul.progress-list > li').allInnerTexts()
    return rows.map((row) => {
      const text = row.replace(/\s+/g, ' ').trim()
      const match = text.match(/^(A\d+\.E\d+) · .+ (\d+) \/ (\d+) répondues/)
      if (!match) throw new Error(`Unexpected progress row: ${text}`)
      return { id: match[1] as string, answered: Number(match[2]), applicable: Number(match[3]) }
    })
  }
  async function overallProgress(actor: Actor) {
    const text = await textOf(main(actor))
    const match = text.match(/(\d+) questions répondues sur (\d+) applicables\./)
    if (!match) throw new Error(`No overall progress on ${actor.page.url()}`)
    return { answered: Number(match[1]), applicable: Number(match[2]) }
  }

  /** The question's fieldset, found as assistive technologies do: a group named by its legend. */
  const question = (actor: Actor, questionId: string) =>
    actor.page.getByRole('group', { name: new RegExp(`^${escapeRegExp(questionId)} · `) })
  const radio = (actor: Actor, questionId: string, level: string) =>
    question(actor, questionId).locator(`input[type="radio"][name="level-${questionId}"][value="${level}"]`)
  /** Chooses a level as a person does: by clicking the words of its label. */
  async function chooseLevel(actor: Actor, questionId: string, level: number): Promise<void> {
    const label = question(actor, questionId)
      .locator('label')
      .filter({ has: actor.page.locator(`input[type="radio"][value="${level}"]`) })
    await label.locator('strong').click()
    expect(await radio(actor, questionId, String(level)).isChecked()).toBe(true)
  }
  const commentField = (actor: Actor, questionId: string) =>
    question(actor, questionId).getByLabel('Commentaire (facultatif)')
  const evidenceField = (actor: Actor, questionId: string) =>
    question(actor, questionId).getByLabel('Lien vers une preuve (facultatif)')
  /** The ids of the questions on the current commitment form, in order. */
  const questionIds = (actor: Actor) =>
    actor.page.locator('form fieldset.question').evaluateAll((sets) => sets.map((set) => set.id))
  async function unansweredOnForm(actor: Actor): Promise<string[]> {
    const unanswered: string[] = []
    for (const id of await questionIds(actor)) if (await radio(actor, id, '').isChecked()) unanswered.push(id)
    return unanswered
  }
  /** The same form post a person's browser would make, with the session's CSRF token. */
  async function csrfToken(actor: Actor): Promise<string> {
    const token = await actor.page.locator('header input[name="_csrf"]').getAttribute('value')
    expect(token, 'the CSRF token of the sign-out form').toBeTruthy()
    return token as string
  }
  type ExportedAnswer = {
    question: string
    level: number | null
    comment: string | null
    evidenceUrl: string | null
  }
  async function exportedJson(actor: Actor, workspaceId: number) {
    const response = await actor.page.request.get(`/espace/${workspaceId}/autodiagnostic/${year}/export.json`)
    expect(response.status()).toBe(200)
    return (await response.json()) as { status: string; answers: ExportedAnswer[] }
  }

  describe('the admin, from this year’s draft to the results', () => {
    const step = journey()
    let admin: Actor
    let workspaceId: number
    let base: string
    /** The first commitment with unanswered questions, answered in step 2. */
    let firstCommitment: string
    let answeredFirst: string[] = []
    let progressBefore: { answered: number; applicable: number }
    /** Questions answered at level 1 in step 6 (so each must have a recommendation). */
    const answeredAtOne: string[] = []

    step('the admin signs in, opens the workspace, then this year’s draft', async () => {
      admin = await openBrowser('the admin')
      const { page } = admin
      const account = credential(/^admin of/)
      await signIn(admin, account.email, account.password)
      workspaceId = await openAssessments(admin)
      base = `/espace/${workspaceId}/autodiagnostic/${year}`

      const rows = page.getByRole('table', { name: 'Autodiagnostics par année' }).locator('tbody tr')
      expect(await rows.count()).toBe(2)
      const current = rows.filter({ has: page.getByRole('rowheader', { name: String(year) }) })
      const previous = rows.filter({ has: page.getByRole('rowheader', { name: String(lastYear) }) })
      expect(await cellsOf(current)).toMatch(new RegExp(`^${year} brouillon \\S+ —$`))
      expect(await cellsOf(previous)).toMatch(
        new RegExp(`^${lastYear} soumis \\S+ \\d+(,\\d)? / 100 \\([A-E]\\)$`),
      )
      // Another year can be started, taking up last year's answers.
      const start = page.getByRole('region', { name: 'Commencer un autodiagnostic' })
      expect(await start.getByLabel('Année').locator('option').allInnerTexts()).not.toContain(String(year))
      expect(await start.getByLabel('Reprendre les réponses').locator('option').allInnerTexts()).toEqual([
        'Partir de zéro',
        `Reprendre les réponses de ${lastYear}`,
      ])

      await click(admin, current.getByRole('link', { name: String(year) }))
      expect(pathOf(admin)).toBe(base)
      await audit(admin, 'overview-draft')
      expect(await heading(admin)).toBe(`Autodiagnostic ${year}`)
      expect(await textOf(page.locator('p.meta'))).toContain(`${demoCity} · brouillon · référentiel`)
      progressBefore = await overallProgress(admin)
      expect(progressBefore.applicable).toBe(questionCount)
      // The demo answered about 60 % of the questions.
      expect(progressBefore.answered).toBeGreaterThanOrEqual(Math.floor(questionCount * 0.5))
      expect(progressBefore.answered).toBeLessThanOrEqual(Math.ceil(questionCount * 0.7))
      const rowsOfProgress = await progressRows(admin)
      expect(rowsOfProgress).toHaveLength(commitmentCount)
      expect(rowsOfProgress.reduce((sum, row) => sum + row.applicable, 0)).toBe(questionCount)
      expect(rowsOfProgress.reduce((sum, row) => sum + row.answered, 0)).toBe(progressBefore.answered)
      expect(await page.getByRole('button', { name: `Soumettre l’autodiagnostic ${year}` }).count()).toBe(1)
    })

    step('the admin answers a commitment and saves the draft', async () => {
      const { page } = admin
      const incomplete = (await progressRows(admin)).find((row) => row.answered < row.applicable)
      if (!incomplete) throw new Error('the demo draft has no unanswered question')
      firstCommitment = incomplete.id
      await click(admin, page.getByRole('link', { name: new RegExp(`^${escapeRegExp(firstCommitment)} · `) }))
      expect(pathOf(admin)).toBe(`${base}/engagements/${firstCommitment}`)
      await audit(admin, `form-${firstCommitment}`)
      expect(await heading(admin)).toMatch(
        new RegExp(`^Autodiagnostic ${year} ${escapeRegExp(firstCommitment)} · \\S`),
      )
      expect(await questionIds(admin)).toHaveLength(incomplete.applicable)
      answeredFirst = await unansweredOnForm(admin)
      expect(answeredFirst).toHaveLength(incomplete.applicable - incomplete.answered)

      const [withProof, ...others] = answeredFirst as [string, ...string[]]
      await chooseLevel(admin, withProof, 3)
      await commentField(admin, withProof).fill(comment)
      await evidenceField(admin, withProof).fill(evidence)
      for (const id of others) await chooseLevel(admin, id, 2)
      await click(admin, page.getByRole('button', { name: 'Enregistrer le brouillon' }))
      expect(pathOf(admin)).toBe(`${base}/engagements/${firstCommitment}?info=enregistre`)
      await audit(admin, 'form-saved')
      expect(await statusMessage(admin)).toBe('Modifications enregistrées.')
      expect(await radio(admin, withProof, '3').isChecked()).toBe(true)
      expect(await commentField(admin, withProof).inputValue()).toBe(comment)
      expect(await evidenceField(admin, withProof).inputValue()).toBe(evidence)
      for (const id of others) expect(await radio(admin, id, '2').isChecked()).toBe(true)
      expect(await unansweredOnForm(admin)).toEqual([])
    })

    step('a bad proof link is refused, with a summary linking to the field; nothing is saved', async () => {
      const { page } = admin
      const [withProof, other] = answeredFirst as [string, string | undefined]
      const field = evidenceField(admin, withProof)

      // Not an address at all: the browser's own check (type=url) keeps the form from leaving.
      await field.fill(notAnAddress)
      const visits = admin.visits.length
      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
      await page.waitForTimeout(300)
      expect(admin.visits.length, 'the browser did not send an invalid address').toBe(visits)
      expect(await field.evaluate((input: HTMLInputElement) => input.validity.typeMismatch)).toBe(true)

      // An address, but not a web page: the server refuses it and changes nothing.
      await field.fill(notAWebAddress)
      if (other) await chooseLevel(admin, other, 0)
      await click(admin, page.getByRole('button', { name: 'Enregistrer le brouillon' }))
      expect(pathOf(admin)).toBe(`${base}/engagements/${firstCommitment}`)
      await audit(admin, 'form-bad-evidence', 400)
      const summary = page.getByRole('alert')
      expect(await textOf(summary.getByRole('heading'))).toBe('Le formulaire contient des erreurs :')
      const problem = summary.getByRole('link')
      expect(await problem.allInnerTexts()).toEqual([
        `${withProof} · Lien vers une preuve (facultatif) : la preuve doit être une adresse web (https://…) d’au plus 500 caractères`,
      ])
      expect(await problem.getAttribute('href')).toBe(`#evidence-${withProof}`)
      // The link leads to the field, which says it is wrong and keeps what was typed.
      await problem.click()
      expect(new URL(page.url()).hash).toBe(`#evidence-${withProof}`)
      const target = page.locator(byId(`evidence-${withProof}`))
      expect(await target.getAttribute('aria-invalid')).toBe('true')
      expect(await target.inputValue()).toBe(notAWebAddress)
      expect(await textOf(question(admin, withProof).locator('.field-error'))).toBe(
        'la preuve doit être une adresse web (https://…) d’au plus 500 caractères',
      )
      expect(await commentField(admin, withProof).inputValue()).toBe(comment)
      if (other) expect(await radio(admin, other, '0').isChecked()).toBe(true)

      // Stored: still the saved values (the other answer's change was not saved either).
      const stored = await exportedJson(admin, workspaceId)
      const saved = stored.answers.find((answer) => answer.question === withProof)
      expect(saved).toMatchObject({ level: 3, comment, evidenceUrl: evidence })
      if (other) expect(stored.answers.find((answer) => answer.question === other)?.level).toBe(2)
      // And so on the page, loaded again.
      await click(admin, page.getByRole('link', { name: 'Retour à la vue d’ensemble' }))
      await audit(admin, 'overview-after-refusal')
      await click(admin, page.getByRole('link', { name: new RegExp(`^${escapeRegExp(firstCommitment)} · `) }))
      await audit(admin, 'form-reloaded')
      expect(await evidenceField(admin, withProof).inputValue()).toBe(evidence)
      expect(await evidenceField(admin, withProof).getAttribute('aria-invalid')).toBeNull()
      if (other) expect(await radio(admin, other, '2').isChecked()).toBe(true)
    })

    step('the admin leaves, comes back: progress is up and the answers are there', async () => {
      const { page } = admin
      await click(admin, workspaceNav(admin).getByRole('link', { name: 'Tableau de bord' }))
      expect(pathOf(admin)).toBe(`/espace/${workspaceId}`)
      await audit(admin, 'workspace-home-again')
      await click(admin, workspaceNav(admin).getByRole('link', { name: 'Autodiagnostic' }))
      await audit(admin, 'assessment-list-again')
      await click(admin, page.getByRole('link', { name: String(year), exact: true }))
      await audit(admin, 'overview-resumed')
      const progress = await overallProgress(admin)
      expect(progress).toEqual({
        answered: progressBefore.answered + answeredFirst.length,
        applicable: questionCount,
      })
      const row = (await progressRows(admin)).find((candidate) => candidate.id === firstCommitment)
      expect(row && row.answered === row.applicable, `${firstCommitment} complete`).toBe(true)

      await click(admin, page.getByRole('link', { name: new RegExp(`^${escapeRegExp(firstCommitment)} · `) }))
      await audit(admin, 'form-resumed')
      const [withProof] = answeredFirst as [string]
      expect(await radio(admin, withProof, '3').isChecked()).toBe(true)
      expect(await commentField(admin, withProof).inputValue()).toBe(comment)
      expect(await evidenceField(admin, withProof).inputValue()).toBe(evidence)
      expect(await unansweredOnForm(admin)).toEqual([])
    })

    let missing: string[] = []
    step('submitting too early is refused, listing the missing questions as links', async () => {
      const { page } = admin
      await click(admin, page.getByRole('link', { name: 'Retour à la vue d’ensemble' }))
      await audit(admin, 'overview-before-submit')
      const progress = await overallProgress(admin)
      await click(admin, page.getByRole('button', { name: `Soumettre l’autodiagnostic ${year}` }))
      expect(pathOf(admin)).toBe(`${base}/soumettre`)
      await audit(admin, 'submit-refused', 400)
      const refusal = page.getByRole('alert')
      expect(await textOf(refusal.getByRole('heading'))).toBe('Rien n’a été modifié')
      const count = progress.applicable - progress.answered
      expect(await textOf(refusal.locator('p'))).toBe(
        `${count} question(s) applicable(s) sans niveau. Répondez-y avant de soumettre :`,
      )
      const links = refusal.getByRole('link')
      missing = await links.allInnerTexts()
      expect(missing).toHaveLength(count)
      expect(new Set(missing).size).toBe(count)
      for (const id of missing) expect(id).toMatch(/^A\d+\.E\d+\.Q\d+$/)
      expect(missing.filter((id) => id.startsWith(`${firstCommitment}.`))).toEqual([])
      const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))
      expect(hrefs).toEqual(
        missing.map((id) => `${base}/engagements/${id.split('.').slice(0, 2).join('.')}#${id}`),
      )
      // Nothing changed: still a draft.
      expect(await textOf(page.locator('p.meta'))).toContain('· brouillon ·')

      const [first] = missing as [string]
      await click(admin, links.first())
      const commitment = first.split('.').slice(0, 2).join('.')
      expect(pathOf(admin)).toBe(`${base}/engagements/${commitment}`)
      expect(new URL(page.url()).hash).toBe(`#${first}`)
      await audit(admin, `form-${commitment}-from-refusal`)
      expect(await page.locator(byId(first)).evaluate((element) => element.tagName)).toBe('FIELDSET')
      expect(await radio(admin, first, '').isChecked()).toBe(true)
      expect(await textOf(question(admin, first).locator('legend'))).toMatch(
        new RegExp(`^${escapeRegExp(first)} · \\S`),
      )
    })

    step(
      'the admin answers the rest, commitment after commitment, and submits',
      async () => {
        const { page } = admin
        for (let visited = 0; visited <= commitmentCount; visited++) {
          const here = new URL(page.url()).pathname.split('/').at(-1) as string
          for (const id of await unansweredOnForm(admin)) {
            await chooseLevel(admin, id, 1)
            answeredAtOne.push(id)
          }
          const next = page.getByRole('button', { name: 'Enregistrer et passer à l’engagement suivant' })
          if ((await next.count()) === 0) break
          await click(admin, next)
          expect(pathOf(admin)).toMatch(
            new RegExp(`^${escapeRegExp(base)}/engagements/A\\d+\\.E\\d+\\?info=enregistre$`),
          )
          expect(pathOf(admin)).not.toContain(`/${here}?`)
          await audit(admin, `form-next-${visited}`)
          expect(await statusMessage(admin)).toBe('Modifications enregistrées.')
          expect(
            await textOf(page.locator('main > p').filter({ hasText: 'Retour à la vue d’ensemble' })),
          ).toMatch(new RegExp(`engagement \\d+ sur ${commitmentCount}$`))
        }
        expect(
          await textOf(page.locator('main > p').filter({ hasText: 'Retour à la vue d’ensemble' })),
        ).toMatch(new RegExp(`engagement ${commitmentCount} sur ${commitmentCount}$`))
        expect([...answeredAtOne].sort()).toEqual([...missing].sort())
        await click(admin, page.getByRole('button', { name: 'Enregistrer et revenir à la vue d’ensemble' }))
        expect(pathOf(admin)).toBe(`${base}?info=enregistre`)
        await audit(admin, 'overview-complete')
        expect(await statusMessage(admin)).toBe('Modifications enregistrées.')
        expect(await overallProgress(admin)).toEqual({ answered: questionCount, applicable: questionCount })
        for (const row of await progressRows(admin)) expect(row.answered, row.id).toBe(row.applicable)

        await click(admin, page.getByRole('button', { name: `Soumettre l’autodiagnostic ${year}` }))
        expect(pathOf(admin)).toBe(`${base}/resultats?info=soumis`)
        await audit(admin, 'results-submitted')
        expect(await heading(admin)).toBe(`Résultats de l’autodiagnostic ${year}`)
        expect(await statusMessage(admin)).toBe(
          'Autodiagnostic soumis : il est verrouillé et compte désormais dans les comparaisons.',
        )
        expect(await textOf(page.locator('p.meta'))).toContain('· soumis ·')
      },
      45_000,
    )

    step('the results show the radar, the table, the recommendations and the peers', async () => {
      const { page } = admin
      // Final results: no "provisional" warning.
      expect(await textOf(main(admin))).not.toContain('Résultats provisoires')
      const headline = await textOf(page.locator('p.score-headline'))
      const overall = headline.match(
        /^Score global : (\d+(?:,\d+)?) \/ 100, lettre ([A-E])\. Comment ce score est calculé$/,
      )
      expect(overall, headline).not.toBeNull()

      // The radar: an image with a title and a description, this year over last year.
      const radar = page.locator('svg.radar')
      expect(await radar.count()).toBe(1)
      expect(await radar.getAttribute('role')).toBe('img')
      expect(await radar.getAttribute('aria-labelledby')).toBe('radar-title')
      expect(await radar.getAttribute('aria-describedby')).toBe('radar-desc')
      expect(await textOf(radar.locator('title'))).toBe(`Scores par engagement, ${year}`)
      expect(await textOf(radar.locator('desc'))).toBe(
        `Diagramme en radar des scores de 0 à 100 des 9 engagements en ${year} (trait plein) et en ${lastYear} (tirets). Les valeurs figurent dans le tableau qui suit.`,
      )
      expect(await radar.locator('text.radar-label').allTextContents()).toHaveLength(commitmentCount)
      for (const series of ['.radar-current', '.radar-previous']) {
        const polygon = radar.locator(`polygon${series}`)
        expect(await polygon.count(), series).toBe(1)
        const points = ((await polygon.getAttribute('points')) ?? '').trim().split(/\s+/)
        expect(points, series).toHaveLength(commitmentCount)
      }
      expect(await page.locator('figcaption').allInnerTexts()).toEqual([`${year}${lastYear}`])

      // The same figures as a table.
      const table = page.getByRole('table', { name: /^Scores par engagement/ })
      expect(await textOf(table.locator('caption'))).toBe(
        'Scores par engagement (sur 100) et médianes des pairs',
      )
      expect(await table.locator('thead th').allInnerTexts()).toEqual([
        'Engagement',
        String(year),
        String(lastYear),
        'Médiane des pairs',
        'Médiane nationale',
      ])
      const rows = table.locator('tbody tr')
      expect(await rows.count()).toBe(commitmentCount + 1)
      const number = /^\d+(,\d)?$/
      for (let index = 0; index < commitmentCount + 1; index++) {
        const cells = (await rows.nth(index).locator('th, td').allInnerTexts()).map((cell) => cell.trim())
        expect(cells[0], `row ${index}`).toMatch(index < commitmentCount ? /^A\d+\.E\d+$/ : /^Global$/)
        for (const cell of cells.slice(1)) expect(cell, `row ${index}: ${cells.join(' | ')}`).toMatch(number)
      }
      const globalRow = (await rows.last().locator('td').allInnerTexts()).map((cell) => cell.trim())
      const headlineScore = Number((overall?.[1] ?? '').replace(',', '.'))
      expect(Number(globalRow[0]?.replace(',', '.'))).toBeCloseTo(headlineScore, 0)

      // Strengths and gaps.
      for (const name of ['Points forts', 'Points à améliorer']) {
        const section = page.getByRole('region', { name })
        const items = await section.getByRole('listitem').allInnerTexts()
        if (items.length === 0) expect(await textOf(section.locator('p')), name).toMatch(/67 \/ 100/)
        for (const item of items)
          expect(item.replace(/\s+/g, ' '), name).toMatch(/^A\d+\.E\d+ · .+ \(\d+(,\d)?\)$/)
        expect(items.length, name).toBeLessThanOrEqual(3)
      }

      // Recommendations: the legal obligations first.
      const recommendations = page.locator('ol.recommendations > li')
      const count = await recommendations.count()
      expect(count).toBeGreaterThan(0)
      const badges = await recommendations.locator('.priority').allInnerTexts()
      expect(badges).toHaveLength(count)
      for (const badge of badges)
        expect(['Obligatoire', 'Fortement recommandé', 'Recommandé', 'Facultatif']).toContain(badge)
      const obligatory = badges.filter((badge) => badge === 'Obligatoire').length
      expect(obligatory, 'at least one legal obligation not fully met').toBeGreaterThan(0)
      expect(badges.slice(0, obligatory)).toEqual(Array(obligatory).fill('Obligatoire'))
      const ids = await recommendations.evaluateAll((items) => items.map((item) => item.id))
      for (const id of ids) expect(id).toMatch(/^R-A\d+\.E\d+\.Q\d+$/)
      // Every question answered at level 1 gets one, saying so; the one at level 3 none.
      for (const id of answeredAtOne) {
        const item = page.locator(byId(`R-${id}`))
        expect(await item.count(), `recommendation R-${id}`).toBe(1)
        expect(await textOf(item.locator('small'))).toMatch(
          new RegExp(`^R-${escapeRegExp(id)} · question ${escapeRegExp(id)} · niveau actuel 1 / 3`),
        )
      }
      expect(await page.locator(byId(`R-${answeredFirst[0]}`)).count()).toBe(0)

      // Peers: 7 demo communes of 50,000 to 100,000 inhabitants and the demo city, all demo.
      const peers = page.getByRole('region', { name: 'Comparaison avec les pairs' })
      const peerText = await textOf(peers)
      expect(peerText).toContain('Territoire de démonstration')
      expect(peerText).not.toContain('il en faut au moins')
      expect(await peers.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([
        'Communes, de 50 000 à 100 000 habitants',
        'Toutes les collectivités',
      ])
      const distributions = await peers.locator('h3 + p').allInnerTexts()
      expect(distributions).toHaveLength(2)
      for (const distribution of distributions)
        expect(distribution.replace(/\s+/g, ' ')).toMatch(
          /^8 autodiagnostics soumis : premier quartile \d+(,\d)?, médiane \d+(,\d)?, troisième quartile \d+(,\d)?\. Votre score est (sous le premier quartile|entre le premier quartile et la médiane|entre la médiane et le troisième quartile|au-dessus du troisième quartile)\.$/,
        )
    })

    step('once submitted, nothing can be changed: no button, read-only form, posts refused', async () => {
      const { page } = admin
      await click(admin, workspaceNav(admin).getByRole('link', { name: 'Autodiagnostic' }))
      await audit(admin, 'assessment-list-submitted')
      const current = page
        .getByRole('table', { name: 'Autodiagnostics par année' })
        .locator('tbody tr')
        .filter({ has: page.getByRole('rowheader', { name: String(year) }) })
      expect(await cellsOf(current)).toMatch(
        new RegExp(`^${year} soumis \\S+ \\d+(,\\d)? / 100 \\([A-E]\\)$`),
      )
      await click(admin, current.getByRole('link', { name: String(year) }))
      await audit(admin, 'overview-submitted')
      expect(await textOf(page.locator('p.meta'))).toContain('· soumis ·')
      expect(await page.getByRole('button', { name: /Soumettre/ }).count()).toBe(0)
      expect(await page.getByRole('heading', { name: 'Soumettre' }).count()).toBe(0)
      expect(await page.getByRole('link', { name: 'Voir les résultats', exact: true }).count()).toBe(1)

      await click(admin, page.getByRole('link', { name: new RegExp(`^${escapeRegExp(firstCommitment)} · `) }))
      await audit(admin, 'form-submitted')
      const fieldsets = page.locator('form fieldset.question')
      const disabled = await fieldsets.evaluateAll((sets) =>
        sets.map((set) => (set as HTMLFieldSetElement).disabled),
      )
      expect(disabled.length).toBeGreaterThan(0)
      expect(disabled.every(Boolean), 'every question is read-only').toBe(true)
      expect(await page.getByRole('button', { name: /Enregistrer/ }).count()).toBe(0)
      const [withProof] = answeredFirst as [string]
      expect(await radio(admin, withProof, '3').isChecked()).toBe(true)
      expect(await radio(admin, withProof, '0').isDisabled()).toBe(true)
      expect(await evidenceField(admin, withProof).inputValue()).toBe(evidence)

      // A crafted post (valid session and CSRF token) is refused, and changes nothing.
      const form: Record<string, string> = {
        _csrf: await csrfToken(admin),
        version: (await page.locator('input[name="version"]').getAttribute('value')) ?? '',
        next: '0',
      }
      for (const id of await questionIds(admin)) form[`level-${id}`] = '0'
      const save = await page.request.post(`${base}/engagements/${firstCommitment}`, {
        form,
        maxRedirects: 0,
      })
      expect(save.status()).toBe(409)
      expect(await save.text()).toContain('Cet autodiagnostic est soumis : il ne peut plus être modifié.')
      const submit = await page.request.post(`${base}/soumettre`, {
        form: { _csrf: form._csrf as string },
        maxRedirects: 0,
      })
      expect(submit.status()).toBe(409)
      const stored = await exportedJson(admin, workspaceId)
      expect(stored.status).toBe('submitted')
      expect(stored.answers.find((answer) => answer.question === withProof)?.level).toBe(3)
    })

    step('the CSV export has a BOM, semicolons, a header and one row per question', async () => {
      const { page } = admin
      await click(admin, page.getByRole('link', { name: 'Retour à la vue d’ensemble' }))
      await audit(admin, 'overview-exports')
      const href = await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href')
      expect(href).toBe(`${base}/export.csv`)
      const response = await page.request.get(href as string)
      expect(response.status()).toBe(200)
      expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8')
      expect(response.headers()['content-disposition']).toBe(
        `attachment; filename="autodiagnostic-${year}.csv"`,
      )
      const bytes = await response.body()
      expect([...bytes.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf])
      const text = bytes.subarray(3).toString('utf8')
      expect(text.endsWith('\r\n')).toBe(true)
      const rows = parseCsv(text, ';')
      expect(rows[0]).toEqual([
        'annee',
        'version_referentiel',
        'engagement',
        'question',
        'texte',
        'applicable',
        'niveau',
        'libelle_niveau',
        'commentaire',
        'preuve',
      ])
      const data = rows.slice(1)
      expect(data).toHaveLength(questionCount)
      for (const row of data) {
        expect(row, row.join(';')).toHaveLength(10)
        expect(row[0]).toBe(String(year))
        expect(row[5]).toBe('oui')
        expect(row[6]).toMatch(/^[0-3]$/)
        expect(row[3]?.startsWith(`${row[2]}.`)).toBe(true)
      }
      const [withProof] = answeredFirst as [string]
      const proofRow = data.find((row) => row[3] === withProof)
      expect(proofRow?.slice(6)).toEqual(['3', expect.stringMatching(/\S/), comment, evidence])
      // The comment holds a semicolon: it was quoted, not split.
      expect(text).toContain(`"${comment}"`)
      for (const id of answeredAtOne) expect(data.find((row) => row[3] === id)?.[6], id).toBe('1')

      const json = await page.request.get(`${base}/export.json`)
      expect(json.headers()['content-disposition']).toBe(`attachment; filename="autodiagnostic-${year}.json"`)
      const exported = (await json.json()) as { year: number; status: string; answers: ExportedAnswer[] }
      expect(exported.year).toBe(year)
      expect(exported.answers).toHaveLength(questionCount)
    })

    step(
      'the results page keeps the page budget and prints cleanly on A4',
      async () => {
        const { page } = admin
        await click(admin, page.getByRole('link', { name: 'Voir les résultats', exact: true }))
        expect(pathOf(admin)).toBe(`${base}/resultats`)
        await audit(admin, 'results')

        // Weighed on a cold load, with the admin's session and nothing in the cache.
        const cold = await stage.browser.newContext({
          javaScriptEnabled: false,
          storageState: await admin.context.storageState(),
          viewport,
        })
        try {
          const { page: weighed, ...weight } = await weighColdLoad(
            cold,
            `${stage.server.origin}${base}/resultats`,
          )
          const figures = `${weight.requests} requests, ${weight.bytes} B, ${weight.domElements} elements, EcoIndex ${weight.ecoIndex.score} ${weight.ecoIndex.grade}:\n  ${weight.urls.join('\n  ')}`
          expect(weight.status, figures).toBe(200)
          expect(await weighed.locator('h1').textContent(), 'weighed signed in').toBe(
            `Résultats de l’autodiagnostic ${year}`,
          )
          expect.soft(weight.requests, figures).toBeLessThanOrEqual(budget.requests)
          expect.soft(weight.bytes, figures).toBeLessThanOrEqual(budget.bytes)
          expect.soft(weight.domElements, figures).toBeLessThan(1_000)
          expect.soft(weight.ecoIndex.grade, figures).toBe('A')
          console.log(`results page: ${figures.split(':')[0]}`)
          // That load is a page too: checked like the others.
          const violations = await axe.run(weighed)
          expect.soft(violations, `axe-core violations:\n${describeViolations(violations)}`).toEqual([])
        } finally {
          await cold.close()
        }

        // On a narrow screen (1280 px at 400 %), nothing but data tables scrolls sideways.
        try {
          const overflow = await findReflowOverflow(page)
          expect.soft(overflow, `sticks out at ${reflowWidth} px wide:\n${overflow.join('\n')}`).toEqual([])
          if (screenshotsDir) await screenshot(admin, `results-${reflowWidth}px`)
        } finally {
          await page.setViewportSize(viewport)
        }

        // Printed: A4 width (210 mm at 96 dpi), content only.
        await page.emulateMedia({ media: 'print' })
        await page.setViewportSize({ width: 794, height: 1123 })
        try {
          for (const selector of [
            '.subnav',
            'header.site-header nav',
            '.header-tools',
            '.site-footer',
            '.no-print',
          ]) {
            const shown = await page
              .locator(selector)
              .evaluateAll(
                (elements) =>
                  elements.filter((element) => getComputedStyle(element).display !== 'none').length,
              )
            expect(shown, `${selector} hidden in print`).toBe(0)
          }
          expect(await page.locator('svg.radar').isVisible()).toBe(true)
          const overflow = await page.evaluate(() => {
            const width = document.documentElement.clientWidth
            const sticking = Array.from(document.body.querySelectorAll('*'))
              .filter((element) => element.getBoundingClientRect().right > width + 1)
              .map(
                (element) =>
                  `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`,
              )
            return { width, scrollWidth: document.documentElement.scrollWidth, sticking }
          })
          expect(overflow.sticking, `sticks out at ${overflow.width} px in print`).toEqual([])
          expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width)
          if (screenshotsDir) await screenshot(admin, 'results-print')

          const pdf = join(pdfDir, `autodiagnostic-${year}.pdf`)
          await page.pdf({ path: pdf, format: 'A4', printBackground: true })
          const content = readFileSync(pdf)
          expect(content.subarray(0, 5).toString('latin1')).toBe('%PDF-')
          const pages = content.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0
          expect(pages, 'pages in the PDF').toBeGreaterThanOrEqual(1)
          expect(pages, 'pages in the PDF').toBeLessThanOrEqual(6)
          if (screenshotsDir) {
            const copy = join(screenshotsDir, `assessment.results-${year}.pdf`)
            await page.pdf({ path: copy, format: 'A4', printBackground: true })
          }
        } finally {
          await page.emulateMedia({ media: null })
          await page.setViewportSize(viewport)
        }
      },
      45_000,
    )

    step('the results page in English', async () => {
      const { page } = admin
      await click(admin, header(admin).getByRole('link', { name: 'English' }))
      expect(pathOf(admin)).toBe(`${base}/resultats`)
      await audit(admin, 'results-en')
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      expect(await heading(admin)).toBe(`Self-assessment results ${year}`)
      expect(await textOf(page.locator('p.score-headline'))).toMatch(/^Overall score: \d+(\.\d+)? \/ 100/)
      expect(
        await page
          .getByRole('table', { name: /^Scores per commitment/ })
          .locator('tbody tr')
          .count(),
      ).toBe(commitmentCount + 1)
      expect(await page.getByRole('region', { name: 'Comparison with peers' }).count()).toBe(1)
      // And back to French, as the other pages expect.
      await click(admin, header(admin).getByRole('link', { name: 'Français' }))
      await audit(admin, 'results-fr-again')
      expect(await heading(admin)).toBe(`Résultats de l’autodiagnostic ${year}`)
    })
  })

  describe('what each role may do', () => {
    const step = journey()
    const nextYear = year + 1

    step('a contributor starts next year from last year’s answers, saves, and cannot submit', async () => {
      const contributor = await openBrowser('the contributor')
      const { page } = contributor
      const account = credential(/^contributor of/)
      await signIn(contributor, account.email, account.password)
      const workspaceId = await openAssessments(contributor)
      const base = `/espace/${workspaceId}/autodiagnostic/${nextYear}`

      const start = page.getByRole('region', { name: 'Commencer un autodiagnostic' })
      await start.getByLabel('Année').selectOption(String(nextYear))
      await start
        .getByLabel('Reprendre les réponses')
        .selectOption({ label: `Reprendre les réponses de ${lastYear}` })
      await click(contributor, start.getByRole('button', { name: 'Commencer' }))
      expect(pathOf(contributor)).toBe(`${base}?info=copie&copied=${questionCount}&left=0`)
      await audit(contributor, 'contributor-overview-new')
      expect(await statusMessage(contributor)).toBe(
        `Autodiagnostic ouvert avec ${questionCount} réponses reprises ; 0 réponses non reprises car leur question a changé.`,
      )
      expect(await overallProgress(contributor)).toEqual({
        answered: questionCount,
        applicable: questionCount,
      })
      expect(await page.getByRole('button', { name: /Soumettre/ }).count()).toBe(0)

      const first = (await progressRows(contributor))[0]?.id as string
      await click(contributor, page.getByRole('link', { name: new RegExp(`^${escapeRegExp(first)} · `) }))
      await audit(contributor, 'contributor-form')
      const [questionId] = (await questionIds(contributor)) as [string]
      const before = Number(
        await question(contributor, questionId).locator('input[type="radio"]:checked').getAttribute('value'),
      )
      const after = (before + 1) % 4
      await chooseLevel(contributor, questionId, after)
      await commentField(contributor, questionId).fill('Repris de l’an dernier, niveau revu.')
      await click(contributor, page.getByRole('button', { name: 'Enregistrer le brouillon' }))
      expect(pathOf(contributor)).toBe(`${base}/engagements/${first}?info=enregistre`)
      await audit(contributor, 'contributor-form-saved')
      expect(await statusMessage(contributor)).toBe('Modifications enregistrées.')
      expect(await radio(contributor, questionId, String(after)).isChecked()).toBe(true)

      await click(contributor, page.getByRole('link', { name: 'Retour à la vue d’ensemble' }))
      await audit(contributor, 'contributor-overview')
      expect(await page.getByRole('button', { name: /Soumettre/ }).count()).toBe(0)
      // Submitting is the admin's call: a crafted post is forbidden.
      const post = await page.request.post(`${base}/soumettre`, {
        form: { _csrf: await csrfToken(contributor) },
        maxRedirects: 0,
      })
      expect(post.status()).toBe(403)
      await visit(contributor, base)
      await audit(contributor, 'contributor-overview-still-draft')
      expect(await textOf(page.locator('p.meta'))).toContain('· brouillon ·')
    })

    step(
      'a reader, invited by the admin, reads everything and has no button to change anything',
      async () => {
        const admin = await openBrowser('the admin, inviting')
        const account = credential(/^admin of/)
        await signIn(admin, account.email, account.password)
        await click(admin, admin.page.getByRole('link', { name: demoCity }))
        await audit(admin, 'admin-workspace-home')
        await click(admin, workspaceNav(admin).getByRole('link', { name: 'Membres' }))
        await audit(admin, 'admin-members')
        await admin.page.getByLabel('Adresse électronique de la personne').fill(reader.email)
        await admin.page.getByLabel('Rôle', { exact: true }).selectOption('reader')
        await click(admin, admin.page.getByRole('button', { name: 'Envoyer l’invitation' }))
        await audit(admin, 'admin-members-invited')
        expect(await statusMessage(admin)).toBe(`Invitation envoyée à ${reader.email}.`)

        const operator = await openBrowser('the operator')
        const operatorAccount = credential(/^operator$/)
        await signIn(operator, operatorAccount.email, operatorAccount.password)
        const link = await linkInOutbox(
          operator,
          reader.email,
          `Jalons : invitation à rejoindre l’espace de ${demoCity}`,
          'invitation',
        )

        const person = await openBrowser('the reader')
        const { page } = person
        await visit(person, link)
        await audit(person, 'reader-invitation')
        await page.getByLabel('Nom et prénom').fill(reader.name)
        await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(reader.password)
        await page.getByLabel('Confirmez le nouveau mot de passe').fill(reader.password)
        await click(person, page.getByRole('button', { name: 'Accepter l’invitation' }))
        await audit(person, 'reader-workspace-home')
        expect(await textOf(main(person))).toContain('Votre rôle : Lecteur·rice.')
        const workspaceId = workspaceIdOf(person)
        const base = `/espace/${workspaceId}/autodiagnostic/${year}`

        await click(person, workspaceNav(person).getByRole('link', { name: 'Autodiagnostic' }))
        await audit(person, 'reader-assessment-list')
        expect(await page.getByRole('region', { name: 'Commencer un autodiagnostic' }).count()).toBe(0)
        expect(await main(person).getByRole('button').count()).toBe(0)

        await click(person, page.getByRole('link', { name: String(year), exact: true }))
        expect(pathOf(person)).toBe(base)
        await audit(person, 'reader-overview')
        expect(await main(person).getByRole('button').count()).toBe(0)
        const first = (await progressRows(person))[0]?.id as string
        await click(person, page.getByRole('link', { name: new RegExp(`^${escapeRegExp(first)} · `) }))
        await audit(person, 'reader-form')
        expect(await page.getByRole('button', { name: /Enregistrer/ }).count()).toBe(0)
        expect(await main(person).getByRole('button').count()).toBe(0)
        const disabled = await page
          .locator('form fieldset.question')
          .evaluateAll((sets) => sets.map((set) => (set as HTMLFieldSetElement).disabled))
        expect(disabled.length).toBeGreaterThan(0)
        expect(disabled.every(Boolean)).toBe(true)

        // Next year's draft too: a reader never edits, even a draft.
        await visit(person, `/espace/${workspaceId}/autodiagnostic/${nextYear}/engagements/${first}`)
        await audit(person, 'reader-form-draft')
        expect(await page.getByRole('button', { name: /Enregistrer/ }).count()).toBe(0)
        const post = await page.request.post(
          `/espace/${workspaceId}/autodiagnostic/${nextYear}/engagements/${first}`,
          {
            form: { _csrf: await csrfToken(person), next: '0' },
            maxRedirects: 0,
          },
        )
        expect(post.status()).toBe(403)

        await visit(person, `${base}/resultats`)
        await audit(person, 'reader-results')
        expect(await heading(person)).toBe(`Résultats de l’autodiagnostic ${year}`)
      },
      45_000,
    )
  })

  checkEveryPageAudited(50)
})
