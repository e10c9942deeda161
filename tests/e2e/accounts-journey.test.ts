import { describe, expect } from 'vitest'
import { browserAvailable } from './support/browser.js'
import {
  type Actor,
  click,
  createJourney,
  header,
  heading,
  pathOf,
  textOf,
  visit,
  workspaceIdOf,
} from './support/journey.js'
import { useStage } from './support/stage.js'

/** Addresses under example.org (reserved, RFC 2606), as the demo accounts use. */
const person = {
  name: 'Alex Martin',
  email: 'alex.martin@marseille.example.org',
  password: 'Calanques et mistral en hiver',
  newPassword: 'Le Vieux-Port au petit matin',
}
const marseilleContributor = 'sam.durand@marseille.example.org'
const lyonAdmin = { name: 'Claude Bernard', email: 'claude.bernard@lyon.example.org' }
const demoCity = 'Jalons-sur-Loire (démonstration)'

/**
 * Accounts and workspaces, as four people do it in their own browsers with JavaScript DISABLED
 * (axe-core itself runs on a scripted replay of each page: see createScriptlessAxe):
 * the operator opens a workspace and reads the outbox, a new admin accepts by mail, works in two
 * workspaces and is kept out of a third, resets a password and signs out. Every page any of them
 * loads gets an axe-core check (zero violations, WCAG 2.1 A/AA and RGAA 4); a page loaded and
 * never checked fails the last test. The steps share their browsers and run in order: after a
 * step throws, the following ones are skipped.
 */
