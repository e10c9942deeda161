import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inventoryItem } from '../../test-support/inventory-items.js'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import type { Visitor } from '../../test-support/test-users.js'
import { signedInMember } from '../../test-support/workspace-members.js'
import { demoInventoryDataset, seedDemoInventory } from '../demo/demo-inventory.js'
import { readNumEcoEvalFiles } from '../footprint/import/numecoeval-format.js'
import { readInventoryFile } from '../footprint/import/read-inventory.js'
import { todayInFrance } from '../footprint/import/values.js'
import type { DeviceType, InventoryItem } from '../footprint/inventory-item.js'
import { insertItems, saveDatacenter, scanItems } from './inventory.queries.js'

/** Page text with the entities Hono's JSX writes turned back into characters. */
const decoded = (html: string) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&')

/** A valid form; each bad-input case changes one field. */
const goodForm = {
  type: 'laptop',
  model: 'Dell Latitude 5440',
  quantity: '3',
  site: 'Hôtel de ville',
  service: 'Finances',
  tags: 'agents, télétravail',
  purchaseDate: '15/03/2024',
  retirementDate: '',
  status: 'in_use',
  condition: 'refurbished',
  disposal: '',
  datacenter: '',
  annualKwh: '12,5',
  country: 'FR',
  lifetimeYears: '4,5',
  reference: 'PC-0001',
}

