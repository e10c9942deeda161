import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'

describe.each(testDialects())('territory pages on %s', (dialect) => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const page = async (path: string, lang?: 'fr' | 'en') => {
    const response = await test.get(path, lang ? { lang } : undefined)
    // French number formatting uses narrow no-break spaces: fold them to plain spaces for the checks.
    return { status: response.status, html: (await response.text()).replace(/[\u202f\u00a0]/g, ' ') }
  }

  describe('search', () => {
    it('finds a territory whatever the accents and the case, best match first', async () => {
      const { status, html } = await page('/territoires?q=EGUILLES')
      expect(status).toBe(200)
      expect(html).toContain('href="/territoires/commune/13032"')
      const accented = await page('/territoires?q=%C3%89guilles')
      expect(accented.html).toContain('href="/territoires/commune/13032"')
    })

    it('matches the start of any word of the name', async () => {
      const { html } = await page('/territoires?q=provence')
      expect(html).toContain('Aix-en-Provence')
    })

    it('finds by INSEE code, SIREN and postcode', async () => {
      expect((await page('/territoires?q=13055')).html).toContain('href="/territoires/commune/13055"')
      expect((await page('/territoires?q=211300553')).html).toContain('href="/territoires/commune/13055"')
      expect((await page('/territoires?q=13008')).html).toContain('href="/territoires/commune/13055"')
    })

    it('puts the exact name before longer names that start the same way', async () => {
      const { html } = await page('/territoires?q=marseille')
      expect(html.indexOf('href="/territoires/commune/13055"')).toBeLessThan(
        html.indexOf('Métropole d&#39;Aix-Marseille'),
      )
    })

    it('filters by kind', async () => {
      const { html } = await page('/territoires?q=marseille&type=epci')
      expect(html).not.toContain('href="/territoires/commune/13055"')
      expect(html).toContain('/territoires/epci/')
    })

    it('paginates 20 results a page, with links that keep the query', async () => {
      const first = await page('/territoires?q=saint')
      expect(first.html).toMatch(/Page 1 sur \d+/)
      expect(first.html).toContain('href="/territoires?q=saint&amp;page=2"')
      const rows = (first.html.match(/<tr>/g) ?? []).length
      expect(rows).toBe(21) // header + 20
      const second = await page('/territoires?q=saint&page=2')
      expect(second.html).toContain('Page 2 sur')
      expect(second.html).toContain('rel="prev"')
    })

    it('answers a one-letter search with a helpful message, not thousands of results', async () => {
      const { status, html } = await page('/territoires?q=l')
      expect(status).toBe(200)
      expect(html).toContain('Saisissez au moins 2 caractères')
      expect(html).not.toContain('<table')
    })

    it('says so when nothing matches', async () => {
      const { html } = await page('/territoires?q=zzzzqq')
      expect(html).toContain('Aucun territoire ne correspond à « zzzzqq »')
    })

    it('rejects a malformed page number with a 400 page naming the parameter', async () => {
      const { status, html } = await page('/territoires?q=lyon&page=abc')
      expect(status).toBe(400)
      expect(html).toContain('« page » (numéro de page)')
      expect(html).not.toMatch(/at .*\.ts:\d+/)
    })

    it('rejects an unknown kind of territory with a 400 page listing the possible values', async () => {
      const { status, html } = await page('/territoires?q=lyon&type=planete')
      expect(status).toBe(400)
      expect(html).toContain('« type »')
      expect(html).toContain('commune, epci')
    })
  })

  describe('territory page', () => {
    it('shows a commune with its codes, both populations with their sources, and its parents', async () => {
      const { status, html } = await page('/territoires/commune/13055')
      expect(status).toBe(200)
      expect(html).toContain('<h1>Marseille')
      expect(html).toContain('211300553')
      expect(html).toContain('883 466') // totale, DGCL
      expect(html).toContain('886 040') // municipale, INSEE
      expect(html).toContain('DGCL')
      expect(html).toMatch(/href="\/territoires\/epci\/200054807">Métropole d&#39;Aix-Marseille-Provence/)
      expect(html).toContain('href="/territoires/departement/13"')
      expect(html).toContain('href="/territoires/region/93"')
    })

    it('lists the members of an EPCI by population, paginated', async () => {
      const first = await page('/territoires/epci/200054807')
      expect(first.html).toContain('Membres (90)')
      expect(first.html).toContain('Page 1 sur 5')
      expect(first.html.indexOf('Marseille')).toBeLessThan(first.html.indexOf('Aix-en-Provence'))
      const last = await page('/territoires/epci/200054807?page=5')
      expect(last.html).toContain('Page 5 sur 5')
      expect((last.html.match(/<tr>/g) ?? []).length).toBe(1 + 90 - 80)
    })

    it('shows the départements of an EPCI’s communes', async () => {
      const { html } = await page('/territoires/epci/200054807')
      expect(html).toContain('Départements des communes membres')
      expect(html).toContain('href="/territoires/departement/13"')
    })

    it('shows the Métropole de Lyon as a special-status authority with its 58 communes', async () => {
      const { html } = await page('/territoires/special/200046977')
      expect(html).toContain('Métropole de Lyon')
      expect(html).toContain('Membres (58)')
      expect(html).toContain('À confirmer')
    })

    it('lists a région’s départements', async () => {
      const { html } = await page('/territoires/region/93')
      expect(html).toContain('href="/territoires/departement/13"')
    })

    it('computes the obligations: the REEN strategy applies to Marseille, not to a small commune', async () => {
      const marseille = await page('/territoires/commune/13055')
      expect(obligationStatus(marseille.html, 'reen_strategie')).toBe('S’applique')
      const aix = await page('/territoires/commune/13001') // Aix-en-Provence: over 50,000
      expect(obligationStatus(aix.html, 'reen_strategie')).toBe('S’applique')
      const town = await page('/territoires/commune/13063') // Miramas, 26,262 inhabitants
      expect(obligationStatus(town.html, 'reen_strategie')).toBe('Ne s’applique pas')
    })

    it('shows "to confirm" with what to declare when a figure is missing, and the estimate settles it', async () => {
      const before = await page('/territoires/commune/13063')
      expect(obligationStatus(before.html, 'open_data_defaut')).toBe('À confirmer')
      expect(before.html).toContain('le nombre d’agents (ETP)')
      const after = await page('/territoires/commune/13063?agents=60&achats=1%20000%20000')
      expect(obligationStatus(after.html, 'open_data_defaut')).toBe('S’applique')
      expect(after.html).toContain('Statuts calculés avec vos chiffres')
    })

    it('uses the figures the demo territory declared', async () => {
      const { html } = await page('/territoires/commune/DEMO-VILLE')
      expect(html).toContain('Démonstration')
      expect(obligationStatus(html, 'spaser')).toBe('S’applique')
      expect(obligationStatus(html, 'open_data_defaut')).toBe('S’applique')
    })

    it('rejects a malformed estimate with a 400 page naming the field', async () => {
      const { status, html } = await page('/territoires/commune/13063?agents=beaucoup')
      expect(status).toBe(400)
      expect(html).toContain('« agents »')
    })

    it('answers an unknown territory or kind with a 404 page holding a search box', async () => {
      for (const path of ['/territoires/commune/99999', '/territoires/planete/13']) {
        const { status, html } = await page(path)
        expect(status).toBe(404)
        expect(html).toContain('role="search"')
      }
    })

    it('serves anonymous pages from a cache that follows the declared figures', async () => {
      const first = await page('/territoires/commune/13063')
      expect((await page('/territoires/commune/13063')).html).toBe(first.html)
      const territory = await test.database.db
        .selectFrom('territories')
        .select('id')
        .where('kind', '=', 'commune')
        .where('code', '=', '13063')
        .executeTakeFirstOrThrow()
      await test.database.db
        .insertInto('territory_declarations')
        .values({
          territory_id: territory.id,
          agents_fte: 321,
          annual_purchases_cents: null,
          updated_at: new Date().toISOString(),
        })
        .execute()
      const after = await page('/territoires/commune/13063')
      expect(after.html).toContain('321 agents (ETP)')
      expect(obligationStatus(after.html, 'open_data_defaut')).toBe('S’applique')
    })

    it('speaks English when asked, with the right lang attribute', async () => {
      const { html } = await page('/territoires/commune/13055', 'en')
      expect(html).toContain('<html lang="en">')
      expect(html).toContain('Legal obligations')
      expect(html).toContain('lang="fr"') // legal texts stay French, and say so
    })
  })
})

/** The status badge text of one obligation on a territory page. */
function obligationStatus(html: string, obligationId: string): string | undefined {
  const start = html.indexOf(`id="obligation-${obligationId}"`)
  if (start < 0) return undefined
  return html.slice(start).match(/class="badge status-[a-z_]+">([^<]+)</)?.[1]
}
