import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import type { Visitor } from '../../../test-support/test-users.js'
import { signedInMember } from '../../../test-support/workspace-members.js'
import { insertObjective as insertTestObjective } from '../test-strategy-data.js'
import { createAction } from './actions.queries.js'
import { testActionInput } from './test-action-input.js'

/** A form as a browser sends it, repeated checkboxes included. */
function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields))
    for (const each of Array.isArray(value) ? value : [value]) data.append(name, each)
  return data
}

describe.each(testDialects())('the action plan’s actions over HTTP on %s', (dialect) => {
  let test: TestApp
  let admin: Visitor
  let adminId: number
  let contributor: Visitor
  let contributorId: number
  let reader: Visitor
  let outsiderId: number
  let workspaceId: number
  let otherWorkspaceId: number
  let objectiveIds: number[]
  let otherObjectiveId: number
  let otherActionId: number
  const path = () => `/espace/${workspaceId}/strategie/actions`

  const post = (visitor: Visitor, url: string, fields: Record<string, string | string[]>) =>
    visitor.request(url, { method: 'POST', multipart: form(fields) })
  const actionRows = () =>
    test.database.db
      .selectFrom('actions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute()
  const auditRows = (entity = 'action') =>
    test.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_id', 'workspace_id', 'before', 'after'])
      .where('entity', '=', entity)
      .orderBy('id')
      .execute()
  const insertObjective = (inWorkspace: number, title: string) =>
    insertTestObjective(test.database.db, inWorkspace, {
      indicatorId: '4.1',
      title,
      baseline: { year: 2024, value: 10 },
      targets: [{ year: 2030, value: 5 }],
    })

  const valid = () => ({
    title: 'Allonger la durée de vie des postes',
    description: 'Passer de 4 à 6 ans.\nAvec un plan de réemploi.',
    commitments: ['A2.E1', 'A2.E3'],
    decreeAxis: '2',
    owner: '',
    service: 'Direction du numérique',
    startDate: '2026-04-01',
    endDate: '2026-06-30',
    status: 'planifiee',
    budget: '12 500,50',
    objectives: [String(objectiveIds[0])],
    isPublic: '1',
  })

  beforeAll(async () => {
    test = await startTestApp(dialect)
    ;({
      visitor: admin,
      userId: adminId,
      workspaceId,
    } = await signedInMember(test, 'admin@example.org', 'admin'))
    ;({ visitor: contributor, userId: contributorId } = await signedInMember(
      test,
      'contrib@example.org',
      'contributor',
    ))
    ;({ visitor: reader } = await signedInMember(test, 'reader@example.org', 'reader'))
    const outsider = await signedInMember(test, 'other@example.org', 'admin', '13055')
    outsiderId = outsider.userId
    otherWorkspaceId = outsider.workspaceId
    objectiveIds = [
      await insertObjective(workspaceId, 'Réduire l’empreinte par agent'),
      await insertObjective(workspaceId, 'Réemployer le matériel'),
    ]
    otherObjectiveId = await insertObjective(otherWorkspaceId, 'Objectif de Marseille')
    otherActionId = await createAction(test.database.db, {
      workspaceId: otherWorkspaceId,
      actorId: outsiderId,
      action: testActionInput({
        title: 'Action de Marseille',
        status: 'en_cours',
        objectiveIds: [otherObjectiveId],
      }),
    })
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('offers the form with every commitment, axis, member, status and this workspace’s objectives only', async () => {
    const response = await admin.request(`${path()}/nouvelle`)
    expect(response.status).toBe(200)
    const html = await response.text()
    for (const id of ['A1.E1', 'A2.E3', 'A3.E3']) expect(html).toContain(`value="${id}"`)
    expect(html).toContain('<legend>Engagements du référentiel</legend>')
    expect(html).toContain('Axe du décret (art. D2311-15-1 CGCT)')
    expect(html).toContain(`<option value="${contributorId}">contrib</option>`)
    expect(html).not.toContain('>other</option>')
    for (const label of ['à planifier', 'planifiée', 'en cours', 'réalisée', 'abandonnée'])
      expect(html).toContain(`>${label}</option>`)
    expect(html).toContain('Réduire l’empreinte par agent')
    expect(html).not.toContain('Objectif de Marseille')
    expect(html).toMatch(/<input type="checkbox" id="isPublic" name="isPublic" value="1"(?! checked)/)
  })

  let actionId: number

  it('creates an action (decimal comma, several commitments, objectives, public) with its audit entry', async () => {
    const before = (await auditRows()).length
    const response = await post(contributor, path(), valid())
    expect(response.status).toBe(303)
    const location = response.headers.get('location') ?? ''
    expect(location).toMatch(new RegExp(`^${path()}/\\d+\\?info=creee$`))
    actionId = Number(/actions\/(\d+)/.exec(location)?.[1])
    const [row] = await actionRows()
    expect(row).toMatchObject({
      id: actionId,
      title: 'Allonger la durée de vie des postes',
      commitments: 'A2.E1|A2.E3',
      decree_axis: 2,
      owner_user_id: null,
      owner_service: 'Direction du numérique',
      start_date: '2026-04-01',
      end_date: '2026-06-30',
      status: 'planifiee',
      is_public: 1,
      recommendation_id: null,
      created_by: contributorId,
    })
    expect(Number(row?.budget_euros)).toBe(12500.5)
    const links = await test.database.db
      .selectFrom('action_objectives')
      .select('objective_id')
      .where('action_id', '=', actionId)
      .execute()
    expect(links.map((link) => link.objective_id)).toEqual([objectiveIds[0]])
    const audit = await auditRows()
    expect(audit).toHaveLength(before + 1)
    const entry = audit.at(-1)
    expect(entry).toMatchObject({
      action: 'create',
      entity_id: String(actionId),
      actor_id: contributorId,
      workspace_id: workspaceId,
    })
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({
      title: 'Allonger la durée de vie des postes',
      commitments: ['A2.E1', 'A2.E3'],
      budgetEuros: 12500.5,
      objectiveIds: [objectiveIds[0]],
      isPublic: true,
    })
  })

  it('shows the action: facts, line breaks kept, linked objectives with their links, the notice', async () => {
    const response = await reader.request(`${path()}/${actionId}?info=creee`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1>Allonger la durée de vie des postes</h1>')
    expect(html).toContain('Action créée.')
    expect(html).toContain('planifiée')
    expect(html).toContain('Direction du numérique')
    expect(html).toContain('1er avril 2026')
    expect(html).toContain('30 juin 2026')
    expect(html).toContain('12\u202f500,50\u00a0€')
    expect(html).toContain('Passer de 4 à 6 ans.<br/>Avec un plan de réemploi.')
    expect(html).toContain(
      `<a href="/espace/${workspaceId}/strategie/objectifs/${objectiveIds[0]}">Réduire l’empreinte par agent</a>`,
    )
    expect(html).not.toContain('Réemployer le matériel')
    // A reader reads, and is offered no way to change anything.
    expect(html).not.toContain(`${path()}/${actionId}/modifier`)
    expect(html).not.toContain(`action="${path()}/${actionId}/notes"`)
  })

  it('edits an action (member owner, other objectives, internal) and records before and after', async () => {
    const edit = await admin.request(`${path()}/${actionId}/modifier`)
    expect(edit.status).toBe(200)
    const form = await edit.text()
    expect(form).toContain('value="Allonger la durée de vie des postes"')
    expect(form).toContain('value="12500,5"')
    expect(form).toMatch(/value="A2\.E3" checked/)
    expect(form).toMatch(new RegExp(`value="${objectiveIds[0]}" checked`))
    const response = await post(admin, `${path()}/${actionId}/modifier`, {
      ...valid(),
      title: 'Allonger la durée de vie des postes à 6 ans',
      owner: String(contributorId),
      service: '',
      status: 'en_cours',
      commitments: ['A2.E1'],
      objectives: [String(objectiveIds[1])],
      isPublic: '',
      budget: '',
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${path()}/${actionId}?info=modifiee`)
    const [row] = await actionRows()
    expect(row).toMatchObject({
      title: 'Allonger la durée de vie des postes à 6 ans',
      owner_user_id: contributorId,
      owner_service: null,
      status: 'en_cours',
      commitments: 'A2.E1',
      budget_euros: null,
      is_public: 0,
    })
    const links = await test.database.db
      .selectFrom('action_objectives')
      .select('objective_id')
      .where('action_id', '=', actionId)
      .execute()
    expect(links.map((link) => link.objective_id)).toEqual([objectiveIds[1]])
    const entry = (await auditRows()).at(-1)
    expect(entry?.action).toBe('update')
    expect(JSON.parse(entry?.before ?? '{}')).toMatchObject({ status: 'planifiee', isPublic: true })
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({
      status: 'en_cours',
      ownerUserId: contributorId,
      isPublic: false,
      objectiveIds: [objectiveIds[1]],
    })
    const page = await (await admin.request(`${path()}/${actionId}`)).text()
    expect(page).toContain('contrib')
    expect(page).toContain('interne')
  })

  describe('refuses bad input with a 400 naming the field, and writes nothing', () => {
    const cases: {
      name: string
      fields: () => Record<string, string | string[]>
      field: string
      message: string | (() => string)
    }[] = [
      {
        name: 'an end before the start',
        fields: () => ({ ...valid(), startDate: '2026-04-01', endDate: '2026-03-01' }),
        field: 'endDate',
        message: 'La fin (1er mars 2026) précède le début (1er avril 2026).',
      },
      {
        name: 'an unknown commitment',
        fields: () => ({ ...valid(), commitments: ['A1.E1', 'A9.E9'] }),
        field: 'commitments',
        message: 'Engagement inconnu du référentiel : « A9.E9 ».',
      },
      {
        name: 'a status outside the list',
        fields: () => ({ ...valid(), status: 'terminee' }),
        field: 'status',
        message: 'Choisissez un statut de la liste.',
      },
      {
        name: 'a negative budget',
        fields: () => ({ ...valid(), budget: '-5' }),
        field: 'budget',
        message: 'Le budget ne peut pas être négatif.',
      },
      {
        name: 'a budget that is no number',
        fields: () => ({ ...valid(), budget: 'beaucoup' }),
        field: 'budget',
        message: 'Le budget doit être un nombre d’euros',
      },
      {
        name: 'an owner who is not a member of this workspace',
        fields: () => ({ ...valid(), service: '', owner: String(outsiderId) }),
        field: 'owner',
        message: 'Cette personne n’est pas membre de l’espace.',
      },
      {
        name: 'another workspace’s objective',
        fields: () => ({ ...valid(), objectives: [String(objectiveIds[0]), String(otherObjectiveId)] }),
        field: 'objectives',
        message: () => `Objectif inconnu dans cet espace : « ${otherObjectiveId} ».`,
      },
      {
        name: 'a decree axis outside 1–6',
        fields: () => ({ ...valid(), decreeAxis: '7' }),
        field: 'decreeAxis',
        message: 'Axe du décret inconnu (valeurs possibles : 1, 2, 3, 4, 5, 6).',
      },
      {
        name: 'a date that does not exist',
        fields: () => ({ ...valid(), startDate: '2026-02-30' }),
        field: 'startDate',
        message: 'Date attendue au format AAAA-MM-JJ',
      },
      {
        name: 'a missing title',
        fields: () => ({ ...valid(), title: '  ' }),
        field: 'title',
        message: 'Indiquez le titre de l’action.',
      },
      {
        name: 'both a member and a service',
        fields: () => ({ ...valid(), owner: String(adminId) }),
        field: 'service',
        message: 'Choisissez un membre ou un service, pas les deux.',
      },
    ]

    it.each(cases)('$name', async ({ fields, field, message }) => {
      const rows = await actionRows()
      const audit = await auditRows()
      for (const url of [path(), `${path()}/${actionId}/modifier`]) {
        const response = await post(admin, url, fields())
        expect(response.status).toBe(400)
        const html = await response.text()
        expect(html).toContain('class="error-summary"')
        expect(html).toContain(`href="#${field}"`)
        expect(html).toContain(typeof message === 'function' ? message() : message)
        expect(html).toMatch(new RegExp(`id="${field}-error"`))
      }
      expect(await actionRows()).toEqual(rows)
      expect(await auditRows()).toEqual(audit)
    })

    it('keeps what was typed when the form comes back', async () => {
      const response = await post(admin, path(), { ...valid(), title: 'Mon titre gardé', budget: '-1' })
      const html = await response.text()
      expect(html).toContain('value="Mon titre gardé"')
      expect(html).toMatch(/value="A2\.E3" checked/)
      expect(html).toContain('aria-invalid="true"')
    })
  })

  it('adds progress notes, newest first with author and date; an empty note is a 400 that writes nothing', async () => {
    const empty = await post(contributor, `${path()}/${actionId}/notes`, { body: '   ' })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Écrivez la note avant de l’ajouter.')
    expect(await auditRows('action_note')).toHaveLength(0)
    const first = await post(contributor, `${path()}/${actionId}/notes`, { body: 'Marché lancé.' })
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe(`${path()}/${actionId}?info=note`)
    const second = await post(admin, `${path()}/${actionId}/notes`, { body: 'Premiers postes livrés.' })
    expect(second.status).toBe(303)
    const html = await (await reader.request(`${path()}/${actionId}`)).text()
    const newest = html.indexOf('Premiers postes livrés.')
    const oldest = html.indexOf('Marché lancé.')
    expect(newest).toBeGreaterThan(0)
    expect(oldest).toBeGreaterThan(newest)
    expect(html).toMatch(/admin, le \d{1,2} \S+ \d{4}/)
    expect(html).toMatch(/contrib, le \d{1,2} \S+ \d{4}/)
    const audit = await auditRows('action_note')
    expect(audit).toHaveLength(2)
    expect(JSON.parse(audit[0]?.after ?? '{}')).toEqual({ actionId, body: 'Marché lancé.' })
  })

  it('refuses readers every change (403) and writes nothing', async () => {
    const rows = await actionRows()
    expect((await reader.request(path())).status).toBe(200)
    expect((await reader.request(`${path()}/nouvelle`)).status).toBe(403)
    expect((await reader.request(`${path()}/${actionId}/modifier`)).status).toBe(403)
    expect((await reader.request(`${path()}/${actionId}/supprimer`)).status).toBe(403)
    expect((await post(reader, path(), valid())).status).toBe(403)
    expect((await post(reader, `${path()}/${actionId}/modifier`, valid())).status).toBe(403)
    expect((await post(reader, `${path()}/${actionId}/supprimer`, { confirm: '1' })).status).toBe(403)
    expect((await post(reader, `${path()}/${actionId}/notes`, { body: 'Non.' })).status).toBe(403)
    expect(
      (await post(reader, `${path()}/depuis-recommandation`, { recommandation: 'R-A1.E1.Q1' })).status,
    ).toBe(403)
    expect(await actionRows()).toEqual(rows)
  })

  it('answers 404 for another workspace’s action, whatever the route, and changes nothing', async () => {
    for (const suffix of ['', '/modifier', '/supprimer'])
      expect((await admin.request(`${path()}/${otherActionId}${suffix}`)).status).toBe(404)
    expect((await post(admin, `${path()}/${otherActionId}/modifier`, valid())).status).toBe(404)
    expect((await post(admin, `${path()}/${otherActionId}/supprimer`, { confirm: '1' })).status).toBe(404)
    expect((await post(admin, `${path()}/${otherActionId}/notes`, { body: 'Intrus.' })).status).toBe(404)
    expect((await admin.request(`${path()}/abc`)).status).toBe(404)
    const other = await test.database.db
      .selectFrom('actions')
      .select(['title'])
      .where('id', '=', otherActionId)
      .executeTakeFirstOrThrow()
    expect(other.title).toBe('Action de Marseille')
    const notes = await test.database.db
      .selectFrom('action_notes')
      .select('id')
      .where('action_id', '=', otherActionId)
      .execute()
    expect(notes).toHaveLength(0)
  })

  it('deletes an action after a confirmation page, with its links and notes, and records it', async () => {
    const confirm = await admin.request(`${path()}/${actionId}/supprimer`)
    expect(confirm.status).toBe(200)
    expect(await confirm.text()).toContain(
      'Supprimer l’action « Allonger la durée de vie des postes à 6 ans » ?',
    )
    // Without the confirmation field nothing goes.
    expect((await post(admin, `${path()}/${actionId}/supprimer`, {})).status).toBe(200)
    expect(await actionRows()).toHaveLength(1)
    const response = await post(admin, `${path()}/${actionId}/supprimer`, { confirm: '1' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${path()}?info=supprimee`)
    expect(await actionRows()).toHaveLength(0)
    const orphans = await test.database.db
      .selectFrom('action_notes')
      .select('id')
      .where('action_id', '=', actionId)
      .execute()
    expect(orphans).toHaveLength(0)
    const entry = (await auditRows()).at(-1)
    expect(entry).toMatchObject({ action: 'delete', entity_id: String(actionId), actor_id: adminId })
    expect(JSON.parse(entry?.before ?? '{}')).toMatchObject({
      title: 'Allonger la durée de vie des postes à 6 ans',
      notes: 2,
    })
    expect((await admin.request(`${path()}/${actionId}`)).status).toBe(404)
    expect(await (await admin.request(`${path()}?info=supprimee`)).text()).toContain('Action supprimée.')
  })
})