describe.each(testDialects())('the inventory pages on %s', (dialect) => {
  let test: TestApp
  let workspaceId: number
  let otherWorkspaceId: number
  let admin: Visitor
  let reader: Visitor
  let stranger: Visitor
  const base = () => `/espace/${workspaceId}/empreinte`
  const db = () => test.database.db

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const first = await signedInMember(test, 'admin@example.org', 'admin')
    admin = first.visitor
    workspaceId = first.workspaceId
    reader = (await signedInMember(test, 'reader@example.org', 'reader')).visitor
    const other = await signedInMember(test, 'other@example.org', 'admin', '13055')
    stranger = other.visitor
    otherWorkspaceId = other.workspaceId
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const stored = async () => {
    const items = []
    for await (const item of scanItems(db(), workspaceId)) items.push(item)
    return items
  }
  const auditOf = (entity: string) =>
    db()
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'before', 'after'])
      .where('workspace_id', '=', workspaceId)
      .where('entity', '=', entity)
      .orderBy('id')
      .execute()

  it('shows an empty inventory with the way to start', async () => {
    const response = await admin.request(`${base()}/inventaire`)
    expect(response.status).toBe(200)
    const html = decoded(await response.text())
    expect(html).toContain('L’inventaire est vide')
    expect(html).toContain(`href="${base()}/imports"`)
    expect(html).toContain(`href="${base()}/inventaire/nouveau"`)
  })

  it('refuses each bad input with a 400 naming the field, and saves nothing', async () => {
    await saveDatacenter(db(), workspaceId, { shortName: 'DC1', longName: null, pue: 1.5, country: 'FR' })
    const cases: [Partial<typeof goodForm>, string, string][] = [
      [{ type: '' }, 'type', 'Le type d’équipement est vide'],
      [{ type: 'fridge' }, 'type', 'inconnu'],
      [{ quantity: '0' }, 'quantity', 'La quantité est nulle'],
      [{ quantity: '-3' }, 'quantity', 'est négative'],
      [{ quantity: '2,5' }, 'quantity', 'n’est pas un nombre entier'],
      [{ quantity: 'deux' }, 'quantity', 'n’est pas un nombre'],
      [{ purchaseDate: '31/02/2024' }, 'purchaseDate', 'dans le calendrier'],
      [{ purchaseDate: '2099-01-01' }, 'purchaseDate', 'est dans le futur'],
      [{ retirementDate: '01/01/2020', status: 'retired' }, 'retirementDate', 'antérieure à la date d’achat'],
      [{ status: 'peut-être' }, 'status', 'Statut « peut-être » inconnu'],
      [{ condition: 'cassé' }, 'condition', 'inconnu'],
      [{ disposal: 'recycling' }, 'disposal', 'ne s’indique que pour un équipement réformé'],
      [{ datacenter: 'DC9' }, 'datacenter', 'Le centre de données « DC9 » n’existe pas'],
      [{ annualKwh: '-5' }, 'annualKwh', 'ne peut pas être négative'],
      [{ annualKwh: 'beaucoup' }, 'annualKwh', 'n’est pas un nombre'],
      [{ lifetimeYears: '0' }, 'lifetimeYears', 'invraisemblable'],
      [{ lifetimeYears: '51' }, 'lifetimeYears', 'invraisemblable'],
      [{ country: 'Atlantide' }, 'country', 'Pays « Atlantide » inconnu'],
      [{ model: 'x'.repeat(201) }, 'model', 'dépasse 200 caractères'],
    ]
    for (const [change, field, message] of cases) {
      const response = await admin.post(`${base()}/inventaire/nouveau`, { ...goodForm, ...change })
      expect(response.status, field).toBe(400)
      const html = decoded(await response.text())
      expect(html, field).toContain(`href="#${field}"`)
      expect(html, field).toContain(message)
      expect(html, field).toContain(`id="${field}-error"`)
    }
    expect(await stored()).toEqual([])
    expect(await auditOf('inventory_item')).toEqual([])
  })

  it('adds a line from good input (decimal comma, French dates), with its audit entry', async () => {
    const response = await admin.post(`${base()}/inventaire/nouveau`, goodForm)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${base()}/inventaire?info=ajoute`)
    const [item] = await stored()
    expect(item).toMatchObject({
      type: 'laptop',
      model: 'Dell Latitude 5440',
      quantity: 3,
      tags: ['agents', 'télétravail'],
      purchaseDate: '2024-03-15',
      condition: 'refurbished',
      annualKwh: 12.5,
      lifetimeYears: 4.5,
      reference: 'PC-0001',
    })
    const audit = await auditOf('inventory_item')
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'create', entity_id: String(item?.id) })
    const list = decoded(await (await admin.request(`${base()}/inventaire?info=ajoute`)).text())
    expect(list).toContain('Équipement ajouté.')
    expect(list).toContain('15/03/2024')
    expect(list).toContain(`href="${base()}/inventaire/${item?.id}"`)
  })

  it('edits a line, and deletes one after a confirmation step', async () => {
    const [item] = await stored()
    const id = item?.id as number
    const form = decoded(await (await admin.request(`${base()}/inventaire/${id}`)).text())
    expect(form).toContain('value="12,5"')
    expect(form).toContain('value="agents, télétravail"')
    const changed = await admin.post(`${base()}/inventaire/${id}`, {
      ...goodForm,
      quantity: '4',
      status: 'retired',
      retirementDate: '2025-01-10',
      disposal: 'reuse_donation',
      datacenter: 'dc1',
    })
    expect(changed.status).toBe(303)
    expect((await stored())[0]).toMatchObject({
      id,
      quantity: 4,
      status: 'retired',
      disposal: 'reuse_donation',
      datacenter: 'DC1',
    })
    const badEdit = await admin.post(`${base()}/inventaire/${id}`, { ...goodForm, quantity: '0' })
    expect(badEdit.status).toBe(400)
    expect((await stored())[0]?.quantity).toBe(4)

    const confirmation = await admin.request(`${base()}/inventaire/${id}/supprimer`)
    expect(confirmation.status).toBe(200)
    expect(await confirmation.text()).toContain(`action="${base()}/inventaire/${id}/supprimer"`)
    expect(await stored()).toHaveLength(1)
    const deleted = await admin.post(`${base()}/inventaire/${id}/supprimer`)
    expect(deleted.status).toBe(303)
    expect(await stored()).toEqual([])
    expect((await auditOf('inventory_item')).map((entry) => entry.action)).toEqual([
      'create',
      'update',
      'delete',
    ])
  })

  it('lists 50 lines a page, with counts and filters', async () => {
    const types: DeviceType[] = ['laptop', 'monitor', 'smartphone']
    const items: InventoryItem[] = Array.from({ length: 120 }, (_, index) =>
      inventoryItem({
        type: types[index % 3] as DeviceType,
        quantity: (index % 4) + 1,
        site: index % 2 === 0 ? 'Mairie' : 'École',
        service: index % 5 === 0 ? 'DSI' : 'Culture',
        tags: index % 10 === 0 ? ['élus', 'mobilité'] : [],
        status: index % 6 === 0 ? 'in_stock' : 'in_use',
        model: index === 7 ? 'Modèle Unique 9000' : 'Courant',
        reference: `REF-${String(index).padStart(4, '0')}`,
      }),
    )
    await insertItems(db(), workspaceId, items)
    const page = (query: string) => admin.request(`${base()}/inventaire${query}`).then((r) => r.text())
    const first = decoded(await page(''))
    expect(first).toContain('120 lignes, 300 équipements.')
    expect(first).toContain('Page 1 sur 3')
    expect(first.match(/<tr>/g)?.length).toBe(51)
    expect(first).toContain('REF-0049')
    expect(first).not.toContain('REF-0050')
    const third = decoded(await page('?page=3'))
    expect(third).toContain('REF-0119')
    expect(third.match(/<tr>/g)?.length).toBe(21)
    expect(decoded(await page('?type=monitor'))).toContain('40 lignes')
    expect(decoded(await page('?statut=in_stock'))).toContain('20 lignes')
    expect(decoded(await page('?site=Mairie&service=DSI'))).toContain('12 lignes')
    expect(decoded(await page('?etiquette=mobilit%C3%A9'))).toContain('12 lignes')
    const text = decoded(await page('?texte=unique'))
    expect(text).toContain('1 lignes')
    expect(text).toContain('REF-0007')
    // The choices come from the inventory.
    expect(first).toContain('<option value="Mairie">Mairie</option>')
    expect((await admin.request(`${base()}/inventaire?type=fridge`)).status).toBe(400)
    expect((await admin.request(`${base()}/inventaire?page=0`)).status).toBe(400)
  })

  it('shows the reader the list without controls, and refuses every write (403)', async () => {
    const [item] = await stored()
    const id = item?.id as number
    const list = await reader.request(`${base()}/inventaire`)
    expect(list.status).toBe(200)
    const html = await list.text()
    expect(html).not.toContain('/inventaire/nouveau')
    expect(html).not.toContain(`href="${base()}/inventaire/${id}"`)
    expect(html).not.toContain('/inventaire/vider')
    expect((await reader.request(`${base()}/inventaire/nouveau`)).status).toBe(403)
    // The item itself is readable (flags and explanations link to it), with nothing to submit.
    const itemPage = await reader.request(`${base()}/inventaire/${id}`)
    expect(itemPage.status).toBe(200)
    const itemHtml = await itemPage.text()
    expect(itemHtml.match(/<fieldset disabled="">/g)).toHaveLength(3)
    expect(itemHtml).not.toContain('type="submit">Enregistrer')
    expect(itemHtml).not.toContain('/supprimer')
    expect(itemHtml).toContain(
      `/empreinte/explication?element=${id}">Comment l’empreinte de cette ligne est-elle calculée ?</a>`,
    )
    expect((await reader.request(`${base()}/datacenters`)).status).toBe(200)
    expect((await reader.request(`${base()}/correspondances`)).status).toBe(200)
    const datacenter = await db()
      .selectFrom('datacenters')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow()
    for (const path of [
      '/inventaire/nouveau',
      `/inventaire/${id}`,
      `/inventaire/${id}/supprimer`,
      '/inventaire/vider',
      '/datacenters',
      `/datacenters/${datacenter.id}`,
      `/datacenters/${datacenter.id}/supprimer`,
      '/correspondances',
      '/correspondances/supprimer',
    ]) {
      const response = await reader.post(`${base()}${path}`, {
        ...goodForm,
        label: 'x',
        shortName: 'X',
        pue: '1,2',
      })
      expect(response.status, path).toBe(403)
    }
    expect(await stored()).toHaveLength(120)
  })

  it('answers 404 for a line or a datacenter of another workspace, reading or writing', async () => {
    const [item] = await stored()
    const id = item?.id as number
    const datacenter = await db()
      .selectFrom('datacenters')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow()
    const theirs = `/espace/${otherWorkspaceId}/empreinte`
    expect((await stranger.request(`${theirs}/inventaire/${id}`)).status).toBe(404)
    expect((await stranger.request(`${theirs}/inventaire/${id}/supprimer`)).status).toBe(404)
    expect((await stranger.post(`${theirs}/inventaire/${id}`, goodForm)).status).toBe(404)
    expect((await stranger.post(`${theirs}/inventaire/${id}/supprimer`)).status).toBe(404)
    expect((await stranger.request(`${theirs}/datacenters/${datacenter.id}`)).status).toBe(404)
    expect((await stranger.post(`${theirs}/datacenters/${datacenter.id}/supprimer`)).status).toBe(404)
    // And not a member: the workspace itself is not found.
    expect((await stranger.request(`${base()}/inventaire`)).status).toBe(404)
    expect((await admin.request(`${base()}/inventaire/abc`)).status).toBe(404)
    expect(await stored()).toHaveLength(120)
  })

  it('adds, changes and deletes datacenters; refuses deleting one that lines still name', async () => {
    const add = await admin.post(`${base()}/datacenters`, {
      shortName: 'Hébergeur',
      longName: 'Hébergeur régional',
      pue: '1,3',
      country: 'FR',
    })
    expect(add.status).toBe(303)
    const bad = await admin.post(`${base()}/datacenters`, { shortName: 'X', pue: '0,9', country: 'FR' })
    expect(bad.status).toBe(400)
    expect(decoded(await bad.text())).toContain('Le PUE « 0,9 » est impossible')
    const twice = await admin.post(`${base()}/datacenters`, {
      shortName: 'hebergeur',
      pue: '1,5',
      country: 'FR',
    })
    expect(twice.status).toBe(409)
    expect(decoded(await twice.text())).toContain('« Hébergeur » existe déjà')
    const rows = await db()
      .selectFrom('datacenters')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('short_name')
      .execute()
    const dc = rows.find((row) => row.short_name === 'Hébergeur')
    expect(dc).toMatchObject({ long_name: 'Hébergeur régional', pue: 1.3 })
    const change = await admin.post(`${base()}/datacenters/${dc?.id}`, {
      shortName: 'Renamed',
      longName: 'Hébergeur régional',
      pue: '1,25',
      country: 'BE',
    })
    expect(change.status).toBe(303)
    const changed = await db()
      .selectFrom('datacenters')
      .selectAll()
      .where('id', '=', dc?.id as number)
      .executeTakeFirstOrThrow()
    expect(changed).toMatchObject({ short_name: 'Hébergeur', pue: 1.25, country: 'BE' })
    const badChange = await admin.post(`${base()}/datacenters/${dc?.id}`, { pue: 'un', country: 'BE' })
    expect(badChange.status).toBe(400)
    expect(decoded(await badChange.text())).toContain('id="pue-error"')
    expect((await admin.request(`${base()}/datacenters/abc`)).status).toBe(404)

    await insertItems(db(), workspaceId, [
      inventoryItem({ type: 'server', datacenter: 'Hébergeur' }),
      inventoryItem({ type: 'storage', datacenter: 'Hébergeur' }),
    ])
    // The page counts the lines naming each datacenter.
    const listed = decoded(await (await admin.request(`${base()}/datacenters`)).text())
    expect(listed).toMatch(/<th scope="row">Hébergeur<\/th>.*?<td class="num">2<\/td>/s)
    const refused = await admin.post(`${base()}/datacenters/${dc?.id}/supprimer`)
    expect(refused.status).toBe(409)
    expect(decoded(await refused.text())).toContain('2 ligne(s) de l’inventaire y sont hébergées')
    await db()
      .deleteFrom('inventory_items')
      .where('workspace_id', '=', workspaceId)
      .where('datacenter', '=', 'Hébergeur')
      .execute()
    const removed = await admin.post(`${base()}/datacenters/${dc?.id}/supprimer`)
    expect(removed.status).toBe(303)
    expect((await auditOf('datacenter')).map((entry) => entry.action)).toEqual(['create', 'update', 'delete'])
  })

  it('adds, changes and deletes type mappings, going back to a local path only', async () => {
    const prefilled = decoded(
      await (
        await admin.request(
          `${base()}/correspondances?label=Poste%20de%20travail%20DELL&retour=${encodeURIComponent(`${base()}/imports/3`)}`,
        )
      ).text(),
    )
    expect(prefilled).toContain('value="Poste de travail DELL"')
    expect(prefilled).toContain(`name="retour" value="${base()}/imports/3"`)
    expect(prefilled).toContain('ThinkPad') // the default table, for reference
    const added = await admin.post(`${base()}/correspondances`, {
      label: 'Poste de travail DELL',
      type: 'desktop',
      retour: `${base()}/imports/3`,
    })
    expect(added.status).toBe(303)
    expect(added.headers.get('location')).toBe(`${base()}/imports/3`)
    const elsewhere = await admin.post(`${base()}/correspondances`, {
      label: 'Terminal mobile',
      type: 'smartphone',
      retour: '//evil.example/',
    })
    expect(elsewhere.headers.get('location')).toBe(`${base()}/correspondances?info=enregistre`)
    const bad = await admin.post(`${base()}/correspondances`, { label: ' ', type: 'nothing' })
    expect(bad.status).toBe(400)
    const badHtml = decoded(await bad.text())
    expect(badHtml).toContain('href="#label"')
    expect(badHtml).toContain('href="#type"')
    const changed = await admin.post(`${base()}/correspondances`, {
      label: 'Poste de travail DELL',
      type: 'laptop',
    })
    expect(changed.status).toBe(303)
    const mappings = () =>
      db()
        .selectFrom('type_mappings')
        .select(['label', 'type'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('label')
        .execute()
    expect(await mappings()).toEqual([
      { label: 'Poste de travail DELL', type: 'laptop' },
      { label: 'Terminal mobile', type: 'smartphone' },
    ])
    const removed = await admin.post(`${base()}/correspondances/supprimer`, { label: 'Terminal mobile' })
    expect(removed.status).toBe(303)
    expect(await mappings()).toEqual([{ label: 'Poste de travail DELL', type: 'laptop' }])
    expect((await auditOf('type_mapping')).map((entry) => entry.action)).toEqual([
      'create',
      'create',
      'update',
      'delete',
    ])
  })

  it('empties the inventory after a confirmation step, with one audit entry giving the count', async () => {
    const confirmation = decoded(await (await admin.request(`${base()}/inventaire/vider`)).text())
    expect(confirmation).toContain('120 lignes, 300 équipements')
    const cleared = await admin.post(`${base()}/inventaire/vider`)
    expect(cleared.status).toBe(303)
    expect(await stored()).toEqual([])
    const audit = await auditOf('inventory_item')
    expect(audit.at(-1)).toMatchObject({ action: 'delete_all' })
    expect(JSON.parse(audit.at(-1)?.after as string)).toEqual({ deleted: 120 })
  })

  it('exports the inventory in every format, and reading each export back gives the same items', async () => {
    const today = todayInFrance()
    // More lines than one chunk of the CSV streams, so that the chunks' joins are read back too.
    const items: InventoryItem[] = Array.from({ length: 1100 }, (_, index) =>
      inventoryItem({
        type: (['laptop', 'server', 'monitor', 'printer'] as const)[index % 4],
        model: index % 7 === 0 ? '=Formule; "guillemets"' : `Modèle ${index % 13}`,
        quantity: (index % 3) + 1,
        site: index % 2 ? 'Hôtel de ville' : null,
        service: index % 3 ? 'DSI' : null,
        tags: index % 5 === 0 ? ['agents', 'élus'] : [],
        purchaseDate: `20${10 + (index % 10)}-0${(index % 9) + 1}-1${index % 10}`,
        retirementDate: index % 11 === 0 ? '2024-12-31' : null,
        status: index % 11 === 0 ? 'retired' : 'in_use',
        disposal: index % 22 === 0 ? 'reuse_sale' : null,
        condition: index % 4 === 0 ? 'refurbished' : 'new',
        datacenter: index % 4 === 1 ? 'DC1' : null,
        annualKwh: index % 4 === 1 ? 1234.5 : null,
        country: index % 17 === 0 ? 'BE' : 'FR',
        lifetimeYears: index % 6 === 0 ? 4.5 : null,
        reference: index % 50 === 0 ? null : `INV-${index}`,
      }),
    )
    await insertItems(db(), workspaceId, items)
    const expected = (await stored()).map(({ id: _id, line: _line, ...item }) => item)
    const download = async (format: string) => {
      const response = await reader.request(`${base()}/inventaire/export?format=${format}`)
      expect(response.status, format).toBe(200)
      return response
    }
    const comparable = (list: InventoryItem[]) => list.map(({ line: _line, ...item }) => item)
    const options = { datacenters: [{ shortName: 'DC1', longName: null, pue: 1.5, country: 'FR' }], today }

    const csv = await download('modele-csv')
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="inventaire-69123-${today}.csv"`,
    )
    const csvBack = await readInventoryFile(new Uint8Array(await csv.arrayBuffer()), options)
    expect(csvBack.errors).toEqual([])
    expect(csvBack.format).toBe('template')
    expect(comparable(csvBack.items)).toEqual(expected)

    const xlsx = await download('modele-xlsx')
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(xlsx.headers.get('content-disposition')).toContain(`inventaire-69123-${today}.xlsx`)
    const xlsxBack = await readInventoryFile(new Uint8Array(await xlsx.arrayBuffer()), options)
    expect(xlsxBack.errors).toEqual([])
    expect(comparable(xlsxBack.items)).toEqual(expected)

    const equipment = await download('numecoeval')
    expect(equipment.headers.get('content-disposition')).toContain(
      `numecoeval-equipements-69123-${today}.csv`,
    )
    const datacenters = await download('numecoeval-datacenters')
    expect(datacenters.headers.get('content-disposition')).toContain(
      `numecoeval-datacenters-69123-${today}.csv`,
    )
    const numEcoEvalBack = await readNumEcoEvalFiles(
      {
        equipment: new Uint8Array(await equipment.arrayBuffer()),
        datacenters: new Uint8Array(await datacenters.arrayBuffer()),
      },
      { today },
    )
    expect(numEcoEvalBack.errors).toEqual([])
    expect(numEcoEvalBack.datacenters).toEqual(options.datacenters)
    // NumEcoEval requires a name: a line without reference is named by its type and position.
    expect(comparable(numEcoEvalBack.items)).toEqual(
      expected.map((item, index) => ({ ...item, reference: item.reference ?? `${item.type}-${index + 1}` })),
    )

    const json = await download('pcr-si')
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(json.headers.get('content-disposition')).toContain(`pcr-si-69123-${today}.json`)
    const jsonBack = await readInventoryFile(new Uint8Array(await json.arrayBuffer()), { today })
    expect(jsonBack.errors).toEqual([])
    expect(jsonBack.datacenters).toEqual(options.datacenters)
    expect(comparable(jsonBack.items)).toEqual(expected)

    expect((await reader.request(`${base()}/inventaire/export?format=docx`)).status).toBe(400)
  })

  it('seeds the demo inventory once, fast, and again on reset', async () => {
    const demo = await db()
      .selectFrom('workspaces')
      .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
      .select('workspaces.id')
      .where('territories.code', '=', 'DEMO-VILLE')
      .executeTakeFirst()
    const count = async () => {
      const row = await db()
        .selectFrom('inventory_items')
        .innerJoin('workspaces', 'workspaces.id', 'inventory_items.workspace_id')
        .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
        .select((eb) => [eb.fn.countAll<number>().as('lines'), eb.fn.sum<number>('quantity').as('devices')])
        .where('territories.code', '=', 'DEMO-VILLE')
        .executeTakeFirstOrThrow()
      return { lines: Number(row.lines), devices: Number(row.devices ?? 0) }
    }
    expect(await seedDemoInventory(db())).toBe(true)
    const first = await count()
    expect(first.lines).toBeGreaterThan(1100)
    expect(first.devices).toBeGreaterThan(2000)
    expect(await seedDemoInventory(db())).toBe(false)
    expect(await count()).toEqual(first)
    expect(await seedDemoInventory(db(), { reset: true })).toBe(true)
    expect(await count()).toEqual(first)
    const loads = await db()
      .selectFrom('reference_data_loads')
      .select('dataset')
      .where('dataset', '=', demoInventoryDataset.id)
      .execute()
    expect(loads).toHaveLength(1)
    const workspace = await db()
      .selectFrom('workspaces')
      .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
      .select('workspaces.id')
      .where('territories.code', '=', 'DEMO-VILLE')
      .executeTakeFirstOrThrow()
    if (demo) expect(workspace.id).toBe(demo.id)
    const datacenters = await db()
      .selectFrom('datacenters')
      .select(['short_name', 'pue'])
      .where('workspace_id', '=', workspace.id)
      .orderBy('short_name')
      .execute()
    expect(datacenters).toEqual([
      { short_name: 'HEBERGEUR', pue: 1.3 },
      { short_name: 'SALLE-HDV', pue: 1.8 },
    ])
    // Every seeded line obeys the import's rules: an export of it reads back without an error.
    const lines: InventoryItem[] = []
    for await (const item of scanItems(db(), workspace.id)) lines.push(item)
    expect(lines.every((item) => item.status === 'retired' || item.disposal === null)).toBe(true)
    // A saved scenario and last year's frozen footprint, once each even after a reset.
    const scenarios = await db()
      .selectFrom('footprint_scenarios')
      .select('name')
      .where('workspace_id', '=', workspace.id)
      .execute()
    expect(scenarios).toHaveLength(1)
    const frozen = await db()
      .selectFrom('footprint_results')
      .select(['year', 'method'])
      .where('workspace_id', '=', workspace.id)
      .execute()
    expect(frozen).toEqual([{ year: Number(todayInFrance().slice(0, 4)) - 1, method: 'stock' }])
  })
})
