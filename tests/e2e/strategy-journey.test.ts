import type { Locator } from 'playwright-core'
import { describe, expect } from 'vitest'
import { browserAvailable } from './support/browser.js'
import { parseCsv } from './support/csv.js'
import {
  type Actor,
  click,
  createJourney,
  escapeRegExp,
  follow,
  header,
  heading,
  pathOf,
  textOf,
  visit,
  workspaceIdOf,
} from './support/journey.js'
import { useStage } from './support/stage.js'
import { tinyPdf } from './support/tiny-pdf.js'

/** Same clock as the server: the pages default to the current year. */
const year = new Date().getUTCFullYear()
/** A real commune of more than 50,000 inhabitants: the REEN law binds it. No workspace before this file. */
const territory = { kind: 'commune', code: '38185', name: 'Grenoble' }
/** Addresses under example.org (reserved, RFC 2606). */
const admin = {
  name: 'Dominique Aubert',
  email: 'dominique.aubert@grenoble.example.org',
  password: 'Neige fraîche sur le Vercors et la Chartreuse',
}
const contributor = {
  name: 'Sacha Perrin',
  email: 'sacha.perrin@grenoble.example.org',
  password: 'Les bulles du téléphérique de la Bastille',
}
const reader = {
  name: 'Noa Girard',
  email: 'noa.girard@grenoble.example.org',
  password: 'Les quais de l’Isère sous une pluie fine',
}

/** The self-assessment leaves two questions below the top level: each becomes a recommendation. */
const trainingQuestion = 'A1.E2.Q3'
const trainingRecommendation = `R-${trainingQuestion}`
const algorithmsQuestion = 'A3.E3.Q1'
/** The referential's text for R-A1.E2.Q3 (124 characters: the action takes it whole as its title). */
const trainingAction =
  'Inscrire le numérique responsable et la sécurité informatique au plan de formation annuel et suivre le taux d’agents formés.'
const internalAction = 'Audit interne des licences logicielles'
const note = 'Module « numérique responsable » inscrit au plan de formation de l’année.'

/** Indicator 2.3, « Agents formés au numérique responsable et à la sécurité », in %. */
const indicator = { id: '2.3', name: 'Agents formés au numérique responsable et à la sécurité' }
const objective = {
  title: 'Former les agents au numérique responsable',
  axis: 4,
  baseline: { year: year - 2, value: 10 },
  targets: [
    { year: year + 1, value: 40 },
    { year: year + 4, value: 70 },
  ],
}
const measures = [
  { year: year - 1, value: 22, source: 'Plan de formation, service RH' },
  { year, value: 31, source: 'Bilan du plan de formation, CNFPT' },
]
const evidenceName = 'plan-de-formation.pdf'

/**
 * The objective's trajectory in a year, worked out here from the numbers above as the objective page
 * states its rule: the straight line from the baseline to the first target, then from each target
 * to the next (a test of the engine, not a copy of its code).
 */
function trajectoryAt(when: number): number {
  let from = objective.baseline
  for (const target of objective.targets) {
    if (when <= target.year)
      return from.value + ((target.value - from.value) * (when - from.year)) / (target.year - from.year)
    from = target
  }
  return from.value
}

/** The status the objective must have this year: its latest measure against the trajectory. */
function expectedStatus(): 'en bonne voie' | 'en retard' | 'atteint' {
  const latest = measures.at(-1) as { year: number; value: number }
  const final = objective.targets.at(-1) as { year: number; value: number }
  if (latest.value >= final.value) return 'atteint'
  return latest.value >= trajectoryAt(latest.year) ? 'en bonne voie' : 'en retard'
}

const introduction = `Grenoble s’engage pour un numérique sobre, accessible et durable.

- former tous les agents au numérique responsable
- prolonger la durée de vie du matériel

Le détail est sur [le site de la ville](https://www.grenoble.fr/numerique-responsable).`
const governance =
  'Le comité de pilotage, présidé par l’adjointe au numérique, se réunit chaque trimestre ; la direction des systèmes d’information en assure le secrétariat.'

/** Every kind of space (Intl's no-break spaces included) as one plain space. */
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim()
/** What a locator reads as rendered (block elements apart), spaces collapsed. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text, block elements apart, is what a person reads
const read = async (locator: Locator) => spaced(await locator.innerText())
/** A table row's cells, one space apart. */
const cellsOf = async (row: Locator) => spaced((await row.locator('th, td').allInnerTexts()).join(' '))

/**
 * The responsible digital strategy (issue 6), as people do it in their own browsers with JavaScript
 * DISABLED (axe runs on a scripted replay of each page: see createScriptlessAxe). The operator opens
 * a fresh workspace for Grenoble (the demo city already has a published strategy: this one is built
 * from nothing); its admin submits a self-assessment, turns a recommendation into an action in one
 * click, plans it (refused an end before its start), sets an objective on indicator 2.3 (refused a
 * target before its baseline), enters two years of values with a PDF as evidence, reads the status
 * the objective gets, lists, charts and exports the action plan, records the work programme, is
 * refused publishing without the mandatory texts, writes them, previews and publishes the strategy.
 * An anonymous visitor then reads what was published (never the internal action), in the page and
 * in the API; the admin withdraws and republishes; a contributor cannot publish and a reader only
 * reads. Every page anyone loads gets an axe-core check; a page loaded and never checked fails the
 * last test. The steps share their browsers and run in order: after one throws, the rest are skipped.
 */
