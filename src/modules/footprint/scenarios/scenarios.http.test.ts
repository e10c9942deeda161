import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../../test-support/test-users.js'
import { insertItems } from '../../inventory/inventory.queries.js'
import type { FactorBase } from '../factor-base.schemas.js'
import { defaultFactorBase, publishFactorBase, saveFootprintSettings } from '../factor-bases.store.js'
import type { InventoryItem } from '../inventory-item.js'
import { compareScenario, type Scenario } from '../scenarios.js'
import { formatFigure, formatPercent } from './views/figures.js'

const year = 2025
const agents = 3

/** A small inventory whose every lever has something to act on in 2025. */
const items: InventoryItem[] = [
  inventoryItem({ type: 'laptop', quantity: 10, purchaseDate: '2025-03-01' }),
  inventoryItem({ type: 'laptop', quantity: 4, purchaseDate: '2021-01-15', retirementDate: '2026-01-15' }),
  inventoryItem({ type: 'monitor', quantity: 5, purchaseDate: '2022-06-01' }),
  inventoryItem({ type: 'monitor', quantity: 3, purchaseDate: '2023-06-01' }),
  inventoryItem({ type: 'printer', quantity: 5, purchaseDate: '2020-01-01' }),
  inventoryItem({ type: 'smartphone', quantity: 6, purchaseDate: '2024-09-01', condition: 'refurbished' }),
  inventoryItem({ type: 'monitor', quantity: 2, status: 'in_stock', purchaseDate: '2024-01-01' }),
]

/** « Évité : 123 kgCO2e, soit 12,3 % de la référence. » as the page prints it for the direct figures. */
function avoidedText(scenario: Scenario, base: FactorBase): string {
  const comparison = compareScenario(items, [], base, { method: 'stock', year, agents }, scenario)
  const avoided = comparison.avoided.total.climate
  // A lever that changed nothing would make the comparison below pass for the wrong reason.
  if (!avoided || avoided.value === null || avoided.percent === null || Math.abs(avoided.value) < 0.01)
    throw new Error(`no climate figure avoided for ${JSON.stringify(scenario)}`)
  const verb = avoided.value < 0 ? 'En plus' : 'Évité'
  return `${verb} : ${formatFigure('fr', Math.abs(avoided.value))} kgCO2e, soit ${formatPercent('fr', Math.abs(avoided.percent))} % de la référence.`
}

