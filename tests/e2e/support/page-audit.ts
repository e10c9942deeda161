import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locale } from '../../../src/i18n/i18n.js'
import {
  budget,
  describeViolations,
  findReflowOverflow,
  type PageWeight,
  reflowWidth,
  runAxe,
  weighColdLoad,
} from './audit.js'
import { browserAvailable } from './browser.js'
import { appPages, pathOf } from './pages.js'
import { useStage } from './stage.js'

const screenshotsDir = process.env.JALONS_SCREENSHOTS_DIR

/**
 * Every page, in one language, on a cold load (a new browser context: empty cache, no cookie but the
 * language): the right status, language and heading, no script and no console error, at most 15
 * requests and 150 kB, EcoIndex grade A, zero axe-core violations (WCAG 2.1 A/AA and RGAA 4), and
 * no sideways scrolling at 320 px outside data tables. Prints one line of figures per page at the end.
 */
export function auditEveryPage(locale: Locale): void {
  describe.skipIf(!browserAvailable)(`every page, ${locale === 'fr' ? 'in French' : 'in English'}`, () => {
    const stage = useStage()
    const measured: { name: string; weight: PageWeight }[] = []

    beforeAll(() => {
      if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true })
    })

    afterAll(() => {
      if (measured.length > 0) console.log(figuresTable(locale, measured))
    })

    it.each(appPages)('$name', async (appPage) => {
      const context = await stage.browser.newContext({ viewport: { width: 1280, height: 800 } })
      try {
        // The language switch sets this cookie; setting it directly keeps its redirect out of the weighing.
        if (locale === 'en')
          await context.addCookies([{ name: 'lang', value: 'en', url: stage.server.origin }])
        const consoleErrors: string[] = []
        context.on('console', (message) => {
          if (message.type() === 'error' && !isExpectedStatusMessage(message.text(), appPage.status)) {
            consoleErrors.push(message.text())
          }
        })
        context.on('weberror', (error) => consoleErrors.push(error.error().message))

        const url = stage.server.origin + pathOf(appPage, stage.lookups)
        const { page, ...weight } = await weighColdLoad(context, url)
        measured.push({ name: appPage.name, weight })

        expect.soft(weight.status, url).toBe(appPage.status)
        expect.soft(await page.getAttribute('html', 'lang')).toBe(locale)
        const headings = await page.locator('h1').allInnerTexts()
        expect.soft(headings, 'exactly one h1').toHaveLength(1)
        expect.soft(headings[0]?.trim()).toMatch(appPage.heading[locale])
        expect.soft(await page.locator('script').count(), 'the application ships no script').toBe(0)
        expect.soft(consoleErrors, 'console errors (CSP violations show up here)').toEqual([])

        const figures = `${weight.requests} requests, ${weight.bytes} B:\n  ${weight.urls.join('\n  ')}`
        expect.soft(weight.requests, figures).toBeLessThanOrEqual(budget.requests)
        expect.soft(weight.bytes, figures).toBeLessThanOrEqual(budget.bytes)
        expect
          .soft(
            weight.ecoIndex.grade,
            `EcoIndex ${weight.ecoIndex.score} for ${weight.domElements} elements; ${figures}`,
          )
          .toBe('A')

        const violations = await runAxe(page)
        expect
          .soft(violations, `axe-core violations on ${url}:\n${describeViolations(violations)}`)
          .toEqual([])

        if (screenshotsDir) {
          await page.screenshot({
            path: join(screenshotsDir, `${appPage.name}.${locale}.png`),
            fullPage: true,
          })
        }

        const overflow = await findReflowOverflow(page)
        expect.soft(overflow, `sticks out at ${reflowWidth} px wide:\n${overflow.join('\n')}`).toEqual([])
        if (screenshotsDir) {
          const path = join(screenshotsDir, `${appPage.name}.${locale}.${reflowWidth}px.png`)
          await page.screenshot({ path, fullPage: true })
        }
      } finally {
        await context.close()
      }
    })
  })
}

/** Chromium logs the main document's own 404 or 400 as an error: expected on the error pages. */
function isExpectedStatusMessage(text: string, status: number): boolean {
  return (
    status >= 400 &&
    text.startsWith(`Failed to load resource: the server responded with a status of ${status}`)
  )
}

function figuresTable(locale: Locale, rows: { name: string; weight: PageWeight }[]): string {
  const lines = rows.map(({ name, weight }) =>
    [
      `${name}.${locale}`.padEnd(32),
      String(weight.requests).padStart(4),
      (weight.bytes / 1024).toFixed(1).padStart(7),
      String(weight.domElements).padStart(5),
      `${weight.ecoIndex.score} ${weight.ecoIndex.grade}`.padStart(6),
    ].join(' '),
  )
  return [`${'page'.padEnd(32)} reqs   KiB   DOM  EcoIndex`, ...lines].join('\n')
}