describe.skipIf(!browserAvailable)('accounts and workspaces, without JavaScript', () => {
  const stage = useStage()
  const { journey, credential, openBrowser, audit, linkInOutbox, checkEveryPageAudited } = createJourney(
    stage,
    { screenshotPrefix: 'accounts' },
  )
  /** One journey: after a step throws, the following ones are skipped. */
  const step = journey()

  const statusMessage = (actor: Actor) => textOf(actor.page.getByRole('status'))

  async function signIn(actor: Actor, email: string, password: string): Promise<void> {
    const { page } = actor
    await page.getByLabel('Adresse électronique').fill(email)
    await page.getByLabel('Mot de passe', { exact: true }).fill(password)
    await click(actor, page.getByRole('button', { name: 'Se connecter' }))
  }

  // Filled in as the journey goes.
  let operator: Actor
  let alex: Actor
  let demoAdmin: Actor
  let marseilleId: number
  let demoId: number
  let lyonId: number
  let invitationToAlex: string

  step('the operator signs in and opens workspaces for Marseille and Lyon', async () => {
    operator = await openBrowser('the operator')
    const { page } = operator
    await visit(operator, '/connexion')
    await audit(operator, 'sign-in')
    expect(await heading(operator)).toBe('Se connecter')

    await signIn(operator, credential(/^operator$/).email, credential(/^operator$/).password)
    expect(pathOf(operator)).toBe('/espaces')
    await audit(operator, 'workspaces-none')

    await click(operator, header(operator).getByRole('link', { name: 'Opérateur' }))
    expect(pathOf(operator)).toBe('/operateur')
    await audit(operator, 'operator')

    for (const [reference, email, territory] of [
      ['commune/13055', person.email, 'Marseille'],
      ['commune/69123', lyonAdmin.email, 'Lyon'],
    ] as const) {
      await page.getByLabel(/^Territoire/).fill(reference)
      await page.getByLabel(/^Adresse de l’administrateur/).fill(email)
      await click(operator, page.getByRole('button', { name: 'Ouvrir l’espace et inviter' }))
      await audit(operator, `operator-opened-${territory.toLowerCase()}`)
      expect(await statusMessage(operator)).toBe(
        `Espace ouvert pour ${territory} ; invitation envoyée à ${email}.`,
      )
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: territory, exact: true }) })
      expect(await textOf(row)).toContain(reference)
    }
  })

  step('the invitee reads the mail, is refused a weak password, creates an account', async () => {
    const link = await linkInOutbox(
      operator,
      person.email,
      'Jalons : invitation à rejoindre l’espace de Marseille',
      'invitation',
    )
    alex = await openBrowser('the invitee')
    const { page } = alex
    await visit(alex, link)
    await audit(alex, 'invitation-new-account')
    expect(await heading(alex)).toBe('Rejoindre l’espace de Marseille')
    expect(await textOf(page.locator('main'))).toContain(
      'Opérateur de démonstration vous invite à rejoindre l’espace de travail de Marseille',
    )
    expect(await page.getByLabel('Adresse électronique').inputValue()).toBe(person.email)

    await page.getByLabel('Nom et prénom').fill(person.name)
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('motdepasse123')
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('motdepasse123')
    await click(alex, page.getByRole('button', { name: 'Accepter l’invitation' }))
    await audit(alex, 'invitation-weak-password', 400)
    const password = page.getByLabel('Nouveau mot de passe', { exact: true })
    expect(await password.getAttribute('aria-invalid')).toBe('true')
    expect(await password.getAttribute('aria-describedby')).toContain('password-error')
    expect(await textOf(page.locator('#password-error'))).toBe(
      'Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase.',
    )
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Nouveau mot de passe : Ce mot de passe est trop courant',
    )
    expect(await page.getByLabel('Nom et prénom').inputValue()).toBe(person.name)

    await password.fill(person.password)
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(person.password)
    await click(alex, page.getByRole('button', { name: 'Accepter l’invitation' }))
    expect(pathOf(alex)).toMatch(/^\/espace\/\d+$/)
    await audit(alex, 'workspace-home-marseille')
    marseilleId = workspaceIdOf(alex)
    expect(await heading(alex)).toBe('Espace de travail : Marseille')
    expect(await textOf(page.locator('main'))).toContain('Votre rôle : Administrateur·rice.')
    expect(await header(alex).getByRole('button', { name: 'Se déconnecter' }).count()).toBe(1)
  })

  step('as admin of Marseille, the new person invites a contributor', async () => {
    const { page } = alex
    await click(
      alex,
      page.getByRole('navigation', { name: 'Navigation de l’espace' }).getByRole('link', { name: 'Membres' }),
    )
    expect(pathOf(alex)).toBe(`/espace/${marseilleId}/membres`)
    await audit(alex, 'members-marseille')
    const me = page.getByRole('row').filter({ hasText: person.email })
    expect(await textOf(me)).toContain('Administrateur·rice')

    await page.getByLabel('Adresse électronique de la personne').fill(marseilleContributor)
    await page.getByLabel('Rôle', { exact: true }).selectOption('contributor')
    await click(alex, page.getByRole('button', { name: 'Envoyer l’invitation' }))
    await audit(alex, 'members-invited')
    expect(await statusMessage(alex)).toBe(`Invitation envoyée à ${marseilleContributor}.`)
    const pending = page.getByRole('table', { name: 'Invitations envoyées et pas encore acceptées' })
    expect(await textOf(pending.getByRole('row').filter({ hasText: marseilleContributor }))).toContain(
      'Contributeur·rice',
    )
  })

  step('the demo admin invites the same person to the demo city’s workspace', async () => {
    demoAdmin = await openBrowser('the demo admin')
    const { page } = demoAdmin
    await visit(demoAdmin, '/connexion')
    await audit(demoAdmin, 'sign-in-demo-admin')
    const admin = credential(/^admin of/)
    await signIn(demoAdmin, admin.email, admin.password)
    expect(pathOf(demoAdmin)).toBe('/espaces')
    await audit(demoAdmin, 'workspaces-demo-admin')
    await click(demoAdmin, page.getByRole('link', { name: demoCity }))
    await audit(demoAdmin, 'workspace-home-demo-admin')
    demoId = workspaceIdOf(demoAdmin)

    await click(demoAdmin, page.getByRole('link', { name: 'Membres' }))
    await audit(demoAdmin, 'members-demo')
    await page.getByLabel('Adresse électronique de la personne').fill(person.email)
    await page.getByLabel('Rôle', { exact: true }).selectOption('contributor')
    await click(demoAdmin, page.getByRole('button', { name: 'Envoyer l’invitation' }))
    await audit(demoAdmin, 'members-demo-invited')
    expect(await statusMessage(demoAdmin)).toBe(`Invitation envoyée à ${person.email}.`)
  })

  step('the person, signed in, accepts the second invitation', async () => {
    invitationToAlex = await linkInOutbox(
      operator,
      person.email,
      `Jalons : invitation à rejoindre l’espace de ${demoCity}`,
      'invitation',
    )
    const { page } = alex
    await visit(alex, invitationToAlex)
    await audit(alex, 'invitation-signed-in')
    expect(await heading(alex)).toBe(`Rejoindre l’espace de ${demoCity}`)
    expect(
      await page.getByLabel('Nouveau mot de passe', { exact: true }).count(),
      'no account to create',
    ).toBe(0)
    await click(alex, page.getByRole('button', { name: 'Accepter l’invitation' }))
    expect(pathOf(alex)).toBe(`/espace/${demoId}`)
    await audit(alex, 'workspace-home-demo')
    expect(await textOf(page.locator('main'))).toContain('Votre rôle : Contributeur·rice.')

    // The link worked once.
    await visit(alex, invitationToAlex)
    await audit(alex, 'invitation-used', 410)
    expect(await textOf(page.locator('main'))).toContain('Ce lien a déjà servi')
  })

  step('the person sees both workspaces and switches between them', async () => {
    const { page } = alex
    await click(alex, header(alex).getByRole('link', { name: 'Mes espaces' }))
    expect(pathOf(alex)).toBe('/espaces')
    await audit(alex, 'workspaces-two')
    const rows = page.getByRole('table', { name: 'Vos espaces de travail' }).locator('tbody tr')
    expect(await rows.count()).toBe(2)
    expect(await textOf(rows.filter({ hasText: demoCity }))).toContain('Contributeur·rice')
    expect(await textOf(rows.filter({ hasText: 'Marseille' }))).toContain('Administrateur·rice')

    await click(alex, page.getByRole('link', { name: 'Marseille', exact: true }))
    expect(pathOf(alex)).toBe(`/espace/${marseilleId}`)
    await audit(alex, 'switched-to-marseille')
    expect(await heading(alex)).toBe('Espace de travail : Marseille')
    const workspaceNav = page.getByRole('navigation', { name: 'Navigation de l’espace' })
    expect(await workspaceNav.getByRole('link').allInnerTexts()).toEqual([
      'Tableau de bord',
      'Autodiagnostic',
      'Empreinte',
      'Stratégie',
      'Membres',
      'Journal',
      'API',
    ])

    await click(alex, header(alex).getByRole('link', { name: 'Mes espaces' }))
    await audit(alex, 'workspaces-two-again')
    await click(alex, page.getByRole('link', { name: demoCity }))
    expect(pathOf(alex)).toBe(`/espace/${demoId}`)
    await audit(alex, 'switched-to-demo')
    expect(await heading(alex)).toBe(`Espace de travail : ${demoCity}`)
    // A contributor has no audit log to read and no API tokens to manage.
    expect(await workspaceNav.getByRole('link').allInnerTexts()).toEqual([
      'Tableau de bord',
      'Autodiagnostic',
      'Empreinte',
      'Stratégie',
      'Membres',
    ])
  })

  step('the person is denied another workspace with the same 404 as for none', async () => {
    // Lyon's admin accepts, so that the third workspace really exists, with a member.
    const link = await linkInOutbox(
      operator,
      lyonAdmin.email,
      'Jalons : invitation à rejoindre l’espace de Lyon',
      'invitation',
    )
    const lyon = await openBrowser('Lyon’s admin')
    await visit(lyon, link)
    await audit(lyon, 'invitation-lyon')
    await lyon.page.getByLabel('Nom et prénom').fill(lyonAdmin.name)
    await lyon.page.getByLabel('Nouveau mot de passe', { exact: true }).fill('Traboules et bouchons de Lyon')
    await lyon.page.getByLabel('Confirmez le nouveau mot de passe').fill('Traboules et bouchons de Lyon')
    await click(lyon, lyon.page.getByRole('button', { name: 'Accepter l’invitation' }))
    await audit(lyon, 'workspace-home-lyon')
    lyonId = workspaceIdOf(lyon)
    expect(new Set([lyonId, marseilleId, demoId]).size).toBe(3)

    const { page } = alex
    const answers: string[] = []
    for (const path of [
      `/espace/${lyonId}`,
      `/espace/${lyonId}/membres`,
      `/espace/${lyonId}/journal`,
      '/espace/99999',
    ]) {
      await visit(alex, path)
      await audit(alex, `denied${path.replaceAll('/', '-')}`, 404)
      expect(await heading(alex)).toBe('Page introuvable')
      answers.push((await textOf(page.locator('main'))).replace(path, ''))
    }
    expect(new Set(answers).size, 'a workspace one is not in looks like no workspace at all').toBe(1)
    expect(await textOf(page.locator('main'))).not.toContain('Lyon')

    // A forged form post (with a valid CSRF token) changes nothing either.
    const csrf = await page.locator('header input[name="_csrf"]').getAttribute('value')
    const post = await page.request.post(`/espace/${lyonId}/chiffres`, {
      form: { _csrf: csrf ?? '', agents: '1', purchases: '1' },
      maxRedirects: 0,
    })
    expect(post.status()).toBe(404)
    await lyon.page.reload()
    await audit(lyon, 'workspace-home-lyon-unchanged')
    expect(await lyon.page.getByLabel('Nombre d’agents (ETP)').inputValue()).not.toBe('1')
  })

  step('the person saves declared figures and sees them', async () => {
    const { page } = alex
    await visit(alex, `/espace/${demoId}`)
    await audit(alex, 'workspace-home-demo-before')
    const agents = page.getByLabel('Nombre d’agents (ETP)')
    const purchases = page.getByLabel('Montant annuel des achats (€ HT)')
    expect((await agents.inputValue()).replace(/\s/g, '')).toBe('940')
    await agents.fill('1 250')
    await purchases.fill('7 500 000')
    await click(alex, page.getByRole('button', { name: 'Enregistrer les chiffres' }))
    expect(pathOf(alex)).toBe(`/espace/${demoId}?info=enregistre`)
    await audit(alex, 'figures-saved')
    expect(await statusMessage(alex)).toBe('Modifications enregistrées.')
    expect((await agents.inputValue()).replace(/\s/g, '')).toBe('1250')
    expect((await purchases.inputValue()).replace(/\s/g, '')).toBe('7500000')

    // The public page of the territory uses them too.
    await click(alex, page.getByRole('link', { name: 'Voir la page publique du territoire' }))
    await audit(alex, 'public-page-demo')
    expect(await textOf(page.locator('main'))).toMatch(/1\s250 agents/)
  })

  step('the demo admin reads those changes in the audit log', async () => {
    const { page } = demoAdmin
    await visit(demoAdmin, `/espace/${demoId}`)
    await audit(demoAdmin, 'workspace-home-demo-admin-after')
    await click(demoAdmin, page.getByRole('link', { name: 'Journal' }))
    expect(pathOf(demoAdmin)).toBe(`/espace/${demoId}/journal`)
    await audit(demoAdmin, 'audit-log')
    expect(await heading(demoAdmin)).toBe('Journal des modifications')
    const rows = page.getByRole('table').locator('tbody tr')
    const newest = await rows.first().locator('td').allInnerTexts()
    expect(newest[1]).toBe(person.name)
    expect(newest[2]).toMatch(/^declared_figures #\d+ · update$/)
    const change = (newest[3] ?? '').replace(/[\u202f\u00a0]/g, ' ')
    expect(change).toContain('agents_fte : 940 → 1250')
    expect(change).toContain('annual_purchases : 58 000 000 € → 7 500 000 €')
    const all = await rows.allInnerTexts()
    expect(
      all.some((row) => row.includes(person.name) && row.includes('membership') && row.includes('create')),
    ).toBe(true)
    expect(all.some((row) => row.includes('Camille Admin (démo)') && row.includes('invitation.sent'))).toBe(
      true,
    )

    await page.getByLabel('Personne').selectOption({ label: person.name })
    await click(demoAdmin, page.getByRole('button', { name: 'Filtrer' }))
    await audit(demoAdmin, 'audit-log-filtered')
    const filtered = await page.getByRole('table').locator('tbody tr td:nth-child(2)').allInnerTexts()
    expect(filtered.length).toBeGreaterThanOrEqual(2)
    expect(new Set(filtered)).toEqual(new Set([person.name]))
  })

  step('the person resets the password; the old one stops working, the new one works', async () => {
    const { page } = alex
    await visit(alex, '/mot-de-passe-oublie')
    await audit(alex, 'reset-request')
    await page.getByLabel('Adresse électronique').fill(person.email)
    await click(alex, page.getByRole('button', { name: 'Recevoir un lien' }))
    await audit(alex, 'reset-requested')
    expect(await statusMessage(alex)).toContain('Si un compte correspond à cette adresse')

    const link = await linkInOutbox(
      operator,
      person.email,
      'Jalons : choisir un nouveau mot de passe',
      'reinitialiser',
    )
    await visit(alex, link)
    await audit(alex, 'reset-new-password')
    expect(await heading(alex)).toBe('Choisir un nouveau mot de passe')
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(person.newPassword)
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(person.newPassword)
    await click(alex, page.getByRole('button', { name: 'Enregistrer le mot de passe' }))
    expect(pathOf(alex)).toBe('/connexion?info=reinitialise')
    await audit(alex, 'reset-done')
    expect(await statusMessage(alex)).toContain('Votre mot de passe a été changé')
    // Every session was closed, this one too.
    expect(await header(alex).getByRole('link', { name: 'Se connecter' }).count()).toBe(1)

    await visit(alex, link)
    await audit(alex, 'reset-link-used', 410)
    expect(await textOf(page.locator('main'))).toContain('Ce lien a déjà servi')

    // The old password, and an unknown address, get the same generic message.
    for (const [email, password, label] of [
      [person.email, person.password, 'sign-in-old-password'],
      ['personne@nulle-part.example.org', person.password, 'sign-in-unknown-email'],
    ] as const) {
      await visit(alex, '/connexion')
      await audit(alex, 'sign-in')
      await signIn(alex, email, password)
      expect(pathOf(alex)).toBe('/connexion')
      await audit(alex, label, 401)
      const alert = page.getByRole('alert')
      expect(await textOf(alert.getByRole('heading'))).toBe('Le formulaire contient des erreurs :')
      expect(await alert.getByRole('listitem').allInnerTexts()).toEqual([
        'Adresse ou mot de passe incorrect.',
      ])
      expect(await page.getByLabel('Adresse électronique').inputValue()).toBe(email)
    }

    await signIn(alex, person.email, person.newPassword)
    expect(pathOf(alex)).toBe('/espaces')
    await audit(alex, 'signed-in-new-password')
    expect(
      await page.getByRole('table', { name: 'Vos espaces de travail' }).locator('tbody tr').count(),
    ).toBe(2)
  })

  step('the person signs out; the workspaces then ask to sign in', async () => {
    const { page } = alex
    await click(alex, header(alex).getByRole('button', { name: 'Se déconnecter' }))
    expect(pathOf(alex)).toBe('/connexion?info=deconnecte')
    await audit(alex, 'signed-out')
    expect(await statusMessage(alex)).toBe('Vous êtes déconnecté·e.')

    await visit(alex, '/espaces')
    expect(pathOf(alex)).toBe(`/connexion?retour=${encodeURIComponent('/espaces')}`)
    await audit(alex, 'espaces-signed-out')
    await visit(alex, `/espace/${marseilleId}`)
    expect(pathOf(alex)).toBe(`/connexion?retour=${encodeURIComponent(`/espace/${marseilleId}`)}`)
    await audit(alex, 'workspace-signed-out')
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0)
  })

  step('the operator reads the whole platform’s log', async () => {
    await visit(operator, '/operateur')
    await audit(operator, 'operator-end')
    await click(operator, operator.page.getByRole('link', { name: 'Journal de toute la plateforme' }))
    await audit(operator, 'operator-audit-log')
    const rows = await operator.page.getByRole('table').locator('tbody tr').allInnerTexts()
    expect(rows.some((row) => row.includes(person.name) && row.includes('password.reset'))).toBe(true)
  })

  checkEveryPageAudited(40)
})
