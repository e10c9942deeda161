import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../test-support/test-users.js'

describe.each(testDialects())('the national observatory on %s', (dialect) => {
  let test: TestApp

  /** Submitted assessments of real communes, with given overall scores (A1.E1 = the same score). */
  async function submitted(scores: number[], band: string) {
    const db = test.database.db
    const communes = await db
      .selectFrom('territories')
      .select('id')
      .where('kind', '=', 'commune')
      .where('is_demo', '=', 0)
      .where('id', 'not in', db.selectFrom('workspaces').select('territory_id'))
      .orderBy('id')
      .limit(scores.length)
      .execute()
    for (const [index, commune] of communes.entries()) {
      const score = scores[index] as number
      const at = new Date().toISOString()
      const workspace = await db
        .insertInto('workspaces')
        .values({ territory_id: commune.id, created_at: at, created_by: null })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .insertInto('assessments')
        .values({
          workspace_id: workspace.id,
          year: 2025,
          referential_version: '2026.1',
          status: 'submitted',
          created_at: at,
          created_by: null,
          updated_at: at,
          submitted_at: at,
          submitted_by: null,
          tier: 'M',
          peer_kind: 'commune',
          population_band: band,
          score,
          letter: 'C',
          scores: JSON.stringify({ ambition: { A1: score }, commitment: { 'A1.E1': score } }),
        })
        .execute()
    }
  }

  beforeAll(async () => {
    test = await startTestApp(dialect)
    await createTestUser(test.database.db, { email: 'observer@example.org', platformRole: 'observer' })
    await createTestUser(test.database.db, {
      email: 'member@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'admin' },
    })
    await submitted([10, 20, 30, 40, 50], '10000-50000')
    await submitted([90, 80], '3500-10000')
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('shows observers the national quartiles and only the groups of at least 5', async () => {
    const observer = new Visitor(test.app)
    await observer.signIn('observer@example.org')
    const response = await observer.request('/observatoire?annee=2025')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('7 autodiagnostic(s) soumis pour 2025')
    // National overall: 10, 20, 30, 40, 50, 80, 90 → Q1 25, median 40, Q3 65 (linear interpolation).
    expect(html).toMatch(/Global<\/th><td>25<\/td><td>40<\/td><td>65<\/td>/)
    // The 10,000–50,000 group (5) is shown: Q1 20, median 30, Q3 40; the other (2) is not.
    expect(html).toMatch(/de 10 000 à 50 000 habitants<\/th><td>5<\/td><td>20<\/td><td>30<\/td><td>40<\/td>/)
    expect(html).toMatch(/de 3 500 à 10 000 habitants<\/th><td>moins de 5<\/td><td colspan="3">non affiché/)
    expect(html).not.toContain('Lyon')
  })

  it('keeps the demonstration territories apart, on their own view', async () => {
    const observer = new Visitor(test.app)
    await observer.signIn('observer@example.org')
    const html = await (await observer.request('/observatoire?annee=2025&demo=1')).text()
    expect(html).toContain('Chiffres des territoires de démonstration')
    expect(html).toContain('0 autodiagnostic(s) soumis pour 2025')
  })

  it('is closed to workspace members and to anonymous visitors', async () => {
    const member = new Visitor(test.app)
    await member.signIn('member@example.org')
    expect((await member.request('/observatoire')).status).toBe(403)
    const anonymous = new Visitor(test.app)
    const response = await anonymous.request('/observatoire')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/connexion?retour=%2Fobservatoire')
  })

  it('names a bad year parameter', async () => {
    const observer = new Visitor(test.app)
    await observer.signIn('observer@example.org')
    const response = await observer.request('/observatoire?annee=deux-mille')
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('annee')
  })
})
