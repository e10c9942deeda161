import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../app.js'
import type { AppEnv } from '../../../app-env.js'
import { loadConfig } from '../../../config.js'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import { loadTerritoryFixtures } from '../../../test-support/territory-fixtures.js'
import { openTestDatabase, type TestDatabase, testDialects } from '../../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../../test-support/test-users.js'
import { insertTestWorkspace } from '../../../test-support/test-workspaces.js'
import { templateHeader } from '../../footprint/import/formats.js'
import { readTemplateFile } from '../../footprint/import/template-format.js'
import type { InventoryItem } from '../../footprint/inventory-item.js'
import { toTemplateXlsx } from '../../footprint/xlsx/template-xlsx.js'
import { insertItems, itemFromRow, listDatacenters, saveTypeMapping } from '../inventory.queries.js'
import { failInterruptedImports, importJobs } from './import-jobs.js'
import { findImport, insertImport } from './imports.queries.js'

/** The page's text with HTML entities undone, for assertions on messages. */
const text = (html: string) =>
  html
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replace(/[\u202f\u00a0]/g, ' ')

const goodTemplate = [
  `${templateHeader('fr').join(';')};commentaire`,
  'Ordinateur portable;Dell Latitude 5440;25;Hôtel de ville;Ressources humaines;télétravail|agents;15/03/2023;;en service;neuf;;;;France;;PC-RH-2023;à revoir',
  'Écran;Iiyama ProLite 24;40;Hôtel de ville;;;2021-09-02;;En service;reconditionné;;;;;;;',
  'Serveur;HPE ProLiant DL360;2;Salle serveur;DSI;;10/01/2020;;;;;;1 450,5;FR;6;SRV-01;',
  'Poste fixe;HP EliteDesk 800;12;École Jules-Ferry;Éducation;;01/09/2017;30/06/2024;réformé;;don;;;;;;',
].join('\r\n')

const errorTemplate = [
  'type;quantite;date_achat;date_retrait;datacenter',
  'Ordinateur portable;3;15/03/2023;;',
  'Ordinateur portabel;2;;;',
  'Écran;-3;;;',
  'Écran;2,5;;;',
  'Poste fixe;1;12/01/2022;05/06/2021;',
  'Poste fixe;1;01/01/2099;;',
  'Serveur;1;;;DC9',
  'Smartphone;4;;;',
  'Serveur;1;;;dc1',
].join('\n')

const datacenterCsv = [
  'nomCourtDatacenter;nomLongDatacenter;pue;localisation',
  'DC1;Salle serveur;1,8;France',
  'DC3;Salle impossible;0,9;France',
].join('\n')

const comparable = ({ line: _line, ...item }: InventoryItem & { id?: number }) => {
  const { id: _id, ...rest } = item as InventoryItem & { id?: number }
  return { ...rest, reference: rest.reference ?? null }
}

