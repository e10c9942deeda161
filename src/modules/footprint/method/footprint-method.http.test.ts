import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ecoIndex } from '../../../lib/ecoindex.js'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import type { FactorBase } from '../factor-base.schemas.js'
import { defaultFactorBase, publishFactorBase } from '../factor-bases.store.js'
import { deviceTypes } from '../inventory-item.js'

const path = '/empreinte/methode'

/** Elements as a browser counts them for the EcoIndex (inline SVG children apart: there are none). */
const elementCount = (html: string) => (html.match(/<[a-zA-Z][^>]*>/g) ?? []).length

describe.each(testDialects())('footprint methodology page on %s', (dialect) => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('answers without an account, in French, with the oracle computed by the engine', async () => {
    const response = await test.get(path)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1>Méthode de calcul de l’empreinte du parc informatique</h1>')
    expect(html).toContain('version 2022.1')
    // ADEME's oracle: one laptop over its 5 years at 0.0461 kgCO2e/kWh.
    expect(html).toContain('sur les 5 années : 191,8 kgCO2e')
    expect(html).toContain('Chaque année de 2020 à 2024 compte 38,36 kgCO2e')
    expect(html).toContain('170 kgCO2e ÷ 5 ans = 34 kgCO2e/an')
    expect(html).toContain(
      `26,5 W × 3 h/j × 365 j ÷ ${new Intl.NumberFormat('fr-FR').format(1000)} = 29,0 kWh × 0,0461 kgCO2e/kWh = 1,34 kgCO2e`,
    )
    expect(html).toContain('Méthode flux : 186,4 kgCO2e')
    // A table of contents whose every link has its anchor.
    const anchors = [...html.matchAll(/<a href="#([a-z-]+)"/g)].map((match) => match[1])
    expect(anchors.length).toBeGreaterThanOrEqual(12)
    for (const anchor of anchors) expect(html).toContain(`id="${anchor}"`)
    // The reuse targets come from reuse-rate.ts.
    expect(html).toMatch(/25\s%\sdès 2023, 35\s%\sdès 2024, 50\s%\sdès 2025/)
  })

  it('answers in English with the same figures', async () => {
    const response = await test.get(path, { lang: 'en' })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1>How the IT estate footprint is computed</h1>')
    expect(html).toContain('over the 5 years: 191.8 kgCO2e')
    expect(html).toContain('26.5 W × 3 h/day × 365 days ÷ 1,000 = 29.0 kWh × 0.0461 kgCO2e/kWh')
    expect(html).toContain('170 kgCO2e ÷ 5 years = 34 kgCO2e/year')
  })

  it('lists every device type of the default base with its figures', async () => {
    const base = await defaultFactorBase(test.database.db)
    const html = await (await test.get(path)).text()
    const rows = [...html.matchAll(/<tr data-type="([a-z_]+)">/g)].map((match) => match[1])
    expect(rows).toEqual([...deviceTypes])
    expect(html).toContain(base.devices.laptop.mapping)
    expect(html).toContain('170 / 12,3 / 2,79')
    const french = new Intl.NumberFormat('fr-FR')
    expect(html).toContain(`${french.format(194_000)} / 51,6 / n.d.`)
    // Inputs are written as given, all their digits.
    expect(html).toContain('0,0813225 kgCO2e/kWh')
    for (const option of base.electricity.options) expect(html).toContain(option.label)
    expect(html).toContain(base.licence)
  })

  it('keeps the page budget: grade A EcoIndex with the stylesheet, well under 150 kB', async () => {
    const html = await (await test.get(path)).text()
    const sizeKb = (Buffer.byteLength(html) + 12_000) / 1000
    const elements = elementCount(html)
    expect(sizeKb).toBeLessThan(150)
    expect(ecoIndex({ domElements: elements, requests: 2, sizeKb }).grade, `${elements} elements`).toBe('A')
  })

  it('links only to pages that answer', async () => {
    const html = await (await test.get(path)).text()
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'))
    const links = [...main.matchAll(/href="(\/[^"#]*)/g)].map((match) =>
      (match[1] as string).replaceAll('&amp;', '&'),
    )
    expect(links).toContain('/empreinte/modele.csv')
    for (const link of new Set(links)) expect((await test.get(link)).status, link).toBe(200)
    expect(await (await test.get('/obligations')).text()).toContain('id="reen_reemploi_parc"')
  })

  it('follows the base: a new default version changes the table and the worked example', async () => {
    const current = await defaultFactorBase(test.database.db)
    const next: FactorBase = structuredClone(current)
    next.version = '2022.99'
    const laptop = next.devices.laptop
    if (!laptop.factors) throw new Error('the default base has laptop factors')
    laptop.factors.manufacturing.climate = 200
    await publishFactorBase(test.database.db, next, 'operator', { actorId: null, workspaceId: null })
    const html = await (await test.get(path)).text()
    expect(html).toContain('version 2022.99')
    expect(html).toContain('200 / 12,3 / 2,79')
    // 191.8 + 30 kgCO2e more manufacturing over the same life.
    expect(html).toContain('sur les 5 années : 221,8 kgCO2e')
  })
})
