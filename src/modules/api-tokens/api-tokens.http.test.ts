import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../test-support/test-users.js'
import { signedInMember } from '../../test-support/workspace-members.js'
import { hashApiToken, touchApiToken } from './api-tokens.store.js'

/** The token as the creation page shows it, in its read-only field. */
const shownToken = (html: string) => /id="new-token"[^>]*value="(jal_[A-Za-z0-9_-]+)"/.exec(html)?.[1]

describe.each(testDialects())('workspace API tokens on %s', (dialect) => {
  let test: TestApp
  let workspaceId: number
  let admin: Visitor
  const page = () => `/espace/${workspaceId}/api`
  const footprint = () => `/api/v1/workspaces/${workspaceId}/footprint`
  const bearer = (path: string, token?: string) =>
    test.app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {})
  const createToken = async (name: string) => {
    const response = await admin.post(`${page()}/jetons`, { name })
    return { response, html: await response.text() }
  }

  beforeAll(async () => {
    test = await startTestApp(dialect)
    ;({ visitor: admin, workspaceId } = await signedInMember(test, 'admin@example.org', 'admin'))
    for (const role of ['contributor', 'reader'] as const)
      await createTestUser(test.database.db, {
        email: `${role}@example.org`,
        workspace: { kind: 'commune', code: '69123', role },
      })
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('creates a token, shows it once in the page and stores only its hash', async () => {
    const { response, html } = await createToken('Tableur du service finances')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const token = shownToken(html)
    expect(token).toMatch(/^jal_[A-Za-z0-9_-]{43}$/)
    const rows = await test.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      name: 'Tableur du service finances',
      token_hash: hashApiToken(token as string),
    })
    expect(JSON.stringify(rows)).not.toContain(token)
    const audit = await test.database.db
      .selectFrom('audit_log')
      .select(['entity', 'action', 'after'])
      .where('workspace_id', '=', workspaceId)
      .where('entity', '=', 'api_token')
      .execute()
    expect(audit).toEqual([
      { entity: 'api_token', action: 'create', after: '{"name":"Tableur du service finances"}' },
    ])
    expect(audit[0]?.after).not.toContain('jal_')

    // Listed afterwards, never shown again.
    const listed = await (await admin.request(page())).text()
    expect(listed).toContain('Tableur du service finances')
    expect(listed).toContain('jamais')
    expect(listed).not.toContain(token)
    expect(shownToken(listed)).toBeUndefined()
  })

  it('refuses an empty or too long name, saving nothing', async () => {
    const before = await test.database.db.selectFrom('api_tokens').select('id').execute()
    const empty = await createToken('   ')
    expect(empty.response.status).toBe(400)
    expect(empty.html).toContain('Indiquez un nom.')
    expect(empty.html).toContain('href="#name"')
    expect(empty.html).toContain('aria-describedby="name-hint name-error"')
    const long = await createToken('x'.repeat(81))
    expect(long.response.status).toBe(400)
    expect(shownToken(long.html)).toBeUndefined()
    expect(await test.database.db.selectFrom('api_tokens').select('id').execute()).toHaveLength(before.length)
  })

  it('opens the API with the token, records its use, and 401s once revoked', async () => {
    const token = shownToken((await createToken('Outil de suivi')).html) as string
    const opened = await bearer(`${footprint()}?year=2025`, token)
    expect(opened.status).toBe(200)
    const row = await test.database.db
      .selectFrom('api_tokens')
      .select(['id', 'last_used_at'])
      .where('token_hash', '=', hashApiToken(token))
      .executeTakeFirstOrThrow()
    expect(row.last_used_at).not.toBeNull()
    // At most one write a minute: a second use within the minute leaves the date alone.
    await touchApiToken(test.database.db, row.id, new Date(Date.parse(row.last_used_at as string) + 30_000))
    const after = await test.database.db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    expect(after.last_used_at).toBe(row.last_used_at)

    const revoked = await admin.post(`${page()}/jetons/${row.id}/revoquer`)
    expect(revoked.status).toBe(303)
    expect(revoked.headers.get('location')).toBe(`${page()}?info=revoque`)
    const listed = await (await admin.request(`${page()}?info=revoque`)).text()
    expect(listed).toContain('Jeton révoqué')
    expect(listed).toContain('révoqué le')
    const refused = await bearer(`${footprint()}?year=2025`, token)
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="jalons", error="invalid_token"')
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_token' } })
    const audit = await test.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'api_token')
      .where('entity_id', '=', String(row.id))
      .orderBy('id')
      .execute()
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'revoke'])
  })

  it('refuses missing and unknown tokens with 401 JSON and the Bearer challenge', async () => {
    const missing = await bearer(footprint())
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="jalons"')
    expect(missing.headers.get('content-type')).toContain('application/json')
    expect(await missing.json()).toMatchObject({ error: { code: 'missing_token' } })
    const unknown = await bearer(footprint(), `jal_${'A'.repeat(43)}`)
    expect(unknown.status).toBe(401)
    expect(await unknown.json()).toMatchObject({ error: { code: 'invalid_token' } })
    const malformed = await bearer(footprint(), 'not-a-token')
    expect(malformed.status).toBe(401)
    const basic = await test.app.request(footprint(), { headers: { authorization: 'Basic YTpi' } })
    expect(basic.status).toBe(401)
  })

  it('keeps the token page to admins: contributors and readers get 403, strangers 404', async () => {
    for (const role of ['contributor', 'reader']) {
      const member = new Visitor(test.app)
      await member.signIn(`${role}@example.org`)
      expect((await member.request(page())).status).toBe(403)
      expect((await member.post(`${page()}/jetons`, { name: 'essai' })).status).toBe(403)
    }
    await createTestUser(test.database.db, { email: 'stranger@example.org' })
    const stranger = new Visitor(test.app)
    await stranger.signIn('stranger@example.org')
    expect((await stranger.request(page())).status).toBe(404)
    const anonymous = await test.app.request(page())
    expect(anonymous.status).toBe(303)
  })

  it('revokes only the tokens of its own workspace', async () => {
    const other = await createTestUser(test.database.db, {
      email: 'other-admin@example.org',
      workspace: { kind: 'commune', code: '13055', role: 'admin' },
    })
    const otherAdmin = new Visitor(test.app)
    await otherAdmin.signIn('other-admin@example.org')
    const created = await otherAdmin.post(`/espace/${other.workspaceId}/api/jetons`, { name: 'Marseille' })
    const token = shownToken(await created.text()) as string
    const row = await test.database.db
      .selectFrom('api_tokens')
      .select('id')
      .where('token_hash', '=', hashApiToken(token))
      .executeTakeFirstOrThrow()
    // Lyon's admin names Marseille's token under Lyon's workspace: not found, still alive.
    expect((await admin.post(`${page()}/jetons/${row.id}/revoquer`)).status).toBe(404)
    expect((await admin.post(`${page()}/jetons/abc/revoquer`)).status).toBe(404)
    expect((await bearer(`/api/v1/workspaces/${other.workspaceId}/footprint`, token)).status).toBe(200)
    // And Marseille's token does not open Lyon: 404 as for a workspace that does not exist.
    const elsewhere = await bearer(footprint(), token)
    expect(elsewhere.status).toBe(404)
    expect(await elsewhere.json()).toMatchObject({ error: { code: 'not_found' } })
    expect((await bearer('/api/v1/workspaces/999999/footprint', token)).status).toBe(404)
  })
})
