import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import { signedInMember } from '../../../test-support/workspace-members.js'
import { storedDocumentPdf } from '../documents/document-pdf.js'
import { insertAction, insertObjective } from '../test-strategy-data.js'
import {
  insertPublishedDocument,
  testAction,
  testObjective,
  testSnapshot,
  workspaceOf,
} from './test-publications.js'

// Printing needs Chromium: what this page does with the printer's two answers is tested here, the
// printing itself with the documents.
vi.mock('../documents/document-pdf.js', () => ({ storedDocumentPdf: vi.fn(async () => 'unavailable') }))

const lyon = { kind: 'commune', code: '69123', name: 'Lyon', population: 522_250 } as const
const marseille = { kind: 'commune', code: '13055', name: 'Marseille', population: 883_466 } as const
const strategyPage = (territory: { kind: string; code: string }) =>
  `/territoires/${territory.kind}/${territory.code}/strategie`

describe.each(testDialects())('public strategy page on %s', (dialect) => {
  let test: TestApp
  let lyonWorkspace: number
  let firstId: number
  let marseilleDocument: number

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const { db } = test.database
    ;({ workspaceId: lyonWorkspace } = await workspaceOf(db, lyon))
    firstId = await insertPublishedDocument(db, {
      workspaceId: lyonWorkspace,
      title: 'Stratégie numérique responsable de Lyon 2025',
      snapshot: testSnapshot(lyon),
      publishedAt: '2025-06-30T10:00:00.000Z',
      html: '<!DOCTYPE html><html lang="fr"><head><style>h1{color:#123}</style></head><body><h1>Stratégie adoptée de Lyon</h1></body></html>',
    })
    const { workspaceId: marseilleWorkspace } = await workspaceOf(db, marseille)
    marseilleDocument = await insertPublishedDocument(db, {
      workspaceId: marseilleWorkspace,
      kind: 'programme_travail',
      title: 'Programme de travail de Marseille',
      snapshot: testSnapshot(marseille, { objectives: [], actions: [] }),
    })
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const page = async (path: string, lang?: 'fr' | 'en') => {
    const response = await test.get(path, lang ? { lang } : undefined)
    // French number formatting uses narrow no-break spaces: fold them to plain spaces for the checks.
    return { response, html: (await response.text()).replace(/[\u202f\u00a0]/g, ' ') }
  }

  it('shows what was published to anyone: documents, objectives and progress, public actions, milestones', async () => {
    const { response, html } = await page(strategyPage(lyon))
    expect(response.status).toBe(200)
    // Asked again each time: it follows the language cookie (a kept copy stayed French after « English »).
    expect(response.headers.get('cache-control')).toBe('private, no-cache')
    expect(html).toContain('<h1><span class="subtitle">Lyon')
    // The documents, each as HTML and PDF.
    expect(html).toContain('Stratégie numérique responsable de Lyon 2025')
    expect(html).toContain(`href="/territoires/commune/69123/strategie/documents/${firstId}"`)
    expect(html).toContain(`href="/territoires/commune/69123/strategie/documents/${firstId}/pdf"`)
    expect(html).toContain('publiés le 30 juin 2025')
    // Objectives: baseline, targets, latest measure, status in words, progress.
    expect(html).toContain('Objectifs publiés : 2 — atteints : 1 ; en bonne voie : 1 ; en retard : 0')
    expect(html).toContain('Réduire l’empreinte carbone du parc (1)')
    expect(html).toContain('Empreinte carbone du numérique interne')
    expect(html).toContain('2023 : 120 tCO2e → 2026 : 100 tCO2e → 2030 : 80 tCO2e')
    expect(html).toContain('2025 : 105 tCO2e')
    expect(html).toContain('>En bonne voie</span>')
    expect(html).toContain('>Atteint</span>')
    expect(html).toContain('aria-hidden="true"></progress> 38 %') // (105 − 120) ÷ (80 − 120)
    expect(html).toContain('value="100" aria-hidden="true"></progress> 100 %')
    // Public actions: title, commitments, status, dates, budget.
    expect(html).toContain('Actions publiques : 2 — budget annoncé : 15 000 €.')
    expect(html).toContain('Allonger la durée de vie des ordinateurs (1)')
    expect(html).toContain('A1.E2, A3.E1')
    expect(html).toContain('du 1er janvier 2025 au 31 décembre 2026')
    expect(html).toContain('Planifiée')
    // Milestones beside their legal deadlines.
    expect(html).toContain('2023-042')
    expect(html).toContain('1er janvier 2023')
    expect(html).toContain('href="https://example.org/programme.pdf"')
    expect(html).toContain('26 juin 2025')
    // Obligations, live.
    expect(html).toContain('href="/obligations#reen_strategie"')
    expect(html).not.toContain('rien publié')
  })

  it('speaks English when asked', async () => {
    const { html } = await page(strategyPage(lyon), 'en')
    expect(html).toContain('Published documents')
    expect(html).toContain('Public actions of the roadmap')
    expect(html).toContain('>On track</span>')
    expect(html).toContain('Responsible digital strategy (REEN law)')
  })

  it('never shows the live tables: an internal action or an objective added after publication stays private', async () => {
    const { db } = test.database
    await insertObjective(db, lyonWorkspace, {
      indicatorId: '4.1',
      title: 'Objectif encore en préparation',
      baseline: { year: 2024, value: 10 },
      targets: [{ year: 2030, value: 5 }],
    })
    for (const [title, isPublic] of [
      ['Action interne confidentielle', false],
      ['Action publique ajoutée après la publication', true],
    ] as const)
      await insertAction(db, lyonWorkspace, { title, isPublic, budgetEuros: 1000 })
    const { visitor } = await signedInMember(test, 'admin-lyon@example.org', 'admin')
    const anonymous = (await page(strategyPage(lyon))).html
    const member = await (await visitor.request(strategyPage(lyon))).text()
    for (const html of [anonymous, member]) {
      expect(html).toContain('Allonger la durée de vie des ordinateurs (1)')
      expect(html).not.toContain('Objectif encore en préparation')
      expect(html).not.toContain('Action interne confidentielle')
      expect(html).not.toContain('Action publique ajoutée après la publication')
    }
  })

  it('says when nothing is published — no workspace, or drafts only — and still shows the obligations', async () => {
    const { db } = test.database
    // Villeurbanne has a workspace with a draft action, but has published nothing.
    const { workspaceId } = await workspaceOf(db, { kind: 'commune', code: '69266' })
    await insertAction(db, workspaceId, {
      title: 'Brouillon de Villeurbanne',
      isPublic: true,
      status: 'a_planifier',
    })
    for (const code of ['69266', '13001']) {
      const { response, html } = await page(strategyPage({ kind: 'commune', code }))
      expect(response.status, code).toBe(200)
      expect(html).toContain('Ce territoire n’a encore rien publié sur Jalons.')
      expect(html).not.toContain('Brouillon de Villeurbanne')
      expect(html).not.toContain('Documents publiés')
      expect(html).toContain('href="/obligations#reen_strategie"')
    }
  })

  it('answers 404 for an unknown territory or kind, 400 naming a bad page number', async () => {
    expect((await page('/territoires/commune/99999/strategie')).response.status).toBe(404)
    expect((await page('/territoires/canton/69123/strategie')).response.status).toBe(404)
    const bad = await page(`${strategyPage(lyon)}?actions=abc`)
    expect(bad.response.status).toBe(400)
    expect(bad.html).toContain('« actions »')
  })

  it('serves a document exactly as published, with a CSP that lets nothing but its inline style run', async () => {
    const response = await test.get(`${strategyPage(lyon)}/documents/${firstId}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(await response.text()).toBe(
      '<!DOCTYPE html><html lang="fr"><head><style>h1{color:#123}</style></head><body><h1>Stratégie adoptée de Lyon</h1></body></html>',
    )
    expect(
      response.headers.get('content-security-policy'),
      'app.ts: secureHeaders must keep the CSP a route sets (overwrite: false)',
    ).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    expect(response.headers.get('cache-control')).toBe('private, max-age=60')
  })

  it('answers 404 for a document of another territory, an unknown id or a malformed one', async () => {
    for (const path of [
      `${strategyPage(lyon)}/documents/${marseilleDocument}`,
      `${strategyPage(lyon)}/documents/${marseilleDocument}/pdf`,
      `${strategyPage(lyon)}/documents/999999`,
      `${strategyPage(lyon)}/documents/abc`,
      `/territoires/commune/13001/strategie/documents/${firstId}`,
    ])
      expect((await test.get(path)).status, path).toBe(404)
    expect((await test.get(`${strategyPage(marseille)}/documents/${marseilleDocument}`)).status).toBe(200)
  })

  it('serves the PDF with its file name, or a 503 page pointing to the HTML when it cannot be printed', async () => {
    const unavailable = await page(`${strategyPage(lyon)}/documents/${firstId}/pdf`)
    expect(unavailable.response.status).toBe(503)
    expect(unavailable.html).toContain('PDF indisponible')
    expect(unavailable.html).toContain(`href="/territoires/commune/69123/strategie/documents/${firstId}"`)

    vi.mocked(storedDocumentPdf).mockResolvedValueOnce(Buffer.from('%PDF-1.7 test'))
    const response = await test.get(`${strategyPage(lyon)}/documents/${firstId}/pdf`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe(
      'inline; filename="jalons-strategie-69123-v1.pdf"',
    )
    expect(await response.text()).toBe('%PDF-1.7 test')
    expect(vi.mocked(storedDocumentPdf).mock.calls.at(-1)?.[1]).toMatchObject({ id: firstId })
  })

  it('shows the newest public version; a withdrawal takes effect at once, on every route', async () => {
    const { db } = test.database
    const territoryPage = () => page(`/territoires/${lyon.kind}/${lyon.code}`)
    // Both pages are cached for anonymous visitors: warm the caches first.
    expect((await page(strategyPage(lyon))).html).toContain('Allonger la durée de vie des ordinateurs (1)')
    expect((await territoryPage()).html).toContain('Stratégie numérique responsable de Lyon 2025')

    const secondId = await insertPublishedDocument(db, {
      workspaceId: lyonWorkspace,
      kind: 'bilan_annuel',
      title: 'Bilan annuel 2025 de Lyon',
      snapshot: testSnapshot(lyon, { actions: [testAction(7, { title: 'Action du bilan 2025' })] }),
      publishedAt: '2026-03-01T09:00:00.000Z',
    })
    let html = (await page(strategyPage(lyon))).html
    expect(html).toContain('Action du bilan 2025')
    expect(html).not.toContain('Allonger la durée de vie des ordinateurs (1)')
    expect(html).toContain('Bilan annuel 2025 de Lyon')
    expect(html).toContain('Stratégie numérique responsable de Lyon 2025')
    expect((await territoryPage()).html).toContain('Dernière publication : « Bilan annuel 2025 de Lyon »')

    await db
      .updateTable('strategy_documents')
      .set({ withdrawn_at: new Date().toISOString() })
      .where('id', '=', secondId)
      .execute()
    html = (await page(strategyPage(lyon))).html
    expect(html).not.toContain('Action du bilan 2025')
    expect(html).not.toContain('Bilan annuel 2025 de Lyon')
    expect(html).toContain('Allonger la durée de vie des ordinateurs (1)')
    expect((await test.get(`${strategyPage(lyon)}/documents/${secondId}`)).status).toBe(404)
    expect((await test.get(`${strategyPage(lyon)}/documents/${secondId}/pdf`)).status).toBe(404)
    expect((await territoryPage()).html).toContain(
      'Dernière publication : « Stratégie numérique responsable de Lyon 2025 »',
    )

    // Everything withdrawn: as if nothing had been published, on both pages.
    await db
      .updateTable('strategy_documents')
      .set({ withdrawn_at: new Date().toISOString() })
      .where('id', '=', firstId)
      .execute()
    html = (await page(strategyPage(lyon))).html
    expect(html).toContain('Ce territoire n’a encore rien publié sur Jalons.')
    expect(html).not.toContain('Allonger la durée de vie des ordinateurs')
    expect((await test.get(`${strategyPage(lyon)}/documents/${firstId}`)).status).toBe(404)
    const territory = (await territoryPage()).html
    expect(territory).not.toContain('Dernière publication')
    expect(territory).not.toContain('/strategie"')

    // Republished (the documents' « Republier »): back at once.
    await db.updateTable('strategy_documents').set({ withdrawn_at: null }).where('id', '=', firstId).execute()
    expect((await page(strategyPage(lyon))).html).toContain('Allonger la durée de vie des ordinateurs (1)')
  })

  it('links the territory page to the public page only when something is published', async () => {
    const marseillePage = (await page(`/territoires/${marseille.kind}/${marseille.code}`)).html
    expect(marseillePage).toContain('<h2 id="strategie">Stratégie numérique responsable</h2>')
    expect(marseillePage).toContain('href="/territoires/commune/13055/strategie"')
    expect(marseillePage).toContain('Programme de travail de Marseille')
    // Where it stands against the REEN deadlines, from the dates it published: both after the
    // deadline (1 January 2023 and 2025); the reviews since 2025 not published, so overdue.
    expect(marseillePage).toContain('<caption>Jalons de la loi REEN et situation du territoire</caption>')
    expect(marseillePage).toContain('Réalisé le 15 mars 2023, après l’échéance')
    expect(marseillePage).toContain('Réalisé le 26 juin 2025, après l’échéance')
    expect(marseillePage).toMatch(
      /Bilan annuel 2025<\/th><td>[^<]*<\/td><td><span class="[^"]*">En retard : échéance dépassée/,
    )
    const aix = (await page('/territoires/commune/13001')).html
    expect(aix).not.toContain('id="strategie"')
    expect(aix).not.toContain('/strategie"')
  })

  it('pages long tables, ten rows at a time, each keeping the other’s page', async () => {
    const { db } = test.database
    const { workspaceId } = await workspaceOf(db, { kind: 'commune', code: '13001' })
    const actions = Array.from({ length: 40 }, (_, index) =>
      testAction(index + 1, { title: `Action numéro ${index + 1}.` }),
    )
    const objectives = Array.from({ length: 20 }, (_, index) =>
      testObjective(index + 1, { title: `Objectif numéro ${index + 1}.` }),
    )
    await insertPublishedDocument(db, {
      workspaceId,
      snapshot: testSnapshot(
        { kind: 'commune', code: '13001', name: 'Aix-en-Provence', population: 1 },
        {
          actions,
          objectives,
        },
      ),
    })
    const aix = strategyPage({ kind: 'commune', code: '13001' })
    const first = (await page(aix)).html
    expect(first).toContain('Action numéro 10.')
    expect(first).not.toContain('Action numéro 11.')
    expect(first).toContain('Objectif numéro 10.')
    expect(first).not.toContain('Objectif numéro 11.')
    expect(first).toContain('href="/territoires/commune/13001/strategie?actions=2#actions"')
    expect(first).toContain('href="/territoires/commune/13001/strategie?objectifs=2#objectifs"')
    const second = (await page(`${aix}?actions=2&objectifs=2`)).html
    expect(second).toContain('Action numéro 11.')
    expect(second).toContain('Action numéro 20.')
    expect(second).toContain('Objectif numéro 11.')
    expect(second).not.toContain('Action numéro 10.')
    expect(second).not.toContain('Action numéro 21.')
    expect(second).toContain('href="/territoires/commune/13001/strategie?objectifs=2&amp;actions=3#actions"')
    // Past the last page: the last page.
    expect((await page(`${aix}?actions=99`)).html).toContain('Action numéro 40.')
  })

  it('reads a damaged snapshot defensively: the readable items, a notice, the documents', async () => {
    const { db } = test.database
    const { workspaceId } = await workspaceOf(db, { kind: 'commune', code: '13004' })
    const snapshot = testSnapshot({ kind: 'commune', code: '13004', name: 'Arles', population: 1 }, {})
    const damaged = {
      ...snapshot,
      actions: [...snapshot.actions, { id: 3, title: 'Action au mauvais format', status: 'inconnu' }],
    }
    await insertPublishedDocument(db, {
      workspaceId,
      title: 'Stratégie d’Arles',
      snapshot: JSON.stringify(damaged),
    })
    const arles = (await page(strategyPage({ kind: 'commune', code: '13004' }))).html
    expect(arles).toContain('Allonger la durée de vie des ordinateurs (1)')
    expect(arles).not.toContain('Action au mauvais format')
    expect(arles).toContain('n’a pas pu être lue')

    const { workspaceId: other } = await workspaceOf(db, { kind: 'commune', code: '13005' })
    await insertPublishedDocument(db, {
      workspaceId: other,
      title: 'Stratégie d’Aubagne',
      snapshot: '{not json',
    })
    const { response, html } = await page(strategyPage({ kind: 'commune', code: '13005' }))
    expect(response.status).toBe(200)
    expect(html).toContain('Stratégie d’Aubagne')
    expect(html).toContain('n’a pas pu être lue')
    expect(html).toContain('Aucun objectif publié.')
  })
})
