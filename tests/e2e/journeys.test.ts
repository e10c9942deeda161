import type { BrowserContext, Locator, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { browserAvailable } from './support/browser.js'
import { useStage } from './support/stage.js'

/**
 * What a visitor does, click by click, with JavaScript DISABLED: the application ships no script,
 * so every journey must work with plain links and GET forms.
 */
describe.skipIf(!browserAvailable)('journeys without JavaScript', () => {
  const stage = useStage()
  let context: BrowserContext
  let page: Page

  beforeEach(async () => {
    context = await stage.browser.newContext({ javaScriptEnabled: false, baseURL: stage.server.origin })
    page = await context.newPage()
    // Fail with Playwright's own message (what it waited for) well before the test's timeout.
    page.setDefaultTimeout(10_000)
  })
  afterEach(async () => {
    await context.close()
  })

  /** The text as read, spaces collapsed. */
  const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
  const path = () => {
    const url = new URL(page.url())
    return url.pathname + url.search + url.hash
  }
  const heading = () => textOf(page.locator('h1'))
  const obligationBadge = (title: string) =>
    page.locator('li.obligation', { has: page.locator('h3', { hasText: title }) }).locator('.badge')

  it('searches from the home page, then opens a result', async () => {
    await page.goto('/')
    await page.getByRole('searchbox', { name: 'Rechercher un territoire' }).fill('lyon')
    await page.getByRole('button', { name: 'Rechercher' }).click()
    await page.waitForURL('**/territoires?q=lyon')
    expect(await heading()).toBe('Résultats pour « lyon »')
    await expect.poll(() => page.locator('table tbody tr').count()).toBeGreaterThan(1)

    await page.getByRole('link', { name: 'Lyon', exact: true }).click()
    await page.waitForURL('**/territoires/commune/69123')
    expect(await heading()).toBe('Lyon')
  })

  it('searches from the 404 page', async () => {
    await page.goto('/nope')
    await page.getByRole('searchbox').fill('marseille')
    await page.getByRole('button', { name: 'Rechercher' }).click()
    await page.waitForURL('**/territoires?q=marseille')
    await expect.poll(() => page.getByRole('link', { name: 'Marseille', exact: true }).count()).toBe(1)
  })

  it('switches a territory page to English and back, staying on the same page', async () => {
    await page.goto('/territoires/commune/69123')
    expect(await page.getAttribute('html', 'lang')).toBe('fr')

    await page.getByRole('link', { name: 'English' }).click()
    await page.waitForURL('**/territoires/commune/69123')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await textOf(page.getByRole('navigation', { name: 'Main navigation' }))).toContain('Home')
    expect(await textOf(page.locator('#obligations'))).toBe('Legal obligations')

    // The choice is remembered: another page opens in English too.
    await page.goto('/obligations')
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await page.goto('/territoires/commune/69123')

    await page.getByRole('link', { name: 'Français' }).click()
    await page.waitForURL('**/territoires/commune/69123')
    expect(await page.getAttribute('html', 'lang')).toBe('fr')
    expect(await textOf(page.locator('#obligations'))).toBe('Obligations légales')
  })

  it('keeps the query string when switching language on a search page', async () => {
    await page.goto('/territoires?q=saint&page=2')
    await page.getByRole('link', { name: 'English' }).click()
    await page.waitForURL('**/territoires?q=saint&page=2')
    expect(await heading()).toBe('Results for “saint”')
  })

  it('recalculates the obligations with the figures entered in the estimate form', async () => {
    // Tarare: about 11,000 inhabitants and no declared staff, so open data by default is "to confirm".
    await page.goto('/territoires/commune/69243')
    expect(await textOf(obligationBadge('Ouverture des données par défaut'))).toBe('À confirmer')

    await page.getByText('Estimer avec vos chiffres').click()
    await page.getByLabel('Nombre d’agents (ETP)').fill('60')
    await page.getByRole('button', { name: 'Recalculer' }).click()
    await page.waitForURL('**/territoires/commune/69243?agents=60*')
    expect(new URL(page.url()).hash).toBe('#obligations')
    expect(await textOf(obligationBadge('Ouverture des données par défaut'))).toBe('S’applique')
    expect(await textOf(page.getByRole('status'))).toContain('60 agents')

    // Below the threshold it no longer applies; the clear link goes back to the declared figures.
    await page.getByLabel('Nombre d’agents (ETP)').fill('10')
    await page.getByRole('button', { name: 'Recalculer' }).click()
    await page.waitForURL('**/territoires/commune/69243?agents=10*')
    expect(await textOf(obligationBadge('Ouverture des données par défaut'))).toBe('Ne s’applique pas')
    await page.getByRole('link', { name: 'Effacer vos chiffres' }).click()
    await page.waitForURL('**/territoires/commune/69243')
    expect(await textOf(obligationBadge('Ouverture des données par défaut'))).toBe('À confirmer')
  })

  it('pages through the members of an EPCI', async () => {
    const epci = `/territoires/epci/${stage.lookups.aixMarseille}`
    await page.goto(epci)
    const members = page.locator('section[aria-labelledby="membres"]')
    expect(await textOf(members.locator('caption'))).toMatch(/page 1 sur (\d+)$/)
    const firstPageNames = await members.locator('tbody tr td:first-child').allInnerTexts()

    await members.getByRole('link', { name: 'Page suivante' }).click()
    await page.waitForURL((url) => url.searchParams.get('page') === '2')
    expect(path()).toBe(`${epci}?page=2#membres`)
    expect(await textOf(members.locator('caption'))).toMatch(/page 2 sur \d+$/)
    const secondPageNames = await members.locator('tbody tr td:first-child').allInnerTexts()
    expect(secondPageNames.length).toBeGreaterThan(0)
    expect(secondPageNames.filter((name) => firstPageNames.includes(name))).toEqual([])

    await members.getByRole('link', { name: 'Page précédente' }).click()
    await page.waitForURL((url) => url.searchParams.get('page') === '1')
    expect(path()).toBe(`${epci}?page=1#membres`)
    expect(await members.locator('tbody tr td:first-child').allInnerTexts()).toEqual(firstPageNames)
  })

  it('pages through search results', async () => {
    await page.goto('/territoires?q=saint')
    await page.getByRole('link', { name: 'Page suivante' }).click()
    await page.waitForURL('**/territoires?q=saint&page=2')
    expect(await textOf(page.getByRole('navigation', { name: 'Pagination' }))).toContain('Page 2 sur')
  })

  it('runs these journeys with scripts really off', async () => {
    // Guards the set-up itself: were scripts on, this page would retitle itself.
    await page.goto('data:text/html,<title>off</title><script>document.title = "on"</script>')
    expect(await page.title()).toBe('off')
  })
})
