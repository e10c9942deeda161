import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../app.js'
import { loadConfig } from '../../../config.js'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import { Visitor } from '../../../test-support/test-users.js'
import { signedInMember } from '../../../test-support/workspace-members.js'
import type { PublicStrategySnapshot } from '../publication/public-snapshot.js'
import { insertAction, insertIndicatorValue, insertObjective } from '../test-strategy-data.js'

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const chromiumPresent = existsSync(chromiumPath)
if (!chromiumPresent) {
  const message = `Chromium not found at ${chromiumPath} (set CHROMIUM_PATH, or apt-get install chromium)`
  if (process.env.JALONS_REQUIRE_ALL_SUITES === '1')
    throw new Error(`JALONS_REQUIRE_ALL_SUITES=1 but ${message}: the PDF tests cannot run`)
  console.warn(`jalons: ${message}: the documents' PDF prints are skipped`)
}

const year = 2025

describe.each(testDialects())('strategy documents on %s', (dialect) => {
  let test: TestApp
  let admin: Visitor
  let contributor: Visitor
  let reader: Visitor
  let workspaceId: number
  let otherWorkspaceId: number
  let otherAdmin: Visitor
  let otherDocumentId: number
  let publicActionId: number
  const base = () => `/espace/${workspaceId}/strategie/documents`

  const documents = () =>
    test.database.db
      .selectFrom('strategy_documents')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute()
  const auditOf = (entity: string) =>
    test.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'action', 'actor_id', 'after'])
      .where('workspace_id', '=', workspaceId)
      .where('entity', '=', entity)
      .orderBy('id')
      .execute()

  beforeAll(async () => {
    test = await startTestApp(dialect)
    ;({ visitor: admin, workspaceId } = await signedInMember(test, 'admin@example.org', 'admin'))
    ;({ visitor: contributor } = await signedInMember(test, 'contrib@example.org', 'contributor'))
    ;({ visitor: reader } = await signedInMember(test, 'reader@example.org', 'reader'))
    ;({ visitor: otherAdmin, workspaceId: otherWorkspaceId } = await signedInMember(
      test,
      'marseille@example.org',
      'admin',
      '13055',
    ))
    const db = test.database.db
    const objectiveId = await insertObjective(db, workspaceId, {
      indicatorId: '1.1',
      title: 'Garder un guichet humain pour chaque démarche',
      baseline: { year: 2023, value: 40 },
      targets: [{ year: 2027, value: 80 }],
      decreeAxis: 5,
    })
    await insertIndicatorValue(db, workspaceId, {
      indicatorId: '1.1',
      year: year - 1,
      value: 50,
      source: 'Catalogue',
    })
    await insertIndicatorValue(db, workspaceId, {
      indicatorId: '1.1',
      year,
      value: 65,
      source: 'Catalogue des démarches',
    })
    publicActionId = await insertAction(db, workspaceId, {
      title: 'Ouvrir un guichet numérique accompagné',
      description: 'Dans chaque mairie d’arrondissement.',
      isPublic: true,
      status: 'realisee',
      budgetEuros: 12_000,
      ownerService: 'Direction des relations usagers',
      commitments: ['A1.E1'],
      decreeAxis: 5,
      startDate: `${year}-01-15`,
      endDate: `${year}-09-30`,
      objectiveIds: [objectiveId],
    })
    await insertAction(db, workspaceId, {
      title: 'Renégocier le contrat confidentiel du prestataire',
      isPublic: false,
      status: 'en_cours',
      budgetEuros: 5_000,
    })
    otherDocumentId = (
      await db
        .insertInto('strategy_documents')
        .values({
          workspace_id: otherWorkspaceId,
          kind: 'strategie',
          version: 1,
          year,
          title: 'Stratégie de Marseille',
          html: '<!doctype html><p>Marseille</p>',
          snapshot: '{}',
          published_at: new Date().toISOString(),
          published_by: null,
          withdrawn_at: null,
          withdrawn_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('refuses to publish while a mandatory section is empty, writing nothing', async () => {
    const response = await admin.post(`${base()}/strategie/publier`, { annee: String(year) })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('Publication refusée')
    expect(html).toContain('Rédiger la section « Introduction »')
    expect(html).toContain('Rédiger la section « Gouvernance »')
    expect(html).toContain(`${base()}/textes#governance`)
    expect(await documents()).toEqual([])
    expect(await auditOf('strategy_document')).toEqual([])
  })

  it('saves the free texts (previewing first saves nothing), audited; too long a text is refused', async () => {
    expect((await reader.request(`${base()}/textes`)).status).toBe(403)
    expect((await contributor.request(`${base()}/textes`)).status).toBe(200)
    const texts = {
      introduction: 'Notre **ambition** : un numérique sobre.\n\n<script>alert("x")</script>',
      governance: '## Pilotage\n- Comité de pilotage élus\n- [Charte](https://www.lyon.fr/charte)',
      means: '',
      past_actions: '',
    }
    const preview = await contributor.post(`${base()}/textes`, { ...texts, action: 'preview' })
    expect(preview.status).toBe(200)
    const previewHtml = await preview.text()
    expect(previewHtml).toContain('Aperçu seulement : rien n’est enregistré.')
    expect(previewHtml).toContain('<strong>ambition</strong>')
    expect(previewHtml).toContain('&lt;script&gt;')
    expect(await test.database.db.selectFrom('strategy_texts').selectAll().execute()).toEqual([])

    const tooLong = await contributor.post(`${base()}/textes`, {
      ...texts,
      means: 'x'.repeat(20_001),
      action: 'save',
    })
    expect(tooLong.status).toBe(400)
    const refused = await tooLong.text()
    expect(refused).toContain('Moyens')
    expect(refused).toContain('20001 caractères : 20000 au plus.')
    expect(await test.database.db.selectFrom('strategy_texts').selectAll().execute()).toEqual([])

    const saved = await contributor.post(`${base()}/textes`, { ...texts, action: 'save' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`${base()}?info=textes`)
    const rows = await test.database.db
      .selectFrom('strategy_texts')
      .select(['section', 'body'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('section')
      .execute()
    expect(rows).toEqual([
      { section: 'governance', body: texts.governance },
      { section: 'introduction', body: texts.introduction },
    ])
    expect(await auditOf('strategy_text')).toEqual([
      expect.objectContaining({
        action: 'update',
        after: JSON.stringify({ introduction: 69, governance: 76 }),
      }),
    ])
    const page = await (await reader.request(`${base()}?annee=${year}`)).text()
    expect(page).toContain('Rédigée (69 caractères)')
  })

  it('renders the strategy as a standalone draft: public actions named, internal ones only counted', async () => {
    const response = await reader.request(`${base()}/strategie?annee=${year}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const html = await response.text()
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('@page')
    expect(html).not.toMatch(/<script|<link|src="http/)
    expect(html).toContain('Projet — non publié')
    expect(html).toContain(`Stratégie numérique responsable ${year}`)
    // Free texts, escaped.
    expect(html).toContain('<strong>ambition</strong>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('<a href="https://www.lyon.fr/charte">Charte</a>')
    // Territory, obligations, REEN.
    expect(html).toContain('Lyon')
    expect(html).toContain('Stratégie numérique responsable (loi REEN)')
    expect(html).toContain('La loi REEN s’applique à Lyon')
    // Objectives and indicators.
    expect(html).toContain('Garder un guichet humain pour chaque démarche')
    expect(html).toContain('en bonne voie')
    expect(html).toContain('1.1 — Démarches en ligne avec alternative humaine')
    expect(html).toContain('Catalogue des démarches')
    // The action plan.
    expect(html).toContain('Ouvrir un guichet numérique accompagné')
    expect(html).toContain('Direction des relations usagers')
    expect(html).not.toContain('Renégocier le contrat confidentiel')
    expect(html).toContain('S’y ajoute 1 action interne')
  })

  it('renders the work programme and the annual review with the year compared to the previous one', async () => {
    const programme = await (await reader.request(`${base()}/programme-de-travail?annee=${year}`)).text()
    expect(programme).toContain(`Programme de travail ${year}`)
    expect(programme).toContain('Bilan de l’impact environnemental du numérique sur le territoire')
    expect(programme).toContain('Actions déjà menées')
    expect(programme).toContain('Section à rédiger.')
    const review = await (await reader.request(`${base()}/bilan-annuel?annee=${year}`)).text()
    expect(review).toContain(`Bilan annuel ${year} de la stratégie numérique responsable`)
    expect(review).toContain(`Actions réalisées en ${year}`)
    expect(review).toContain('Ouvrir un guichet numérique accompagné')
    expect(review).not.toContain('Renégocier le contrat confidentiel')
    // 50 → 65: +15, +30 %.
    expect(review).toContain('+15 (+30 %)')
  })

  it('answers 400 for a bad year and 404 for an unknown kind of document', async () => {
    expect((await reader.request(`${base()}/strategie?annee=deux-mille`)).status).toBe(400)
    expect((await reader.request(`${base()}?annee=1900`)).status).toBe(400)
    expect((await reader.request(`${base()}/rapport`)).status).toBe(404)
    expect((await admin.post(`${base()}/strategie/publier`, { annee: '' })).status).toBe(400)
    expect(await documents()).toEqual([])
  })

  it('keeps publishing to admins: contributors and readers get 403, nothing written', async () => {
    for (const visitor of [contributor, reader])
      expect((await visitor.post(`${base()}/strategie/publier`, { annee: String(year) })).status).toBe(403)
    expect(await documents()).toEqual([])
  })

  it('publishes version 1 then 2, each an immutable snapshot of public data, audited', async () => {
    const first = await admin.post(`${base()}/strategie/publier`, { annee: String(year) })
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe(`${base()}?annee=${year}&info=publie`)
    const second = await admin.post(`${base()}/strategie/publier`, { annee: String(year) })
    expect(second.status).toBe(303)
    const rows = await documents()
    expect(rows.map((row) => [row.kind, row.version, row.year, row.withdrawn_at])).toEqual([
      ['strategie', 1, year, null],
      ['strategie', 2, year, null],
    ])
    const [row] = rows
    expect(row?.title).toBe(`Stratégie numérique responsable ${year}`)
    expect(row?.html).toContain('Version 1, publiée le')
    expect(row?.html).not.toContain('Projet — non publié')
    expect(row?.html).not.toContain('Renégocier le contrat confidentiel')
    const snapshot = JSON.parse(row?.snapshot ?? '{}') as PublicStrategySnapshot
    expect(snapshot.format).toBe(1)
    expect(snapshot.territory).toMatchObject({ kind: 'commune', code: '69123', name: 'Lyon' })
    expect(snapshot.document).toMatchObject({ kind: 'strategie', version: 1, year })
    expect(snapshot.actions.map((action) => action.title)).toEqual(['Ouvrir un guichet numérique accompagné'])
    expect(snapshot.objectives).toEqual([
      expect.objectContaining({
        title: 'Garder un guichet humain pour chaque démarche',
        status: 'on_track',
        measured: { year, value: 65 },
      }),
    ])
    expect(JSON.stringify(snapshot)).not.toContain('confidentiel')
    const audit = await auditOf('strategy_document')
    expect(audit.map((entry) => [entry.entity_id, entry.action])).toEqual(
      rows.map((stored) => [String(stored.id), 'publish']),
    )

    const page = await (await reader.request(`${base()}?annee=${year}`)).text()
    expect(page).toContain('Versions publiées (2)')
    expect(page).toContain('Publique')
    // Readers see the versions but no button.
    expect(page).not.toContain('Retirer')
    expect(page).not.toContain('Publier la version')
    const adminPage = await (await admin.request(`${base()}?annee=${year}&info=publie`)).text()
    expect(adminPage).toContain('Le document est publié')
    expect(adminPage).toContain('Publier la version 3')
  })

  it('publishes each kind on its own numbering, and checks each kind’s own mandatory sections', async () => {
    const programme = await admin.post(`${base()}/programme-de-travail/publier`, { annee: String(year) })
    expect(programme.status).toBe(400)
    expect(await programme.text()).toContain('Rédiger la section « Actions déjà menées »')
    expect((await admin.post(`${base()}/bilan-annuel/publier`, { annee: String(year) })).status).toBe(303)
    const rows = await documents()
    expect(rows.map((row) => [row.kind, row.version])).toEqual([
      ['strategie', 1],
      ['strategie', 2],
      ['bilan_annuel', 1],
    ])
    expect(rows[2]?.title).toBe(`Bilan annuel ${year} de la stratégie numérique responsable`)
  })

  it('serves a published version as it was, whatever changes afterwards', async () => {
    const [row] = await documents()
    await test.database.db
      .updateTable('actions')
      .set({ title: 'Guichet numérique renommé' })
      .where('id', '=', publicActionId)
      .execute()
    const stored = await reader.request(`${base()}/versions/${row?.id}`)
    expect(stored.status).toBe(200)
    const html = await stored.text()
    expect(html).toBe(row?.html)
    expect(html).toContain('Ouvrir un guichet numérique accompagné')
    expect(html).not.toContain('Guichet numérique renommé')
    const live = await (await reader.request(`${base()}/strategie?annee=${year}`)).text()
    expect(live).toContain('Guichet numérique renommé')
    expect((await documents())[0]?.html).toBe(row?.html)
  })

  it('withdraws and republishes a version, admins only, each audited', async () => {
    const [row] = await documents()
    for (const visitor of [contributor, reader])
      expect((await visitor.post(`${base()}/versions/${row?.id}/retirer`)).status).toBe(403)
    expect((await documents())[0]?.withdrawn_at).toBeNull()

    const withdrawn = await admin.post(`${base()}/versions/${row?.id}/retirer`)
    expect(withdrawn.status).toBe(303)
    expect((await documents())[0]?.withdrawn_at).not.toBeNull()
    // Twice (two tabs): the same state, logged once.
    expect((await admin.post(`${base()}/versions/${row?.id}/retirer`)).status).toBe(303)
    const page = await (await admin.request(`${base()}?annee=${year}&info=retire`)).text()
    expect(page).toContain('La version est retirée de la page publique')
    expect(page).toContain('Retirée le')
    expect(page).toContain('Republier')
    // Members still read it.
    expect((await reader.request(`${base()}/versions/${row?.id}`)).status).toBe(200)

    expect((await admin.post(`${base()}/versions/${row?.id}/republier`)).status).toBe(303)
    expect((await documents())[0]?.withdrawn_at).toBeNull()
    const audit = (await auditOf('strategy_document')).filter((entry) => entry.entity_id === String(row?.id))
    expect(audit.map((entry) => entry.action)).toEqual(['publish', 'withdraw', 'republish'])
  })

  it('answers 404 for another workspace’s version, on every route, and changes nothing', async () => {
    const path = `${base()}/versions/${otherDocumentId}`
    expect((await admin.request(path)).status).toBe(404)
    expect((await admin.request(`${path}/pdf`)).status).toBe(404)
    expect((await admin.post(`${path}/retirer`)).status).toBe(404)
    expect((await admin.request(`${base()}/versions/x1`)).status).toBe(404)
    const other = await test.database.db
      .selectFrom('strategy_documents')
      .select('withdrawn_at')
      .where('id', '=', otherDocumentId)
      .executeTakeFirstOrThrow()
    expect(other.withdrawn_at).toBeNull()
    // And Marseille's admin does not reach Lyon's versions.
    const [row] = await documents()
    expect(
      (await otherAdmin.request(`/espace/${otherWorkspaceId}/strategie/documents/versions/${row?.id}`))
        .status,
    ).toBe(404)
  })

  it('sums the strategy up on the overview page', async () => {
    const response = await reader.request(`/espace/${workspaceId}/strategie?annee=${year}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Vue d’ensemble')
    expect(html).toContain(`1 indicateur sur 49 a une valeur en ${year}`)
    expect(html).toContain('1 objectif :')
    expect(html).toContain('Actions : 2, dont publiques : 1')
    expect(html).toContain(`version 2 (${year}), publiée le`)
    expect(html).toContain('Échéances de la loi REEN')
    expect(html).toContain('Prochaine étape : Programme de travail')
    expect((await reader.request(`/espace/${workspaceId}/strategie?annee=x`)).status).toBe(400)
  })

  it('speaks English to a member who chose it; the document itself stays in French', async () => {
    const visitor = new Visitor(test.app)
    await visitor.signIn('reader@example.org')
    await visitor.request('/langue?lang=en&retour=/')
    const page = await (await visitor.request(`${base()}?annee=${year}`)).text()
    expect(page).toContain('Strategy documents')
    expect(page).toContain('Published versions (3)')
    const overview = await (await visitor.request(`/espace/${workspaceId}/strategie/jalons`)).text()
    expect(overview).toContain('The REEN law applies to Lyon')
    const document = await (await visitor.request(`${base()}/strategie?annee=${year}`)).text()
    expect(document).toContain('Projet — non publié')
  })

  it('answers 503 with a link to the HTML when the server cannot print', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'jalons-data-')),
      TRUST_PROXY: 'true',
      CHROMIUM_PATH: '/nonexistent/chromium',
    })
    const app = createApp({ db: test.database.db, dialect, config })
    const visitor = new Visitor(app)
    await visitor.signIn('reader@example.org')
    const live = await visitor.request(`${base()}/strategie/pdf?annee=${year}`)
    expect(live.status).toBe(503)
    expect(await live.text()).toContain(`href="${base()}/strategie?annee=${year}"`)
    const [row] = await documents()
    const stored = await visitor.request(`${base()}/versions/${row?.id}/pdf`)
    expect(stored.status).toBe(503)
    expect(await stored.text()).toContain(`href="${base()}/versions/${row?.id}"`)
  })

  it.skipIf(!chromiumPresent)(
    'prints the live draft and a published version (kept once printed)',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'jalons-data-'))
      const config = loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        TRUST_PROXY: 'true',
        CHROMIUM_PATH: chromiumPath,
      })
      const app = createApp({ db: test.database.db, dialect, config })
      const visitor = new Visitor(app)
      await visitor.signIn('reader@example.org')
      const live = await visitor.request(`${base()}/bilan-annuel/pdf?annee=${year}`)
      expect(live.status).toBe(200)
      expect(live.headers.get('content-type')).toBe('application/pdf')
      expect(live.headers.get('content-disposition')).toContain(`jalons-bilan-annuel-${year}-projet.pdf`)
      expect(
        Buffer.from(await live.arrayBuffer())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-')

      const [row] = await documents()
      const stored = await visitor.request(`${base()}/versions/${row?.id}/pdf`)
      expect(stored.status).toBe(200)
      const bytes = Buffer.from(await stored.arrayBuffer())
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(stored.headers.get('content-disposition')).toContain(`jalons-strategie-${year}-v1.pdf`)
      const kept = readdirSync(join(dataDir, 'documents'))
      expect(kept).toEqual([expect.stringMatching(new RegExp(`^${row?.id}-[0-9a-f]{16}\\.pdf$`))])
      // Served again from the file: the same bytes.
      const again = Buffer.from(
        await (await visitor.request(`${base()}/versions/${row?.id}/pdf`)).arrayBuffer(),
      )
      expect(again.equals(bytes)).toBe(true)
    },
  )
})
