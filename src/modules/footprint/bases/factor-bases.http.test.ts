import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import type { Visitor } from '../../../test-support/test-users.js'
import { signedInMember } from '../../../test-support/workspace-members.js'
import type { FactorBase } from '../factor-base.schemas.js'
import { footprintSettings } from '../factor-bases.store.js'
import { baseFormValues, factorField } from './base-form.js'

const defaultId = 'ademe-negaoctet-2022'
const defaultKey = `${defaultId}@2022.1`
const publicPath = `/bases-de-facteurs/${defaultId}/2022.1`
const text = async (response: Response) => (await response.text()).replace(/[\u202f\u00a0]/g, ' ')
const csvFile = (content: string, name = 'base.csv') => new File([content], name, { type: 'text/csv' })

describe.each(testDialects())('factor bases over HTTP on %s', (dialect) => {
  let test: TestApp
  let workspaceId: number
  let otherWorkspaceId: number
  let adminId: number
  let admin: Visitor
  let reader: Visitor
  let other: Visitor
  const bases = () => `/espace/${workspaceId}/empreinte/bases`
  const ownId = () => `espace-${workspaceId}-parc-ajuste`

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const first = await signedInMember(test, 'admin@example.org', 'admin')
    admin = first.visitor
    workspaceId = first.workspaceId
    adminId = first.userId
    reader = (await signedInMember(test, 'lecteur@example.org', 'reader')).visitor
    const outsider = await signedInMember(test, 'autre@example.org', 'admin', '13055')
    other = outsider.visitor
    otherWorkspaceId = outsider.workspaceId
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const storedVersions = async (id: string) =>
    (
      await test.database.db
        .selectFrom('factor_bases')
        .select('version')
        .where('base_id', '=', id)
        .orderBy('version')
        .execute()
    ).map((row) => row.version)
  const stored = async (id: string, version: string) => {
    const row = await test.database.db
      .selectFrom('factor_bases')
      .selectAll()
      .where('base_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirstOrThrow()
    return { ...row, base: JSON.parse(row.content) as FactorBase }
  }
  const countBases = async () =>
    Number(
      (
        await test.database.db
          .selectFrom('factor_bases')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const auditOf = (entity: string) =>
    test.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'workspace_id', 'entity_id', 'action', 'before', 'after'])
      .where('entity', '=', entity)
      .orderBy('id')
      .execute()

  describe('public pages', () => {
    it('lists the platform bases with their id, version, title, date and origin', async () => {
      const response = await test.get('/bases-de-facteurs')
      expect(response.status).toBe(200)
      const html = await text(response)
      expect(html).toContain(`href="${publicPath}"`)
      expect(html).toContain('<code>ademe-negaoctet-2022</code>')
      expect(html).toContain('<td>2022.1</td>')
      expect(html).toContain('Base par défaut — ADEME Base Empreinte / NegaOctet 2022')
      expect(html).toContain('livrée avec Jalons')
    })

    it('shows the whole base: figures from the YAML, « non publié », electricity, sources, avoided impacts', async () => {
      const response = await test.get(publicPath)
      expect(response.status).toBe(200)
      const html = await text(response)
      // Laptop: lifetime 5, 26.5 W × 3 h, manufacturing 170 kgCO2e, 194,000 L of water, no end-of-life water.
      expect(html).toMatch(
        /<th scope="row" lang="fr">Ordinateur portable<\/th><td class="num">5<\/td><td class="num">26,5 W × 3 h\/j<\/td><td class="num">170<\/td><td class="num">12,3<\/td><td class="num">2,79<\/td><td class="num">194 000<\/td><td class="num">51,6<\/td><td class="num muted">non publié<\/td>/,
      )
      // Every published digit is shown, not rounded.
      expect(html).toContain('1,32115')
      expect(html).toContain('Ligne « ordinateur portable »')
      expect(html).toContain('Aucun facteur : ces équipements sont comptés et signalés « sans facteur ».')
      expect(html).toContain('<code>ademe-2025</code> <strong lang="fr">par défaut pour FR</strong>')
      expect(html).toContain('0,0461')
      expect(html).toContain('Base IMPACTS v2.01 de l’ADEME')
      expect(html).toContain('54,9 tCO2e évitées pour 1 000 ordinateurs portables')
      expect(html).toContain('Chiffres publiés par l’ADEME')
      expect(html).toContain(`href="${publicPath}.json"`)
      expect(html).toContain(`href="${publicPath}?format=csv"`)

      const english = await text(await test.get(publicPath, { lang: 'en' }))
      expect(english).toContain('26.5 W × 3 h/day')
      expect(english).toContain('194,000')
      expect(english).toContain('not published')
    })

    it('downloads the stored JSON exactly, by suffix or by query', async () => {
      const row = await stored(defaultId, '2022.1')
      for (const path of [`${publicPath}.json`, `${publicPath}?format=json`]) {
        const response = await test.get(path)
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toContain('application/json')
        expect(response.headers.get('content-disposition')).toContain(
          'base-facteurs-ademe-negaoctet-2022-2022.1.json',
        )
        expect(await response.text()).toBe(row.content)
      }
    })

    it('downloads the device figures as a CSV with a BOM and semicolons', async () => {
      const response = await test.get(`${publicPath}?format=csv`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/csv')
      const bytes = new Uint8Array(await response.arrayBuffer())
      // The byte order mark that spreadsheets need to read UTF-8 (Response.text() would drop it).
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const lines = new TextDecoder().decode(bytes).split('\r\n')
      expect(lines[0]).toBe(
        'type;label;lifetimeYears;activePowerW;hoursPerDay;climate.manufacturing (kgCO2e);climate.distribution (kgCO2e);climate.endOfLife (kgCO2e);water.manufacturing (L);water.distribution (L);water.endOfLife (L)',
      )
      expect(lines[1]).toBe('laptop;Ordinateur portable;5;26,5;3;170;12,3;2,79;194000;51,6;')
      expect(lines).toContain('other;Autre équipement;;;;;;;;;')
      expect(lines.filter((line) => line !== '')).toHaveLength(15)
    })

    it('answers 404 for an unknown base and 400 for an unknown format', async () => {
      expect((await test.get('/bases-de-facteurs/ademe-negaoctet-2022/1999.1')).status).toBe(404)
      expect((await test.get('/bases-de-facteurs/inconnue/1')).status).toBe(404)
      expect((await test.get(`${publicPath}?format=xml`)).status).toBe(400)
    })
  })

  describe('workspace', () => {
    it('shows the base and method in use and every base to members, the forms to editors only', async () => {
      const readerPage = await reader.request(bases())
      expect(readerPage.status).toBe(200)
      const readerHtml = await text(readerPage)
      expect(readerHtml).toContain(
        'L’espace calcule avec « Base par défaut — ADEME Base Empreinte / NegaOctet 2022 », version 2022.1, méthode stock.',
      )
      expect(readerHtml).toContain('(choix par défaut de la plateforme)')
      expect(readerHtml).toContain(`href="${bases()}/${defaultId}/2022.1"`)
      expect(readerHtml).not.toContain(`action="${bases()}/copier"`)
      expect(readerHtml).not.toContain(`action="${bases()}"`)

      const adminHtml = await text(await admin.request(bases()))
      expect(adminHtml).toContain(`action="${bases()}"`)
      expect(adminHtml).toContain(`action="${bases()}/copier"`)
      expect(adminHtml).toContain('Stock : chaque année d’usage')
      expect(adminHtml).toContain('Flux : la fabrication d’un équipement compte en entier')
      expect(adminHtml).toContain(`href="${bases()}?copier=${encodeURIComponent(defaultKey)}#copie"`)
    })

    it('refuses every change to a reader (403) and a non-member (404)', async () => {
      expect((await reader.post(bases(), { base: defaultKey, methode: 'flux' })).status).toBe(403)
      expect((await reader.post(`${bases()}/copier`, { depuis: defaultKey, nom: 'Lecteur' })).status).toBe(
        403,
      )
      expect(
        (
          await reader.upload(
            `${bases()}/importer`,
            { fichier: csvFile('type\nlaptop\n') },
            { nom: 'Lecteur' },
          )
        ).status,
      ).toBe(403)
      expect((await reader.request(`${bases()}/importer`)).status).toBe(403)
      // An import without the form's token is refused, even from an editor.
      const forged = new FormData()
      forged.append('_csrf', 'forged')
      forged.append('fichier', csvFile('type;lifetimeYears\nlaptop;6\n'))
      forged.append('nom', 'Forgée')
      expect((await admin.request(`${bases()}/importer`, { method: 'POST', multipart: forged })).status).toBe(
        403,
      )
      expect(await storedVersions(`espace-${workspaceId}-forgee`)).toEqual([])
      expect((await other.request(bases())).status).toBe(404)
      expect(await test.database.db.selectFrom('footprint_settings').selectAll().execute()).toEqual([])
    })

    it('changes the base and method, with an audit entry; refuses a bad method', async () => {
      const bad = await admin.post(bases(), { base: defaultKey, methode: 'autre' })
      expect(bad.status).toBe(400)
      expect(await text(bad)).toContain('Choisissez la méthode stock ou flux.')
      const unknown = await admin.post(bases(), { base: 'inconnue@1', methode: 'flux' })
      expect(unknown.status).toBe(400)
      expect(await test.database.db.selectFrom('footprint_settings').selectAll().execute()).toEqual([])

      const saved = await admin.post(bases(), { base: defaultKey, methode: 'flux' })
      expect(saved.status).toBe(303)
      expect(saved.headers.get('location')).toBe(`${bases()}?info=reglages`)
      const settings = await footprintSettings(test.database.db, workspaceId)
      expect([settings.base.id, settings.base.version, settings.method, settings.chosen]).toEqual([
        defaultId,
        '2022.1',
        'flux',
        true,
      ])
      const page = await text(await admin.request(`${bases()}?info=reglages`))
      expect(page).toContain('La base et la méthode de l’espace sont enregistrées.')
      expect(page).toContain('version 2022.1, méthode flux.')
      const audit = await auditOf('footprint_settings')
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({ actor_id: adminId, workspace_id: workspaceId, action: 'update' })
      expect(JSON.parse(audit[0]?.after ?? '')).toEqual({
        base_id: defaultId,
        base_version: '2022.1',
        method: 'flux',
      })
    })

    it('views a platform base from the workspace, with its downloads', async () => {
      const response = await admin.request(`${bases()}/${defaultId}/2022.1`)
      expect(response.status).toBe(200)
      const html = await text(response)
      expect(html).toContain('<td class="num">170</td>')
      expect(html).toContain('L’espace calcule son empreinte avec cette version.')
      expect(html).not.toContain('/modifier"')
      const json = await admin.request(`${bases()}/${defaultId}/2022.1?format=json`)
      expect(await json.text()).toBe((await stored(defaultId, '2022.1')).content)
      // A platform base is copied, never edited.
      expect((await admin.request(`${bases()}/${defaultId}/2022.1/modifier`)).status).toBe(404)
    })

    it('copies a base under a name: version 1, same content, owned by the workspace, audited', async () => {
      const response = await admin.post(`${bases()}/copier`, { depuis: defaultKey, nom: 'Parc ajusté' })
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe(`${bases()}/${ownId()}/1/modifier?info=copiee`)
      const copy = await stored(ownId(), '1')
      expect(copy).toMatchObject({ workspace_id: workspaceId, origin: 'workspace', title: 'Parc ajusté' })
      const original = (await stored(defaultId, '2022.1')).base
      expect(copy.base).toEqual({ ...original, id: ownId(), version: '1', title: 'Parc ajusté' })
      expect(await auditOf('factor_base')).toEqual([
        expect.objectContaining({
          actor_id: adminId,
          workspace_id: workspaceId,
          entity_id: `${ownId()}@1`,
          action: 'copy',
        }),
      ])
      const again = await admin.post(`${bases()}/copier`, { depuis: defaultKey, nom: 'Parc ajusté' })
      expect(again.status).toBe(409)
      expect(await text(again)).toContain('Une base nommée « Parc ajusté » existe déjà')
      const noName = await admin.post(`${bases()}/copier`, { depuis: defaultKey, nom: ' ' })
      expect(noName.status).toBe(400)
      expect(await storedVersions(ownId())).toEqual(['1'])
      // The copy is the workspace's own: not public.
      expect((await test.get(`/bases-de-facteurs/${ownId()}/1`)).status).toBe(404)
      expect((await test.get(`/bases-de-facteurs/${ownId()}/1.json`)).status).toBe(404)
      expect(await text(await test.get('/bases-de-facteurs'))).not.toContain(ownId())
      // The workspace lists it, and offers to compute with it in one click.
      expect(await text(await admin.request(bases()))).toContain(`href="${bases()}/${ownId()}/1"`)
      const view = await text(await admin.request(`${bases()}/${ownId()}/1`))
      expect(view).toContain(`<input type="hidden" name="base" value="${ownId()}@1"/>`)
      expect(view).toContain(`href="${bases()}/${ownId()}/1/modifier"`)
    })

    it('edits a factor: publishes version 2, leaves version 1 as it was, and settings may point at it', async () => {
      const form = await admin.request(`${bases()}/${ownId()}/1/modifier?info=copiee`)
      expect(form.status).toBe(200)
      const formHtml = await text(form)
      expect(formHtml).toContain('La copie est créée en version 1.')
      expect(formHtml).toContain('name="d-laptop-manufacturing-climate"')
      expect(formHtml).toContain('value="170"')
      expect(formHtml).toContain('Publier la version 2')

      const version1 = (await stored(ownId(), '1')).content
      const values = baseFormValues((await stored(ownId(), '1')).base, 'fr')
      values[factorField('laptop', 'manufacturing', 'climate')] = '180,5'
      values['e-0-climate'] = '0,05'
      const saved = await admin.post(`${bases()}/${ownId()}/1/modifier`, values)
      expect(saved.status).toBe(303)
      expect(saved.headers.get('location')).toBe(`${bases()}/${ownId()}/2?info=publiee`)
      expect(await storedVersions(ownId())).toEqual(['1', '2'])
      expect((await stored(ownId(), '1')).content).toBe(version1)
      const version2 = (await stored(ownId(), '2')).base
      expect(version2.devices.laptop.factors?.manufacturing.climate).toBe(180.5)
      expect(version2.electricity.options[0]?.perKwh.climate).toBe(0.05)
      // Everything else is the copy's.
      const copy = (await stored(ownId(), '1')).base
      expect({ ...version2, version: '1', devices: copy.devices, electricity: copy.electricity }).toEqual(
        copy,
      )
      expect(version2.devices.desktop).toEqual(copy.devices.desktop)
      const audit = await auditOf('factor_base')
      expect(audit.at(-1)).toMatchObject({ entity_id: `${ownId()}@2`, action: 'edit' })

      const page = await text(await admin.request(`${bases()}/${ownId()}/2?info=publiee`))
      expect(page).toContain('La version 2 est publiée.')
      expect(page).toContain('<td class="num">180,5</td>')
      expect(page).toContain('base propre à l’espace')

      expect((await admin.post(bases(), { base: `${ownId()}@2`, methode: 'stock' })).status).toBe(303)
      const settings = await footprintSettings(test.database.db, workspaceId)
      expect([settings.base.id, settings.base.version]).toEqual([ownId(), '2'])
    })

    it('refuses a bad edit with 400, naming the type and field, and publishes nothing', async () => {
      const values = baseFormValues((await stored(ownId(), '2')).base, 'fr')
      values['d-laptop-lifetimeYears'] = 'abc'
      values['d-smartphone-hoursPerDay'] = '30'
      values[factorField('monitor', 'distribution', 'water')] = '-2'
      const response = await admin.post(`${bases()}/${ownId()}/2/modifier`, values)
      expect(response.status).toBe(400)
      const html = await text(response)
      expect(html).toContain(
        'href="#d-laptop-lifetimeYears">Ordinateur portable — Durée de vie (années) : « abc » n’est pas un nombre',
      )
      expect(html).toContain('Smartphone — Heures d’usage par jour : au plus 24 heures par jour')
      expect(html).toContain('Écran — Consommation d’eau, distribution (L) : « -2 » est négatif')
      // What was typed is kept.
      expect(html).toContain('value="abc"')
      expect(await storedVersions(ownId())).toEqual(['1', '2'])
    })

    it('keeps another workspace’s own base out of reach: 404 on view, edit, copy; refused as a setting', async () => {
      expect((await other.request(`/espace/${otherWorkspaceId}/empreinte/bases/${ownId()}/1`)).status).toBe(
        404,
      )
      expect(
        (await other.request(`/espace/${otherWorkspaceId}/empreinte/bases/${ownId()}/1?format=json`)).status,
      ).toBe(404)
      expect(
        (await other.request(`/espace/${otherWorkspaceId}/empreinte/bases/${ownId()}/1/modifier`)).status,
      ).toBe(404)
      const values = baseFormValues((await stored(ownId(), '2')).base, 'fr')
      expect(
        (await other.post(`/espace/${otherWorkspaceId}/empreinte/bases/${ownId()}/2/modifier`, values))
          .status,
      ).toBe(404)
      expect(
        (
          await other.post(`/espace/${otherWorkspaceId}/empreinte/bases/copier`, {
            depuis: `${ownId()}@1`,
            nom: 'Vol',
          })
        ).status,
      ).toBe(404)
      expect(
        (
          await other.post(`/espace/${otherWorkspaceId}/empreinte/bases`, {
            base: `${ownId()}@1`,
            methode: 'stock',
          })
        ).status,
      ).toBe(400)
      const otherList = await text(await other.request(`/espace/${otherWorkspaceId}/empreinte/bases`))
      expect(otherList).not.toContain(ownId())
      expect(await storedVersions(ownId())).toEqual(['1', '2'])
      expect(await storedVersions(`espace-${otherWorkspaceId}-vol`)).toEqual([])
    })

    it('imports a CSV as a new base, starting from a chosen base for the rest', async () => {
      const form = await admin.request(`${bases()}/importer`)
      expect(form.status).toBe(200)
      expect(await text(form)).toContain('enctype="multipart/form-data"')
      const csv = [
        'type;lifetimeYears;climate.manufacturing (kgCO2e);water.endOfLife',
        'laptop;6;200;',
        'Smartphone;3,5;81,2;12',
        '',
      ].join('\r\n')
      const response = await admin.upload(
        `${bases()}/importer`,
        { fichier: csvFile(csv) },
        { depart: defaultKey, cible: '', nom: 'Import tableur', source: 'Inventaire fournisseur 2025' },
      )
      expect(response.status).toBe(303)
      const id = `espace-${workspaceId}-import-tableur`
      expect(response.headers.get('location')).toBe(`${bases()}/${id}/1?info=importee`)
      const imported = (await stored(id, '1')).base
      const original = (await stored(defaultId, '2022.1')).base
      expect(imported.devices.laptop).toEqual({
        ...original.devices.laptop,
        lifetimeYears: 6,
        factors: {
          ...original.devices.laptop.factors,
          manufacturing: { climate: 200, water: 194000 },
        },
        source: 'Inventaire fournisseur 2025',
      })
      expect(imported.devices.smartphone.factors?.endOfLife).toEqual({ climate: 0.246, water: 12 })
      expect(imported.devices.smartphone.lifetimeYears).toBe(3.5)
      expect(imported.devices.desktop).toEqual(original.devices.desktop)
      expect(imported.electricity).toEqual(original.electricity)
      expect(imported.title).toBe('Import tableur')
      expect((await auditOf('factor_base')).at(-1)).toMatchObject({ entity_id: `${id}@1`, action: 'import' })
      expect(await text(await admin.request(`${bases()}/${id}/1?info=importee`))).toContain(
        'Le fichier est importé : la version 1 est publiée.',
      )
    })

    it('imports a CSV as the next version of an own base', async () => {
      const response = await admin.upload(
        `${bases()}/importer`,
        { fichier: csvFile('type;climate.manufacturing\nlaptop;175\n') },
        { depart: `${ownId()}@2`, cible: ownId(), nom: '' },
      )
      expect(response.status).toBe(303)
      expect(await storedVersions(ownId())).toEqual(['1', '2', '3'])
      const version3 = (await stored(ownId(), '3')).base
      expect(version3.devices.laptop.factors?.manufacturing.climate).toBe(175)
      expect(version3.title).toBe('Parc ajusté')
      expect(version3.electricity.options[0]?.perKwh.climate).toBe(0.05)
    })

    it('refuses a bad CSV with each problem’s line, column and reason, and publishes nothing', async () => {
      const before = await countBases()
      const csv = ['type;lifetimeYears;climate.manufacturing (kgCO2e);couleur', 'laptop;5;170;', ''].join(
        '\n',
      )
      const unknownColumn = await admin.upload(
        `${bases()}/importer`,
        { fichier: csvFile(csv) },
        { depart: defaultKey, cible: '', nom: 'Mauvais' },
      )
      expect(unknownColumn.status).toBe(400)
      expect(await text(unknownColumn)).toContain(
        '<td class="num">1</td><td><code>couleur</code></td><td>colonne « couleur » inconnue',
      )

      const rows = [
        'type;lifetimeYears;hoursPerDay;climate.manufacturing (kgCO2e)',
        'laptop;5;3;abc',
        'frigo;5;3;100',
        'smartphone;0,5;3;77',
        'laptop;5;3;170',
        'tablet;3;-2;80',
        '',
      ].join('\n')
      const response = await admin.upload(
        `${bases()}/importer`,
        { fichier: csvFile(rows) },
        { depart: defaultKey, cible: '', nom: 'Mauvais' },
      )
      expect(response.status).toBe(400)
      const html = await text(response)
      expect(html).toContain('Le fichier contient 5 problème(s) : rien n’a été publié.')
      expect(html).toContain(
        '<td class="num">2</td><td><code>climate.manufacturing (kgCO2e)</code></td><td>« abc » n’est pas un nombre</td>',
      )
      expect(html).toContain('<td class="num">3</td><td><code>type</code></td><td>type « frigo » inconnu')
      expect(html).toContain(
        '<td class="num">4</td><td><code>lifetimeYears</code></td><td>la durée de vie est d’au moins 1 an</td>',
      )
      expect(html).toContain(
        '<td class="num">5</td><td><code>type</code></td><td>type « laptop » déjà donné à la ligne 2</td>',
      )
      expect(html).toContain('<td class="num">6</td><td><code>hoursPerDay</code></td><td>« -2 » est négatif')
      expect(await countBases()).toBe(before)

      const noFile = await admin.upload(
        `${bases()}/importer`,
        {},
        { depart: defaultKey, cible: '', nom: 'Vide' },
      )
      expect(noFile.status).toBe(400)
      const taken = await admin.upload(
        `${bases()}/importer`,
        { fichier: csvFile('type;climate.manufacturing\nlaptop;175\n') },
        { depart: defaultKey, cible: '', nom: 'Parc ajusté' },
      )
      expect(taken.status).toBe(409)
      const otherTarget = await admin.upload(
        `${bases()}/importer`,
        { fichier: csvFile('type;climate.manufacturing\nlaptop;175\n') },
        { depart: defaultKey, cible: defaultId, nom: '' },
      )
      expect(otherTarget.status).toBe(400)
      expect(await countBases()).toBe(before)
    })

    it('round-trips: a base’s CSV export imported again gives the same device figures', async () => {
      for (const [id, version] of [
        [defaultId, '2022.1'],
        [ownId(), '3'],
      ] as const) {
        const csv = await (await admin.request(`${bases()}/${id}/${version}?format=csv`)).text()
        const name = `Aller retour ${version}`
        const response = await admin.upload(
          `${bases()}/importer`,
          { fichier: csvFile(csv) },
          { depart: defaultKey, cible: '', nom: name },
        )
        expect(response.status).toBe(303)
        const copy = (await stored(`espace-${workspaceId}-aller-retour-${version.replace('.', '-')}`, '1'))
          .base
        const source = (await stored(id, version)).base
        expect(copy.devices).toEqual(source.devices)
      }
    })
  })
})
