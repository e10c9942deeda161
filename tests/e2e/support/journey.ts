import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it, type TestContext } from 'vitest'
import { createScriptlessAxe, describeViolations } from './audit.js'
import type { Stage } from './stage.js'

/**
 * What the browser journeys (accounts-journey, assessment-journey) have in common: people in their
 * own browsers with JavaScript DISABLED, steps that share those browsers and run in order, and an
 * axe-core check of every page any of them loads, so that a page nobody checked fails the suite.
 * Kept in one place so that both journeys hold pages to the same standard.
 */

/** Where audit() and screenshot() write their PNG files; nothing is written without it. */
export const screenshotsDir = process.env.JALONS_SCREENSHOTS_DIR

/** The desktop window every actor opens with (and that a step restores after resizing it). */
export const viewport = { width: 1280, height: 800 }

/** One person's browser: its own cookies, JavaScript off, and what it visited. */
export interface Actor {
  who: string
  context: BrowserContext
  page: Page
  /** Every document the tab loaded (after redirects), with its HTTP status. */
  visits: { url: string; status: number; audited: boolean }[]
  consoleErrors: string[]
}

export interface JourneyOptions {
  /** Prefix of the screenshot files ("accounts" gives accounts.01-sign-in.png, …). */
  screenshotPrefix: string
}

/**
 * Sets up the actors' browsers and the axe-core checker for the enclosing describe block: call it
 * in the describe callback, after useStage(), so that its beforeAll runs once the browser is up and
 * its afterAll (hooks run in reverse) closes every actor's browser before the stage goes down.
 */