describe.each(testDialects())('footprint scenarios over HTTP on %s', (dialect) => {
  let test: TestApp
  let workspaceId: number
  let otherWorkspaceId: number
  let admin: Visitor
  let reader: Visitor
  let outsider: Visitor
  let base: FactorBase
  const path = () => `/espace/${workspaceId}/empreinte/scenarios`

  const scenarioRows = () =>
    test.database.db
      .selectFrom('footprint_scenarios')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute()
  const auditRows = () =>
    test.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'before', 'after'])
      .where('entity', '=', 'footprint_scenario')
      .orderBy('id')
      .execute()

  /** Saves a scenario through the form and returns its id (from the redirect). */
  const create = async (form: Record<string, string>) => {
    const response = await admin.post(`${path()}/nouveau?annee=${year}`, { action: 'save', ...form })
    expect(response.status).toBe(303)
    const location = response.headers.get('location') ?? ''
    expect(location).toMatch(new RegExp(`^${path()}/\\d+\\?info=cree&annee=${year}$`))
    return Number(/scenarios\/(\d+)/.exec(location)?.[1])
  }

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const db = test.database.db
    const created = await createTestUser(db, {
      email: 'admin@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'admin' },
    })
    workspaceId = created.workspaceId as number
    await createTestUser(db, {
      email: 'reader@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'reader' },
    })
    const other = await createTestUser(db, {
      email: 'other@example.org',
      workspace: { kind: 'commune', code: '13055', role: 'admin' },
    })
    otherWorkspaceId = other.workspaceId as number
    const workspace = await db
      .selectFrom('workspaces')
      .select('territory_id')
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow()
    await db
      .insertInto('territory_declarations')
      .values({
        territory_id: workspace.territory_id,
        agents_fte: agents,
        annual_purchases_cents: null,
        updated_at: new Date().toISOString(),
      })
      .onConflict((conflict) => conflict.column('territory_id').doUpdateSet({ agents_fte: agents }))
      .execute()
    await insertItems(db, workspaceId, items)
    base = await defaultFactorBase(db)
    admin = new Visitor(test.app)
    await admin.signIn('admin@example.org')
    reader = new Visitor(test.app)
    await reader.signIn('reader@example.org')
    outsider = new Visitor(test.app)
    await outsider.signIn('other@example.org')
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('offers every lever for the inventory’s types, with the ratios, options and « un écran par agent »', async () => {
    const response = await admin.request(`${path()}/nouveau`)
    expect(response.status).toBe(200)
    const html = await response.text()
    for (const id of ['extend-laptop', 'refurbished-monitor', 'fewer-printer', 'perAgent-smartphone'])
      expect(html).toContain(`id="${id}"`)
    // Only the types present in the inventory.
    expect(html).not.toContain('id="extend-server"')
    expect(html).toContain('name="screenPerAgent"')
    expect(html).toContain('ratio 0,323')
    expect(html).toContain('MiNumEco')
    for (const option of base.electricity.options) expect(html).toContain(`value="${option.id}"`)
    expect(html).toContain('0,0519 kgCO2e/kWh')
    expect(html).toContain('value="preview"')
    expect(html).toContain('Prévisualiser')
  })

  it('saves a scenario per lever, each giving compareScenario’s figures on the same items', async () => {
    const cases: { name: string; form: Record<string, string>; scenario: Scenario }[] = [
      { name: 'Durée de vie', form: { 'extend-laptop': '2' }, scenario: { extendLifetime: { laptop: 2 } } },
      {
        name: 'Reconditionné',
        form: { 'refurbished-laptop': '50' },
        scenario: { refurbishedShare: { laptop: 0.5 } },
      },
      // 40 % of the 5 printers in use: 2 fewer.
      {
        name: 'Moins d’imprimantes',
        form: { 'fewer-printer': '40' },
        scenario: { fewerDevices: { printer: { remove: 2 } } },
      },
      {
        name: 'Un écran par agent',
        form: { screenPerAgent: '1' },
        scenario: { fewerDevices: { monitor: { perAgent: 1 } } },
      },
      {
        name: 'Smartphones par agent',
        form: { 'perAgent-smartphone': '1' },
        scenario: { fewerDevices: { smartphone: { perAgent: 1 } } },
      },
      {
        name: 'Électricité 2024',
        form: { electricity: 'ademe-2024' },
        scenario: { electricityOption: 'ademe-2024' },
      },
      {
        name: 'Facteur maison',
        form: { electricityFactor: '0,01' },
        scenario: { electricityFactor: 0.01 },
      },
      {
        name: 'Tout ensemble',
        form: {
          'extend-laptop': '1,5',
          'refurbished-laptop': '30',
          'fewer-monitor': '50',
          screenPerAgent: '1',
          electricity: 'ademe-2022',
        },
        // One screen per agent caps the 8 screens in use to 3; 50 % of those 3, rounded: 2 more.
        scenario: {
          extendLifetime: { laptop: 1.5 },
          refurbishedShare: { laptop: 0.3 },
          fewerDevices: { monitor: { perAgent: 1, remove: 2 } },
          electricityOption: 'ademe-2022',
        },
      },
    ]
    for (const { name, form, scenario } of cases) {
      const id = await create({ name, ...form })
      const page = await admin.request(`${path()}/${id}?annee=${year}`)
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html, name).toContain(avoidedText(scenario, base))
      expect(html).toContain('role="img"')
      expect(html).toContain('Fabrication')
    }
    const rows = await scenarioRows()
    expect(rows.map((row) => row.name)).toEqual(cases.map((entry) => entry.name))
    const stored = JSON.parse(rows[2]?.content ?? '{}')
    expect(stored).toEqual({
      scenario: { name: 'Moins d’imprimantes' },
      fewerShare: { printer: 0.4 },
      base: { id: base.id, version: base.version },
    })
    const audit = await auditRows()
    expect(audit.map((row) => row.action)).toEqual(cases.map(() => 'create'))

    // The list: every scenario, its levers in words, the base it was made with, what it avoids.
    const list = await (await reader.request(`${path()}?annee=${year}`)).text()
    for (const { name } of cases) expect(list).toContain(name.replace(/’/g, '’'))
    expect(list).toContain('Ordinateur portable : durée de vie allongée (années en plus : 2)')
    expect(list).toContain('Imprimante : 40 % d’équipements en service en moins')
    expect(list).toContain(`${base.id} ${base.version}`)
    const direct = compareScenario(
      items,
      [],
      base,
      { method: 'stock', year, agents },
      { extendLifetime: { laptop: 2 } },
    )
    expect(list).toContain(formatFigure('fr', direct.avoided.total.climate?.value as number))
  })

  it('previews without saving anything', async () => {
    const before = await scenarioRows()
    const response = await admin.post(`${path()}/nouveau?annee=${year}`, {
      action: 'preview',
      name: 'Juste pour voir',
      'extend-laptop': '1',
    })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`Aperçu pour ${year}`)
    expect(html).toContain(avoidedText({ extendLifetime: { laptop: 1 } }, base))
    expect(html).toContain('value="Juste pour voir"')
    expect(await scenarioRows()).toEqual(before)
  })

  it('refuses bad input with a summary naming the fields, and saves nothing', async () => {
    const before = await scenarioRows()
    const auditBefore = await auditRows()
    const bad = async (form: Record<string, string>, field: string, message: string, status = 400) => {
      const response = await admin.post(`${path()}/nouveau`, { action: 'save', name: 'Mauvais', ...form })
      expect(response.status, field).toBe(status)
      const html = await response.text()
      expect(html).toContain(`href="#${field}"`)
      expect(html).toContain(message)
      expect(html).toContain('aria-invalid="true"')
    }
    await bad({ 'extend-laptop': '-1' }, 'extend-laptop', 'un nombre d’années positif')
    await bad({ 'extend-laptop': '0,3' }, 'extend-laptop', 'en mois entiers')
    await bad({ 'refurbished-laptop': '150' }, 'refurbished-laptop', 'un pourcentage entre 0 et 100')
    await bad({ 'fewer-printer': '101' }, 'fewer-printer', 'un pourcentage entre 0 et 100')
    await bad({ 'fewer-printer': 'beaucoup' }, 'fewer-printer', 'un nombre est attendu')
    await bad({ electricity: 'charbon' }, 'electricity', 'l’option « charbon » n’existe pas')
    await bad({ electricity: 'ademe-2024', electricityFactor: '0,1' }, 'electricityFactor', 'pas les deux')
    await bad({ name: '   ' }, 'name', 'donnez un nom au scénario')
    await bad({ name: 'Durée de vie' }, 'name', 'Un scénario nommé « Durée de vie » existe déjà', 409)
    await bad({ name: 'DURÉE DE VIE' }, 'name', 'existe déjà', 409)
    // Bad input on a preview is refused the same way.
    const preview = await admin.post(`${path()}/nouveau`, { action: 'preview', 'extend-laptop': '-2' })
    expect(preview.status).toBe(400)
    expect(await scenarioRows()).toEqual(before)
    expect(await auditRows()).toEqual(auditBefore)
  })

  it('edits a scenario (form filled with its levers) and deletes it after a confirmation', async () => {
    const id = await create({ name: 'À modifier', 'extend-monitor': '1', screenPerAgent: '1' })
    const form = await (await admin.request(`${path()}/${id}/modifier`)).text()
    expect(form).toContain('value="À modifier"')
    expect(form).toMatch(/id="extend-monitor"[^>]*value="1"|value="1"[^>]*id="extend-monitor"/)
    expect(form).toMatch(/name="screenPerAgent" value="1" checked/)

    const taken = await admin.post(`${path()}/${id}/modifier`, { action: 'save', name: 'Reconditionné' })
    expect(taken.status).toBe(409)
    const saved = await admin.post(`${path()}/${id}/modifier?annee=${year}`, {
      action: 'save',
      name: 'Modifié',
      'refurbished-laptop': '20',
    })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`${path()}/${id}?info=modifie&annee=${year}`)
    const row = (await scenarioRows()).find((candidate) => candidate.id === id)
    expect(row?.name).toBe('Modifié')
    expect(JSON.parse(row?.content ?? '{}').scenario).toEqual({
      name: 'Modifié',
      refurbishedShare: { laptop: 0.2 },
    })
    const page = await (await admin.request(`${path()}/${id}?annee=${year}&info=modifie`)).text()
    expect(page).toContain('Scénario modifié.')
    expect(page).toContain(avoidedText({ refurbishedShare: { laptop: 0.2 } }, base))

    // Deleting: a confirmation page first (GET, or a POST without the confirmation), then the delete.
    const confirm = await admin.request(`${path()}/${id}/supprimer`)
    expect(confirm.status).toBe(200)
    expect(await confirm.text()).toContain('name="confirm" value="1"')
    const unconfirmed = await admin.post(`${path()}/${id}/supprimer`)
    expect(unconfirmed.status).toBe(200)
    expect((await scenarioRows()).some((candidate) => candidate.id === id)).toBe(true)
    const deleted = await admin.post(`${path()}/${id}/supprimer`, { confirm: '1' })
    expect(deleted.status).toBe(303)
    expect(deleted.headers.get('location')).toBe(`${path()}?info=supprime`)
    expect((await scenarioRows()).some((candidate) => candidate.id === id)).toBe(false)
    expect((await admin.request(`${path()}/${id}`)).status).toBe(404)

    const audit = (await auditRows()).filter((entry) => entry.entity_id === String(id))
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update', 'delete'])
    expect(JSON.parse(audit[1]?.before ?? '{}').name).toBe('À modifier')
    expect(JSON.parse(audit[1]?.after ?? '{}').name).toBe('Modifié')
  })

  it('lets a reader view but not create, edit nor delete', async () => {
    const [first] = await scenarioRows()
    const id = first?.id as number
    expect((await reader.request(path())).status).toBe(200)
    const page = await reader.request(`${path()}/${id}?annee=${year}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).not.toContain(`${path()}/${id}/modifier`)
    expect(await (await reader.request(path())).text()).not.toContain(`${path()}/nouveau`)
    expect((await reader.request(`${path()}/nouveau`)).status).toBe(403)
    const before = await scenarioRows()
    expect((await reader.post(`${path()}/nouveau`, { action: 'save', name: 'Lecteur' })).status).toBe(403)
    expect((await reader.post(`${path()}/${id}/modifier`, { action: 'save', name: 'Lecteur' })).status).toBe(
      403,
    )
    expect((await reader.post(`${path()}/${id}/supprimer`, { confirm: '1' })).status).toBe(403)
    expect(await scenarioRows()).toEqual(before)
  })

  it('answers 404 for another workspace’s scenario, on GET and POST', async () => {
    const [first] = await scenarioRows()
    const id = first?.id as number
    const own = `/espace/${otherWorkspaceId}/empreinte/scenarios/${id}`
    expect((await outsider.request(own)).status).toBe(404)
    expect((await outsider.request(`${own}/modifier`)).status).toBe(404)
    expect((await outsider.post(`${own}/modifier`, { action: 'save', name: 'Volé' })).status).toBe(404)
    expect((await outsider.post(`${own}/supprimer`, { confirm: '1' })).status).toBe(404)
    // Not a member of the first workspace: 404 as well.
    expect((await outsider.request(`${path()}/${id}`)).status).toBe(404)
    expect((await outsider.post(`${path()}/${id}/supprimer`, { confirm: '1' })).status).toBe(404)
    expect((await scenarioRows()).some((row) => row.id === id && row.name === first?.name)).toBe(true)
    expect((await admin.request(`${path()}/abc`)).status).toBe(404)
  })

  it('refuses a malformed year with a 400 naming the parameter', async () => {
    const response = await admin.request(`${path()}?annee=deux-mille`)
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('annee')
  })

  it('says so, and computes with the current base, when the workspace changed its base', async () => {
    const [first] = await scenarioRows()
    const copy: FactorBase = { ...base, id: `espace-${workspaceId}-copie`, version: '1', title: 'Copie' }
    await publishFactorBase(test.database.db, copy, 'workspace', { actorId: null, workspaceId })
    await saveFootprintSettings(test.database.db, workspaceId, {
      baseId: copy.id,
      baseVersion: copy.version,
      method: 'stock',
    })
    const html = await (await admin.request(`${path()}/${first?.id}?annee=${year}`)).text()
    expect(html).toContain(`a été créé avec la base ${base.id} ${base.version}`)
    expect(html).toContain(`base ${copy.id} 1`)
    expect(html).toContain(avoidedText({ extendLifetime: { laptop: 2 } }, copy))
  })
})
