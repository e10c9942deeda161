import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import type { Visitor } from '../../../test-support/test-users.js'
import { signedInMember } from '../../../test-support/workspace-members.js'
import { startAssessment } from '../../assessments/start-assessment.js'
import { readXlsxSheet } from '../../footprint/xlsx/read-xlsx.js'
import { currentReferential } from '../../referential/referential.store.js'
import { type ActionInput, createAction } from './actions.queries.js'
import { testActionInput } from './test-action-input.js'

describe.each(testDialects())(
  'the action plan’s list, calendar, exports and recommendations on %s',
  (dialect) => {
    let test: TestApp
    let admin: Visitor
    let adminId: number
    let contributorId: number
    let reader: Visitor
    let outsider: Visitor
    let workspaceId: number
    let otherWorkspaceId: number
    const ids: Record<string, number> = {}
    const path = () => `/espace/${workspaceId}/strategie/actions`

    beforeAll(async () => {
      test = await startTestApp(dialect)
      const db = test.database.db
      ;({
        visitor: admin,
        userId: adminId,
        workspaceId,
      } = await signedInMember(test, 'admin@example.org', 'admin'))
      ;({ userId: contributorId } = await signedInMember(test, 'contrib@example.org', 'contributor'))
      ;({ visitor: reader } = await signedInMember(test, 'reader@example.org', 'reader'))
      const other = await signedInMember(test, 'other@example.org', 'admin', '13055')
      outsider = other.visitor
      otherWorkspaceId = other.workspaceId
      const seeds: Record<string, ActionInput> = {
        audit: testActionInput({
          title: 'Audit RGAA',
          status: 'en_cours',
          commitments: ['A1.E1'],
          decreeAxis: 5,
          ownerUserId: adminId,
          startDate: '2026-04-01',
          endDate: '2026-06-30',
          budgetEuros: 1000,
          isPublic: true,
        }),
        market: testActionInput({
          title: 'Marché réemploi',
          status: 'planifiee',
          commitments: ['A2.E2', 'A2.E3'],
          decreeAxis: 1,
          ownerService: 'Achats',
          startDate: '2025-11-01',
          endDate: '2027-02-01',
          budgetEuros: 2500.5,
        }),
        training: testActionInput({
          title: 'Sensibiliser les agents',
          status: 'realisee',
          commitments: ['A2.E1'],
          ownerService: 'Ressources humaines',
          startDate: '2024-01-15',
          endDate: '2024-12-31',
        }),
        undated: testActionInput({ title: 'Idée sans date', status: 'a_planifier', commitments: ['A1.E1'] }),
        day: testActionInput({
          title: 'Journée unique',
          status: 'abandonnee',
          commitments: ['A3.E1'],
          ownerUserId: contributorId,
          startDate: '2026-09-15',
          endDate: '2026-09-15',
        }),
      }
      for (const [key, input] of Object.entries(seeds))
        ids[key] = await createAction(db, { workspaceId, actorId: adminId, action: input })
      await createAction(db, {
        workspaceId: otherWorkspaceId,
        actorId: other.userId,
        action: testActionInput({ title: 'Action de Marseille', status: 'en_cours', commitments: ['A1.E1'] }),
      })
    })
    afterAll(async () => {
      await test.database.dispose()
    })

    const allTitles = [
      'Audit RGAA',
      'Marché réemploi',
      'Sensibiliser les agents',
      'Idée sans date',
      'Journée unique',
    ]
    /** The titles the list shows, in order. */
    const listed = async (query: string) => {
      const response = await reader.request(`${path()}${query}`)
      expect(response.status).toBe(200)
      const html = await response.text()
      return {
        html,
        titles: [...html.matchAll(/<th scope="row"><a href="[^"]+\/actions\/\d+">([^<]+)<\/a>/g)].map(
          (match) => match[1],
        ),
      }
    }

    describe('the list', () => {
      it('lists every action of the workspace by start date, undated last, with the count and total budget', async () => {
        const { html, titles } = await listed('')
        expect(titles).toEqual([
          'Sensibiliser les agents',
          'Marché réemploi',
          'Audit RGAA',
          'Journée unique',
          'Idée sans date',
        ])
        expect(html).not.toContain('Action de Marseille')
        expect(html).toContain('Actions de la feuille de route : 5.')
        expect(html).toContain('Budget total des actions listées : 3\u202f500,50\u00a0€.')
        expect(html).toContain(`href="${path()}/export?format=csv"`)
        expect(html).toContain(`href="${path()}/export?format=xlsx"`)
        // A reader may read, not create.
        expect(html).not.toContain(`${path()}/nouvelle`)
        expect(await (await admin.request(path())).text()).toContain(`href="${path()}/nouvelle"`)
      })

      it.each([
        ['engagement=A1.E1', ['Audit RGAA', 'Idée sans date']],
        ['engagement=A2.E3', ['Marché réemploi']],
        ['engagement=A2.E2', ['Marché réemploi']],
        ['engagement=A3.E3', []],
        ['statut=planifiee', ['Marché réemploi']],
        ['statut=abandonnee', ['Journée unique']],
        ['responsable=Achats', ['Marché réemploi']],
        ['responsable=Ressources%20humaines', ['Sensibiliser les agents']],
        ['annee=2026', ['Marché réemploi', 'Audit RGAA', 'Journée unique']],
        ['annee=2024', ['Sensibiliser les agents']],
        ['annee=2027', ['Marché réemploi']],
        ['annee=2023', []],
        ['engagement=A1.E1&annee=2026', ['Audit RGAA']],
        ['engagement=&statut=&responsable=&annee=', allTitles],
      ])('filters with ?%s', async (query, expected) => {
        const { html, titles } = await listed(`?${query}`)
        expect([...titles].sort()).toEqual([...expected].sort())
        if (expected.length === 0) expect(html).toContain('Aucune action ne correspond à ces filtres.')
      })

      it('filters by a member owner, and carries the filters to the exports and the calendar', async () => {
        const { html, titles } = await listed(`?responsable=${adminId}&statut=en_cours`)
        expect(titles).toEqual(['Audit RGAA'])
        expect(html).toContain('Actions correspondant aux filtres : 1.')
        expect(html).toContain('Budget total des actions listées : 1\u202f000\u00a0€.')
        expect(html).toContain(
          `href="${path()}/export?format=csv&amp;statut=en_cours&amp;responsable=${adminId}"`,
        )
        expect(html).toContain(`href="${path()}/calendrier?statut=en_cours&amp;responsable=${adminId}"`)
        expect(html).toContain(`<option value="${adminId}" selected="">admin</option>`)
        expect((await listed(`?responsable=${contributorId}`)).titles).toEqual(['Journée unique'])
      })

      it.each([
        ['statut=fini', 'statut'],
        ['engagement=A9.E9', 'engagement'],
        ['annee=deux-mille', 'annee'],
        ['annee=1890', 'annee'],
      ])('answers 400 naming the parameter for ?%s', async (query, parameter) => {
        const response = await reader.request(`${path()}?${query}`)
        expect(response.status).toBe(400)
        expect(await response.text()).toContain(`« ${parameter} »`)
      })
    })

    describe('the calendar', () => {
      /** A bar's x and width as written in the SVG. */
      const bar = (html: string, id: number) => {
        const match = new RegExp(
          `<rect data-action="${id}" x="([\\d.]+)" y="[\\d.]+" width="([\\d.]+)"`,
        ).exec(html)
        return match ? { x: match[1], width: match[2] } : null
      }

      it('draws the year’s actions as bars at their dates, with a text alternative and the undated apart', async () => {
        const response = await reader.request(`${path()}/calendrier?annee=2026`)
        expect(response.status).toBe(200)
        const html = await response.text()
        expect(html).toContain('<h1>Calendrier des actions 2026</h1>')
        expect(html).toMatch(
          /<svg[^>]+role="img"[^>]+aria-labelledby="gantt-title"[^>]+aria-describedby="gantt-desc"/,
        )
        expect(html).toContain('<title id="gantt-title">Calendrier des actions en 2026</title>')
        expect(html).toContain('Audit RGAA, du 1er avril 2026 au 30 juin 2026, en cours')
        // 730 units for 365 days from x = 20: 2 per day. 1 April is day 90, 30 June day 180 (inclusive).
        expect(bar(html, ids.audit as number)).toEqual({ x: '200.0', width: '182.0' })
        // Begun in 2025 and going on in 2027: the whole year.
        expect(bar(html, ids.market as number)).toEqual({ x: '20.0', width: '730.0' })
        // One day: 15 September is day 257.
        expect(bar(html, ids.day as number)).toEqual({ x: '534.0', width: '2.0' })
        expect(bar(html, ids.training as number)).toBeNull()
        expect(bar(html, ids.undated as number)).toBeNull()
        // Each bar says its status in words too.
        expect(html).toContain('Audit RGAA — en cours</text>')
        expect(html).toContain('◀ Marché réemploi — planifiée ▶</text>')
        expect(html).toContain(
          '<caption id="calendar-caption">Actions de 2026 : début, fin et statut</caption>',
        )
        const table = html.slice(html.indexOf('calendar-caption'), html.indexOf('</table>'))
        expect(table).toContain('Audit RGAA')
        expect(table).toContain('1er novembre 2025')
        expect(table).toContain('(avant 2026)')
        expect(table).not.toContain('Sensibiliser les agents')
        const undated = html.slice(html.indexOf('<h2>Actions sans date</h2>'))
        expect(undated).toContain('Idée sans date')
        expect(undated).not.toContain('Audit RGAA')
      })

      it('applies the filters, and answers 400 for a bad year', async () => {
        const html = await (await reader.request(`${path()}/calendrier?annee=2026&statut=en_cours`)).text()
        expect(bar(html, ids.audit as number)).not.toBeNull()
        expect(bar(html, ids.market as number)).toBeNull()
        expect(html).toContain('Toutes les actions listées ont au moins une date.')
        const leap = await (await reader.request(`${path()}/calendrier?annee=2024`)).text()
        // 2024 has 366 days: 15 January (day 14) to 31 December fills the rest of the year.
        expect(bar(leap, ids.training as number)).toEqual({
          x: (20 + (730 * 14) / 366).toFixed(1),
          width: ((730 * 352) / 366).toFixed(1),
        })
        expect((await reader.request(`${path()}/calendrier?annee=20266`)).status).toBe(400)
      })
    })

    describe('the exports', () => {
      const header =
        'id;titre;description;engagements;axe;responsable;début;fin;statut;budget;objectifs;public;recommandation'

      it('writes the listed actions as CSV for French spreadsheets', async () => {
        const response = await reader.request(`${path()}/export?format=csv`)
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
        expect(response.headers.get('content-disposition')).toMatch(
          /^attachment; filename="feuille-de-route-69123-\d{4}-\d{2}-\d{2}\.csv"$/,
        )
        // Decoded by hand: Response.text() would drop the byte order mark this checks.
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
        expect(text.startsWith('\uFEFF')).toBe(true)
        const lines = text.slice(1).trimEnd().split('\r\n')
        expect(lines[0]).toBe(header)
        expect(lines).toHaveLength(6)
        expect(lines[2]).toBe(
          `${ids.market};Marché réemploi;;A2.E2|A2.E3;1;Achats;2025-11-01;2027-02-01;planifiée;2500,5;;non;`,
        )
        expect(lines[3]).toBe(
          `${ids.audit};Audit RGAA;;A1.E1;5;admin;2026-04-01;2026-06-30;en cours;1000;;oui;`,
        )
        expect(text).not.toContain('Marseille')
      })

      it('keeps the filters in the file', async () => {
        const text = await (await reader.request(`${path()}/export?format=csv&statut=planifiee`)).text()
        const lines = text.trimEnd().split('\r\n')
        expect(lines).toHaveLength(2)
        expect(lines[1]).toContain('Marché réemploi')
      })

      it('writes an XLSX workbook that reads back with dates and numbers', async () => {
        const response = await reader.request(`${path()}/export?format=xlsx&annee=2026`)
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toBe(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        expect(response.headers.get('content-disposition')).toMatch(/feuille-de-route-69123-[\d-]+\.xlsx"$/)
        const sheet = readXlsxSheet(new Uint8Array(await response.arrayBuffer()))
        expect(sheet.rows[0]?.cells).toEqual(header.split(';'))
        expect(sheet.rows.map((row) => row.cells[1])).toEqual([
          'titre',
          'Marché réemploi',
          'Audit RGAA',
          'Journée unique',
        ])
        expect(sheet.rows[1]?.cells).toEqual([
          String(ids.market),
          'Marché réemploi',
          '',
          'A2.E2|A2.E3',
          '1',
          'Achats',
          '2025-11-01',
          '2027-02-01',
          'planifiée',
          '2500.5',
          '',
          'non',
          // The last cell, empty, is not in the file.
        ])
      })

      it.each(['format=pdf', '', 'format=csv&statut=fini'])('answers 400 for ?%s', async (query) => {
        expect((await reader.request(`${path()}/export?${query}`)).status).toBe(400)
      })
    })

    describe('one click from a self-assessment recommendation', () => {
      const assessmentYear = 2026
      const resultsPath = () => `/espace/${workspaceId}/autodiagnostic/${assessmentYear}/resultats`
      const fromRecommendation = (visitor: Visitor, id: string, inWorkspace = workspaceId) =>
        visitor.post(`/espace/${inWorkspace}/strategie/actions/depuis-recommandation`, { recommandation: id })
      const answering = (id: string, inWorkspace = workspaceId) =>
        test.database.db
          .selectFrom('actions')
          .selectAll()
          .where('workspace_id', '=', inWorkspace)
          .where('recommendation_id', '=', id)
          .execute()

      beforeAll(async () => {
        await startAssessment(test.database.db, {
          workspaceId,
          year: assessmentYear,
          actorId: adminId,
          referential: await currentReferential(test.database.db),
        })
      })

      it('offers the button next to each recommendation to editors only', async () => {
        const html = await (await admin.request(resultsPath())).text()
        expect(html).toContain(`action="${path()}/depuis-recommandation"`)
        // One form for the page, one button per recommendation naming it.
        expect(html.split(`action="${path()}/depuis-recommandation"`)).toHaveLength(2)
        expect(html).toContain(
          '<button type="submit" form="creer-action-depuis-recommandation" name="recommandation" value="R-A1.E1.Q1" class="secondary recommendation-action" aria-label="Créer une action pour la recommandation R-A1.E1.Q1">Créer une action</button>',
        )
        const forReader = await (await reader.request(resultsPath())).text()
        expect(forReader).toContain('R-A1.E1.Q1')
        expect(forReader).not.toContain('depuis-recommandation')
      })

      it('creates the action once; a second click goes to the same action', async () => {
        const text =
          'Recenser les démarches en ligne et publier pour chacune une alternative humaine (guichet, téléphone, rendez-vous).'
        const first = await fromRecommendation(admin, 'R-A1.E1.Q1')
        expect(first.status).toBe(303)
        const location = first.headers.get('location') ?? ''
        expect(location).toMatch(new RegExp(`^${path()}/\\d+\\?info=depuis-recommandation$`))
        const [created, ...more] = await answering('R-A1.E1.Q1')
        expect(more).toHaveLength(0)
        expect(created).toMatchObject({
          title: text,
          // Short enough to be the title whole: not repeated as the description.
          description: null,
          commitments: 'A1.E1',
          decree_axis: 5,
          status: 'a_planifier',
          is_public: 0,
          owner_user_id: null,
          created_by: adminId,
        })
        expect(location).toContain(`/actions/${created?.id}?`)
        const audit = await test.database.db
          .selectFrom('audit_log')
          .select(['after'])
          .where('entity', '=', 'action')
          .where('entity_id', '=', String(created?.id))
          .execute()
        expect(audit).toHaveLength(1)
        expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ recommendationId: 'R-A1.E1.Q1' })
        const page = await (await admin.request(location)).text()
        expect(page).toContain('Action créée à partir de la recommandation')
        expect(page).toContain('Cette action répond à la recommandation R-A1.E1.Q1 de l’autodiagnostic.')

        const second = await fromRecommendation(admin, 'R-A1.E1.Q1')
        expect(second.status).toBe(303)
        expect(second.headers.get('location')).toBe(`${path()}/${created?.id}?info=existante`)
        expect(await answering('R-A1.E1.Q1')).toHaveLength(1)
        expect(await (await admin.request(second.headers.get('location') ?? '')).text()).toContain(
          'Une action répond déjà à cette recommandation : la voici.',
        )

        // The results page now links to it, for readers too, instead of offering the button.
        for (const visitor of [admin, reader]) {
          const html = await (await visitor.request(resultsPath())).text()
          expect(html).toContain(
            `<a class="recommendation-action" href="${path()}/${created?.id}" aria-label="Voir l’action qui répond à la recommandation R-A1.E1.Q1">Voir l’action</a>`,
          )
          expect(html).not.toContain('value="R-A1.E1.Q1"')
        }
        expect(await (await admin.request(resultsPath())).text()).toContain(
          'name="recommandation" value="R-A1.E1.Q2"',
        )
      })

      it('cuts a long recommendation at a word boundary for the title, the whole text in the description', async () => {
        expect((await fromRecommendation(admin, 'R-A2.E1.Q2')).status).toBe(303)
        const [created] = await answering('R-A2.E1.Q2')
        const full =
          'Mesurer chaque année l’empreinte du numérique (fabrication et usage) avec une méthode documentée et stable, et la reprendre dans le bilan d’impact environnemental du programme de travail.'
        expect(created?.description).toBe(full)
        const title = created?.title ?? ''
        expect(title.length).toBeLessThanOrEqual(160)
        expect(title.endsWith('…')).toBe(true)
        const kept = title.slice(0, -1)
        expect(full.startsWith(kept)).toBe(true)
        // Cut between words: what follows in the full text is a space.
        expect(full[kept.length]).toBe(' ')
        expect(created).toMatchObject({ commitments: 'A2.E1', decree_axis: 2 })
      })

      it('keeps each workspace’s own action for the same recommendation', async () => {
        expect((await fromRecommendation(outsider, 'R-A1.E1.Q1', otherWorkspaceId)).status).toBe(303)
        expect(await answering('R-A1.E1.Q1', otherWorkspaceId)).toHaveLength(1)
        expect(await answering('R-A1.E1.Q1')).toHaveLength(1)
      })

      it.each(['R-A9.E9.Q9', 'n’importe quoi', ''])(
        'answers 400 for the unknown recommendation « %s », writing nothing',
        async (id) => {
          const before = await test.database.db.selectFrom('actions').select('id').execute()
          const response = await fromRecommendation(admin, id)
          expect(response.status).toBe(400)
          expect(await response.text()).toContain('recommandation inconnue du référentiel')
          expect(await test.database.db.selectFrom('actions').select('id').execute()).toHaveLength(
            before.length,
          )
        },
      )
    })
  },
)