describe.each(testDialects())('inventory imports over HTTP on %s', (dialect) => {
  let database: TestDatabase
  let app: Hono<AppEnv>
  let dataDir: string
  let workspaceId: number
  let otherWorkspaceId: number
  let admin: Visitor
  let reader: Visitor
  const base = () => `/espace/${workspaceId}/empreinte/imports`

  beforeAll(async () => {
    database = await openTestDatabase(dialect)
    await loadTerritoryFixtures(database.db)
    dataDir = mkdtempSync(join(tmpdir(), 'jalons-imports-'))
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, TRUST_PROXY: 'true' })
    app = createApp({ db: database.db, dialect, config })
    const created = await createTestUser(database.db, {
      email: 'admin@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'admin' },
    })
    workspaceId = created.workspaceId as number
    await createTestUser(database.db, {
      email: 'reader@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'reader' },
    })
    otherWorkspaceId = (await insertTestWorkspace(database.db)).workspaceId
    admin = new Visitor(app)
    await admin.signIn('admin@example.org')
    reader = new Visitor(app)
    await reader.signIn('reader@example.org')
  })
  afterAll(async () => {
    await importJobs.whenIdle()
    await database.dispose()
    rmSync(dataDir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    await database.db.deleteFrom('inventory_items').execute()
    await database.db.deleteFrom('datacenters').execute()
  })

  const storedItems = async (id = workspaceId) =>
    (
      await database.db
        .selectFrom('inventory_items')
        .selectAll()
        .where('workspace_id', '=', id)
        .orderBy('id')
        .execute()
    ).map((row) => comparable(itemFromRow(row)))

  const uploadedFiles = () => {
    const folder = join(dataDir, 'imports', String(workspaceId))
    return existsSync(folder) ? readdirSync(folder) : []
  }

  /** Sends the form as a browser does, waits for the check, returns the import's id. */
  const upload = async (
    content: string | Uint8Array,
    options: { name?: string; datacenters?: string | Uint8Array; replace?: boolean; visitor?: Visitor } = {},
  ) => {
    const files: Record<string, File> = {
      fichier: new File([content as BlobPart], options.name ?? 'inventaire.csv'),
    }
    if (options.datacenters !== undefined)
      files.centres = new File([options.datacenters as BlobPart], 'centres.csv')
    const response = await (options.visitor ?? admin).upload(base(), files, {
      inventaire: options.replace ? 'remplacer' : 'ajouter',
    })
    expect(response.status).toBe(303)
    const location = response.headers.get('location') as string
    expect(location).toMatch(new RegExp(`^${base()}/\\d+$`))
    await importJobs.whenIdle()
    return Number(location.split('/').pop())
  }
  const page = async (id: number, query = '') => {
    const response = await admin.request(`${base()}/${id}${query}`)
    expect(response.status).toBe(200)
    return text(await response.text())
  }
  const importAs = async (id: number, mode: 'all' | 'valid') => {
    const response = await admin.post(`${base()}/${id}/importer`, { mode })
    if (response.status === 303) await importJobs.whenIdle()
    return response
  }

  it('checks a Latin-1 template (";", decimal comma, dd/mm/yyyy), previews it, then imports exactly the file', async () => {
    const bytes = Buffer.from(goodTemplate, 'latin1')
    const id = await upload(bytes)
    const html = await page(id)
    expect(html).toContain('Windows-1252')
    expect(html).toContain('point-virgule')
    expect(html).toMatch(/<th scope="row">quantite<\/th><td>quantité<\/td>/)
    expect(html).toContain('Colonnes ignorées (non importées) : « commentaire »')
    expect(html).toContain('Dell Latitude 5440')
    expect(html).toContain('École Jules-Ferry')
    expect(html).toContain('Importer les 4 lignes')
    expect((await admin.request(`${base()}/${id}`)).headers.get('refresh')).toBeNull()
    expect(await storedItems()).toEqual([])

    const imported = await importAs(id, 'all')
    expect(imported.status).toBe(303)
    expect(imported.headers.get('location')).toBe(`${base()}/${id}`)
    const done = await page(id)
    expect(done).toContain('Import terminé')
    expect(done).toContain('4 lignes importées')
    expect(done).toContain(`href="/espace/${workspaceId}/empreinte/inventaire"`)

    const expected = (await readTemplateFile(bytes)).items.map(comparable)
    expect(expected).toHaveLength(4)
    expect(await storedItems()).toEqual(expected)
    const [laptop, , server, desktop] = await storedItems()
    expect(laptop).toMatchObject({
      type: 'laptop',
      quantity: 25,
      site: 'Hôtel de ville',
      tags: ['télétravail', 'agents'],
    })
    expect(laptop?.purchaseDate).toBe('2023-03-15')
    expect(server).toMatchObject({ annualKwh: 1450.5, lifetimeYears: 6 })
    expect(desktop).toMatchObject({
      status: 'retired',
      disposal: 'reuse_donation',
      retirementDate: '2024-06-30',
    })

    const row = await findImport(database.db, workspaceId, id)
    expect(row).toMatchObject({
      status: 'done',
      mode: 'all',
      imported_rows: 4,
      valid_rows: 4,
      format: 'template',
    })
    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'inventory_import')
      .where('entity_id', '=', String(id))
      .execute()
    expect(audit).toHaveLength(1)
    expect(uploadedFiles()).toEqual([])
    const list = text(await (await admin.request(base())).text())
    expect(list).toContain('inventaire.csv')
    expect(list).toContain('importé')
    // Importing twice is refused.
    expect((await importAs(id, 'all')).status).toBe(409)
    expect(await storedItems()).toHaveLength(4)
  })

  it('lists every bad row with line, column and reason; refuses "all"; imports exactly the valid rows on request', async () => {
    const id = await upload(errorTemplate, { datacenters: datacenterCsv })
    const html = await page(id)
    expect(html).toContain('Lignes en erreur')
    expect(html).toMatch(
      /<th scope="row" class="num">3<\/th><td>type<\/td><td>Type d’équipement « Ordinateur portabel » inconnu/,
    )
    expect(html).toContain('type le plus proche : Ordinateur portable')
    const mapping = `/espace/${workspaceId}/empreinte/correspondances?label=${encodeURIComponent('Ordinateur portabel')}&retour=${encodeURIComponent(`${base()}/${id}`)}`
    expect(html).toContain(`href="${mapping}"`)
    expect(html).toMatch(/>4<\/th><td>quantite<\/td><td>La quantité « -3 » est négative/)
    expect(html).toMatch(/>5<\/th><td>quantite<\/td><td>La quantité « 2,5 » n’est pas un nombre entier/)
    expect(html).toMatch(
      />6<\/th><td>date_retrait<\/td><td>La date de retrait \(05\/06\/2021\) est antérieure/,
    )
    expect(html).toMatch(/>7<\/th><td>date_achat<\/td><td>La date d’achat \(01\/01\/2099\) est dans le futur/)
    expect(html).toMatch(/>8<\/th><td>datacenter<\/td><td>Centre de données « DC9 »/)
    expect(html).toMatch(
      /centres de données<\/td><th scope="row" class="num">3<\/th><td>pue<\/td><td>Le PUE « 0,9 » est impossible/,
    )
    expect(html).toContain('rien ne sera importé tel quel')
    expect(html).toContain('Importer uniquement les lignes valides : 3 (lignes en erreur ignorées : 7)')
    expect(html).not.toContain('Importer les ')

    // A mode that is neither: 400 naming it, the import still waiting for a choice.
    expect((await admin.post(`${base()}/${id}/importer`, { mode: 'some' })).status).toBe(400)
    expect((await admin.post(`${base()}/${id}/importer`, {})).status).toBe(400)
    expect((await findImport(database.db, workspaceId, id))?.status).toBe('checked')

    const refused = await importAs(id, 'all')
    expect(refused.status).toBe(409)
    expect(text(await refused.text())).toContain('il ne peut pas être importé en entier')
    expect(await storedItems()).toEqual([])
    expect(await listDatacenters(database.db, workspaceId)).toEqual([])
    expect((await findImport(database.db, workspaceId, id))?.status).toBe('checked')

    expect((await importAs(id, 'valid')).status).toBe(303)
    const items = await storedItems()
    expect(items.map((item) => [item.type, item.quantity, item.datacenter])).toEqual([
      ['laptop', 3, null],
      ['smartphone', 4, null],
      ['server', 1, 'DC1'],
    ])
    expect((await listDatacenters(database.db, workspaceId)).map((dc) => [dc.shortName, dc.pue])).toEqual([
      ['DC1', 1.8],
    ])
    expect(await findImport(database.db, workspaceId, id)).toMatchObject({
      status: 'done',
      mode: 'valid',
      imported_rows: 3,
    })
  })

  it('refuses the import and rolls everything back when the file no longer reads as checked', async () => {
    await insertItems(database.db, workspaceId, [inventoryItem({ model: 'Gardé' })])
    const id = await upload(goodTemplate, {
      replace: true,
      datacenters: datacenterCsv.split('\n').slice(0, 2).join('\n'),
    })
    const row = await findImport(database.db, workspaceId, id)
    // The stored upload changes behind the check's back (one row now has an error).
    writeFileSync(join(dataDir, row?.file_path as string), errorTemplate)
    expect((await importAs(id, 'all')).status).toBe(303)
    expect(await findImport(database.db, workspaceId, id)).toMatchObject({
      status: 'failed',
      imported_rows: 0,
    })
    expect(await page(id)).toContain('Le fichier ne se lit plus comme lors de la vérification')
    // Replace mode: the old inventory is still there, and no datacenter was saved.
    expect((await storedItems()).map((item) => item.model)).toEqual(['Gardé'])
    expect(await listDatacenters(database.db, workspaceId)).toEqual([])
    // Checked again, it shows the new errors; abandoning it removes its files.
    expect((await admin.post(`${base()}/${id}/reverifier`)).status).toBe(303)
    await importJobs.whenIdle()
    expect(await page(id)).toContain('Lignes en erreur')
    expect((await admin.post(`${base()}/${id}/annuler`)).status).toBe(303)
  })

  it('imports with "valid" only the rows still valid, and refuses when their count changed', async () => {
    const id = await upload(errorTemplate)
    const row = await findImport(database.db, workspaceId, id)
    writeFileSync(join(dataDir, row?.file_path as string), `${errorTemplate}\nTablette;2;;;`)
    expect((await importAs(id, 'valid')).status).toBe(303)
    expect((await findImport(database.db, workspaceId, id))?.status).toBe('failed')
    expect(await storedItems()).toEqual([])
  })

  it('paginates the errors 100 a page', async () => {
    const rows = ['type;quantite', ...Array.from({ length: 150 }, () => 'Écran;-1'), 'Écran;1']
    const id = await upload(rows.join('\n'))
    const first = await page(id)
    expect(first).toContain('Erreurs 1 à 100 sur 150')
    expect(first).toContain(`href="${base()}/${id}?page=2#errors-heading"`)
    const second = await page(id, '?page=2')
    expect(second).toContain('Erreurs 101 à 150 sur 150')
    expect((await admin.request(`${base()}/${id}?page=0`)).status).toBe(400)
  })

  it('adds to the inventory, or replaces it', async () => {
    await insertItems(database.db, workspaceId, [
      inventoryItem({ model: 'Déjà là' }),
      inventoryItem({ model: 'Aussi' }),
    ])
    const added = await upload(goodTemplate)
    expect((await importAs(added, 'all')).status).toBe(303)
    expect(await storedItems()).toHaveLength(6)
    const replacing = await upload(goodTemplate, { replace: true })
    expect(await page(replacing)).toContain(
      'Cet import remplacera l’inventaire actuel (6 lignes seront supprimées)',
    )
    expect(await storedItems()).toHaveLength(6)
    expect((await importAs(replacing, 'all')).status).toBe(303)
    const items = await storedItems()
    expect(items.map((item) => item.model)).toEqual([
      'Dell Latitude 5440',
      'Iiyama ProLite 24',
      'HPE ProLiant DL360',
      'HP EliteDesk 800',
    ])
  })

  it('reads NumEcoEval equipment with its datacenter file; a workspace type mapping settles an unknown label after "revérifier"', async () => {
    const equipment = [
      'nomEquipementPhysique;fabricant;modele;type;quantite;statut;paysDUtilisation;dateAchat;nomCourtDatacenter',
      'PC-1;Dell;Latitude 5420;Ordinateur portable;2;En service;France;2022-01-15;',
      'PC-2;Lenovo;T14;Laptop;1;In use;France;2022-01-15;',
      'SRV-1;HPE;ProLiant DL380;Serveur;1;En service;France;2019-06-01;DC1',
      'ECR-1;Iiyama;ProLite;Monitor;3;Retired;France;2015-03-01;',
      'BRN-1;;;Borne Kiosque;1;En service;France;2021-01-01;',
    ].join('\n')
    const id = await upload(equipment, { datacenters: datacenterCsv.split('\n').slice(0, 2).join('\n') })
    const before = await page(id)
    expect(before).toContain('NumEcoEval (équipements physiques)')
    expect(before).toContain('Type d’équipement « Borne Kiosque » inconnu')
    expect(before).toContain(`label=${encodeURIComponent('Borne Kiosque')}`)
    expect(before).toContain('Importer uniquement les lignes valides : 4 (lignes en erreur ignorées : 1)')

    await saveTypeMapping(database.db, workspaceId, { label: 'Borne Kiosque', type: 'other' })
    const recheck = await admin.post(`${base()}/${id}/reverifier`)
    expect(recheck.status).toBe(303)
    await importJobs.whenIdle()
    const after = await page(id)
    expect(after).not.toContain('Borne Kiosque » inconnu')
    expect(after).toContain('Importer les 5 lignes')
    expect((await importAs(id, 'all')).status).toBe(303)
    const items = await storedItems()
    expect(items.map((item) => [item.reference, item.type, item.status])).toEqual([
      ['PC-1', 'laptop', 'in_use'],
      ['PC-2', 'laptop', 'in_use'],
      ['SRV-1', 'server', 'in_use'],
      ['ECR-1', 'monitor', 'retired'],
      ['BRN-1', 'other', 'in_use'],
    ])
    expect(items[2]?.datacenter).toBe('DC1')
    expect(
      (await listDatacenters(database.db, workspaceId)).map((dc) => [dc.shortName, dc.pue, dc.country]),
    ).toEqual([['DC1', 1.8, 'FR']])
  })

  it('imports a PCR-SI JSON file with its datacenters', async () => {
    const json = JSON.stringify({
      format: 'pcr-si',
      version: 1,
      datacenters: [{ shortName: 'DCJ', longName: 'Salle', pue: 1.4, country: 'FR' }],
      items: [
        { id: 'A1', type: 'laptop', name: 'ThinkPad T14', quantity: 30, lifetime: 5, tags: ['agents'] },
        {
          id: 'S1',
          type: 'Serveur',
          name: 'PowerEdge',
          quantity: 2,
          datacenter: 'DCJ',
          purchaseDate: '2022-03-01',
        },
      ],
    })
    const id = await upload(json, { name: 'inventaire.json' })
    const html = await page(id)
    expect(html).toContain('PCR-SI (JSON)')
    expect(html).toContain('Importer les 2 lignes')
    expect((await importAs(id, 'all')).status).toBe(303)
    const items = await storedItems()
    expect(
      items.map((item) => [item.reference, item.type, item.quantity, item.lifetimeYears, item.datacenter]),
    ).toEqual([
      ['A1', 'laptop', 30, 5, null],
      ['S1', 'server', 2, null, 'DCJ'],
    ])
    expect((await listDatacenters(database.db, workspaceId)).map((dc) => dc.shortName)).toEqual(['DCJ'])
  })

  it('imports our XLSX template', async () => {
    const items = [
      inventoryItem({
        type: 'tablet',
        model: 'iPad 9',
        quantity: 7,
        purchaseDate: '2023-02-01',
        site: 'Mairie',
      }),
      inventoryItem({ type: 'printer', model: 'LaserJet', quantity: 1, annualKwh: 12.5 }),
    ]
    const id = await upload(toTemplateXlsx(items), { name: 'inventaire.xlsx' })
    expect(await page(id)).toContain('Importer les 2 lignes')
    expect((await importAs(id, 'all')).status).toBe(303)
    const stored = await storedItems()
    expect(
      stored.map((item) => [item.type, item.model, item.quantity, item.purchaseDate, item.annualKwh]),
    ).toEqual([
      ['tablet', 'iPad 9', 7, '2023-02-01', null],
      ['printer', 'LaserJet', 1, null, 12.5],
    ])
  })

  it('refuses a file that cannot be read with one clear message naming the likely cause', async () => {
    const cases: [string | Uint8Array, string, string | undefined][] = [
      ['', 'Le fichier est vide.', undefined],
      ['type|quantite\nÉcran|3\n', 'semble séparé par « | »', undefined],
      [
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
        'classeur Excel ancien format (XLS)',
        undefined,
      ],
      ['type;quantite\n', 'ne contient que la ligne d’en-tête', undefined],
      [
        goodTemplate,
        'Fichier des centres de données : Ce fichier est un classeur Excel (XLSX), pas un fichier CSV',
        'xlsx',
      ],
    ]
    const before = uploadedFiles().length
    for (const [content, message, datacenters] of cases) {
      const id = await upload(content, datacenters ? { datacenters: toTemplateXlsx([inventoryItem()]) } : {})
      const html = await page(id)
      expect(html).toContain('Ce fichier ne peut pas être importé')
      expect(html).toContain(message)
      expect(html).toContain('Corrigez le fichier, puis envoyez-le de nouveau')
      expect((await findImport(database.db, workspaceId, id))?.status).toBe('refused')
      expect((await importAs(id, 'valid')).status).toBe(409)
      expect((await admin.post(`${base()}/${id}/reverifier`)).status).toBe(409)
      // A refused file is of no further use: it is not kept.
      expect(uploadedFiles()).toHaveLength(before)
    }
    expect(await storedItems()).toEqual([])
  })

  it('abandons a checked import: row and files deleted', async () => {
    const before = uploadedFiles().length
    const id = await upload(goodTemplate, { datacenters: datacenterCsv })
    expect(uploadedFiles()).toHaveLength(before + 2)
    const response = await admin.post(`${base()}/${id}/annuler`)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${base()}?info=abandonne`)
    expect(await findImport(database.db, workspaceId, id)).toBeUndefined()
    expect(uploadedFiles()).toHaveLength(before)
    expect(text(await (await admin.request(`${base()}?info=abandonne`)).text())).toContain(
      'L’import a été abandonné',
    )
  })

  it('refuses an upload whose CSRF field is missing, wrong or after the file, leaving no file behind', async () => {
    const before = uploadedFiles().length
    const imports = async () =>
      (
        await database.db
          .selectFrom('inventory_imports')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .execute()
      ).length
    const count = await imports()
    const file = () => new File([goodTemplate], 'inventaire.csv')
    const wrong = new FormData()
    wrong.append('_csrf', 'x'.repeat(43))
    wrong.append('fichier', file())
    const empty = new FormData()
    empty.append('_csrf', '')
    empty.append('fichier', file())
    const after = new FormData()
    after.append('fichier', file()) // the Visitor appends the right token after the file
    for (const form of [wrong, empty, after]) {
      const response = await admin.request(base(), { method: 'POST', multipart: form })
      expect(response.status).toBe(403)
      expect(text(await response.text())).toContain('Ce formulaire a expiré ou ne vient pas de Jalons')
    }
    // A form that is not multipart cannot carry its token where it is checked.
    expect((await admin.post(base(), { inventaire: 'ajouter' })).status).toBe(403)
    expect(uploadedFiles()).toHaveLength(before)
    expect(await imports()).toBe(count)
  })

  it('asks for a file when none was chosen (400), and nothing is kept', async () => {
    const form = new FormData()
    form.append('_csrf', admin.csrf)
    form.append('inventaire', 'remplacer')
    form.append('fichier', new File([], ''))
    const response = await admin.request(base(), { method: 'POST', multipart: form })
    expect(response.status).toBe(400)
    const html = text(await response.text())
    expect(html).toContain('Choisissez le fichier d’inventaire à importer.')
    expect(html).toContain('href="#fichier"')
    expect(html).toMatch(/id="inventaire-remplacer"[^>]*checked/)
    expect(html).toContain(`name="_csrf" value="${admin.csrf}"`)
  })

  it('lets a reader see the imports but not upload or import (403)', async () => {
    const id = await upload(goodTemplate)
    const list = await reader.request(base())
    expect(list.status).toBe(200)
    const html = text(await list.text())
    expect(html).not.toContain('enctype="multipart/form-data"')
    expect(html).toContain('Votre rôle dans cet espace permet de consulter les imports')
    expect((await reader.request(`${base()}/${id}`)).status).toBe(200)
    expect(text(await (await reader.request(`${base()}/${id}`)).text())).not.toContain('/importer')
    const before = uploadedFiles().length
    expect((await reader.upload(base(), { fichier: new File([goodTemplate], 'a.csv') })).status).toBe(403)
    expect(uploadedFiles()).toHaveLength(before)
    expect((await reader.post(`${base()}/${id}/importer`, { mode: 'all' })).status).toBe(403)
    expect((await reader.post(`${base()}/${id}/annuler`)).status).toBe(403)
    expect(await storedItems()).toEqual([])
  })

  it("answers 404 for another workspace's import, on every route", async () => {
    const foreign = await insertImport(database.db, {
      workspaceId: otherWorkspaceId,
      fileName: 'secret.csv',
      filePath: `imports/${otherWorkspaceId}/nope.upload`,
      datacenterFileName: null,
      datacenterFilePath: null,
      fileBytes: 10,
      replace: false,
      createdBy: null,
    })
    await database.db
      .updateTable('inventory_imports')
      .set({ status: 'checked', valid_rows: 1 })
      .where('id', '=', foreign)
      .execute()
    expect((await admin.request(`${base()}/${foreign}`)).status).toBe(404)
    for (const action of ['importer', 'reverifier', 'annuler'])
      expect((await admin.post(`${base()}/${foreign}/${action}`, { mode: 'all' })).status).toBe(404)
    expect((await admin.request(`/espace/${otherWorkspaceId}/empreinte/imports/${foreign}`)).status).toBe(404)
    expect((await findImport(database.db, otherWorkspaceId, foreign))?.status).toBe('checked')
    expect((await admin.request(`${base()}/abc`)).status).toBe(404)
  })

  it('shows the progress of a running job, refreshing every 2 s without JavaScript unless stopped', async () => {
    const filePath = `imports/${workspaceId}/running.upload`
    const id = await insertImport(database.db, {
      workspaceId,
      fileName: 'gros.csv',
      filePath,
      datacenterFileName: null,
      datacenterFilePath: null,
      fileBytes: 10,
      replace: false,
      createdBy: null,
    })
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    void importJobs.start(filePath, 'checking', async (progress) => {
      progress.rowsRead = 123_456
      await gate
    })
    // Released whatever the assertions say: a job left waiting would hang every later test.
    try {
      const running = await admin.request(`${base()}/${id}`)
      expect(running.headers.get('refresh')).toBe('2')
      const html = text(await running.text())
      expect(html).toContain('Vérification du fichier en cours : 123 456 lignes lues')
      expect(html).toContain(`<a href="${base()}/${id}">Actualiser maintenant</a>`)
      // The automatic update can be stopped (WCAG 2.2.1); the page then offers a manual update.
      expect(html).toContain(
        `<a href="${base()}/${id}?actualiser=non">Ne plus actualiser automatiquement</a>`,
      )
      const stopped = await admin.request(`${base()}/${id}?actualiser=non`)
      expect(stopped.headers.get('refresh')).toBeNull()
      expect(text(await stopped.text())).toContain(
        `<a href="${base()}/${id}?actualiser=non">Actualiser maintenant</a>`,
      )
    } finally {
      release()
    }
    await importJobs.whenIdle()
    expect(await page(id)).toContain('Traitement en cours.')
    await database.db.deleteFrom('inventory_imports').where('id', '=', id).execute()
  })

  it('marks imports left running by a stopped process as failed', async () => {
    const make = async (status: 'checking' | 'importing' | 'done') => {
      const id = await insertImport(database.db, {
        workspaceId,
        fileName: `${status}.csv`,
        filePath: `imports/${workspaceId}/${status}.upload`,
        datacenterFileName: null,
        datacenterFilePath: null,
        fileBytes: 1,
        replace: false,
        createdBy: null,
      })
      await database.db.updateTable('inventory_imports').set({ status }).where('id', '=', id).execute()
      return id
    }
    const checking = await make('checking')
    const importing = await make('importing')
    const done = await make('done')
    expect(await failInterruptedImports(database.db)).toBe(2)
    expect((await findImport(database.db, workspaceId, checking))?.status).toBe('failed')
    expect((await findImport(database.db, workspaceId, importing))?.status).toBe('failed')
    expect((await findImport(database.db, workspaceId, done))?.status).toBe('done')
    expect(await page(importing)).toContain('Le serveur a redémarré pendant le traitement')
    expect(await failInterruptedImports(database.db)).toBe(0)
  })

  it('serves the template to fill in, CSV and XLSX, without an account, in the page language', async () => {
    const anonymous = new Visitor(app)
    const csv = await anonymous.request('/empreinte/modele.csv')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.headers.get('content-disposition')).toContain('modele-inventaire.csv')
    expect((await csv.text()).replace('\uFEFF', '')).toMatch(/^type;modele;quantite/)
    const xlsx = await anonymous.request('/empreinte/modele.xlsx')
    expect(xlsx.status).toBe(200)
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK')
    const english = await app.request('/empreinte/modele.csv', { headers: { cookie: 'lang=en' } })
    expect((await english.text()).replace('\uFEFF', '')).toMatch(/^type;model;quantity/)
    const list = await (await admin.request(base())).text()
    expect(list).toContain('href="/empreinte/modele.csv"')
    expect(list).toContain('href="/empreinte/modele.xlsx"')
  })
})
