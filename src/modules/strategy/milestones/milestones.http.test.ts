import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import type { Visitor } from '../../../test-support/test-users.js'
import { signedInMember } from '../../../test-support/workspace-members.js'

describe.each(testDialects())('REEN milestones on %s', (dialect) => {
  let test: TestApp
  let contributor: Visitor
  let reader: Visitor
  let workspaceId: number
  let otherWorkspaceId: number
  let other: Visitor
  const page = () => `/espace/${workspaceId}/strategie/jalons`

  const milestones = (id = workspaceId) =>
    test.database.db
      .selectFrom('strategy_milestones')
      .selectAll()
      .where('workspace_id', '=', id)
      .orderBy('id')
      .execute()
  const audit = (action: string) =>
    test.database.db
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'action', 'before', 'after'])
      .where('workspace_id', '=', workspaceId)
      .where('entity', '=', 'milestone')
      .where('action', '=', action)
      .execute()

  beforeAll(async () => {
    test = await startTestApp(dialect)
    ;({ visitor: contributor, workspaceId } = await signedInMember(
      test,
      'contrib@example.org',
      'contributor',
    ))
    ;({ visitor: reader } = await signedInMember(test, 'reader@example.org', 'reader'))
    // A small commune of the Rhône: the law does not bind it.
    const small = await test.database.db
      .selectFrom('territories')
      .select('code')
      .where('kind', '=', 'commune')
      .where('code', 'like', '69%')
      .where('population_total', '<', 5000)
      .orderBy('code')
      .executeTakeFirstOrThrow()
    ;({ visitor: other, workspaceId: otherWorkspaceId } = await signedInMember(
      test,
      'small@example.org',
      'admin',
      small.code,
    ))
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('shows a reader where a city over 50,000 inhabitants stands: bound by the law, and late', async () => {
    const response = await reader.request(page())
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('La loi REEN s’applique à Lyon')
    expect(html).toContain('Programme de travail')
    expect(html).toContain('au plus tard le 1er janvier 2023')
    expect(html).toContain('En retard : échéance dépassée')
    expect(html).toContain('Aucun jalon enregistré')
    // Readers read: no editing link.
    expect(html).not.toContain('Ajouter un jalon')
  })

  it('puts the most pressing REEN step on the workspace dashboard', async () => {
    const html = await (await reader.request(`/espace/${workspaceId}`)).text()
    expect(html).toContain('<h2 id="strategy-heading">Stratégie</h2>')
    expect(html).toContain('Prochaine étape : Programme de travail — En retard : échéance dépassée.')
    expect(html).toContain(`href="/espace/${workspaceId}/strategie"`)
  })

  it('says « démarche volontaire » for a territory the law does not bind', async () => {
    const html = await (await other.request(`/espace/${otherWorkspaceId}/strategie/jalons`)).text()
    expect(html).toContain('démarche volontaire')
    expect(html).toContain('À faire, sans échéance légale')
    expect(html).not.toContain('En retard : échéance dépassée')
  })

  it('records a milestone, audited, and counts it as on time or late', async () => {
    expect((await contributor.request(`${page()}/nouveau`)).status).toBe(200)
    const created = await contributor.post(`${page()}/nouveau`, {
      type: 'programme_travail',
      date: '2022-11-15',
      annee: '2022',
      deliberation: ' 2022-118 ',
      document: 'https://www.lyon.fr/deliberation-2022-118',
      commentaire: 'Conseil municipal',
    })
    expect(created.status).toBe(303)
    expect(created.headers.get('location')).toBe(`${page()}?info=ajoute`)
    const [row] = await milestones()
    expect(row).toMatchObject({
      kind: 'programme_travail',
      date: '2022-11-15',
      // The year is only kept for an annual review.
      year: null,
      deliberation_number: '2022-118',
      document_url: 'https://www.lyon.fr/deliberation-2022-118',
      comment: 'Conseil municipal',
    })
    expect(await audit('create')).toEqual([
      expect.objectContaining({ entity_id: String(row?.id), before: null }),
    ])
    const html = await (await contributor.request(`${page()}?info=ajoute`)).text()
    expect(html).toContain('Le jalon est enregistré.')
    expect(html).toContain('Réalisé le 15 novembre 2022, dans les délais')
    expect(html).toContain('2022-118')

    await contributor.post(`${page()}/nouveau`, { type: 'bilan_annuel', date: '2026-02-10', annee: '2025' })
    const review = await (await contributor.request(page())).text()
    expect(review).toContain('Bilan annuel 2025')
    expect(review).toContain('Réalisé le 10 février 2026, dans les délais')
  })

  it.each([
    [
      { type: 'bilan_annuel', date: '2025-12-01', annee: '' },
      'Année couverte par le bilan',
      'l’année couverte est obligatoire',
    ],
    [
      { type: 'strategie', date: '12/01/2025' },
      'Date de la délibération',
      'n’est pas une date au format AAAA-MM-JJ',
    ],
    [{ type: 'strategie', date: '2025-02-30' }, 'Date de la délibération', 'n’est pas une date'],
    [{ type: 'strategie', date: '2999-01-01' }, 'Date de la délibération', 'est à venir'],
    [
      { type: 'bilan_annuel', date: '2025-03-01', annee: '2026' },
      'Année couverte par le bilan',
      'pas encore commencée',
    ],
    [
      { type: 'strategie', date: '2025-01-01', document: 'javascript:alert(1)' },
      'Lien vers le document',
      'https://',
    ],
    [{ type: 'autre', date: '2025-01-01' }, 'Jalon', 'choisissez le jalon'],
  ])('refuses %j with a message naming the field, writing nothing', async (form, label, message) => {
    const before = await milestones()
    const response = await contributor.post(`${page()}/nouveau`, form as Record<string, string>)
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('error-summary')
    expect(html).toContain(label)
    expect(html).toContain(message)
    expect(html).toContain('aria-invalid="true"')
    expect(await milestones()).toEqual(before)
  })

  it('edits and deletes a milestone through a confirmation page, each audited', async () => {
    await contributor.post(`${page()}/nouveau`, { type: 'strategie', date: '2025-03-20' })
    const id = (await milestones()).at(-1)?.id
    const form = await (await contributor.request(`${page()}/${id}/modifier`)).text()
    expect(form).toContain('value="2025-03-20"')
    const edited = await contributor.post(`${page()}/${id}/modifier`, {
      type: 'strategie',
      date: '2024-12-16',
      deliberation: '2024-301',
    })
    expect(edited.status).toBe(303)
    expect((await milestones()).find((row) => row.id === id)).toMatchObject({
      date: '2024-12-16',
      deliberation_number: '2024-301',
    })
    expect(await audit('update')).toEqual([
      expect.objectContaining({
        entity_id: String(id),
        before: expect.stringContaining('2025-03-20'),
        after: expect.stringContaining('2024-12-16'),
      }),
    ])
    expect(await (await contributor.request(page())).text()).toContain(
      'Réalisé le 16 décembre 2024, dans les délais',
    )

    const confirm = await contributor.request(`${page()}/${id}/supprimer`)
    expect(await confirm.text()).toContain(
      'Supprimer le jalon « Adoption de la stratégie » du 16 décembre 2024',
    )
    expect((await contributor.post(`${page()}/${id}/supprimer`)).status).toBe(303)
    expect((await milestones()).some((row) => row.id === id)).toBe(false)
    expect(await audit('delete')).toHaveLength(1)
  })

  it('turns readers away from every change', async () => {
    const [row] = await milestones()
    const before = await milestones()
    expect((await reader.request(`${page()}/nouveau`)).status).toBe(403)
    expect((await reader.post(`${page()}/nouveau`, { type: 'strategie', date: '2025-01-01' })).status).toBe(
      403,
    )
    expect(
      (await reader.post(`${page()}/${row?.id}/modifier`, { type: 'strategie', date: '2025-01-01' })).status,
    ).toBe(403)
    expect((await reader.post(`${page()}/${row?.id}/supprimer`)).status).toBe(403)
    expect(await milestones()).toEqual(before)
  })

  it('answers 404 for another workspace’s milestone, and for a malformed id', async () => {
    const [row] = await milestones()
    const path = `/espace/${otherWorkspaceId}/strategie/jalons/${row?.id}`
    expect((await other.request(`${path}/modifier`)).status).toBe(404)
    expect((await other.post(`${path}/modifier`, { type: 'strategie', date: '2025-01-01' })).status).toBe(404)
    expect((await other.post(`${path}/supprimer`)).status).toBe(404)
    expect((await contributor.request(`${page()}/abc/modifier`)).status).toBe(404)
    expect(await milestones(otherWorkspaceId)).toEqual([])
    expect((await milestones()).find((candidate) => candidate.id === row?.id)).toEqual(row)
  })
})
