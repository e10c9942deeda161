import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeViolations, runAxe } from './support/audit.js'
import { browserAvailable } from './support/browser.js'
import { useStage } from './support/stage.js'

const screenshotsDir = process.env.JALONS_SCREENSHOTS_DIR

/** The national observatory, as the demo operator sees it: real figures (none yet) and the demo's. */
describe.skipIf(!browserAvailable)('the national observatory', () => {
  const stage = useStage()
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true })
    context = await stage.browser.newContext({
      baseURL: stage.server.origin,
      viewport: { width: 1280, height: 800 },
    })
    page = await context.newPage()
    page.setDefaultTimeout(10_000)
    const operator = stage.server.demoCredentials.find((credential) => credential.what.startsWith('operator'))
    if (!operator) throw new Error('no demo operator')
    await page.goto('/connexion')
    await page.getByLabel('Adresse électronique').fill(operator.email)
    await page.getByLabel('Mot de passe').fill(operator.password)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL('**/espaces')
  })
  afterAll(async () => {
    await context?.close()
  })

  const audit = async (name: string) => {
    const violations = await runAxe(page)
    expect(violations, describeViolations(violations)).toEqual([])
    if (screenshotsDir) await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true })
  }

  it('is reached from the header and shows the demo figures apart, accessibly', async () => {
    await page.getByRole('link', { name: 'Observatoire' }).click()
    await page.waitForURL('**/observatoire')
    expect(await page.locator('h1').textContent()).toMatch(/^Observatoire national des autodiagnostics/)
    await audit('observatory')
    await page.getByRole('link', { name: 'Voir les chiffres des territoires de démonstration' }).click()
    await page.waitForURL('**/observatoire?demo=1')
    // 7 demo peers + the demo city submitted last year; this year, the 7 peers.
    await expect.poll(() => page.locator('table').count()).toBe(2)
    expect(await page.locator('main').textContent()).toMatch(/\d+ autodiagnostic\(s\) soumis/)
    const overall = page.locator('table').first().locator('tbody tr').first()
    expect(await overall.locator('th').textContent()).toBe('Global')
    expect(await overall.locator('td').count()).toBe(3)
    await audit('observatory-demo')
  })
})
