import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import { Visitor } from '../../../test-support/test-users.js'
import { insertTestWorkspace } from '../../../test-support/test-workspaces.js'
import { signedInMember } from '../../../test-support/workspace-members.js'
import { insertItem } from '../../inventory/inventory.queries.js'
import { defaultFactorBase, publishFactorBase, saveFootprintSettings } from '../factor-bases.store.js'

const year = 2024
const fr3 = new Intl.NumberFormat('fr-FR', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 })

// The oracle (docs/footprint-method.md), redone here from the base's published figures rather than
// by the engine: one laptop 2020-01-01 → 2025-01-01 (5 years) in France at 0.0461 kgCO2e/kWh.
const laptopEmbodied = 170 + 12.3 + 2.79
const laptopUse = ((26.5 * 3 * 365) / 1000) * 0.0461
const stockPerYear = laptopEmbodied / 5 + laptopUse
const wholeLife = laptopEmbodied + laptopUse * 5

describe.each(testDialects())('footprint results over HTTP on %s', (dialect) => {
  let test: TestApp
  let workspaceId: number
  let emptyWorkspaceId: number
  let territoryId: number
  let admin: Visitor
  let reader: Visitor
  let emptyAdmin: Visitor
  const ids = { laptop: 0, other: 0, retired: 0, foreign: 0 }
  const home = () => `/espace/${workspaceId}/empreinte`
  const html = async (visitor: Visitor, path: string, status = 200) => {
    const response = await visitor.request(path)
    expect(response.status, path).toBe(status)
    return response.text()
  }

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const db = test.database.db
    const first = await signedInMember(test, 'admin@example.org', 'admin')
    admin = first.visitor
    workspaceId = first.workspaceId
    reader = (await signedInMember(test, 'reader@example.org', 'reader')).visitor
    territoryId = (
      await db
        .selectFrom('workspaces')
        .select('territory_id')
        .where('id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).territory_id
    ids.laptop = await insertItem(
      db,
      workspaceId,
      inventoryItem({
        purchaseDate: '2020-01-01',
        retirementDate: '2025-01-01',
        site: 'Mairie',
        service: 'RH',
        tags: ['agents'],
      }),
    )
    ids.other = await insertItem(
      db,
      workspaceId,
      inventoryItem({ type: 'other', quantity: 2, site: 'Annexe' }),
    )
    ids.retired = await insertItem(db, workspaceId, inventoryItem({ status: 'retired', site: 'Mairie' }))

    // Another workspace: an item of its own (never reachable from the first), and an empty one for
    // the start page.
    const other = await insertTestWorkspace(db)
    emptyWorkspaceId = other.workspaceId
    ids.foreign = await insertItem(db, other.workspaceId, inventoryItem())
    const code = (
      await db
        .selectFrom('territories')
        .select('code')
        .where('id', '=', other.territoryId)
        .executeTakeFirstOrThrow()
    ).code
    emptyAdmin = (await signedInMember(test, 'other@example.org', 'admin', code)).visitor
    await db.deleteFrom('inventory_items').where('workspace_id', '=', other.workspaceId).execute()
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('shows the year’s totals, computed as the method says, with the base and method used', async () => {
    const page = await html(admin, `${home()}?annee=${year}&methode=stock`)
    expect(page).toContain('ademe-negaoctet-2022, version 2022.1')
    expect(page).toContain('Méthode stock, année 2024')
    expect(page).toContain(`${fr3.format(stockPerYear)} kgCO2e`) // 38,4
    // The five years in use of the stock method add up to the whole life's figure (191.8 kgCO2e).
    let sum = 0
    for (let each = 2020; each <= 2024; each++) {
      const csv = await (
        await admin.request(`${home()}/export?annee=${each}&methode=stock&format=json`)
      ).json()
      sum += csv.byType.find((line: { key: string }) => line.key === 'laptop').impacts.climate.total.value
    }
    expect(sum).toBeCloseTo(wholeLife, 6)
    expect(wholeLife).toBeCloseTo(191.8, 1)
    // Flux: in 2024 only the year's use counts (bought in 2020).
    const flux = await html(admin, `${home()}?annee=${year}&methode=flux`)
    expect(flux).toContain(`${fr3.format(laptopUse)} kgCO2e`) // 1,34
    expect(flux).toContain('Méthode flux, année 2024')
    // Counted and excluded lines; « non disponible » left out with its count (the 2 « other »).
    expect(page).toContain('Comptés pour 2024 — lignes d’inventaire : 2 ; équipements : 3.')
    expect(page).toContain('sorties sans date de sortie : 1')
    expect(page).toContain('(équipements non disponibles, hors du chiffre : 2)')
    // Every figure links to its explanation.
    expect(page).toContain(
      `href="/espace/${workspaceId}/empreinte/explication?annee=2024&amp;methode=stock&amp;critere=climate&amp;phase=total&amp;dimension=total"`,
    )
    expect(page).toContain('comment ce chiffre est-il calculé ?')
  })

  it('draws every chart as an image with a title, a description and a table after it', async () => {
    const page = await html(admin, `${home()}?annee=${year}`)
    const charts = page.match(/<svg[^>]*>/g) ?? []
    // Phases per criterion (2), types, top contributors, trend.
    expect(charts.length).toBe(5)
    for (const svg of charts) {
      expect(svg).toContain('role="img"')
      const titleId = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]
      const descId = /aria-describedby="([^"]+)"/.exec(svg)?.[1]
      expect(page).toContain(`<title id="${titleId}">`)
      expect(page).toContain(`<desc id="${descId}">`)
    }
    // A table follows each chart.
    for (const part of page.split('</svg>').slice(1)) expect(part.indexOf('<table')).toBeGreaterThan(-1)
    expect(page).toContain('Les 10 premiers contributeurs (sites)')
    const byService = await html(admin, `${home()}?annee=${year}&contributeurs=service`)
    expect(byService).toContain('Les 10 premiers contributeurs (services)')
  })

  it('shows a six-year trend, each year computed from the inventory', async () => {
    const page = await html(admin, `${home()}?annee=${year}&methode=stock`)
    const trend = page.slice(page.indexOf('id="trend-heading"'))
    for (let each = 2019; each <= 2024; each++) expect(trend).toContain(`<th scope="row">${each}</th>`)
    expect(trend).not.toContain('<th scope="row">2018</th>')
    expect(trend).toContain('Évolution de 2019 à 2024')
    // 2019: the laptop is not bought yet; the « other » devices have no figure.
    const row2019 = trend.slice(
      trend.indexOf('<th scope="row">2019</th>'),
      trend.indexOf('<th scope="row">2020</th>'),
    )
    expect(row2019).toContain('non disponible')
    const row2023 = trend.slice(
      trend.indexOf('<th scope="row">2023</th>'),
      trend.indexOf('<th scope="row">2024</th>'),
    )
    expect(row2023).toContain(`${fr3.format(stockPerYear)} kgCO2e`)
  })

  it('lists the flagged items with links, and only them', async () => {
    const page = await html(admin, `${home()}?annee=${year}`)
    const flags = page.slice(page.indexOf('id="flags-heading"'), page.indexOf('id="types-heading"'))
    expect(flags).toContain('Types sans facteurs')
    expect(flags).toContain(`href="/espace/${workspaceId}/empreinte/inventaire/${ids.other}"`)
    expect(flags).toContain('Sortis du parc sans date')
    expect(flags).toContain(`href="/espace/${workspaceId}/empreinte/inventaire/${ids.retired}"`)
    expect(flags).not.toContain(`/inventaire/${ids.laptop}"`)
    expect(flags).toContain('Valeurs en cause : Autre.')
  })

  it('shows per agent only once agents are declared', async () => {
    const before = await html(admin, `${home()}?annee=${year}`)
    expect(before).toContain('le nombre d’agents n’est pas déclaré')
    expect(before).toContain(`href="/espace/${workspaceId}"`)
    expect(before).not.toContain('par=agent')
    const missing = await html(admin, `${home()}/explication?annee=${year}&par=agent`, 404)
    expect(missing).toContain('le nombre d’agents n’est pas déclaré')
    await test.database.db
      .insertInto('territory_declarations')
      .values({
        territory_id: territoryId,
        agents_fte: 10,
        annual_purchases_cents: null,
        updated_at: '2026-01-01',
      })
      .execute()
    const after = await html(admin, `${home()}?annee=${year}`)
    expect(after).toContain('10 agents déclarés')
    expect(after).toContain(`${fr3.format(stockPerYear / 10)} kgCO2e`) // 3,84
    const explained = await html(admin, `${home()}/explication?annee=${year}&methode=stock&par=agent`)
    expect(explained).toContain('÷ 10 agents')
    expect(explained).toContain(`= ${fr3.format(stockPerYear / 10)} kgCO2e/agent`)
  })

  it('explains an item’s figure with the numbers of the formula and their sources', async () => {
    const base = `${home()}/explication?annee=${year}&methode=stock&critere=climate`
    const manufacturing = await html(admin, `${base}&phase=manufacturing&element=${ids.laptop}`)
    expect(manufacturing).toContain('170 kgCO2e (fabrication) ÷ 5 ans = 34 kgCO2e/an')
    expect(manufacturing).toContain('dates d’achat (2020-01-01) et de sortie (2025-01-01)')
    expect(manufacturing).toContain('ademe-negaoctet-2022 2022.1')
    const use = await html(admin, `${base}&phase=use&element=${ids.laptop}`)
    expect(use).toContain('26,5 W × 3 h/j × 365 j ÷ 1\u202f000 = 29,0 kWh × 0,0461 kgCO2e/kWh = 1,34 kgCO2e')
    const total = await html(admin, `${base}&phase=total&element=${ids.laptop}`)
    expect(total).toContain(`= ${fr3.format(stockPerYear)} kgCO2e`)
    // Each phase of the total links to its own explanation.
    expect(total).toContain(`phase=use&amp;element=${ids.laptop}`)
    const group = await html(admin, `${base}&phase=total&dimension=site&cle=Mairie`)
    expect(group).toContain('site « Mairie »')
    expect(group).toContain('<th scope="row">fabrication</th>')
    // A group's figure leads to its lines, each to its own formula.
    const laptops = await html(admin, `${base}&phase=use&dimension=type&cle=laptop`)
    expect(laptops).toContain('Le calcul ligne par ligne')
    expect(laptops).toContain(`element=${ids.laptop}&amp;critere=climate&amp;phase=use`)
    expect(laptops).not.toContain(`element=${ids.laptop}&amp;critere=climate&amp;phase=use&amp;dimension`)
    const none = await html(admin, `${base}&phase=total&dimension=service&cle=`)
    expect(none).not.toContain('Le calcul ligne par ligne')
    expect(none).toContain('service « non renseigné »')
    const back = await html(admin, `${base}&dimension=total`)
    expect(back).toContain(`href="/espace/${workspaceId}/empreinte?annee=2024&amp;methode=stock"`)
  })

  it('refuses bad query parameters with a 400 naming them, and 404s another workspace’s item', async () => {
    const explain = `${home()}/explication`
    expect(await html(admin, `${explain}?annee=abc`, 400)).toContain('« annee »')
    expect(await html(admin, `${explain}?phase=tout`, 400)).toContain('« phase »')
    expect(await html(admin, `${explain}?element=${ids.laptop}&par=agent`, 400)).toContain('« element »')
    expect(await html(admin, `${explain}?critere=co2`, 400)).toContain('« critere »')
    expect(await html(admin, `${explain}?cle=Mairie`, 400)).toContain('« cle »')
    expect(await html(admin, `${home()}?methode=mixte`, 400)).toContain('« methode »')
    expect(await html(admin, `${home()}/export?format=xls`, 400)).toContain('« format »')
    await html(admin, `${explain}?element=${ids.foreign}`, 404)
    await html(admin, `${explain}?element=999999`, 404)
    await html(admin, `${explain}?dimension=site&cle=Nulle%20part`, 404)
  })

  it('exports the live result as CSV and JSON with the base and version', async () => {
    const csvResponse = await admin.request(`${home()}/export?annee=${year}&methode=stock&format=csv`)
    expect(csvResponse.status).toBe(200)
    expect(csvResponse.headers.get('content-type')).toContain('text/csv')
    const bytes = new Uint8Array(await csvResponse.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).split('\r\n')
    expect(lines[0]).toContain('base ademe-negaoctet-2022 version 2022.1')
    expect(lines[1]).toBe(
      'dimension;cle;critere;phase;valeur;unite;lignes;equipements;equipements_non_disponibles;base;version_base',
    )
    const total = lines.find((line) => line.startsWith('total;;climate;total;')) as string
    expect(Number(total.split(';')[4]?.replace(',', '.'))).toBeCloseTo(stockPerYear, 6)
    expect(lines.some((line) => line.startsWith('site;Mairie;climate;fabrication;'))).toBe(true)
    const json = await (
      await admin.request(`${home()}/export?annee=${year}&methode=stock&format=json`)
    ).json()
    expect(json.factorBase).toMatchObject({ id: 'ademe-negaoctet-2022', version: '2022.1' })
    expect(json.total.impacts.climate.total.value).toBeCloseTo(stockPerYear, 6)
    expect(json.frozenAt).toBeNull()
  })

  it('freezes a year once, lists it, and keeps its base after the workspace changes base', async () => {
    const db = test.database.db
    expect((await reader.post(`${home()}/figer`, { annee: String(year), methode: 'stock' })).status).toBe(403)
    const readerPage = await html(reader, `${home()}?annee=${year}`)
    expect(readerPage).not.toContain(`action="${home()}/figer"`)
    const adminPage = await html(admin, `${home()}?annee=${year}`)
    expect(adminPage).toContain(`action="${home()}/figer"`)

    const frozen = await admin.post(`${home()}/figer`, { annee: String(year), methode: 'stock' })
    expect(frozen.status).toBe(303)
    expect(frozen.headers.get('location')).toBe(`${home()}/bilans/${year}/stock?info=fige`)
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'footprint_result')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]?.action).toBe('freeze')

    const again = await admin.post(`${home()}/figer`, { annee: String(year), methode: 'stock' })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('est déjà figé')
    const rows = await db
      .selectFrom('footprint_results')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      year,
      method: 'stock',
      base_id: 'ademe-negaoctet-2022',
      base_version: '2022.1',
    })
    expect((await admin.post(`${home()}/figer`, { annee: 'x', methode: 'stock' })).status).toBe(400)

    const list = await html(reader, `${home()}/bilans`)
    expect(list).toContain(`href="${home()}/bilans/${year}/stock"`)
    expect(list).toContain('ademe-negaoctet-2022 2022.1')
    expect(list).toContain('admin')
    expect(list).toContain(`${fr3.format(stockPerYear)} kgCO2e`)

    // The workspace moves to a base of its own where a laptop's manufacturing is 200 kgCO2e.
    const base = await defaultFactorBase(db)
    const laptop = base.devices.laptop
    const copy = {
      ...base,
      id: `espace-${workspaceId}-maison`,
      version: '1',
      title: 'Base de l’espace',
      devices: {
        ...base.devices,
        laptop: {
          ...laptop,
          factors: {
            ...(laptop.factors as NonNullable<typeof laptop.factors>),
            manufacturing: { climate: 200, water: 194000 },
          },
        },
      },
    }
    await publishFactorBase(db, copy, 'workspace', { actorId: null, workspaceId })
    await saveFootprintSettings(db, workspaceId, { baseId: copy.id, baseVersion: '1', method: 'stock' })
    const changed = (200 + 12.3 + 2.79) / 5 + laptopUse

    const live = await html(admin, `${home()}?annee=${year}`)
    expect(live).toContain(`espace-${workspaceId}-maison, version 1`)
    // 2024 is frozen: the live page says so, and its trend shows the frozen figure, marked.
    expect(live).toContain('a été figé le')
    const trend = live.slice(live.indexOf('id="trend-heading"'))
    expect(trend).toContain('2024 *')
    expect(trend).toContain('bilan figé le')
    expect(trend).toContain(`${fr3.format(changed)} kgCO2e`) // 2023, computed with the new base

    const frozenPage = await html(reader, `${home()}/bilans/${year}/stock`)
    expect(frozenPage).toContain('ademe-negaoctet-2022, version 2022.1')
    expect(frozenPage).not.toContain(`espace-${workspaceId}-maison`)
    expect(frozenPage).toContain(`${fr3.format(stockPerYear)} kgCO2e`)
    expect(frozenPage).not.toContain(`action="${home()}/figer"`)
    // Its explanations read the stored result (bilan=1), with the base it used.
    expect(frozenPage).toContain('bilan=1')
    const explained = await html(
      reader,
      `${home()}/explication?annee=${year}&methode=stock&dimension=total&phase=total&bilan=1`,
    )
    expect(explained).toContain('ademe-negaoctet-2022, version 2022.1')
    expect(explained).toContain(`= ${fr3.format(stockPerYear)} kgCO2e`)
    await html(reader, `${home()}/bilans/${year}/flux`, 404)
    await html(reader, `${home()}/bilans/abc/stock`, 404)

    // Exports of the frozen result keep its base and figures.
    const json = await (
      await reader.request(`${home()}/export?annee=${year}&methode=stock&format=json&bilan=1`)
    ).json()
    expect(json.factorBase).toMatchObject({ id: 'ademe-negaoctet-2022', version: '2022.1' })
    expect(json.total.impacts.climate.total.value).toBeCloseTo(stockPerYear, 6)
    expect(json.frozenAt).toEqual(rows[0]?.created_at)
    const csv = await (
      await reader.request(`${home()}/export?annee=${year}&methode=stock&format=csv&bilan=1`)
    ).text()
    expect(csv).toContain('bilan figé le')
    expect(csv).toContain('ademe-negaoctet-2022;2022.1')
    const liveJson = await (
      await reader.request(`${home()}/export?annee=${year}&methode=stock&format=json`)
    ).json()
    expect(liveJson.factorBase.id).toBe(`espace-${workspaceId}-maison`)
    expect(liveJson.total.impacts.climate.total.value).toBeCloseTo(changed, 6)
  })

  it('shows a start message, without charts, for an empty inventory', async () => {
    const page = await html(emptyAdmin, `/espace/${emptyWorkspaceId}/empreinte`)
    expect(page).toContain('Commencer par l’inventaire')
    expect(page).toContain(`href="/espace/${emptyWorkspaceId}/empreinte/imports"`)
    expect(page).toContain(`href="/espace/${emptyWorkspaceId}/empreinte/inventaire"`)
    expect(page).not.toContain('<svg')
    expect(page).not.toContain('figer')
    // A member of the other workspace does not reach this one.
    await html(emptyAdmin, `${home()}`, 404)
  })

  it('answers in English too, with English numbers', async () => {
    const english = new Visitor(test.app)
    await english.signIn('reader@example.org')
    await english.request('/langue?lang=en')
    const page = await html(english, `${home()}?annee=${year}&methode=flux`)
    expect(page).toContain('Environmental footprint of the IT estate')
    expect(page).toContain('how is this figure computed?')
    expect(page).toContain('Method: flow, year 2024.')
    expect(page).toContain('1.34 kgCO2e')
  })
})
