import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import type { Visitor } from '../../../test-support/test-users.js'
import { signedInMember } from '../../../test-support/workspace-members.js'
import { insertItems } from '../../inventory/inventory.queries.js'
import { createObjective } from '../objectives/objectives.queries.js'
import { maxEvidenceBytes } from './evidence-file.js'

/** The page's text with HTML entities undone and narrow spaces made plain, for messages. */
const text = (html: string) =>
  html
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replace(/[\u202f\u00a0]/g, ' ')

const pdf = (body = 'preuve') => new TextEncoder().encode(`%PDF-1.4\n% ${body}\n%%EOF\n`)
const nextYear = new Date().getUTCFullYear() + 1

describe.each(testDialects())('indicator values over HTTP on %s', (dialect) => {
  let test: TestApp
  let dataDir: string
  let workspaceId: number
  let adminId: number
  let outsiderWorkspaceId: number
  let admin: Visitor
  let reader: Visitor
  let outsider: Visitor
  const list = () => `/espace/${workspaceId}/strategie/indicateurs`
  const page = (indicatorId = '4.4') => `${list()}/${indicatorId}`
  const db = () => test.database.db

  const evidenceFiles = (id = workspaceId) => {
    const folder = join(dataDir, 'evidence', String(id))
    return existsSync(folder) ? readdirSync(folder) : []
  }
  const storedValues = () =>
    db().selectFrom('indicator_values').selectAll().where('workspace_id', '=', workspaceId).execute()
  const auditOf = () =>
    db()
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_id', 'before', 'after', 'actor_id'])
      .where('workspace_id', '=', workspaceId)
      .where('entity', '=', 'indicator_value')
      .orderBy('id')
      .execute()
  const save = (fields: Record<string, string>, files: Record<string, File> = {}, visitor = admin) =>
    visitor.upload(page(), files, fields)

  beforeAll(async () => {
    test = await startTestApp(dialect)
    dataDir = test.config.dataDir
    const signedAdmin = await signedInMember(test, 'admin@example.org', 'admin')
    workspaceId = signedAdmin.workspaceId
    adminId = signedAdmin.userId
    admin = signedAdmin.visitor
    reader = (await signedInMember(test, 'reader@example.org', 'reader')).visitor
    const other = await signedInMember(test, 'autre@example.org', 'admin', '13055')
    outsider = other.visitor
    outsiderWorkspaceId = other.workspaceId
  })
  afterAll(async () => {
    await test.database.dispose()
    rmSync(dataDir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    await db().deleteFrom('indicator_values').execute()
    rmSync(join(dataDir, 'evidence'), { recursive: true, force: true })
  })

  it('lists every indicator of the referential by commitment, for the year asked', async () => {
    const response = await admin.request(`${list()}?annee=2025`)
    expect(response.status).toBe(200)
    const html = text(await response.text())
    expect(html).toContain('<h1>Indicateurs 2025</h1>')
    expect(html).toContain('Indicateurs ayant une valeur en 2025 : 0 sur 49.')
    expect(html).toContain('Indicateurs de l’engagement A2.E1 en 2025')
    expect(html).toContain(`href="${list()}/4.1?annee=2025">4.1 — Empreinte carbone du numérique interne</a>`)
    expect(html).toContain('Non renseigné (calculable : pas de données cette année)')
    expect(html).toContain('aria-current="page">Indicateurs</a>')
  })

  it('speaks English to an English visitor, computed sources included', async () => {
    const english = (await signedInMember(test, 'english@example.org', 'reader')).visitor
    await english.request('/langue?lang=en')
    await save({ annee: '2024', valeur: '2,5' })
    const listed = text(await (await english.request(`${list()}?annee=2024`)).text())
    expect(listed).toContain('<h1>Indicators 2024</h1>')
    expect(listed).toContain('Indicators with a value in 2024: 1 out of 49.')
    expect(listed).toContain('2.5 kWh')
    const shown = text(await (await english.request(page())).text())
    expect(shown).toContain('Your role lets you read the indicators, not enter them.')
    expect(shown).toContain('Values of indicator 4.4 by year (kWh)')
  })

  it('refuses a malformed year, naming the parameter', async () => {
    for (const year of ['abc', '1999', String(nextYear + 1)]) {
      const response = await admin.request(`${list()}?annee=${year}`)
      expect(response.status, year).toBe(400)
      expect(await response.text()).toContain('annee')
      const one = await admin.request(`${page()}?annee=${year}`)
      expect(one.status, year).toBe(400)
      expect(await one.text()).toContain('annee')
    }
  })

  it('answers 404 naming an indicator the referential does not have', async () => {
    const response = await admin.request(`${list()}/9.99`)
    expect(response.status).toBe(404)
    expect(text(await response.text())).toContain(
      'L’indicateur « 9.99 » n’existe pas dans le référentiel en vigueur.',
    )
    const unknown = await admin.upload(`${list()}/9.99`, {}, { annee: '2024', valeur: '3' })
    expect(unknown.status).toBe(404)
    expect(text(await unknown.text())).toContain('« 9.99 »')
    expect(await storedValues()).toEqual([])
  })

  it('saves a value typed with a decimal comma, then updates it, each with its audit entry', async () => {
    const created = await save({
      annee: '2024',
      valeur: '1 234,5',
      source: 'Factures EDF',
      commentaire: 'Salle du sous-sol',
      lien: 'https://example.org/factures',
    })
    expect(created.status).toBe(303)
    expect(created.headers.get('location')).toBe(`${page()}?annee=2024&info=enregistree`)
    const [row] = await storedValues()
    expect(row).toMatchObject({
      indicator_id: '4.4',
      year: 2024,
      value: 1234.5,
      source: 'Factures EDF',
      comment: 'Salle du sous-sol',
      evidence_url: 'https://example.org/factures',
      evidence_file_path: null,
    })
    const shown = text(await (await admin.request(created.headers.get('location') as string)).text())
    expect(shown).toContain('Valeur de 2024 enregistrée.')
    expect(shown).toContain('1 234,5 kWh')
    expect(shown).toContain('saisi')
    expect(shown).toContain('href="https://example.org/factures"')
    // The form opens on that year, to correct it.
    expect(shown).toContain('value="1234,5"')

    expect((await save({ annee: '2024', valeur: '1300', source: '' })).status).toBe(303)
    const rows = await storedValues()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ value: 1300, source: null, evidence_url: null })
    const audit = (await auditOf()).filter((entry) => entry.entity_id === String(row?.id))
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update'])
    expect(JSON.parse(audit[1]?.before ?? '{}')).toMatchObject({
      indicatorId: '4.4',
      year: 2024,
      value: 1234.5,
    })
    expect(JSON.parse(audit[1]?.after ?? '{}')).toMatchObject({ value: 1300, source: null })

    // The list shows it too, as entered.
    const listed = text(await (await admin.request(`${list()}?annee=2024`)).text())
    expect(listed).toContain('1 300 kWh')
    expect(listed).toContain('Indicateurs ayant une valeur en 2024 : 1 sur 49.')
  })

  it('refuses a bad year, value or address, naming the field, and writes nothing', async () => {
    const before = (await auditOf()).length
    const cases: [Record<string, string>, string, string][] = [
      [{ annee: '1999', valeur: '3' }, 'annee', `Indiquez une année de 2000 à ${nextYear}.`],
      [{ annee: String(nextYear + 1), valeur: '3' }, 'annee', `Indiquez une année de 2000 à ${nextYear}.`],
      [{ annee: '', valeur: '3' }, 'annee', 'Indiquez l’année.'],
      [{ annee: '2024', valeur: 'douze' }, 'valeur', 'Indiquez un nombre, par exemple 12,5.'],
      [{ annee: '2024', valeur: '1e400' }, 'valeur', 'Indiquez un nombre, par exemple 12,5.'],
      [{ annee: '2024', valeur: '' }, 'valeur', 'Indiquez la valeur.'],
      [
        { annee: '2024', valeur: '3', lien: 'javascript:alert(1)' },
        'lien',
        'Indiquez une adresse commençant par http:// ou https://.',
      ],
      [{ annee: '2024', valeur: '3', lien: 'ftp://example.org/x' }, 'lien', 'http://'],
      [{ annee: '2024', valeur: '3', source: 'x'.repeat(301) }, 'source', '300 caractères au plus.'],
    ]
    for (const [fields, field, message] of cases) {
      const response = await save(fields)
      expect(response.status, JSON.stringify(fields)).toBe(400)
      const html = text(await response.text())
      expect(html).toContain(message)
      expect(html).toContain(`href="#${field}"`)
      expect(html).toContain(`id="${field}"`)
      expect(html).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`))
    }
    expect(await storedValues()).toEqual([])
    expect(await auditOf()).toHaveLength(before)
  })

  it('stores an evidence file under a random name and gives it back to members only', async () => {
    const content = pdf('bilan')
    const response = await save(
      { annee: '2024', valeur: '3' },
      { fichier: new File([content], 'Bilan énergie 2024.pdf', { type: 'application/pdf' }) },
    )
    expect(response.status).toBe(303)
    const [row] = await storedValues()
    expect(row).toMatchObject({
      evidence_file_name: 'Bilan énergie 2024.pdf',
      evidence_content_type: 'application/pdf',
      evidence_bytes: content.byteLength,
    })
    expect(row?.evidence_file_path).toMatch(new RegExp(`^${workspaceId}/[0-9a-f]{32}$`))
    const files = evidenceFiles()
    expect(files).toHaveLength(1)
    expect(files[0]).not.toContain('Bilan')
    expect(readFileSync(join(dataDir, 'evidence', row?.evidence_file_path as string))).toEqual(
      Buffer.from(content),
    )

    const shown = text(await (await reader.request(`${page()}?annee=2024`)).text())
    expect(shown).toContain(`href="${page()}/2024/preuve">Preuve : Bilan énergie 2024.pdf`)
    const download = await reader.request(`${page()}/2024/preuve`)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(download.headers.get('x-content-type-options')).toBe('nosniff')
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Bilan _nergie 2024.pdf"; filename*=UTF-8''Bilan%20%C3%A9nergie%202024.pdf`,
    )
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(content)

    // Another workspace's member: the workspace is not there for them, nor the value in their own.
    expect((await outsider.request(`${page()}/2024/preuve`)).status).toBe(404)
    expect(
      (await outsider.request(`/espace/${outsiderWorkspaceId}/strategie/indicateurs/4.4/2024/preuve`)).status,
    ).toBe(404)
    // No file for the year, or no such year.
    expect((await reader.request(`${page()}/2023/preuve`)).status).toBe(404)
    expect((await reader.request(`${page()}/abcd/preuve`)).status).toBe(404)
  })

  it('replaces a file by a new one and removes it on request, leaving no file behind', async () => {
    await save({ annee: '2024', valeur: '3' }, { fichier: new File([pdf('un')], 'un.pdf') })
    const first = evidenceFiles()
    expect(first).toHaveLength(1)
    await save({ annee: '2024', valeur: '4' }, { fichier: new File([pdf('deux')], 'deux.pdf') })
    const second = evidenceFiles()
    expect(second).toHaveLength(1)
    expect(second[0]).not.toBe(first[0])
    // Saving without a file keeps the one there.
    await save({ annee: '2024', valeur: '5' })
    expect(evidenceFiles()).toEqual(second)
    expect((await storedValues())[0]?.evidence_file_name).toBe('deux.pdf')
    const form = text(await (await admin.request(`${page()}?annee=2024`)).text())
    expect(form).toContain('Fichier joint pour cette année : deux.pdf.')
    await save({ annee: '2024', valeur: '5', retirer_fichier: '1' })
    expect(evidenceFiles()).toEqual([])
    expect((await storedValues())[0]).toMatchObject({ evidence_file_path: null, evidence_file_name: null })
  })

  it('refuses a forbidden type and a lying extension, storing nothing', async () => {
    const cases: [File, string][] = [
      [
        new File([new Uint8Array([0x4d, 0x5a, 0x90, 0])], 'outil.exe'),
        'Ce type de fichier n’est pas accepté',
      ],
      [new File(['<html><script>alert(1)</script>'], 'rapport.pdf'), 'ne correspond pas à un fichier PDF'],
      [new File([pdf()], 'image.png'), 'ne correspond pas à un fichier PNG'],
      [new File([''], 'vide.pdf'), 'Le fichier est vide.'],
    ]
    for (const [file, message] of cases) {
      const response = await save({ annee: '2024', valeur: '3' }, { fichier: file })
      expect(response.status, file.name).toBe(400)
      const html = text(await response.text())
      expect(html).toContain(message)
      expect(html).toContain('href="#fichier"')
    }
    expect(await storedValues()).toEqual([])
    expect(evidenceFiles()).toEqual([])
  })

  it('refuses a file over 10 MB with a clear page, storing nothing', async () => {
    const huge = new Uint8Array(maxEvidenceBytes + 200 * 1024)
    huge.set(pdf())
    const refused = await save({ annee: '2024', valeur: '3' }, { fichier: new File([huge], 'gros.pdf') })
    expect(refused.status).toBe(413)
    const html = text(await refused.text())
    expect(html).toContain('Fichier trop volumineux')
    expect(html).toContain('dépasse 10 Mo')
    expect(html).toContain(`href="${page()}"`)
    // Just over the limit, within the form's allowance: the form says so, on the file field.
    const justOver = new Uint8Array(maxEvidenceBytes + 1)
    justOver.set(pdf())
    const refusedByForm = await save(
      { annee: '2024', valeur: '3' },
      { fichier: new File([justOver], 'gros.pdf') },
    )
    expect(refusedByForm.status).toBe(413)
    const form = text(await refusedByForm.text())
    expect(form).toContain('Le fichier dépasse 10 Mo.')
    expect(form).toContain('href="#fichier"')
    expect(await storedValues()).toEqual([])
    expect(evidenceFiles()).toEqual([])
  })

  it('deletes an entered value with its file and audit entry', async () => {
    await save({ annee: '2023', valeur: '7' }, { fichier: new File([pdf()], 'preuve.pdf') })
    expect(evidenceFiles()).toHaveLength(1)
    const [row] = await storedValues()
    const deleted = await admin.post(`${page()}/2023/supprimer`)
    expect(deleted.status).toBe(303)
    expect(deleted.headers.get('location')).toBe(`${page()}?annee=2023&info=supprimee`)
    expect(await storedValues()).toEqual([])
    expect(evidenceFiles()).toEqual([])
    const audit = (await auditOf()).at(-1)
    expect(audit).toMatchObject({ action: 'delete', entity_id: String(row?.id), after: null })
    expect(JSON.parse(audit?.before ?? '{}')).toMatchObject({
      indicatorId: '4.4',
      year: 2023,
      value: 7,
      evidenceFile: 'preuve.pdf',
    })
    const again = await admin.post(`${page()}/2023/supprimer`)
    expect(again.status).toBe(404)
    expect(text(await again.text())).toContain('Aucune valeur saisie pour l’indicateur 4.4 en 2023.')
    // A year that is not one, or an indicator the referential does not have: nothing to delete.
    expect((await admin.post(`${page()}/abcd/supprimer`)).status).toBe(404)
    expect((await admin.post(`${page('9.99')}/2023/supprimer`)).status).toBe(404)
  })

  it('lists the objectives set on the indicator, and offers to set one to those who may', async () => {
    const before = await (await admin.request(page('2.3'))).text()
    expect(before).toContain('Aucun objectif ne porte sur cet indicateur.')
    expect(before).toContain(`href="/espace/${workspaceId}/strategie/objectifs/nouveau?indicateur=2.3"`)
    const objectiveId = await createObjective(test.database.db, {
      workspaceId,
      actorId: adminId,
      objective: {
        indicatorId: '2.3',
        title: 'Former la moitié des agents',
        decreeAxis: 4,
        baseline: { year: 2024, value: 10 },
        targets: [{ year: 2027, value: 50 }],
        comment: null,
      },
    })
    const after = await (await reader.request(page('2.3'))).text()
    expect(after).toContain(
      `<a href="/espace/${workspaceId}/strategie/objectifs/${objectiveId}">Former la moitié des agents</a>`,
    )
    expect(after).not.toContain('objectifs/nouveau')
    // Only this indicator's objectives.
    expect(await (await admin.request(page('2.4'))).text()).not.toContain('Former la moitié des agents')
  })

  it('lets readers read, not write', async () => {
    await save({ annee: '2024', valeur: '3' })
    const shown = text(await (await reader.request(page())).text())
    expect(shown).toContain('Votre rôle permet de consulter les indicateurs, pas de les saisir.')
    expect(shown).not.toContain('enctype="multipart/form-data"')
    expect(shown).not.toContain('/supprimer')
    expect((await save({ annee: '2024', valeur: '9' }, {}, reader)).status).toBe(403)
    expect((await reader.post(`${page()}/2024/supprimer`)).status).toBe(403)
    expect((await storedValues())[0]?.value).toBe(3)
    // Another workspace's member does not see the workspace at all.
    expect((await outsider.request(list())).status).toBe(404)
    expect((await save({ annee: '2024', valeur: '9' }, {}, outsider)).status).toBe(404)
  })

  it('shows a computed value with its explanation, until a member enters one', async () => {
    const year = new Date().getUTCFullYear()
    await insertItems(db(), workspaceId, [
      inventoryItem({ type: 'laptop', quantity: 12, purchaseDate: '2021-01-01' }),
    ])
    try {
      const before = text(await (await admin.request(`${list()}/4.1?annee=${year}`)).text())
      expect(before).toContain('calculé')
      expect(before).toContain(
        `href="/espace/${workspaceId}/empreinte/explication?annee=${year}&methode=stock&critere=climate"`,
      )
      expect(before).toContain('role="img"')
      expect(before).toContain('Évolution de l’indicateur 4.1 (tCO2e)')
      expect(before).toContain('Mesures de l’indicateur 4.1 calculées par la plateforme, par année')
      expect((await admin.upload(`${list()}/4.1`, {}, { annee: String(year), valeur: '42' })).status).toBe(
        303,
      )
      const after = text(await (await admin.request(`${list()}?annee=${year}`)).text())
      expect(after).toContain('42 tCO2e')
      expect(after).toContain('saisi')
    } finally {
      await db().deleteFrom('inventory_items').execute()
    }
  })
})
