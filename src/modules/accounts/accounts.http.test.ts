import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import { createTestUser, testPassword, Visitor } from '../../test-support/test-users.js'

describe.each(testDialects())('accounts on %s', (dialect) => {
  let test: TestApp
  let admin: { userId: number; workspaceId: number }
  beforeAll(async () => {
    test = await startTestApp(dialect)
    admin = (await createTestUser(test.database.db, {
      email: 'admin@example.org',
      workspace: { kind: 'commune', code: '13055', role: 'admin' },
    })) as typeof admin
    await createTestUser(test.database.db, { email: 'operator@example.org', platformRole: 'operator' })
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const db = () => test.database.db
  const lastMailTo = async (email: string) =>
    db()
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
  const linkIn = (body: string) => new URL((body.match(/https?:\/\/\S+/) as RegExpMatchArray)[0]).pathname

  describe('sign-in', () => {
    it('opens a database session in an HttpOnly, SameSite cookie and lands on the workspaces', async () => {
      const visitor = new Visitor(test.app)
      const response = await visitor.signIn('admin@example.org')
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe('/espaces')
      const cookie = response.headers.getSetCookie().find((value) => value.startsWith('jalons_session='))
      expect(cookie).toMatch(/HttpOnly/i)
      expect(cookie).toMatch(/SameSite=Lax/i)
      expect(await (await visitor.request('/espaces')).text()).toContain(`/espace/${admin.workspaceId}`)
      const stored = await db().selectFrom('sessions').select('id').execute()
      const secret = (cookie as string).split(';')[0]?.split('=')[1] as string
      expect(stored.map((row) => row.id)).not.toContain(secret) // only its hash is stored
    })

    it('answers a wrong password and an unknown address with the same generic message', async () => {
      const wrong = await new Visitor(test.app).signIn('admin@example.org', 'not the right password')
      const unknown = await new Visitor(test.app).signIn('nobody@example.org', 'not the right password')
      expect(wrong.status).toBe(401)
      expect(unknown.status).toBe(401)
      const [wrongHtml, unknownHtml] = [await wrong.text(), await unknown.text()]
      expect(wrongHtml).toContain('Adresse ou mot de passe incorrect.')
      expect(unknownHtml.replace(/value="[^"]*"/g, '')).toBe(wrongHtml.replace(/value="[^"]*"/g, ''))
    })

    it('locks an account for 15 minutes after 5 failures, even with the right password then', async () => {
      await createTestUser(db(), { email: 'target@example.org' })
      for (let attempt = 0; attempt < 5; attempt++)
        await new Visitor(test.app).signIn('target@example.org', 'wrong password!')
      const locked = await new Visitor(test.app).signIn('target@example.org', testPassword)
      expect(locked.status).toBe(401)
      expect(await locked.text()).toContain('Trop de tentatives')
    })

    it('refuses a form without the CSRF token with a 403 page, and changes nothing', async () => {
      const response = await test.app.request('/connexion', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'jalons_csrf=abc' },
        body: new URLSearchParams({
          email: 'admin@example.org',
          password: testPassword,
          _csrf: 'forged',
        }).toString(),
      })
      expect(response.status).toBe(403)
      expect(await response.text()).toContain('rien n’a été modifié')
      expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith('jalons_session='))).toBe(
        false,
      )
    })

    it('signs out of this session, and everywhere', async () => {
      const first = new Visitor(test.app)
      const second = new Visitor(test.app)
      await first.signIn('admin@example.org')
      await second.signIn('admin@example.org')
      await first.post('/deconnexion')
      expect((await first.request('/espaces')).status).toBe(303)
      expect((await second.request('/espaces')).status).toBe(200)
      await second.post('/deconnexion-partout')
      expect((await second.request('/espaces')).status).toBe(303)
    })
  })

  describe('password reset', () => {
    it('mails a single-use link; the new password works, the old one and the link no longer do', async () => {
      await createTestUser(db(), { email: 'forgetful@example.org' })
      const visitor = new Visitor(test.app)
      const asked = await visitor.post('/mot-de-passe-oublie', { email: 'forgetful@example.org' })
      expect(await asked.text()).toContain('Si un compte correspond à cette adresse')
      const link = linkIn((await lastMailTo('forgetful@example.org')).body)
      expect((await visitor.request(link)).status).toBe(200)
      const weak = await visitor.post(link, { password: 'motdepasse123', confirm: 'motdepasse123' })
      expect(weak.status).toBe(400)
      expect(await weak.text()).toContain('trop courant')
      const reset = await visitor.post(link, {
        password: 'un tout nouveau mot de passe',
        confirm: 'un tout nouveau mot de passe',
      })
      expect(reset.headers.get('location')).toBe('/connexion?info=reinitialise')
      expect((await new Visitor(test.app).signIn('forgetful@example.org')).status).toBe(401)
      expect(
        (await new Visitor(test.app).signIn('forgetful@example.org', 'un tout nouveau mot de passe')).status,
      ).toBe(303)
      const again = await visitor.request(link)
      expect(again.status).toBe(410)
      expect(await again.text()).toContain('déjà servi')
    })

    it('answers an unknown address exactly like a known one, and mails nobody', async () => {
      const before = await db().selectFrom('outbox').select('id').execute()
      const response = await new Visitor(test.app).post('/mot-de-passe-oublie', {
        email: 'ghost@example.org',
      })
      expect(await response.text()).toContain('Si un compte correspond à cette adresse')
      expect(await db().selectFrom('outbox').select('id').execute()).toHaveLength(before.length)
    })

    it('refuses an expired link with a way to ask for a new one', async () => {
      await createTestUser(db(), { email: 'late@example.org' })
      await new Visitor(test.app).post('/mot-de-passe-oublie', { email: 'late@example.org' })
      const link = linkIn((await lastMailTo('late@example.org')).body)
      await db()
        .updateTable('tokens')
        .set({ expires_at: '2000-01-01T00:00:00.000Z' })
        .where('email', '=', 'late@example.org')
        .execute()
      const response = await new Visitor(test.app).request(link)
      expect(response.status).toBe(410)
      const html = await response.text()
      expect(html).toContain('Ce lien a expiré.')
      expect(html).toContain('href="/mot-de-passe-oublie"')
    })
  })

  describe('invitations', () => {
    it('invites by mail; the invitee creates an account and joins with the given role', async () => {
      const adminVisitor = new Visitor(test.app)
      await adminVisitor.signIn('admin@example.org')
      const sent = await adminVisitor.post(`/espace/${admin.workspaceId}/membres/inviter`, {
        email: 'New@Example.org',
        role: 'contributor',
      })
      expect(sent.status).toBe(303)
      const link = linkIn((await lastMailTo('new@example.org')).body)
      const invitee = new Visitor(test.app)
      expect(await (await invitee.request(link)).text()).toContain('Créez votre compte')
      const accepted = await invitee.post(link, {
        name: 'Nouvelle Personne',
        password: 'phrase de passe solide',
        confirm: 'phrase de passe solide',
      })
      expect(accepted.headers.get('location')).toBe(`/espace/${admin.workspaceId}`)
      const home = await (await invitee.request(`/espace/${admin.workspaceId}`)).text()
      expect(home).toContain('Contributeur·rice')
      expect((await invitee.request(link)).status).toBe(410)
    })

    it('does not invite someone who is already a member, and says so', async () => {
      const adminVisitor = new Visitor(test.app)
      await adminVisitor.signIn('admin@example.org')
      const before = await db().selectFrom('tokens').select('id').execute()
      const response = await adminVisitor.post(`/espace/${admin.workspaceId}/membres/inviter`, {
        email: 'admin@example.org',
        role: 'reader',
      })
      expect(response.headers.get('location')).toContain('info=deja')
      expect(await db().selectFrom('tokens').select('id').execute()).toHaveLength(before.length)
    })

    it('makes someone with an account sign in to accept: the link alone never opens an account', async () => {
      await createTestUser(db(), { email: 'existing@example.org' })
      const adminVisitor = new Visitor(test.app)
      await adminVisitor.signIn('admin@example.org')
      await adminVisitor.post(`/espace/${admin.workspaceId}/membres/inviter`, {
        email: 'existing@example.org',
        role: 'reader',
      })
      const link = linkIn((await lastMailTo('existing@example.org')).body)
      const stranger = new Visitor(test.app)
      expect(await (await stranger.request(link)).text()).toContain('connectez-vous avec ce compte')
      const forced = await stranger.post(link, {
        name: 'x',
        password: 'phrase de passe solide',
        confirm: 'phrase de passe solide',
      })
      expect(forced.status).toBe(403)
      const owner = new Visitor(test.app)
      await owner.signIn('existing@example.org')
      expect((await owner.post(link)).headers.get('location')).toBe(`/espace/${admin.workspaceId}`)
    })
  })

  describe('roles and audit', () => {
    it('lets a reader read but not write, and records every write with before and after', async () => {
      await createTestUser(db(), {
        email: 'reader@example.org',
        workspace: { kind: 'commune', code: '13055', role: 'reader' },
      })
      const reader = new Visitor(test.app)
      await reader.signIn('reader@example.org')
      expect((await reader.request(`/espace/${admin.workspaceId}`)).status).toBe(200)
      expect((await reader.post(`/espace/${admin.workspaceId}/chiffres`, { agents: '12' })).status).toBe(403)
      expect((await reader.request(`/espace/${admin.workspaceId}/journal`)).status).toBe(403)

      const adminVisitor = new Visitor(test.app)
      await adminVisitor.signIn('admin@example.org')
      const bad = await adminVisitor.post(`/espace/${admin.workspaceId}/chiffres`, {
        agents: 'beaucoup',
        purchases: '',
      })
      expect(bad.status).toBe(400)
      expect(await bad.text()).toContain('Saisissez un nombre positif')
      await adminVisitor.post(`/espace/${admin.workspaceId}/chiffres`, {
        agents: '1 250,5',
        purchases: '60 000 000',
      })
      const journal = await (
        await adminVisitor.request(`/espace/${admin.workspaceId}/journal?objet=declared_figures`)
      ).text()
      expect(journal).toContain('declared_figures')
      expect(journal.replace(/[\u202f\u00a0]/g, ' ')).toContain('<code>agents_fte</code> : ∅ → 1250.5')
      expect(journal.replace(/[\u202f\u00a0]/g, ' ')).toContain(
        '<code>annual_purchases</code> : ∅ → 60 000 000 €',
      )
      const page = await (await adminVisitor.request('/territoires/commune/13055')).text()
      expect(page).toContain('Chiffres déclarés par le territoire')
    })

    it('answers bad input on the members and log pages with a message, and changes nothing', async () => {
      const adminVisitor = new Visitor(test.app)
      await adminVisitor.signIn('admin@example.org')
      const tokensBefore = await db().selectFrom('tokens').select('id').execute()
      const badInvite = await adminVisitor.post(`/espace/${admin.workspaceId}/membres/inviter`, {
        email: 'not-an-address',
        role: 'reader',
      })
      expect(badInvite.status).toBe(400)
      const html = await badInvite.text()
      expect(html).toContain('Saisissez une adresse électronique valide')
      expect(html).toContain('value="not-an-address"')
      expect(await db().selectFrom('tokens').select('id').execute()).toHaveLength(tokensBefore.length)
      const badRole = await adminVisitor.post(`/espace/${admin.workspaceId}/membres/${admin.userId}/role`, {
        role: 'emperor',
      })
      expect(badRole.status).toBe(404)
      const badDate = await adminVisitor.request(`/espace/${admin.workspaceId}/journal?du=hier`)
      expect(badDate.status).toBe(400)
      expect(await badDate.text()).toContain('« du »')
    })

    it('keeps at least one admin in a workspace', async () => {
      const adminVisitor = new Visitor(test.app)
      await adminVisitor.signIn('admin@example.org')
      const response = await adminVisitor.post(`/espace/${admin.workspaceId}/membres/${admin.userId}/role`, {
        role: 'reader',
      })
      expect(response.headers.get('location')).toContain('info=dernier')
      const row = await db()
        .selectFrom('memberships')
        .select('role')
        .where('user_id', '=', admin.userId)
        .executeTakeFirstOrThrow()
      expect(row.role).toBe('admin')
    })
  })

  describe('account page', () => {
    it('changes the name and the password, and deletes the account keeping a pseudonymous audit trail', async () => {
      const { userId } = await createTestUser(db(), { email: 'leaving@example.org' })
      const visitor = new Visitor(test.app)
      await visitor.signIn('leaving@example.org')
      await visitor.post('/compte/profil', { name: 'Prénom Nom' })
      expect(await (await visitor.request('/compte')).text()).toContain('value="Prénom Nom"')
      const wrong = await visitor.post('/compte/mot-de-passe', {
        current: 'nope',
        password: 'encore une phrase longue',
        confirm: 'encore une phrase longue',
      })
      expect(wrong.status).toBe(400)
      await visitor.post('/compte/mot-de-passe', {
        current: testPassword,
        password: 'encore une phrase longue',
        confirm: 'encore une phrase longue',
      })
      expect(
        (await new Visitor(test.app).signIn('leaving@example.org', 'encore une phrase longue')).status,
      ).toBe(303)
      const deleted = await visitor.post('/compte/supprimer', { deleteCurrent: 'encore une phrase longue' })
      expect(deleted.headers.get('location')).toBe('/connexion?info=supprime')
      const row = await db()
        .selectFrom('users')
        .selectAll()
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
      expect(row).toMatchObject({ name: '', password_hash: '' })
      expect(row.email).not.toContain('leaving')
      expect(row.deleted_at).not.toBeNull()
      const trail = await db()
        .selectFrom('audit_log')
        .select(['action', 'before', 'after'])
        .where('actor_id', '=', userId)
        .execute()
      expect(trail.map((entry) => entry.action)).toContain('delete')
      expect(JSON.stringify(trail)).not.toContain('leaving@example.org')
    })

    it('changes the address only once the new one is confirmed by mail, and never onto a taken one', async () => {
      await createTestUser(db(), { email: 'moving@example.org' })
      const visitor = new Visitor(test.app)
      await visitor.signIn('moving@example.org')
      const asked = await visitor.post('/compte/adresse', {
        email: 'moved@example.org',
        emailCurrent: testPassword,
      })
      expect(asked.headers.get('location')).toContain('info=confirmation')
      expect(
        await db()
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'moving@example.org')
          .executeTakeFirst(),
      ).toBeDefined()
      const link = linkIn((await lastMailTo('moved@example.org')).body)
      const confirmed = await visitor.request(link)
      expect(confirmed.headers.get('location')).toContain('info=adresse')
      expect((await new Visitor(test.app).signIn('moved@example.org')).status).toBe(303)
      const taken = await visitor.post('/compte/adresse', {
        email: 'admin@example.org',
        emailCurrent: testPassword,
      })
      expect(taken.headers.get('location')).toContain('info=confirmation') // same answer: no enumeration
      expect(
        await db().selectFrom('outbox').select('id').where('to_address', '=', 'admin@example.org').execute(),
      ).toHaveLength(0)
    })

    it('refuses to delete the last admin of a workspace', async () => {
      const visitor = new Visitor(test.app)
      await visitor.signIn('admin@example.org')
      const response = await visitor.post('/compte/supprimer', { deleteCurrent: testPassword })
      expect(response.status).toBe(400)
      expect(await response.text()).toContain('seul ou la seule admin')
    })
  })

  describe('hardening', () => {
    it('counts attempts before checking them: parallel guesses cannot outrun the lock', async () => {
      await createTestUser(db(), { email: 'raced@example.org' })
      const guesses = Array.from({ length: 24 }, () =>
        new Visitor(test.app).signIn('raced@example.org', 'wrong password!'),
      )
      const results = await Promise.all([
        ...guesses,
        new Visitor(test.app).signIn('raced@example.org', testPassword),
      ])
      expect(results.at(-1)?.status).toBe(401)
      expect(results.filter((response) => response.status === 303)).toHaveLength(0)
    })

    it('withdraws older reset links once the password is reset', async () => {
      await createTestUser(db(), { email: 'twice@example.org' })
      const visitor = new Visitor(test.app)
      await visitor.post('/mot-de-passe-oublie', { email: 'twice@example.org' })
      const first = linkIn((await lastMailTo('twice@example.org')).body)
      await visitor.post('/mot-de-passe-oublie', { email: 'twice@example.org' })
      const second = linkIn((await lastMailTo('twice@example.org')).body)
      await visitor.post(second, {
        password: 'une nouvelle phrase longue',
        confirm: 'une nouvelle phrase longue',
      })
      expect((await visitor.request(first)).status).toBe(410)
    })

    it('withdraws the pending invitations of a removed member', async () => {
      const { userId } = await createTestUser(db(), {
        email: 'removed@example.org',
        workspace: { kind: 'commune', code: '13055', role: 'contributor' },
      })
      await db()
        .insertInto('tokens')
        .values({
          purpose: 'invitation',
          token_hash: 'pending-before-removal',
          email: 'removed@example.org',
          user_id: null,
          workspace_id: admin.workspaceId,
          role: 'admin',
          created_by: admin.userId,
          created_at: new Date().toISOString(),
          expires_at: new Date(Date.now() + 3600_000).toISOString(),
          used_at: null,
        })
        .execute()
      const adminVisitor = new Visitor(test.app)
      await adminVisitor.signIn('admin@example.org')
      await adminVisitor.post(`/espace/${admin.workspaceId}/membres/${userId}/retirer`)
      const token = await db()
        .selectFrom('tokens')
        .select('used_at')
        .where('token_hash', '=', 'pending-before-removal')
        .executeTakeFirstOrThrow()
      expect(token.used_at).not.toBeNull()
    })

    it('never tells a workspace admin whether an address has an account', async () => {
      const adminVisitor = new Visitor(test.app)
      await adminVisitor.signIn('admin@example.org')
      await adminVisitor.post(`/espace/${admin.workspaceId}/membres/inviter`, {
        email: 'operator@example.org',
        role: 'reader',
      })
      const entries = await db()
        .selectFrom('audit_log')
        .select(['before', 'after'])
        .where('entity', '=', 'invitation')
        .execute()
      expect(JSON.stringify(entries)).not.toMatch(/existing|account/i)
    })

    it('stores addresses in lower case, so a changed address still signs in', async () => {
      await createTestUser(db(), { email: 'case@example.org' })
      const visitor = new Visitor(test.app)
      await visitor.signIn('case@example.org')
      await visitor.post('/compte/adresse', { email: 'New.Case@Example.org', emailCurrent: testPassword })
      await visitor.request(linkIn((await lastMailTo('new.case@example.org')).body))
      expect((await new Visitor(test.app).signIn('NEW.case@example.org')).status).toBe(303)
    })

    it('ignores notice keys that are not its own', async () => {
      const visitor = new Visitor(test.app)
      await visitor.signIn('admin@example.org')
      expect((await visitor.request('/compte?info=constructor')).status).toBe(200)
      expect((await visitor.request(`/espace/${admin.workspaceId}/membres?info=toString`)).status).toBe(200)
    })

    it('limits workspace requests from one address', async () => {
      const visitor = new Visitor(test.app)
      const statuses: number[] = []
      for (let attempt = 0; attempt < 7; attempt++) {
        statuses.push(
          (
            await visitor.post('/demander-un-espace', {
              territoire: 'commune/99999',
              name: 'x',
              email: 'x@example.org',
              position: 'x',
            })
          ).status,
        )
      }
      expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400])
      expect(statuses.slice(5)).toEqual([429, 429])
    })

    it('does not let an operator add an admin to a workspace that has one', async () => {
      const operator = new Visitor(test.app)
      await operator.signIn('operator@example.org')
      const response = await operator.post('/operateur/espaces', {
        territoire: 'commune/13055',
        email: 'takeover@example.org',
      })
      expect(response.status).toBe(400)
      expect(
        await db().selectFrom('tokens').select('id').where('email', '=', 'takeover@example.org').execute(),
      ).toHaveLength(0)
    })
  })

  describe('operator', () => {
    it('opens a workspace from a request and invites its requester', async () => {
      const anonymous = new Visitor(test.app)
      const asked = await anonymous.post('/demander-un-espace', {
        territoire: 'commune/13001',
        name: 'Agent Aix',
        email: 'dsi@aix.example.org',
        position: 'DSI',
        message: '',
      })
      expect(await asked.text()).toContain('Demande envoyée')
      const operator = new Visitor(test.app)
      await operator.signIn('operator@example.org')
      const page = await (await operator.request('/operateur')).text()
      const id = (page.match(/\/operateur\/demandes\/(\d+)\/accepter/) as RegExpMatchArray)[1]
      await operator.post(`/operateur/demandes/${id}/accepter`)
      expect((await lastMailTo('dsi@aix.example.org')).subject).toContain('Aix-en-Provence')
      const outbox = await (await operator.request('/operateur/boite-d-envoi')).text()
      expect(outbox).toContain('dsi@aix.example.org')
    })
  })
})