describe.skipIf(!browserAvailable)('the responsible digital strategy, without JavaScript', () => {
  const stage = useStage()
  const { journey, credential, openBrowser, audit, linkInOutbox, checkEveryPageAudited } = createJourney(
    stage,
    { screenshotPrefix: 'strategy' },
  )
  /** One journey across the describe blocks: they all work on the workspace the first one builds. */
  const step = journey()

  const main = (actor: Actor) => actor.page.locator('main')
  const statusMessage = (actor: Actor) => textOf(main(actor).getByRole('status').first())
  const workspaceNav = (actor: Actor) =>
    actor.page.getByRole('navigation', { name: 'Navigation de l’espace' })
  const strategyNav = (actor: Actor) =>
    actor.page.getByRole('navigation', { name: 'Navigation de la stratégie' })
  const openSection = async (actor: Actor, name: string, label: string) => {
    await click(actor, strategyNav(actor).getByRole('link', { name, exact: true }))
    await audit(actor, label)
  }
  /** The CSRF token of the header's sign-out form: what a crafted form post needs. */
  const csrfToken = async (actor: Actor) =>
    (await actor.page.locator('header input[name="_csrf"]').getAttribute('value')) ?? ''
  /** The « dt → dd » pairs of the page's facts list, as read. */
  const factsOf = async (actor: Actor): Promise<Record<string, string>> => {
    const list = main(actor).locator('dl.facts')
    const terms = await list.locator('dt').allInnerTexts()
    const values = await list.locator('dd').allInnerTexts()
    return Object.fromEntries(terms.map((term, index) => [spaced(term), spaced(values[index] ?? '')]))
  }
  /** The link's target, resolved, for a download the test reads itself. */
  const hrefOf = async (link: Locator) => {
    const href = await link.getAttribute('href')
    expect(href, 'a link with an href').toBeTruthy()
    return href as string
  }

  // Filled in as the journey goes.
  let operator: Actor
  let person: Actor
  let anonymous: Actor
  let workspaceId: number
  let strategy: string
  let actionPath: string
  let objectivePath: string
  let versionPath: string
  let milestonePath: string
  /** The published version's public address. */
  let documentPath: string

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

  /** From the mailed invitation to the workspace's home, with a new account. */
  async function acceptInvitation(
    who: string,
    account: { name: string; email: string; password: string },
  ): Promise<Actor> {
    const link = await linkInOutbox(
      operator,
      account.email,
      `Jalons : invitation à rejoindre l’espace de ${territory.name}`,
      'invitation',
    )
    const actor = await openBrowser(who)
    const { page } = actor
    await visit(actor, link)
    await audit(actor, `${who.replaceAll(' ', '-')}-invitation`)
    await page.getByLabel('Nom et prénom').fill(account.name)
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(account.password)
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(account.password)
    await click(actor, page.getByRole('button', { name: 'Accepter l’invitation' }))
    expect(pathOf(actor)).toMatch(/^\/espace\/\d+$/)
    await audit(actor, `${who.replaceAll(' ', '-')}-workspace-home`)
    expect(await heading(actor)).toBe(`Espace de travail : ${territory.name}`)
    return actor
  }

  describe('the admin of a fresh workspace builds the strategy', () => {
    step('the operator opens a workspace for Grenoble; its admin accepts', async () => {
      operator = await openBrowser('the operator')
      const account = credential(/^operator$/)
      await signIn(operator, account.email, account.password)
      await visit(operator, '/operateur')
      await audit(operator, 'operator')
      await operator.page.getByLabel(/^Territoire/).fill(`${territory.kind}/${territory.code}`)
      await operator.page.getByLabel(/^Adresse de l’administrateur/).fill(admin.email)
      await click(operator, operator.page.getByRole('button', { name: 'Ouvrir l’espace et inviter' }))
      await audit(operator, 'operator-opened')
      expect(await textOf(operator.page.getByRole('status'))).toBe(
        `Espace ouvert pour ${territory.name} ; invitation envoyée à ${admin.email}.`,
      )

      person = await acceptInvitation('the admin', admin)
      workspaceId = workspaceIdOf(person)
      strategy = `/espace/${workspaceId}/strategie`
      expect(await textOf(main(person))).toContain('Votre rôle : Administrateur·rice.')
    })

    step('the admin submits a self-assessment with two answers below the top level', async () => {
      const { page } = person
      await click(person, workspaceNav(person).getByRole('link', { name: 'Autodiagnostic' }))
      await audit(person, 'assessments')
      await page.getByLabel('Année').selectOption(String(year))
      await click(person, page.getByRole('button', { name: 'Commencer' }))
      const overview = `/espace/${workspaceId}/autodiagnostic/${year}`
      expect(pathOf(person)).toBe(`${overview}?info=ouvert`)
      await audit(person, 'assessment-opened')

      // The answer forms have their own journey (assessment-journey): here each commitment's form is
      // posted as the browser would post it, every question at the top level but two.
      const commitments = await main(person)
        .locator(`a[href^="${overview}/engagements/"]`)
        .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname))
      expect(commitments).toHaveLength(9)
      const token = await csrfToken(person)
      let answered = 0
      for (const path of new Set(commitments)) {
        const form = await (await page.request.get(path)).text()
        const version = form.match(/name="version" value="([^"]+)"/)?.[1]
        expect(version, `the referential version on ${path}`).toBeTruthy()
        const questions = [...new Set([...form.matchAll(/name="level-([^"]+)"/g)].map((match) => match[1]))]
        const levels = Object.fromEntries(
          questions.map((id) => [
            `level-${id}`,
            id === trainingQuestion ? '1' : id === algorithmsQuestion ? '0' : '3',
          ]),
        )
        const response = await page.request.post(path, {
          form: { _csrf: token, version: version as string, next: '0', ...levels },
          maxRedirects: 0,
        })
        expect(response.status(), `saving ${path}`).toBe(303)
        answered += questions.length
      }
      expect(answered).toBe(42)

      await visit(person, overview)
      await audit(person, 'assessment-answered')
      await click(person, page.getByRole('button', { name: `Soumettre l’autodiagnostic ${year}` }))
      expect(pathOf(person)).toBe(`${overview}/resultats?info=soumis`)
      await audit(person, 'assessment-results')
      const recommendations = page.getByRole('region', { name: 'Recommandations prioritaires' })
      expect(await recommendations.locator('ol.recommendations > li').count()).toBe(2)
    })

    step('« Créer une action » on a recommendation: the action; again later: « Voir l’action »', async () => {
      const { page } = person
      const results = pathOf(person).replace(/\?.*$/, '')
      const item = page.locator(`li[id="${trainingRecommendation}"]`)
      await click(
        person,
        item.getByRole('button', {
          name: `Créer une action pour la recommandation ${trainingRecommendation}`,
        }),
      )
      expect(pathOf(person)).toMatch(
        new RegExp(`^${escapeRegExp(strategy)}/actions/\\d+\\?info=depuis-recommandation$`),
      )
      actionPath = pathOf(person).replace(/\?.*$/, '')
      await audit(person, 'action-from-recommendation')
      expect(await heading(person)).toBe(trainingAction)
      expect(await statusMessage(person)).toBe(
        'Action créée à partir de la recommandation : complétez-la (responsable, dates, budget).',
      )
      expect(await factsOf(person)).toMatchObject({
        Statut: 'à planifier',
        Visibilité: 'interne',
        Responsable: '—',
        Engagements: 'A1.E2 · Favoriser la montée en compétence des citoyens et des professionnels',
        'Axe du décret (art. D2311-15-1 CGCT)':
          '4. Sensibilisation des élus et des agents à un usage numérique responsable et à la sécurité informatique',
      })
      expect(await textOf(main(person))).toContain(
        `Cette action répond à la recommandation ${trainingRecommendation} de l’autodiagnostic.`,
      )

      await visit(person, results)
      await audit(person, 'results-with-action')
      // The same item, as the reloaded page shows it now.
      expect(await item.getByRole('button').count()).toBe(0)
      const see = item.getByRole('link', {
        name: `Voir l’action qui répond à la recommandation ${trainingRecommendation}`,
      })
      expect(await see.getAttribute('href')).toBe(actionPath)
      // The other recommendation still offers its button.
      expect(
        await page
          .locator(`li[id="R-${algorithmsQuestion}"]`)
          .getByRole('button', { name: /^Créer une action/ })
          .count(),
      ).toBe(1)

      // The same click posted again (a second tab, a double click) finds the action: no duplicate.
      const again = await page.request.post(`${strategy}/actions/depuis-recommandation`, {
        form: { _csrf: await csrfToken(person), recommandation: trainingRecommendation },
        maxRedirects: 0,
      })
      expect(again.status()).toBe(303)
      expect(again.headers().location).toBe(`${actionPath}?info=existante`)
      await click(person, see)
      expect(pathOf(person)).toBe(actionPath)
      await audit(person, 'action-seen-from-results')
      const list = await (await page.request.get(`${strategy}/actions`)).text()
      expect(list).toContain('Actions de la feuille de route : 1.')
    })

    step('the action is planned; an end before its start is refused and nothing changes', async () => {
      const { page } = person
      await click(person, main(person).getByRole('link', { name: 'Modifier l’action' }))
      expect(pathOf(person)).toBe(`${actionPath}/modifier`)
      await audit(person, 'action-edit')
      expect(await heading(person)).toBe(`Modifier l’action « ${trainingAction} »`)
      await page.getByLabel('Début', { exact: true }).fill(`${year}-02-01`)
      await page.getByLabel('Fin', { exact: true }).fill(`${year}-01-15`)
      await page.getByLabel('Statut', { exact: true }).selectOption('en_cours')
      await page.getByLabel('Budget (€)').fill('12 500,50')
      await page.getByLabel('Service responsable').fill('Ressources humaines')
      await page.getByLabel('Action publique').check()
      await click(person, page.getByRole('button', { name: 'Enregistrer l’action' }))
      expect(pathOf(person)).toBe(`${actionPath}/modifier`)
      await audit(person, 'action-edit-refused', 400)

      const summary = page.getByRole('alert')
      expect(await textOf(summary.getByRole('heading'))).toBe('Le formulaire contient des erreurs :')
      const problems = summary.getByRole('link')
      expect(await problems.allInnerTexts()).toEqual([
        `Fin : La fin (15 janvier ${year}) précède le début (1er février ${year}).`,
      ])
      const end = page.getByLabel('Fin', { exact: true })
      expect(await problems.getAttribute('href')).toBe(`#${await end.getAttribute('id')}`)
      expect(await end.getAttribute('aria-invalid')).toBe('true')
      const describedBy = ((await end.getAttribute('aria-describedby')) ?? '').split(' ')
      const messages = await Promise.all(describedBy.map((id) => textOf(page.locator(`[id="${id}"]`))))
      expect(messages).toContain(`La fin (15 janvier ${year}) précède le début (1er février ${year}).`)
      // The link leads to the field, which keeps what was typed, as does the rest of the form.
      await problems.click()
      expect(new URL(page.url()).hash).toBe('#endDate')
      expect(await page.evaluate(() => document.activeElement?.id), 'the field has the focus').toBe('endDate')
      expect(await end.inputValue()).toBe(`${year}-01-15`)
      expect(await page.getByLabel('Budget (€)').inputValue()).toBe('12 500,50')
      // Nothing was saved.
      const stored = await (await page.request.get(actionPath)).text()
      expect(stored).toContain('à planifier')
      expect(stored).not.toContain('Ressources humaines')

      await end.fill(`${year}-12-15`)
      await click(person, page.getByRole('button', { name: 'Enregistrer l’action' }))
      expect(pathOf(person)).toBe(`${actionPath}?info=modifiee`)
      await audit(person, 'action-saved')
      expect(await statusMessage(person)).toBe('Action modifiée.')
      const facts = await factsOf(person)
      expect(facts).toMatchObject({
        Statut: 'en cours',
        Visibilité: 'publique',
        Responsable: 'Ressources humaines',
        Début: `1er février ${year}`,
        Fin: `15 décembre ${year}`,
      })
      expect(facts.Budget).toMatch(/^12\s500,50\s€$/)

      await page.getByLabel('Nouvelle note d’avancement').fill(note)
      await click(person, page.getByRole('button', { name: 'Ajouter la note' }))
      expect(pathOf(person)).toBe(`${actionPath}?info=note`)
      await audit(person, 'action-note')
      expect(await statusMessage(person)).toBe('Note d’avancement ajoutée.')
      const notes = page.getByRole('list', { name: 'Notes d’avancement' }).getByRole('listitem')
      expect(await notes.count()).toBe(1)
      expect(await read(notes.first())).toMatch(
        new RegExp(`^${escapeRegExp(admin.name)}, le .+ ${escapeRegExp(note)}$`),
      )
    })

    step(
      'an objective on indicator 2.3: a target before the baseline is refused; the action serves it',
      async () => {
        const { page } = person
        await openSection(person, 'Objectifs', 'objectives-empty')
        expect(await textOf(main(person))).toContain('Aucun objectif pour l’instant.')
        await click(person, main(person).getByRole('link', { name: 'Nouvel objectif' }))
        expect(pathOf(person)).toBe(`${strategy}/objectifs/nouveau`)
        await audit(person, 'objective-new')
        await page.getByLabel('Indicateur', { exact: true }).selectOption(indicator.id)
        await page.getByLabel('Intitulé').fill(objective.title)
        await page.getByLabel('Axe du décret').selectOption(String(objective.axis))
        await page.getByLabel('Année de référence').fill(String(objective.baseline.year))
        await page.getByLabel('Valeur de référence').fill(String(objective.baseline.value))
        // A target year before the baseline's: a typing slip the server must catch.
        await page.getByLabel('Année de la cible 1').fill(String(objective.baseline.year - 1))
        await page.getByLabel('Valeur de la cible 1').fill(String(objective.targets[0]?.value))
        await page.getByLabel('Année de la cible 2').fill(String(objective.targets[1]?.year))
        await page.getByLabel('Valeur de la cible 2').fill(String(objective.targets[1]?.value))
        await click(person, page.getByRole('button', { name: 'Enregistrer l’objectif' }))
        expect(pathOf(person)).toBe(`${strategy}/objectifs`)
        await audit(person, 'objective-refused', 400)
        const summary = page.getByRole('alert')
        const problems = summary.getByRole('link')
        expect(await problems.allInnerTexts()).toEqual([
          `Année de la cible 1 : L’année cible ${objective.baseline.year - 1} précède l’année de référence ${objective.baseline.year}`,
        ])
        expect(await problems.getAttribute('href')).toBe('#target1Year')
        const field = page.getByLabel('Année de la cible 1')
        expect(await field.getAttribute('aria-invalid')).toBe('true')
        expect(await field.getAttribute('aria-describedby')).toContain('target1Year-error')
        expect(await page.getByLabel('Intitulé').inputValue()).toBe(objective.title)
        expect(await (await page.request.get(`${strategy}/objectifs`)).text()).toContain(
          'Aucun objectif pour l’instant.',
        )

        await field.fill(String(objective.targets[0]?.year))
        await click(person, page.getByRole('button', { name: 'Enregistrer l’objectif' }))
        expect(pathOf(person)).toMatch(new RegExp(`^${escapeRegExp(strategy)}/objectifs/\\d+\\?info=cree$`))
        objectivePath = pathOf(person).replace(/\?.*$/, '')
        await audit(person, 'objective-created')
        expect(await heading(person)).toBe(objective.title)
        expect(await statusMessage(person)).toBe('Objectif créé.')
        expect(await textOf(main(person))).toContain(`Situation en ${year} : pas de mesure`)
        expect((await factsOf(person))['Axe du décret']).toMatch(
          /^Axe 4 : Sensibilisation des élus et des agents/,
        )

        await visit(person, `${actionPath}/modifier`)
        await audit(person, 'action-edit-objectives')
        await page.getByRole('group', { name: 'Objectifs liés' }).getByLabel(objective.title).check()
        await click(person, page.getByRole('button', { name: 'Enregistrer l’action' }))
        expect(pathOf(person)).toBe(`${actionPath}?info=modifiee`)
        await audit(person, 'action-with-objective')
        const linked = page
          .getByRole('heading', { name: 'Objectifs liés' })
          .locator('xpath=following-sibling::ul[1]')
        expect(await linked.getByRole('link').allInnerTexts()).toEqual([objective.title])
      },
    )

    step(
      'values of 2.3 with a source and a PDF: history, trend chart, evidence; the objective’s status',
      async () => {
        const { page } = person
        await openSection(person, 'Indicateurs', 'indicators')
        expect(await heading(person)).toBe(`Indicateurs ${year}`)
        await click(person, main(person).getByRole('link', { name: `${indicator.id} — ${indicator.name}` }))
        const indicatorPath = `${strategy}/indicateurs/${indicator.id}`
        expect(pathOf(person)).toBe(`${indicatorPath}?annee=${year}`)
        await audit(person, 'indicator')
        expect(await textOf(main(person))).toContain('Aucune valeur pour le moment, ni saisie ni calculée.')

        const pdf = tinyPdf('Plan de formation : 31 % des agents formés')
        const [previous, current] = measures as [(typeof measures)[0], (typeof measures)[0]]
        const form = page.getByRole('region', { name: 'Saisir une valeur' })
        await form.getByLabel('Année').fill(String(previous.year))
        await form.getByLabel('Valeur (%)').fill(String(previous.value))
        await form.getByLabel('Source').fill(previous.source)
        await form.getByLabel('Lien vers une preuve').fill('https://www.grenoble.fr/formation/bilan.pdf')
        await click(person, form.getByRole('button', { name: 'Enregistrer la valeur' }))
        expect(pathOf(person)).toBe(`${indicatorPath}?annee=${previous.year}&info=enregistree`)
        await audit(person, 'indicator-saved-last-year')
        expect(await statusMessage(person)).toBe(`Valeur de ${previous.year} enregistrée.`)

        await form.getByLabel('Année').fill(String(current.year))
        await form.getByLabel('Valeur (%)').fill(String(current.value))
        await form.getByLabel('Source').fill(current.source)
        await form.getByLabel('Commentaire').fill('Agents permanents, en équivalents temps plein.')
        await form.getByLabel('Lien vers une preuve').fill('')
        await form.getByLabel('Fichier de preuve').setInputFiles({
          name: evidenceName,
          mimeType: 'application/pdf',
          buffer: pdf,
        })
        await click(person, form.getByRole('button', { name: 'Enregistrer la valeur' }))
        expect(pathOf(person)).toBe(`${indicatorPath}?annee=${current.year}&info=enregistree`)
        await audit(person, 'indicator-saved-this-year')

        // A file over 10 MB is refused, nothing kept: the form again, the error at the file field.
        await form.getByLabel('Année').fill(String(current.year))
        await form.getByLabel('Valeur (%)').fill(String(current.value))
        await form.getByLabel('Fichier de preuve').setInputFiles({
          name: 'scan-complet.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 + 1)]),
        })
        await click(person, form.getByRole('button', { name: 'Enregistrer la valeur' }))
        await audit(person, 'indicator-file-too-large', 413)
        expect(await textOf(main(person))).toContain('Le fichier dépasse 10 Mo.')
        expect(await form.getByLabel('Fichier de preuve').getAttribute('aria-invalid')).toBe('true')
        await visit(person, `${indicatorPath}?annee=${current.year}`)
        await audit(person, 'indicator-after-refusal')

        const chart = main(person).locator('svg[role="img"]')
        expect(await chart.count()).toBe(1)
        expect(await textOf(chart.locator('title'))).toBe(`Évolution de l’indicateur ${indicator.id} (%)`)
        const description = await textOf(chart.locator('desc'))
        for (const measure of [previous, current])
          expect(description).toContain(`${measure.year} : ${measure.value} %`)
        const history = page.getByRole('table', {
          name: `Valeurs de l’indicateur ${indicator.id} par année (%)`,
        })
        const row = (wanted: number) =>
          history
            .locator('tbody tr')
            .filter({ has: page.getByRole('rowheader', { name: String(wanted), exact: true }) })
        const about = (wanted: number) => `(indicateur ${indicator.id}, ${wanted})`
        expect(await cellsOf(row(current.year))).toBe(
          `${current.year} ${current.value} % saisi Preuve : ${evidenceName} ${about(current.year)} ${current.source} Agents permanents, en équivalents temps plein. Modifier ${about(current.year)} Supprimer`,
        )
        expect(await cellsOf(row(previous.year))).toBe(
          `${previous.year} ${previous.value} % saisi Preuve en ligne ${about(previous.year)} ${previous.source} Modifier ${about(previous.year)} Supprimer`,
        )
        expect(await cellsOf(row(year - 2))).toBe(`${year - 2} — — Saisir ${about(year - 2)}`)

        // The evidence comes back as it was sent, byte for byte.
        const download = await page.request.get(
          await hrefOf(
            row(current.year).getByRole('link', {
              name: new RegExp(`^Preuve : ${escapeRegExp(evidenceName)}`),
            }),
          ),
        )
        expect(download.status()).toBe(200)
        expect(download.headers()['content-type']).toBe('application/pdf')
        expect(download.headers()['content-disposition']).toContain(`filename="${evidenceName}"`)
        expect(Buffer.compare(await download.body(), pdf)).toBe(0)

        const status = expectedStatus()
        await visit(person, objectivePath)
        await audit(person, 'objective-measured')
        expect(
          await textOf(
            main(person)
              .locator('p')
              .filter({ hasText: `Situation en ${year} :` }),
          ),
        ).toMatch(new RegExp(`^Situation en ${year} : ${status} dernière mesure`))
        const years = page.getByRole('table', { name: 'Trajectoire année par année (en %)' })
        const thisYear = years.locator('tbody tr').filter({
          has: page.getByRole('rowheader', { name: new RegExp(`^${year}`) }),
        })
        const expected = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(
          trajectoryAt(year),
        )
        expect(await cellsOf(thisYear)).toBe(spaced(`${year} ${expected} ${current.value} ${status}`))

        await visit(person, `${strategy}/axes`)
        await audit(person, 'axes')
        const axis = page.getByRole('region', { name: /^Axe 4 : Sensibilisation des élus et des agents/ })
        expect(await textOf(axis.getByRole('listitem'))).toBe(
          `${objective.title} (${indicator.id}) ${status}`,
        )
        expect(await textOf(axis)).toContain('Objectifs : 1 · actions rattachées à l’axe : 1')
        for (const other of [1, 2, 3, 5, 6])
          expect(
            await textOf(page.getByRole('region', { name: new RegExp(`^Axe ${other} : `) })),
            `axis ${other}`,
          ).toContain('Aucun objectif sur cet axe.')
      },
    )

    step('the action plan: an internal action, a filter, the timeline, CSV and XLSX', async () => {
      const { page } = person
      await openSection(person, 'Feuille de route', 'actions')
      await click(person, main(person).getByRole('link', { name: 'Nouvelle action' }))
      expect(pathOf(person)).toBe(`${strategy}/actions/nouvelle`)
      await audit(person, 'action-new')
      await page.getByLabel('Titre', { exact: true }).fill(internalAction)
      await page
        .getByRole('group', { name: 'Engagements du référentiel' })
        .getByLabel(/^A2\.E1 · /)
        .check()
      await page.getByLabel('Membre responsable').selectOption({ label: admin.name })
      await page.getByLabel('Début', { exact: true }).fill(`${year}-04-01`)
      await page.getByLabel('Fin', { exact: true }).fill(`${year}-09-30`)
      await page.getByLabel('Statut', { exact: true }).selectOption('planifiee')
      await page.getByLabel('Budget (€)').fill('3 000')
      await click(person, page.getByRole('button', { name: 'Enregistrer l’action' }))
      expect(pathOf(person)).toMatch(new RegExp(`^${escapeRegExp(strategy)}/actions/\\d+\\?info=creee$`))
      await audit(person, 'action-internal-created')
      expect(await factsOf(person)).toMatchObject({
        Statut: 'planifiée',
        Visibilité: 'interne',
        Responsable: admin.name,
      })

      await openSection(person, 'Feuille de route', 'actions-two')
      expect(await read(main(person))).toMatch(
        /Actions de la feuille de route : 2\. Budget total des actions listées : 15 500,50 €\./,
      )
      const rows = page
        .getByRole('table', { name: 'Actions de la feuille de route, par date de début' })
        .locator('tbody tr')
      expect(await rows.count()).toBe(2)

      await click(person, main(person).getByRole('link', { name: 'Calendrier', exact: true }))
      expect(pathOf(person)).toBe(`${strategy}/actions/calendrier`)
      await audit(person, 'timeline')
      expect(await heading(person)).toBe(`Calendrier des actions ${year}`)
      const chart = main(person).locator('svg[role="img"]')
      expect(await textOf(chart.locator('title').first())).toBe(`Calendrier des actions en ${year}`)
      const description = await textOf(chart.locator('desc').first())
      expect(description).toMatch(new RegExp(`^2 action\\(s\\) en ${year} : `))
      expect(description).toContain(
        `${internalAction}, du 1er avril ${year} au 30 septembre ${year}, planifiée`,
      )
      expect(description).toContain(
        `${trainingAction}, du 1er février ${year} au 15 décembre ${year}, en cours`,
      )
      const timeline = page.getByRole('table', { name: `Actions de ${year} : début, fin et statut` })
      expect(await timeline.locator('tbody tr').count()).toBe(2)
      expect(await cellsOf(timeline.locator('tbody tr').first())).toBe(
        `${trainingAction} 1er février ${year} 15 décembre ${year} en cours`,
      )

      await click(person, main(person).getByRole('link', { name: 'Liste des actions' }))
      await audit(person, 'actions-from-timeline')
      const filters = page.getByRole('form', { name: 'Filtrer les actions' })
      await filters.getByLabel('Statut').selectOption('en_cours')
      await click(person, filters.getByRole('button', { name: 'Filtrer' }))
      expect(pathOf(person)).toBe(`${strategy}/actions?engagement=&statut=en_cours&responsable=&annee=`)
      await audit(person, 'actions-filtered')
      expect(await read(main(person))).toContain('Actions correspondant aux filtres : 1.')
      const filtered = page.getByRole('table', {
        name: 'Actions correspondant aux filtres, par date de début',
      })
      expect(await filtered.locator('tbody tr').count()).toBe(1)
      expect(await cellsOf(filtered.locator('tbody tr'))).toMatch(
        new RegExp(
          `^${escapeRegExp(trainingAction)} publique en cours Ressources humaines du 1er février ${year} au 15 décembre ${year} A1\\.E2 12 500,50 €$`,
        ),
      )

      // The exports follow the filter: only the action in progress.
      const csv = await page.request.get(
        await hrefOf(main(person).getByRole('link', { name: 'Fichier CSV (tableur, séparateur « ; »)' })),
      )
      expect(csv.status()).toBe(200)
      expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
      expect(csv.headers()['content-disposition']).toMatch(
        /^attachment; filename="feuille-de-route-38185-[\d-]+\.csv"$/,
      )
      const bytes = await csv.body()
      expect([...bytes.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf])
      const table = parseCsv(bytes.subarray(3).toString('utf8'), ';')
      expect(table[0]).toEqual([
        'id',
        'titre',
        'description',
        'engagements',
        'axe',
        'responsable',
        'début',
        'fin',
        'statut',
        'budget',
        'objectifs',
        'public',
        'recommandation',
      ])
      expect(table.slice(1)).toEqual([
        [
          actionPath.split('/').at(-1),
          trainingAction,
          // The recommendation fits in the title whole: no description repeating it.
          '',
          'A1.E2',
          '4',
          'Ressources humaines',
          `${year}-02-01`,
          `${year}-12-15`,
          'en cours',
          '12500,5',
          objectivePath.split('/').at(-1),
          'oui',
          trainingRecommendation,
        ],
      ])
      const xlsx = await page.request.get(
        await hrefOf(main(person).getByRole('link', { name: 'Classeur XLSX' })),
      )
      expect(xlsx.status()).toBe(200)
      expect(xlsx.headers()['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      expect([...(await xlsx.body()).subarray(0, 4)], 'a ZIP archive').toEqual([0x50, 0x4b, 0x03, 0x04])
    })

    step(
      'the work programme is recorded; the overview shows where Grenoble stands against the REEN deadlines',
      async () => {
        const { page } = person
        await openSection(person, 'Jalons REEN', 'milestones-empty')
        expect(await read(main(person))).toContain('Aucun jalon enregistré pour l’instant.')
        await click(person, main(person).getByRole('link', { name: 'Ajouter un jalon' }))
        expect(pathOf(person)).toBe(`${strategy}/jalons/nouveau`)
        await audit(person, 'milestone-new')
        await page.getByLabel('Jalon', { exact: true }).selectOption('programme_travail')
        await page.getByLabel('Date de la délibération ou de la présentation').fill('2022-11-15')
        await page.getByLabel('Numéro de délibération').fill('2022-118')
        await click(person, page.getByRole('button', { name: 'Enregistrer le jalon' }))
        expect(pathOf(person)).toBe(`${strategy}/jalons?info=ajoute`)
        await audit(person, 'milestone-added')
        expect(await statusMessage(person)).toBe('Le jalon est enregistré.')
        const recorded = page.getByRole('table', { name: 'Jalons enregistrés (1)' }).locator('tbody tr')
        expect(await cellsOf(recorded)).toBe(
          'Programme de travail 15 novembre 2022 2022-118 — Modifier Supprimer',
        )
        milestonePath = await hrefOf(
          recorded.getByRole('link', { name: 'Modifier le jalon : Programme de travail' }),
        )

        await openSection(person, 'Vue d’ensemble', 'overview')
        expect(await heading(person)).toBe('Stratégie numérique responsable')
        // Whatever today's date: the programme was on time, the strategy (due 1 January 2025) is late.
        expect(await read(main(person).locator('p.notice'))).toBe(
          'Prochaine étape : Adoption de la stratégie — En retard : échéance dépassée. Voir les jalons',
        )
        const reen = page.getByRole('region', { name: 'Échéances de la loi REEN' })
        expect(await read(reen)).toContain(`La loi REEN s’applique à ${territory.name}`)
        const standing = reen.getByRole('table', { name: 'Jalons de la loi REEN et situation du territoire' })
        const stateOf = async (milestone: string) =>
          read(
            standing
              .locator('tbody tr')
              .filter({ has: page.getByRole('rowheader', { name: milestone, exact: true }) })
              .locator('td')
              .last(),
          )
        expect(await stateOf('Programme de travail')).toBe('Réalisé le 15 novembre 2022, dans les délais')
        expect(await stateOf('Adoption de la stratégie')).toBe('En retard : échéance dépassée')
        expect(await stateOf(`Bilan annuel ${year}`)).toBe('À venir')
        const cards = await read(main(person).locator('ul.overview-cards'))
        expect(cards).toMatch(/\b1 objectifs? :/)
        expect(cards).toMatch(/Actions : 2, dont publiques : 1 ;/)
      },
    )

    step(
      'publishing with the mandatory texts empty is refused; the texts are written; the strategy is previewed and published',
      async () => {
        const { page } = person
        await openSection(person, 'Documents', 'documents')
        const card = () => page.getByRole('region', { name: `Stratégie numérique responsable ${year}` })
        expect(await read(card())).toContain('À rédiger avant de publier : Introduction, Gouvernance.')
        await click(person, card().getByRole('button', { name: `Publier la version 1 (${year})` }))
        expect(pathOf(person)).toBe(`${strategy}/documents/strategie/publier`)
        await audit(person, 'publish-refused', 400)
        const refusal = page.getByRole('alert')
        expect(await read(refusal.getByRole('heading'))).toBe(
          'Publication refusée : Stratégie numérique responsable. Des sections obligatoires sont vides.',
        )
        const missing = refusal.getByRole('link')
        expect(await missing.allInnerTexts()).toEqual([
          'Rédiger la section « Introduction »',
          'Rédiger la section « Gouvernance »',
        ])
        expect(await read(main(person))).toContain('Aucun document publié pour l’instant.')

        await click(person, missing.first())
        expect(pathOf(person)).toBe(`${strategy}/documents/textes`)
        expect(new URL(page.url()).hash).toBe('#introduction')
        await audit(person, 'texts')
        await page.getByLabel('Introduction', { exact: true }).fill(introduction)
        await page.getByLabel('Gouvernance', { exact: true }).fill(governance)
        await click(person, page.getByRole('button', { name: 'Aperçu', exact: true }))
        await audit(person, 'texts-preview')
        const preview = page.getByRole('region', { name: 'Aperçu' })
        expect(await read(preview.getByRole('status'))).toBe('Aperçu seulement : rien n’est enregistré.')
        expect(await preview.getByRole('listitem').allInnerTexts()).toEqual([
          'former tous les agents au numérique responsable',
          'prolonger la durée de vie du matériel',
        ])
        expect(await preview.getByRole('link', { name: 'le site de la ville' }).getAttribute('href')).toBe(
          'https://www.grenoble.fr/numerique-responsable',
        )
        await click(person, page.getByRole('button', { name: 'Enregistrer les textes' }))
        expect(pathOf(person)).toBe(`${strategy}/documents?info=textes`)
        await audit(person, 'texts-saved')
        expect(await statusMessage(person)).toBe('Les textes sont enregistrés.')
        expect(await read(card())).not.toContain('À rédiger avant de publier')

        await click(person, card().getByRole('link', { name: 'Aperçu (HTML)' }))
        expect(pathOf(person)).toBe(`${strategy}/documents/strategie?annee=${year}`)
        await audit(person, 'strategy-draft')
        expect(await heading(person)).toBe(`Stratégie numérique responsable ${year}`)
        expect(await read(page.locator('.draft'))).toBe(
          'Projet — non publié — ce document peut encore changer.',
        )
        const draft = await read(page.locator('body'))
        expect(draft).toContain(trainingAction)
        expect(draft).toContain(objective.title)
        expect(draft).toContain(governance)
        expect(draft, 'an internal action is never named in a document').not.toContain(internalAction)
        expect(
          await page.locator('main li').filter({ hasText: 'prolonger la durée de vie du matériel' }).count(),
        ).toBe(1)
        expect(await page.getByRole('link', { name: 'le site de la ville' }).getAttribute('href')).toBe(
          'https://www.grenoble.fr/numerique-responsable',
        )
        const pdf = await page.request.get(`${strategy}/documents/strategie/pdf?annee=${year}`)
        expect(pdf.status()).toBe(200)
        expect(pdf.headers()['content-type']).toBe('application/pdf')
        expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')

        // The two other documents are pages too: each draft read, and checked like every page.
        for (const [slug, title] of [
          ['programme-de-travail', `Programme de travail ${year}`],
          ['bilan-annuel', `Bilan annuel ${year} de la stratégie numérique responsable`],
        ] as const) {
          await visit(person, `${strategy}/documents/${slug}?annee=${year}`)
          await audit(person, `${slug}-draft`)
          expect(await heading(person)).toBe(title)
          expect(await read(page.locator('body')), 'an internal action is never named').not.toContain(
            internalAction,
          )
        }

        await visit(person, `${strategy}/documents`)
        await audit(person, 'documents-before-publishing')
        await click(person, card().getByRole('button', { name: `Publier la version 1 (${year})` }))
        expect(pathOf(person)).toBe(`${strategy}/documents?annee=${year}&info=publie`)
        await audit(person, 'published')
        expect(await statusMessage(person)).toBe(
          'Le document est publié : il est désormais figé et visible sur la page publique du territoire.',
        )
        const versions = page.getByRole('table', { name: 'Versions publiées (1)' }).locator('tbody tr')
        expect(await cellsOf(versions)).toMatch(
          new RegExp(
            `^Stratégie numérique responsable 1 ${year} le .+ par ${escapeRegExp(admin.name)} Publique HTML PDF Retirer$`,
          ),
        )
        expect(await read(card())).toContain(`Publier la version 2 (${year})`)
        await click(
          person,
          versions.getByRole('link', { name: 'HTML : Stratégie numérique responsable, version 1' }),
        )
        expect(pathOf(person)).toMatch(new RegExp(`^${escapeRegExp(strategy)}/documents/versions/\\d+$`))
        versionPath = pathOf(person)
        await audit(person, 'strategy-version-1')
        expect(await read(page.locator('header .subtitle'))).toMatch(/^Version 1, publiée le /)
        expect(await page.locator('.draft').count()).toBe(0)
      },
    )

    step('an anonymous visitor reads the published strategy, in the page and in the API', async () => {
      anonymous = await openBrowser('an anonymous visitor')
      const { page } = anonymous
      const publicPath = `/territoires/${territory.kind}/${territory.code}/strategie`
      await visit(anonymous, `/territoires/${territory.kind}/${territory.code}`)
      await audit(anonymous, 'territory')
      const section = page.getByRole('region', { name: 'Stratégie numérique responsable' })
      expect(await read(section)).toMatch(
        new RegExp(`Dernière publication : « Stratégie numérique responsable ${year} » \\(version 1\\), le `),
      )
      await click(
        anonymous,
        section.getByRole('link', { name: 'Documents, objectifs et actions publiés par la collectivité' }),
      )
      expect(pathOf(anonymous)).toBe(publicPath)
      await audit(anonymous, 'public-strategy')
      expect(await read(page.locator('h1'))).toBe(`${territory.name} Stratégie numérique responsable`)

      const documents = page.getByRole('table', { name: 'Documents publiés, du plus récent au plus ancien' })
      expect(await documents.locator('tbody tr').count()).toBe(1)
      const pdfLink = documents.getByRole('link', {
        name: 'PDF : Stratégie numérique responsable, version 1',
      })
      const pdf = await page.request.get(await hrefOf(pdfLink))
      expect(pdf.status()).toBe(200)
      expect(pdf.headers()['content-type']).toBe('application/pdf')
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')

      const status = expectedStatus()
      const objectives = page.getByRole('table', { name: /^Objectifs, de la référence aux cibles/ })
      // The trajectory, the last measure, the status (capitalised here) and how far along the way.
      const latest = measures.at(-1) as { year: number; value: number }
      const final = objective.targets.at(-1) as { year: number; value: number }
      const along = Math.round(
        (100 * (latest.value - objective.baseline.value)) / (final.value - objective.baseline.value),
      )
      const trajectory = [objective.baseline, ...objective.targets]
        .map((point) => `${point.year} : ${point.value} %`)
        .join(' → ')
      expect(await cellsOf(objectives.locator('tbody tr'))).toBe(
        `${objective.title} ${indicator.name} ${trajectory} ${latest.year} : ${latest.value} % ${status.charAt(0).toUpperCase()}${status.slice(1)} ${along} %`,
      )
      const actions = page.getByRole('table', { name: /^Actions publiques/ })
      const publicRows = actions.locator('tbody tr')
      expect(await publicRows.count()).toBe(1)
      // The title, then its description (here the recommendation's text again), then the facts.
      const [rowHeader] = await publicRows.locator('th').allInnerTexts()
      expect(rowHeader?.split('\n')[0]).toBe(trainingAction)
      expect(await cellsOf(publicRows)).toMatch(
        new RegExp(`A1\\.E2 En cours du 1er février ${year} au 15 décembre ${year} 12 500,50 €$`),
      )
      expect(await read(main(anonymous)), 'the internal action stays internal').not.toContain(internalAction)
      expect(await read(page.getByRole('table', { name: /^Étapes de la loi REEN/ }))).toContain('2022-118')

      await click(
        anonymous,
        documents.getByRole('link', { name: 'HTML : Stratégie numérique responsable, version 1' }),
      )
      await audit(anonymous, 'public-document')
      expect(await heading(anonymous)).toBe(`Stratégie numérique responsable ${year}`)
      expect(await read(page.locator('header .subtitle'))).toMatch(/^Version 1, publiée le /)
      expect(await read(page.locator('body'))).not.toContain(internalAction)

      documentPath = pathOf(anonymous)
      await visit(anonymous, publicPath)
      await audit(anonymous, 'public-strategy-again')

      const api = await page.request.get(`/api/v1/territories/${territory.kind}/${territory.code}/strategy`)
      expect(api.status()).toBe(200)
      const body = (await api.json()) as {
        published: boolean
        objectives: { id: number; title: string; indicatorId: string; status: string; measured: unknown }[]
        actions: { title: string; status: string; budgetEuros: number | null; objectiveIds: number[] }[]
        milestones: { kind: string; date: string; deliberationNumber: string | null }[]
      }
      expect(body.published).toBe(true)
      const objectiveId = Number(objectivePath.split('/').at(-1))
      expect(body.objectives).toEqual([
        expect.objectContaining({
          id: objectiveId,
          title: objective.title,
          indicatorId: indicator.id,
          status: { 'en bonne voie': 'on_track', 'en retard': 'behind', atteint: 'reached' }[status],
          measured: { year, value: measures.at(-1)?.value },
        }),
      ])
      expect(body.actions).toEqual([
        expect.objectContaining({
          title: trainingAction,
          status: 'en_cours',
          budgetEuros: 12500.5,
          objectiveIds: [objectiveId],
        }),
      ])
      expect(body.milestones).toEqual([
        expect.objectContaining({
          kind: 'programme_travail',
          date: '2022-11-15',
          deliberationNumber: '2022-118',
        }),
      ])
    })

    step('the admin withdraws version 1: nothing public any more; republished: back', async () => {
      const { page } = person
      const publicPath = `/territoires/${territory.kind}/${territory.code}/strategie`
      await visit(person, `${strategy}/documents`)
      await audit(person, 'documents-published')
      await click(
        person,
        page.getByRole('button', {
          name: 'Retirer de la page publique : Stratégie numérique responsable, version 1',
        }),
      )
      expect(pathOf(person)).toBe(`${strategy}/documents?annee=${year}&info=retire`)
      await audit(person, 'withdrawn')
      expect(await statusMessage(person)).toBe(
        'La version est retirée de la page publique ; les membres la voient toujours.',
      )
      expect(
        await cellsOf(page.getByRole('table', { name: 'Versions publiées (1)' }).locator('tbody tr')),
      ).toMatch(/ Retirée le .+ HTML PDF Republier$/)

      // The visitor reloads (a reload asks the server again, whatever the page's minute of cache).
      await follow(anonymous, () => anonymous.page.reload())
      expect(pathOf(anonymous)).toBe(publicPath)
      await audit(anonymous, 'public-strategy-withdrawn')
      expect(await read(main(anonymous))).toContain('Ce territoire n’a encore rien publié sur Jalons.')
      expect(await read(main(anonymous))).not.toContain(objective.title)
      expect((await anonymous.page.request.get(documentPath)).status(), 'the withdrawn document').toBe(404)
      const api = await anonymous.page.request.get(
        `/api/v1/territories/${territory.kind}/${territory.code}/strategy`,
      )
      expect(await api.json()).toMatchObject({ published: false, documents: [], objectives: [], actions: [] })

      await click(
        person,
        page.getByRole('button', {
          name: 'Republier sur la page publique : Stratégie numérique responsable, version 1',
        }),
      )
      expect(pathOf(person)).toBe(`${strategy}/documents?annee=${year}&info=republie`)
      await audit(person, 'republished')
      expect(await statusMessage(person)).toBe('La version est de nouveau visible sur la page publique.')
      await follow(anonymous, () => anonymous.page.reload())
      await audit(anonymous, 'public-strategy-republished')
      expect(await read(main(anonymous))).toContain(objective.title)
      expect(await read(main(anonymous))).toContain(trainingAction)
    })
  })

  describe('what each role may do', () => {
    let contributorActor: Actor
    let readerActor: Actor

    step('the admin invites a contributor and a reader; they accept', async () => {
      const { page } = person
      await click(person, workspaceNav(person).getByRole('link', { name: 'Membres' }))
      await audit(person, 'members')
      for (const [account, role] of [
        [contributor, 'contributor'],
        [reader, 'reader'],
      ] as const) {
        await page.getByLabel('Adresse électronique de la personne').fill(account.email)
        await page.getByLabel('Rôle', { exact: true }).selectOption(role)
        await click(person, page.getByRole('button', { name: 'Envoyer l’invitation' }))
        await audit(person, `members-invited-${role}`)
        expect(await statusMessage(person)).toBe(`Invitation envoyée à ${account.email}.`)
      }
      contributorActor = await acceptInvitation('the contributor', contributor)
      readerActor = await acceptInvitation('the reader', reader)
    })

    step('a contributor writes but cannot publish: no button, and a crafted post is forbidden', async () => {
      const actor = contributorActor
      await visit(actor, `${strategy}/documents`)
      await audit(actor, 'contributor-documents')
      expect(
        await main(actor)
          .getByRole('button', { name: /^Publier/ })
          .count(),
      ).toBe(0)
      expect(
        await main(actor)
          .getByRole('button', { name: /^Retirer/ })
          .count(),
      ).toBe(0)
      expect(await main(actor).getByRole('link', { name: 'Rédiger les textes' }).count()).toBe(1)
      const token = await csrfToken(actor)
      const publish = await actor.page.request.post(`${strategy}/documents/strategie/publier`, {
        form: { _csrf: token, annee: String(year) },
        maxRedirects: 0,
      })
      expect(publish.status()).toBe(403)
      const withdraw = await actor.page.request.post(`${versionPath}/retirer`, {
        form: { _csrf: token },
        maxRedirects: 0,
      })
      expect(withdraw.status()).toBe(403)
      await visit(actor, `${strategy}/documents`)
      await audit(actor, 'contributor-documents-unchanged')
      expect(
        await cellsOf(actor.page.getByRole('table', { name: 'Versions publiées (1)' }).locator('tbody tr')),
      ).toContain('Publique')
    })

    step('a reader reads every part of the strategy and has no form to change anything', async () => {
      const actor = readerActor
      // The recommendation's action can be read; the other recommendation has no button to create one.
      await visit(actor, `/espace/${workspaceId}/autodiagnostic/${year}/resultats`)
      await audit(actor, 'reader-results')
      expect(
        await main(actor)
          .getByRole('link', { name: /^Voir l’action/ })
          .count(),
      ).toBe(1)
      expect(
        await main(actor)
          .getByRole('button', { name: /^Créer une action/ })
          .count(),
      ).toBe(0)
      const pages: [string, string][] = [
        [strategy, 'reader-overview'],
        [`${strategy}/indicateurs/${indicator.id}`, 'reader-indicator'],
        [objectivePath, 'reader-objective'],
        [`${strategy}/actions`, 'reader-actions'],
        [actionPath, 'reader-action'],
        [`${strategy}/jalons`, 'reader-milestones'],
        [`${strategy}/documents`, 'reader-documents'],
      ]
      for (const [path, label] of pages) {
        await visit(actor, path)
        await audit(actor, label)
        expect(await main(actor).locator('form[method="post"]').count(), `no form posts on ${path}`).toBe(0)
      }
      expect(await read(main(actor))).not.toContain('Rédiger les textes')
      await visit(actor, `${strategy}/indicateurs/${indicator.id}`)
      await audit(actor, 'reader-indicator-again')
      expect(await read(main(actor))).toContain(
        'Votre rôle permet de consulter les indicateurs, pas de les saisir.',
      )
      await visit(actor, `${strategy}/actions/nouvelle`)
      await audit(actor, 'reader-action-new', 403)
      const create = await actor.page.request.post(`${strategy}/actions`, {
        form: { _csrf: await csrfToken(actor), title: 'Action d’un lecteur', status: 'a_planifier' },
        maxRedirects: 0,
      })
      expect(create.status()).toBe(403)
      expect(await (await actor.page.request.get(`${strategy}/actions`)).text()).not.toContain(
        'Action d’un lecteur',
      )
    })
  })

  describe('the other strategy pages, once each, and two in English', () => {
    step('editing and confirmation pages, nothing confirmed', async () => {
      const { page } = person
      await visit(person, objectivePath)
      await audit(person, 'objective-before-edit')
      await click(person, main(person).getByRole('link', { name: 'Modifier l’objectif' }))
      await audit(person, 'objective-edit')
      expect(await heading(person)).toBe(`Modifier l’objectif « ${objective.title} »`)
      expect(await page.getByLabel('Année de la cible 2').inputValue()).toBe(
        String(objective.targets[1]?.year),
      )
      await visit(person, objectivePath)
      await audit(person, 'objective-before-delete')
      await click(person, main(person).getByRole('link', { name: 'Supprimer l’objectif' }))
      await audit(person, 'objective-delete-confirm')
      expect(await read(main(person))).toContain(
        'Une action de la feuille de route y est liée : elle restera, sans ce lien.',
      )
      await click(person, strategyNav(person).getByRole('link', { name: 'Objectifs' }))
      await audit(person, 'objectives')
      expect(
        await page
          .getByRole('table', { name: `Objectifs et situation en ${year}` })
          .locator('tbody tr')
          .count(),
      ).toBe(1)

      await visit(person, actionPath)
      await audit(person, 'action-before-delete')
      await click(person, main(person).getByRole('link', { name: 'Supprimer l’action' }))
      await audit(person, 'action-delete-confirm')
      expect(await read(main(person))).toContain('ses notes d’avancement (1)')

      await visit(person, `${strategy}/jalons`)
      await audit(person, 'milestones')
      await click(
        person,
        main(person).getByRole('link', { name: 'Modifier le jalon : Programme de travail' }),
      )
      expect(pathOf(person)).toBe(milestonePath)
      await audit(person, 'milestone-edit')
      expect(await page.getByLabel('Numéro de délibération').inputValue()).toBe('2022-118')
      await visit(person, `${strategy}/jalons`)
      await audit(person, 'milestones-before-delete')
      await click(
        person,
        main(person).getByRole('link', { name: 'Supprimer le jalon : Programme de travail' }),
      )
      await audit(person, 'milestone-delete-confirm')
      expect(await heading(person)).toBe('Supprimer le jalon : Programme de travail')
    })

    step('the overview and the public page in English', async () => {
      await visit(person, strategy)
      await audit(person, 'overview-again')
      await click(person, header(person).getByRole('link', { name: 'English' }))
      expect(pathOf(person)).toBe(strategy)
      await audit(person, 'overview-en')
      expect(await person.page.locator('html').getAttribute('lang')).toBe('en')
      expect(await heading(person)).toBe('Responsible digital strategy')
      await click(person, header(person).getByRole('link', { name: 'Français' }))
      await audit(person, 'overview-fr-again')

      const { page } = anonymous
      await click(anonymous, header(anonymous).getByRole('link', { name: 'English' }))
      expect(pathOf(anonymous)).toBe(`/territoires/${territory.kind}/${territory.code}/strategie`)
      await audit(anonymous, 'public-strategy-en')
      // The visitor saw the page a moment ago: a copy the browser kept must not answer in French.
      expect(await page.locator('html').getAttribute('lang'), 'the public page after « English »').toBe('en')
      expect(await read(page.locator('h1'))).toBe(`${territory.name} Responsible digital strategy`)
      expect(await read(main(anonymous))).toContain(objective.title)
      await click(anonymous, header(anonymous).getByRole('link', { name: 'Français' }))
      await audit(anonymous, 'public-strategy-fr-again')
    })
  })

  checkEveryPageAudited(90)
})
