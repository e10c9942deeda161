import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'

describe.each(testDialects())('platform routes on %s', (dialect) => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('reports health with the database it runs on', async () => {
    const response = await test.get('/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: dialect })
  })

  it('switches the language with a cookie and returns to the same page', async () => {
    const response = await test.get('/langue?lang=en&retour=%2Fterritoires%3Fq%3Dlyon')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/territoires?q=lyon')
    expect(response.headers.getSetCookie().find((cookie) => cookie.startsWith('lang='))).toMatch(
      /^lang=en;.*HttpOnly/i,
    )
  })

  it('never redirects to another site', async () => {
    for (const target of [
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
    ]) {
      const response = await test.get(`/langue?lang=en&retour=${encodeURIComponent(target)}`)
      expect(response.status).toBe(400)
      expect(response.headers.get('location')).toBeNull()
    }
  })

  it('sends strict security headers: CSP without inline scripts or styles, no framing', async () => {
    const response = await test.get('/')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it('shows the REEN counts of the loaded territories on the home page', async () => {
    const html = (await (await test.get('/')).text()).replace(/[\u202f\u00a0]/g, ' ')
    // The fixture holds five départements: Marseille, Aix-en-Provence, Lyon, Villeurbanne, Vénissieux,
    // Saint-Denis, Montreuil, Aubervilliers… are over 50,000; the demo city never counts.
    const communes = Number(html.match(/<strong>(\d+)<\/strong> communes de plus de 50 000/)?.[1])
    expect(communes).toBeGreaterThan(5)
    const demoCounted = await test.database.db
      .selectFrom('territories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'commune')
      .where('population_total', '>', 50_000)
      .executeTakeFirstOrThrow()
    expect(communes).toBe(demoCounted.n - 1)
  })

  it('serves the stylesheet with a long cache and answers revalidation with 304', async () => {
    const home = await (await test.get('/')).text()
    const href = home.match(/href="(\/static\/app\.css\?v=[0-9a-f]+)"/)?.[1] as string
    const response = await test.get(href)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toContain('immutable')
    const etag = response.headers.get('etag') as string
    const again = await test.app.request(href, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })

  it('renders every informational page in both languages', async () => {
    for (const path of ['/', '/territoires', '/obligations', '/api', '/a-propos']) {
      for (const lang of ['fr', 'en'] as const) {
        const response = await test.get(path, { lang })
        expect(response.status, `${path} ${lang}`).toBe(200)
        expect(await response.text()).toContain(`<html lang="${lang}">`)
      }
    }
  })

  it('answers an unknown page with a 404 page that offers a search, in the visitor’s language', async () => {
    const response = await test.get('/nulle-part', { lang: 'en' })
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toContain('Page not found')
    expect(html).toContain('role="search"')
  })
})