export function createJourney(stage: Stage, options: JourneyOptions) {
  const actors: Actor[] = []
  let shots = 0
  let scanner: Awaited<ReturnType<typeof createScriptlessAxe>>
  /** Set once any step of any journey has failed: the page count at the end means nothing then. */
  let broken = false

  beforeAll(async () => {
    if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true })
    scanner = await createScriptlessAxe(stage.browser)
  })
  afterAll(async () => {
    for (const actor of actors) await actor.context.close()
    await scanner?.close()
  })

  /**
   * The steps of one journey: each a test, skipped once an earlier one of the same journey has
   * failed (they share browsers and state, so what follows a failure would only fail again).
   */
  function journey() {
    let stoppedAt: string | undefined
    return (name: string, body: () => Promise<void>, timeout = 30_000) =>
      it(
        name,
        async (context: TestContext) => {
          if (stoppedAt) context.skip(`an earlier step failed: ${stoppedAt}`)
          try {
            await body()
          } catch (error) {
            stoppedAt = name
            broken = true
            throw error
          }
        },
        timeout,
      )
  }

  /** The demo account whose description matches, as the test server seeded it. */
  const credential = (what: RegExp) => {
    const found = stage.server.demoCredentials.find((candidate) => what.test(candidate.what))
    if (!found)
      throw new Error(`No demo credential for ${what}: ${JSON.stringify(stage.server.demoCredentials)}`)
    return found
  }

  /** A new person's browser, recording every document it loads and every console error. */
  async function openBrowser(who: string): Promise<Actor> {
    const context = await stage.browser.newContext({
      javaScriptEnabled: false,
      baseURL: stage.server.origin,
      locale: 'fr-FR',
      viewport,
    })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    const actor: Actor = { who, context, page, visits: [], consoleErrors: [] }
    page.on('response', (response) => {
      const request = response.request()
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return
      // A redirect is followed within the same visit: only the document that ends it counts.
      if (response.status() >= 300 && response.status() < 400) return
      actor.visits.push({ url: response.url(), status: response.status(), audited: false })
    })
    const documents = new Set<string>()
    page.on('request', (request) => {
      if (request.isNavigationRequest()) documents.add(request.url())
    })
    context.on('console', (message) => {
      // Chromium logs the document's own 4xx as an error: expected on refusals and error pages.
      const documentStatus =
        /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) &&
        documents.has(message.location().url)
      if (message.type() === 'error' && !documentStatus) actor.consoleErrors.push(message.text())
    })
    context.on('weberror', (error) => actor.consoleErrors.push(error.error().message))
    actors.push(actor)
    return actor
  }

  /** The current page passes axe-core (and has no console error); a screenshot when asked. */
  async function audit(actor: Actor, label: string, status = 200): Promise<void> {
    const { page } = actor
    const visit = actor.visits.at(-1)
    expect(visit, `${actor.who}: no page loaded before checking “${label}”`).toBeDefined()
    if (!visit) return
    const where = `${actor.who} on ${label} (${new URL(visit.url).pathname})`
    expect.soft(visit.status, `HTTP status of ${where}`).toBe(status)
    const violations = await scanner.run(page)
    expect
      .soft(violations, `axe-core violations for ${where}:\n${describeViolations(violations)}`)
      .toEqual([])
    expect.soft(actor.consoleErrors, `console errors for ${where}`).toEqual([])
    actor.consoleErrors.length = 0
    expect.soft(await page.locator('h1').count(), `exactly one h1 for ${where}`).toBe(1)
    visit.audited = true
    await screenshot(actor, label)
  }

  /** A full-page screenshot, numbered in the order taken, when JALONS_SCREENSHOTS_DIR is set. */
  async function screenshot(actor: Actor, label: string): Promise<void> {
    if (!screenshotsDir) return
    shots += 1
    const file = `${options.screenshotPrefix}.${String(shots).padStart(2, '0')}-${label}.png`
    await actor.page.screenshot({ path: join(screenshotsDir, file), fullPage: true })
  }

  /** The link in the newest outbox mail to this address with this subject, as mailed. */
  async function linkInOutbox(operator: Actor, to: string, subject: string, kind: string): Promise<string> {
    const { page } = operator
    await visit(operator, '/operateur')
    await audit(operator, 'operator')
    await click(operator, page.getByRole('link', { name: 'Boîte d’envoi' }))
    await audit(operator, 'outbox')
    const mail = page
      .locator('ol.outbox > li')
      .filter({ has: page.locator('.mail-to', { hasText: to }) })
      .filter({ has: page.getByRole('heading', { name: subject }) })
      .first()
    const body = await mail.locator('pre').textContent()
    // The test server's PUBLIC_URL is its origin: the link is followed exactly as mailed.
    const origin = escapeRegExp(stage.server.origin)
    const link = body?.match(new RegExp(`^${origin}/${kind}/[A-Za-z0-9_-]{43}$`, 'm'))?.[0]
    expect(link, `a ${stage.server.origin}/${kind}/… link in the mail to ${to}:\n${body}`).toBeDefined()
    return link as string
  }

  /**
   * The last test of the file: no actor loaded a page that audit() did not check, and, when every
   * step passed, the journeys loaded more than `moreThan` pages (so that they did run through).
   */
  function checkEveryPageAudited(moreThan: number): void {
    it('checked every page anyone loaded', () => {
      const unchecked = actors.flatMap((actor) =>
        actor.visits
          .filter((visit) => !visit.audited)
          .map((visit) => `${actor.who}: ${visit.url} (${visit.status})`),
      )
      expect(unchecked).toEqual([])
      if (!broken)
        expect(actors.reduce((sum, actor) => sum + actor.visits.length, 0)).toBeGreaterThan(moreThan)
    })
  }

  return {
    journey,
    credential,
    openBrowser,
    audit,
    screenshot,
    linkInOutbox,
    checkEveryPageAudited,
    /** The same axe-core check audit() runs, for a page no actor holds (e.g. a cold load). */
    axe: { run: (page: Page) => scanner.run(page) },
  }
}

/** Runs an action that loads a new document (link, form), and waits until it has loaded. */
export async function follow(actor: Actor, action: () => Promise<unknown>): Promise<void> {
  const loaded = actor.page.waitForEvent('load')
  await action()
  await loaded
}
export const click = (actor: Actor, target: Locator) => follow(actor, () => target.click())
export const visit = (actor: Actor, path: string) => follow(actor, () => actor.page.goto(path))

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** The text as read, spaces collapsed. */
export const textOf = async (locator: Locator) =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
export const heading = (actor: Actor) => textOf(actor.page.locator('h1'))
/** The current address without the origin (path and query), as the app's redirects write it. */
export const pathOf = (actor: Actor) => {
  const url = new URL(actor.page.url())
  return url.pathname + url.search
}
/** The workspace id in the current address (/espace/12/…); throws elsewhere. */
export const workspaceIdOf = (actor: Actor) => {
  const id = new URL(actor.page.url()).pathname.match(/^\/espace\/(\d+)/)?.[1]
  if (!id) throw new Error(`${actor.who} is not on a workspace page: ${actor.page.url()}`)
  return Number(id)
}
export const header = (actor: Actor) => actor.page.locator('header.site-header')
