import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable } from './support/browser.js'
import { auditPage, signedInDemoPage } from './support/signed-in-page.js'
import { useStage } from './support/stage.js'

const screenshotsDir = process.env.JALONS_SCREENSHOTS_DIR

/**
 * The platform's own pages, as the demo operator sees them: the national observatory (real figures,
 * none yet, and the demo's) and the publishing of a referential version, refused for a broken file.
 */
describe.skipIf(!browserAvailable)('the platform pages', () => {
  const stage = useStage()
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true })
    ;({ context, page } = await signedInDemoPage(stage, 'operator'))
  })
  afterAll(async () => {
    await context?.close()
  })

  const audit = (name: string) => auditPage(page, name)

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
  it('publishes no broken referential file, listing its problems with their lines, accessibly', async () => {
    await page.goto('/operateur/referentiel')
    expect(await page.locator('h1').textContent()).toBe('Publier une version du référentiel')
    await audit('publish-referential')
    const broken = join(mkdtempSync(join(tmpdir(), 'jalons-referential-')), 'broken.yaml')
    writeFileSync(broken, 'id: tnr\nversion: "2099.1"\ntitle: Essai\nmaturityScale: []\n')
    await page.getByLabel('Fichier du référentiel').setInputFiles(broken)
    await page.getByRole('button', { name: 'Vérifier et publier' }).click()
    await expect.poll(() => page.locator('main').textContent()).toContain('rien n’a été publié')
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(3)
    await audit('publish-referential-refused')
    await page.goto('/referentiel')
    expect(await page.locator('main').textContent()).not.toContain('2099.1')
  })
  it('publishes no broken factor base file, listing its problems with their lines, accessibly', async () => {
    await page.goto('/operateur')
    await page.getByRole('link', { name: 'Bases de facteurs' }).click()
    await page.waitForURL('**/operateur/bases-de-facteurs')
    expect(await page.locator('h1').textContent()).toBe('Publier une base de facteurs')
    await audit('publish-factor-base')
    const broken = join(mkdtempSync(join(tmpdir(), 'jalons-factor-base-')), 'broken.yaml')
    writeFileSync(broken, 'id: essai\nversion: "1"\ntitle: Essai\ncriteria: []\n')
    await page.getByLabel('Fichier de la base (YAML ou JSON)').setInputFiles(broken)
    await page.getByRole('button', { name: 'Vérifier et publier' }).click()
    await expect.poll(() => page.locator('table tbody tr').count()).toBeGreaterThan(1)
    await audit('publish-factor-base-refused')
    await page.goto('/bases-de-facteurs')
    expect(await page.locator('main').textContent()).not.toContain('essai')
  })
})
