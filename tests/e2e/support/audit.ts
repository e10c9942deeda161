import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, Result, RunOptions } from 'axe-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { type EcoIndex, ecoIndex } from '../../../src/lib/ecoindex.js'

const require = createRequire(import.meta.url)
/** Injected as a string through the DevTools protocol: the app's CSP forbids inline scripts, not this. */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** WCAG 2.1 A and AA, and axe's RGAA 4 mapping (axe-core tags it 'RGAAv4'). */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'RGAAv4']

export async function runAxe(page: Page): Promise<Result[]> {
  await page.evaluate(axeSource)
  const options: RunOptions = { runOnly: { type: 'tag', values: axeTags }, resultTypes: ['violations'] }
  const results = await page.evaluate(
    (runOptions) =>
      (
        window as unknown as { axe: { run(context: Document, options: unknown): Promise<AxeResults> } }
      ).axe.run(document, runOptions),
    options,
  )
  return results.violations
}

/**
 * axe-core for tabs with JavaScript disabled. axe.run waits on timers, which never fire in such a
 * tab (Chromium's setScriptExecutionDisabled), so it would hang. Instead the document, as that tab
 * holds it, is replayed at the same address in a tab with scripts on (the stylesheet and favicon
 * come from the server as usual), and axe runs there. Nothing of the application runs in the twin:
 * it ships no script, and only axe's own is injected.
 */
export async function createScriptlessAxe(browser: Browser): Promise<{
  run(page: Page): Promise<Result[]>
  close(): Promise<void>
}> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const twin = await context.newPage()
  return {
    async run(page) {
      const url = page.url()
      const html = await page.content()
      const isDocument = (candidate: URL) => candidate.href === url
      await twin.route(isDocument, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      )
      try {
        await twin.setViewportSize(page.viewportSize() ?? { width: 1280, height: 800 })
        await twin.goto(url, { waitUntil: 'load' })
      } finally {
        await twin.unroute(isDocument)
      }
      // Contrast and visibility checks mean nothing on an unstyled page.
      const unstyled = await twin.evaluate(() =>
        Array.from(document.styleSheets)
          .filter((sheet) => sheet.cssRules.length === 0)
          .map((sheet) => sheet.href),
      )
      if (unstyled.length > 0) throw new Error(`Stylesheets did not load for ${url}: ${unstyled.join(', ')}`)
      return runAxe(twin)
    },
    close: () => context.close(),
  }
}

/** One line per failing element, so that a failed assertion says what to fix and where. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((violation) => [
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.helpUrl}`,
      ...violation.nodes.map(
        (node) => `    at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
      ),
    ])
    .join('\n')
}

/** The page size limits every page must keep (the "sobriété" budget). */
export const budget = { requests: 15, bytes: 150 * 1024 } as const

export interface PageWeight {
  status: number
  requests: number
  /** Bytes on the wire (headers and compressed bodies), as DevTools' encodedDataLength counts them. */
  bytes: number
  domElements: number
  ecoIndex: EcoIndex
  urls: string[]
}

/**
 * Loads the URL in the given fresh context (so with an empty cache) and weighs it as the EcoIndex
 * reference scraper does (cnumr/ecoindex_python, ecoindex/scraper/scrap.py): every http(s) request
 * the page makes counts, late ones included; its size is the encodedDataLength DevTools reports when
 * it finished; DOM elements are all elements (//*) less those inside an <svg>; kilobytes are of 1,000 bytes.
 */
export async function weighColdLoad(
  context: BrowserContext,
  url: string,
): Promise<PageWeight & { page: Page }> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  const requests = new Map<string, { url: string; bytes: number; done: boolean }>()
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.url.startsWith('http'))
      requests.set(event.requestId, { url: event.request.url, bytes: 0, done: false })
  })
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId)
    if (request) Object.assign(request, { bytes: event.encodedDataLength, done: true })
  })
  cdp.on('Network.loadingFailed', (event) => {
    const request = requests.get(event.requestId)
    if (request) request.done = true
  })
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const response = await page.goto(url, { waitUntil: 'load' })
  await settle(requests)
  const domElements = await page.evaluate(
    () => document.getElementsByTagName('*').length - document.querySelectorAll('svg *').length,
  )
  await cdp.detach()
  const entries = [...requests.values()]
  const bytes = entries.reduce((sum, request) => sum + request.bytes, 0)
  return {
    page,
    status: response?.status() ?? 0,
    requests: entries.length,
    bytes,
    domElements,
    ecoIndex: ecoIndex({ domElements, requests: entries.length, sizeKb: bytes / 1000 }),
    urls: entries.map((request) => `${request.url} (${request.bytes} B)`),
  }
}

/** Waits until every request seen has finished and none started for a short while (late fetches count too). */
async function settle(
  requests: Map<string, { done: boolean }>,
  quietMs = 100,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let seen = -1
  while (Date.now() < deadline) {
    const pending = [...requests.values()].some((request) => !request.done)
    if (!pending && requests.size === seen) return
    seen = pending ? -1 : requests.size
    await new Promise((resolve) => setTimeout(resolve, quietMs))
  }
  throw new Error('The page kept loading for more than 5 s')
}

/** The width at which WCAG 1.4.10 (RGAA 10.11) asks for content without sideways scrolling: 1280 px at 400 %. */
export const reflowWidth = 320

/**
 * Elements that stick out of a 320 CSS px wide viewport, outside data tables (which WCAG lets scroll
 * in two dimensions). Empty when the page reflows.
 */
export async function findReflowOverflow(page: Page): Promise<string[]> {
  await page.setViewportSize({ width: reflowWidth, height: 640 })
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const describe = (element: Element) => {
      const classes = Array.from(element.classList, (name) => `.${name}`).join('')
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `${element.tagName.toLowerCase()}${classes} (right edge at ${Math.round(element.getBoundingClientRect().right)} px): “${text}”`
    }
    return Array.from(document.body.querySelectorAll('*'))
      .filter((element) => !element.closest('table') && element.getBoundingClientRect().right > width + 1)
      .map(describe)
  })
}
