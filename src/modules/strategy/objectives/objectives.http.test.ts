import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../../test-support/test-users.js'
import { insertAction, insertIndicatorValue } from '../test-strategy-data.js'

/** « Élus formés » (%): an indicator the platform does not compute, so only typed values count. */
const indicatorId = '2.4'

const form = (overrides: Record<string, string> = {}) => ({
  indicator: indicatorId,
  title: 'Former les élus',
  axis: '4',
  baselineYear: '2020',
  baselineValue: '10',
  target1Year: '2024',
  target1Value: '50',
  target2Year: '2030',
  target2Value: '80',
  comment: '',
  ...overrides,
})

describe.each(testDialects())('objectives over HTTP on %s', (dialect) => {
  let test: TestApp
  let workspaceId: number
  let otherWorkspaceId: number
  let admin: Visitor
  let contributor: Visitor
  let reader: Visitor
  let otherObjectiveId: number
  const path = (suffix = '') => `/espace/${workspaceId}/strategie/objectifs${suffix}`
  const db = () => test.database.db

  const objectiveRows = () =>
    db().selectFrom('objectives').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute()
  const auditRows = () =>
    db()
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_id', 'workspace_id', 'before', 'after'])
      .where('entity', '=', 'objective')
      .orderBy('id')
      .execute()

  /** Creates an objective through the form and returns its id (from the redirect). */
  const create = async (visitor: Visitor, overrides: Record<string, string> = {}) => {
    const response = await visitor.post(path(), form(overrides))
    expect(response.status).toBe(303)
    const location = response.headers.get('location') ?? ''
    expect(location).toMatch(new RegExp(`^${path()}/\\d+\\?info=cree$`))
    return Number(/objectifs\/(\d+)/.exec(location)?.[1])
  }

  const insertValue = (id: string, year: number, value: number) =>
    insertIndicatorValue(db(), workspaceId, { indicatorId: id, year, value, source: 'Service formation' })

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const created = await createTestUser(db(), {
      email: 'admin@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'admin' },
    })
    workspaceId = created.workspaceId as number
    await createTestUser(db(), {
      email: 'contributor@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'contributor' },
    })
    await createTestUser(db(), {
      email: 'reader@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'reader' },
    })
    await createTestUser(db(), {
      email: 'other@example.org',
      workspace: { kind: 'commune', code: '13055', role: 'admin' },
    })
    admin = new Visitor(test.app)
    await admin.signIn('admin@example.org')
    contributor = new Visitor(test.app)
    await contributor.signIn('contributor@example.org')
    reader = new Visitor(test.app)
    await reader.signIn('reader@example.org')
    const outsider = new Visitor(test.app)
    await outsider.signIn('other@example.org')
    const other = await db()
      .selectFrom('workspaces')
      .innerJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('workspaces.id')
      .where('users.email', '=', 'other@example.org')
      .executeTakeFirstOrThrow()
    otherWorkspaceId = other.id
    const response = await outsider.post(
      `/espace/${otherWorkspaceId}/strategie/objectifs`,
      form({ title: 'Marseille' }),
    )
    expect(response.status).toBe(303)
    otherObjectiveId = Number(/objectifs\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1])
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('offers the form with the indicators grouped by commitment, and proposes the indicator’s name', async () => {
    const response = await contributor.request(path(`/nouveau?indicateur=${indicatorId}`))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(
      '<optgroup label="A1.E2 — Favoriser la montée en compétence des citoyens et des professionnels"',
    )
    expect(html).toMatch(/<option value="2\.4" selected="">2\.4 — Élus formés \(%\)<\/option>/)
    expect(html).toContain('name="title" type="text" value="Élus formés"')
    for (const row of [1, 2, 3, 4, 5]) expect(html).toContain(`id="target${row}Year"`)
    expect(html).toContain(
      '<option value="6">6 — Territoire connecté et durable, ouverture et utilisation des données</option>',
    )

    const unknown = await contributor.request(path('/nouveau?indicateur=9.9'))
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('Indicateur inconnu : 9.9')
  })

  it('creates an objective (French decimals, targets sorted) with its audit entry, and edits it', async () => {
    const auditBefore = (await auditRows()).length
    const id = await create(contributor, {
      baselineValue: '12,5',
      target1Year: '2030',
      target1Value: '80',
      target2Year: '2024',
      target2Value: '50,25',
      comment: 'Plan de formation',
    })
    const row = (await objectiveRows()).find((candidate) => candidate.id === id)
    expect(row).toMatchObject({
      indicator_id: indicatorId,
      title: 'Former les élus',
      decree_axis: 4,
      baseline_year: 2020,
      baseline_value: 12.5,
      comment: 'Plan de formation',
    })
    expect(JSON.parse(row?.targets ?? '')).toEqual([
      { year: 2024, value: 50.25 },
      { year: 2030, value: 80 },
    ])
    const created = (await auditRows()).slice(auditBefore)
    expect(created).toHaveLength(1)
    expect(created[0]).toMatchObject({ action: 'create', entity_id: String(id), workspace_id: workspaceId })
    expect(JSON.parse(created[0]?.after ?? '')).toMatchObject({
      indicatorId,
      baseline: { year: 2020, value: 12.5 },
    })

    const page = await contributor.request(path(`/${id}?info=cree`))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Objectif créé.')
    expect(html).toContain('<h1>Former les élus</h1>')
    expect(html).toContain('Axe 4')

    const edit = await contributor.request(path(`/${id}/modifier`))
    expect(edit.status).toBe(200)
    expect(await edit.text()).toContain('name="baselineValue" type="text" value="12,5"')
    const saved = await contributor.post(
      path(`/${id}/modifier`),
      form({ title: 'Former tous les élus', axis: '' }),
    )
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(path(`/${id}?info=modifie`))
    const updated = (await objectiveRows()).find((candidate) => candidate.id === id)
    expect(updated).toMatchObject({ title: 'Former tous les élus', decree_axis: null, baseline_value: 10 })
    const [entry] = (await auditRows()).slice(auditBefore + 1)
    expect(entry).toMatchObject({ action: 'update', entity_id: String(id) })
    expect(JSON.parse(entry?.before ?? '')).toMatchObject({ title: 'Former les élus', decreeAxis: 4 })
    expect(JSON.parse(entry?.after ?? '')).toMatchObject({ title: 'Former tous les élus', decreeAxis: null })
  })

  it('refuses a target year before the baseline year, naming the field, and writes nothing', async () => {
    const rowsBefore = await objectiveRows()
    const auditBefore = await auditRows()
    const response = await admin.post(path(), form({ baselineYear: '2024', target1Year: '2022' }))
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('L’année cible 2022 précède l’année de référence 2024')
    expect(html).toContain('<a href="#target1Year">Année de la cible 1 : L’année cible 2022')
    expect(html).toMatch(
      /id="target1Year"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*target1Year-error/,
    )
    // What was typed is shown again.
    expect(html).toContain('name="baselineYear" type="text" value="2024"')
    expect(await objectiveRows()).toEqual(rowsBefore)
    expect(await auditRows()).toEqual(auditBefore)
  })

  it('refuses an unknown indicator, a bad axis and a half-filled target, and writes nothing', async () => {
    const rowsBefore = await objectiveRows()
    const unknown = await admin.post(path(), form({ indicator: '9.9' }))
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('Indicateur : Indicateur inconnu : 9.9')
    const axis = await admin.post(path(), form({ axis: '7' }))
    expect(axis.status).toBe(400)
    expect(await axis.text()).toContain('Axe du décret : Axe inconnu : « 7 » (axes 1 à 6, ou aucun).')
    const half = await admin.post(path(), form({ target2Value: '' }))
    expect(half.status).toBe(400)
    expect(await half.text()).toContain('Valeur de la cible 2 : Indiquez la valeur de la cible 2.')
    const existing = rowsBefore[0]
    if (!existing) throw new Error('an objective was expected')
    const edit = await admin.post(path(`/${existing.id}/modifier`), form({ target1Year: '2019' }))
    expect(edit.status).toBe(400)
    expect(await objectiveRows()).toEqual(rowsBefore)
  })

  it('lets readers read but not write (403, nothing written)', async () => {
    const [objective] = await objectiveRows()
    if (!objective) throw new Error('an objective was expected')
    const list = await reader.request(path())
    expect(list.status).toBe(200)
    const html = await list.text()
    expect(html).toContain(objective.title)
    expect(html).not.toContain(path('/nouveau'))
    const detail = await reader.request(path(`/${objective.id}`))
    expect(detail.status).toBe(200)
    expect(await detail.text()).not.toContain(path(`/${objective.id}/modifier`))
    expect((await reader.request(path('/nouveau'))).status).toBe(403)
    expect((await reader.request(path(`/${objective.id}/modifier`))).status).toBe(403)
    expect((await reader.request(path(`/${objective.id}/supprimer`))).status).toBe(403)

    const rowsBefore = await objectiveRows()
    expect((await reader.post(path(), form())).status).toBe(403)
    expect((await reader.post(path(`/${objective.id}/modifier`), form({ title: 'Lu' }))).status).toBe(403)
    expect((await reader.post(path(`/${objective.id}/supprimer`), { confirm: '1' })).status).toBe(403)
    expect(await objectiveRows()).toEqual(rowsBefore)
    expect((await reader.request(`/espace/${workspaceId}/strategie/axes`)).status).toBe(200)
  })

  it('answers 404 for another workspace’s objective, and leaves it alone', async () => {
    for (const suffix of ['', '/modifier', '/supprimer'])
      expect((await admin.request(path(`/${otherObjectiveId}${suffix}`))).status).toBe(404)
    expect((await admin.post(path(`/${otherObjectiveId}/modifier`), form({ title: 'Pris' }))).status).toBe(
      404,
    )
    expect((await admin.post(path(`/${otherObjectiveId}/supprimer`), { confirm: '1' })).status).toBe(404)
    expect((await admin.request(path('/abc'))).status).toBe(404)
    const other = await db()
      .selectFrom('objectives')
      .selectAll()
      .where('id', '=', otherObjectiveId)
      .executeTakeFirst()
    expect(other).toMatchObject({ title: 'Marseille', workspace_id: otherWorkspaceId })
    // Nor does the list show it.
    expect(await (await admin.request(path())).text()).not.toContain('Marseille')
  })

  it('shows the status from the indicator values entered, on the list and year by year', async () => {
    const id = await create(admin, { indicator: '2.3', title: 'Former les agents', axis: '2' })
    const statusOf = async () => {
      const html = await (await admin.request(path())).text()
      const row = html.split('<tr>').find((candidate) => candidate.includes(`${path()}/${id}"`)) ?? ''
      return /<span class="badge objective-[a-z_]+">([^<]+)<\/span>/.exec(row)?.[1]
    }
    expect(await statusOf()).toBe('pas de mesure')
    // 2022 on the line from 10 (2020) to 50 (2024) expects 30.
    await insertValue('2.3', 2022, 35)
    expect(await statusOf()).toBe('en bonne voie')
    await insertValue('2.3', 2023, 38)
    expect(await statusOf()).toBe('en retard')
    // Another indicator's values change nothing.
    await insertValue('1.1', 2024, 99)
    expect(await statusOf()).toBe('en retard')

    const detail = await (await admin.request(path(`/${id}`))).text()
    expect(detail).toContain('role="img"')
    expect(detail).toContain(
      '<title id="trajectory-title">Trajectoire de l’objectif « Former les agents »</title>',
    )
    expect(detail).toContain('Mesures : 35 en 2022, 38 en 2023.')
    const yearRow = (year: number) =>
      (detail.split('<tr>').find((candidate) => candidate.includes(`<th scope="row">${year}`)) ?? '').replace(
        /\s+/g,
        ' ',
      )
    expect(yearRow(2021)).toContain('<td class="num">20</td><td class="num">—</td><td>pas de mesure</td>')
    expect(yearRow(2022)).toContain('<td class="num">30</td><td class="num">35</td><td>en bonne voie</td>')
    expect(yearRow(2023)).toContain('<td class="num">40</td><td class="num">38</td><td>en retard</td>')
    expect(yearRow(2024)).toContain('2024 (cible)')

    await insertValue('2.3', 2025, 85)
    expect(await statusOf()).toBe('atteint')
  })

  it('lists the actions linked to an objective, and deletes it after confirmation (links gone, actions kept)', async () => {
    const id = await create(admin, { title: 'À supprimer' })
    const actionId = await insertAction(db(), workspaceId, {
      title: 'Session de formation des élus',
      decreeAxis: 4,
      isPublic: false,
      objectiveIds: [id],
    })
    const detail = await (await admin.request(path(`/${id}`))).text()
    expect(detail).toContain(
      `<a href="/espace/${workspaceId}/strategie/actions/${actionId}">Session de formation des élus</a> — en cours`,
    )

    const confirm = await admin.request(path(`/${id}/supprimer`))
    expect(confirm.status).toBe(200)
    expect(await confirm.text()).toContain('Une action de la feuille de route y est liée')
    // Without the confirmation field, nothing is deleted.
    expect((await admin.post(path(`/${id}/supprimer`))).status).toBe(200)
    expect((await objectiveRows()).some((row) => row.id === id)).toBe(true)

    const auditBefore = (await auditRows()).length
    const deleted = await admin.post(path(`/${id}/supprimer`), { confirm: '1' })
    expect(deleted.status).toBe(303)
    expect(deleted.headers.get('location')).toBe(`${path()}?info=supprime`)
    expect((await objectiveRows()).some((row) => row.id === id)).toBe(false)
    const links = await db()
      .selectFrom('action_objectives')
      .selectAll()
      .where('objective_id', '=', id)
      .execute()
    expect(links).toEqual([])
    const action = await db()
      .selectFrom('actions')
      .select('title')
      .where('id', '=', actionId)
      .executeTakeFirst()
    expect(action?.title).toBe('Session de formation des élus')
    const [entry] = (await auditRows()).slice(auditBefore)
    expect(entry).toMatchObject({ action: 'delete', entity_id: String(id) })
    expect(JSON.parse(entry?.before ?? '')).toMatchObject({ title: 'À supprimer', actionIds: [actionId] })
    expect(await (await admin.request(`${path()}?info=supprime`)).text()).toContain('Objectif supprimé.')
  })

  it('shows the six decree axes with their objectives and actions, then the objectives without an axis', async () => {
    await create(admin, { title: 'Objectif de l’axe 6', axis: '6' })
    await create(admin, { title: 'Objectif sans axe', axis: '' })
    await insertAction(db(), workspaceId, { title: 'Action de l’axe 6', decreeAxis: 6, isPublic: false })
    await insertAction(db(), workspaceId, {
      title: 'Autre action de l’axe 6',
      decreeAxis: 6,
      isPublic: false,
    })
    const response = await reader.request(`/espace/${workspaceId}/strategie/axes`)
    expect(response.status).toBe(200)
    const html = await response.text()
    const section = (id: string) =>
      html.split(`<section aria-labelledby="${id}">`)[1]?.split('</section>')[0] ?? ''
    for (const axis of [1, 2, 3, 4, 5, 6]) expect(html).toContain(`<h2 id="axe-${axis}">Axe ${axis}`)
    expect(html).toContain('Écoconception des sites et services numériques')
    expect(section('axe-6')).toContain('Objectif de l’axe 6')
    expect(section('axe-6')).toContain('Objectifs : 1 · actions rattachées à l’axe : 2')
    expect(section('axe-6')).not.toContain('Objectif sans axe')
    expect(section('axe-1')).toContain('Aucun objectif sur cet axe.')
    expect(section('sans-axe')).toContain('Objectif sans axe')
    expect(section('sans-axe')).toContain('Former tous les élus')
    expect(section('sans-axe')).not.toContain('Objectif de l’axe 6')
    // The objectives page leads there.
    expect(await (await reader.request(path())).text()).toContain(
      `href="/espace/${workspaceId}/strategie/axes"`,
    )
  })

  it('answers in English too, the referential’s words marked as French', async () => {
    const english = new Visitor(test.app)
    await english.signIn('reader@example.org')
    await english.request('/langue?lang=en')
    const list = await (await english.request(path())).text()
    expect(list).toContain('<h1>Objectives</h1>')
    expect(list).toContain('<span lang="fr">Élus formés</span>')
    expect(list).toMatch(/badge objective-reached">reached</)
    const axes = await (await english.request(`/espace/${workspaceId}/strategie/axes`)).text()
    expect(axes).toContain('<h1>The six axes of the decree</h1>')
    expect(axes).toContain('Objectives: 1 · actions tied to the axis: 2')
    const refused = await english.request(path('/nouveau?indicateur=9.9'))
    expect(refused.status).toBe(403)
  })
})
