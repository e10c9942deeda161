import { mkdirSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable } from './support/browser.js'
import { auditPage, signedInDemoPage } from './support/signed-in-page.js'
import { useStage } from './support/stage.js'

const screenshotsDir = process.env.JALONS_SCREENSHOTS_DIR

/** The account page in its states (plain, error, English), each checked with axe-core. */
describe.skipIf(!browserAvailable)('the account page', () => {
  const stage = useStage()
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true })
    ;({ context, page } = await signedInDemoPage(stage, 'contributor'))
  })
  afterAll(async () => {
    await context?.close()
  })

  const audit = (name: string) => auditPage(page, name)

  it('shows the profile, the sessions and the forms, accessibly', async () => {
    await page.goto('/compte')
    expect(await page.locator('h1').textContent()).toBe('Mon compte')
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1)
    expect(await page.locator('table tbody').textContent()).toContain('cette session')
    await audit('account')
  })

  it('re-renders a failed form with the error at the field and in a summary', async () => {
    // Each form has its own field ids: the page must never repeat an id.
    expect(
      await page.evaluate(() => {
        const ids = Array.from(document.querySelectorAll('[id]'), (element) => element.id)
        return ids.filter((id, index) => ids.indexOf(id) !== index)
      }),
    ).toEqual([])
    await page.locator('#current').fill('pas le bon')
    await page.locator('#password').fill('une phrase bien assez longue')
    await page.locator('#confirm').fill('une autre phrase longue')
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click()
    expect(await page.locator('.error-summary').textContent()).toContain(
      'Les deux mots de passe ne sont pas identiques.',
    )
    expect(await page.locator('#confirm-error').textContent()).toContain(
      'Les deux mots de passe ne sont pas identiques.',
    )
    await audit('account-error')
  })

  it('saves the name and the language, then speaks English', async () => {
    await page.goto('/compte')
    await page.getByLabel('Nom et prénom').fill('Dominique Martin')
    await page.getByRole('button', { name: 'Enregistrer le nom' }).click()
    expect(await page.locator('[role=status]').textContent()).toContain('Modifications enregistrées.')
    await page.getByLabel('Langue de l’interface').selectOption('en')
    await page.getByRole('button', { name: 'Enregistrer la langue' }).click()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.locator('h1').textContent()).toBe('My account')
    expect(await page.getByLabel('Full name').inputValue()).toBe('Dominique Martin')
    await audit('account-en')
  })
})
