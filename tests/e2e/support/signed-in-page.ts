import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { describeViolations, runAxe } from './audit.js'
import type { Stage } from './stage.js'

const screenshotsDir = process.env.JALONS_SCREENSHOTS_DIR

/** A browser tab signed in as one of the demo accounts (found by the start of its description). */
export async function signedInDemoPage(
  stage: Stage,
  who: 'operator' | 'admin' | 'contributor',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stage.browser.newContext({
    baseURL: stage.server.origin,
    viewport: { width: 1280, height: 800 },
  })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const credential = stage.server.demoCredentials.find((candidate) => candidate.what.startsWith(who))
  if (!credential) throw new Error(`no demo ${who}`)
  await page.goto('/connexion')
  await page.getByLabel('Adresse électronique').fill(credential.email)
  await page.getByLabel('Mot de passe').fill(credential.password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForURL('**/espaces')
  return { context, page }
}

/** The page as it stands passes axe-core; a screenshot when JALONS_SCREENSHOTS_DIR is set. */
export async function auditPage(page: Page, name: string): Promise<void> {
  const violations = await runAxe(page)
  expect(violations, describeViolations(violations)).toEqual([])
  if (screenshotsDir) await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true })
}
