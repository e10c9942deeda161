import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../../test-support/test-users.js'
import { factorBasesDir } from '../factor-bases.js'
import { maxFactorBaseBytes } from './factor-bases.routes.js'

const path = '/operateur/bases-de-facteurs'
const bundledText = readFileSync(join(factorBasesDir, 'ademe-negaoctet-2022.1.yaml'), 'utf8')
/** The bundled base as a new version, with the laptop's manufacturing figure corrected. */
const newVersionText = bundledText
  .replace('version: "2022.1"', 'version: "2022.2"')
  .replace('manufacturing: { climate: 170, water: 194000 }', 'manufacturing: { climate: 171, water: 194000 }')
const yamlFile = (text: string, name = 'base.yaml') => new File([text], name, { type: 'application/yaml' })
const text = async (response: Response) => (await response.text()).replace(/[\u202f\u00a0]/g, ' ')

describe.each(testDialects())('operators publishing factor bases on %s', (dialect) => {
  let test: TestApp
  let operatorId: number

  beforeAll(async () => {
    test = await startTestApp(dialect)
    operatorId = (
      await createTestUser(test.database.db, { email: 'operateur@example.org', platformRole: 'operator' })
    ).userId
    await createTestUser(test.database.db, {
      email: 'admin@example.org',
      workspace: { kind: 'commune', code: '13055', role: 'admin' },
    })
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const keys = async () =>
    (
      await test.database.db
        .selectFrom('factor_bases')
        .select(['base_id', 'version'])
        .orderBy('base_id')
        .orderBy('version')
        .execute()
    ).map((row) => `${row.base_id}@${row.version}`)
  const operator = async () => {
    const visitor = new Visitor(test.app)
    expect((await visitor.signIn('operateur@example.org')).status).toBe(303)
    return visitor
  }

  it('turns away anonymous visitors and people who are not operators', async () => {
    const anonymous = new Visitor(test.app)
    const page = await anonymous.request(path)
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toBe('/connexion?retour=%2Foperateur%2Fbases-de-facteurs')
    expect((await anonymous.upload(path, { fichier: yamlFile(newVersionText) })).status).toBe(403)
    const member = new Visitor(test.app)
    await member.signIn('admin@example.org')
    expect((await member.request(path)).status).toBe(403)
    expect((await member.upload(path, { fichier: yamlFile(newVersionText) })).status).toBe(403)
    expect(await keys()).toEqual(['ademe-negaoctet-2022@2022.1'])
  })

  it('shows the published bases and an upload form that works without JavaScript', async () => {
    const visitor = await operator()
    const response = await visitor.request(path)
    expect(response.status).toBe(200)
    const html = await text(response)
    expect(html).toContain('enctype="multipart/form-data"')
    expect(html).toContain('accept=".yaml,.yml,.json"')
    expect(html).toContain(`name="_csrf" value="${visitor.csrf}"`)
    expect(html).toContain('href="/bases-de-facteurs/ademe-negaoctet-2022/2022.1"')
    expect(html).toContain('href="/bases-de-facteurs/ademe-negaoctet-2022/2022.1.json"')
  })

  it('refuses a broken file with every problem, its line and path, and publishes nothing', async () => {
    const broken = newVersionText
      .replace('    lifetimeYears: 5\n    activePowerW: 26.5', '    lifetimeYears: 0\n    activePowerW: 26.5')
      .replace(
        'distribution: { climate: 1.85, water: 6.02 }',
        'distribution: { climate: -1.85, water: 6.02 }',
      )
    expect(broken).not.toBe(newVersionText)
    const response = await (await operator()).upload(path, { fichier: yamlFile(broken) })
    expect(response.status).toBe(400)
    const html = await text(response)
    expect(html).toContain('Le fichier contient 2 problème(s) : rien n’a été publié.')
    const lines = broken.split('\n')
    const lifetimeLine = lines.findIndex((line) => line.includes('lifetimeYears: 0')) + 1
    expect(html).toContain(
      `<td class="num">${lifetimeLine}</td><td><code>devices.laptop.lifetimeYears</code></td><td lang="fr">au moins 1 an</td>`,
    )
    const distributionLine = lines.findIndex((line) => line.includes('climate: -1.85')) + 1
    expect(html).toContain(
      `<td class="num">${distributionLine}</td><td><code>devices.desktop.factors.distribution.climate</code></td>`,
    )
    expect(await keys()).toEqual(['ademe-negaoctet-2022@2022.1'])
  })

  it('refuses a YAML syntax error with its line, a missing file, a file that is not UTF-8', async () => {
    const visitor = await operator()
    const syntax = await visitor.upload(path, { fichier: yamlFile('id: base\nversion: [2026.3\n') })
    expect(syntax.status).toBe(400)
    expect(await text(syntax)).toMatch(/<td class="num">\d+<\/td><td><code>\(syntaxe\)<\/code><\/td>/)
    expect((await visitor.upload(path, {})).status).toBe(400)
    const latin1 = new File([new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a])], 'latin1.yaml')
    const notUtf8 = await visitor.upload(path, { fichier: latin1 })
    expect(notUtf8.status).toBe(400)
    expect(await text(notUtf8)).toContain('n’est pas un texte en UTF-8')
    const tooLarge = await visitor.upload(path, { fichier: yamlFile('x'.repeat(maxFactorBaseBytes + 1)) })
    expect(tooLarge.status).toBe(413)
    expect(await text(tooLarge)).toContain('Le fichier dépasse 2 Mo : rien n’a été publié.')
    // Far over the limit: the transport cap stops it before the body is read.
    const huge = await visitor.upload(path, { fichier: yamlFile('x'.repeat(maxFactorBaseBytes + 200_000)) })
    expect(huge.status).toBe(413)
    expect(await text(huge)).toContain('Le fichier dépasse 2 Mo : rien n’a été publié.')
    expect(await keys()).toEqual(['ademe-negaoctet-2022@2022.1'])
  })

  it('refuses a version already published (409) and an id kept for workspaces', async () => {
    const visitor = await operator()
    const taken = await visitor.upload(path, { fichier: yamlFile(bundledText) })
    expect(taken.status).toBe(409)
    expect(await text(taken)).toContain('La base ademe-negaoctet-2022 en version 2022.1 est déjà publiée')
    const workspaceId = await visitor.upload(path, {
      fichier: yamlFile(newVersionText.replace('id: ademe-negaoctet-2022', 'id: espace-1-ma-base')),
    })
    expect(workspaceId.status).toBe(400)
    expect(await text(workspaceId)).toContain('commence par « espace- »')
    const download = await visitor.upload(path, {
      fichier: yamlFile(newVersionText.replace('version: "2022.2"', 'version: "2022.2.json"')),
    })
    expect(download.status).toBe(400)
    expect(await keys()).toEqual(['ademe-negaoctet-2022@2022.1'])
  })

  it('publishes a new version, shown publicly and to workspaces, and records it', async () => {
    const visitor = await operator()
    const response = await visitor.upload(path, { fichier: yamlFile(newVersionText) })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${path}?info=publiee`)
    expect(await text(await visitor.request(`${path}?info=publiee`))).toContain(
      'La base ademe-negaoctet-2022 en version 2022.2 est publiée.',
    )
    expect(await keys()).toEqual(['ademe-negaoctet-2022@2022.1', 'ademe-negaoctet-2022@2022.2'])
    const row = await test.database.db
      .selectFrom('factor_bases')
      .select(['origin', 'published_by', 'workspace_id'])
      .where('version', '=', '2022.2')
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ origin: 'operator', published_by: operatorId, workspace_id: null })
    const audit = await test.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_id', 'action', 'workspace_id'])
      .where('entity', '=', 'factor_base')
      .execute()
    expect(audit).toEqual([
      {
        actor_id: operatorId,
        entity_id: 'ademe-negaoctet-2022@2022.2',
        action: 'publish',
        workspace_id: null,
      },
    ])

    const list = await text(await test.get('/bases-de-facteurs'))
    expect(list).toContain('href="/bases-de-facteurs/ademe-negaoctet-2022/2022.2"')
    expect(list).toContain('publiée par l’équipe de la plateforme')
    const page = await text(await test.get('/bases-de-facteurs/ademe-negaoctet-2022/2022.2'))
    expect(page).toMatch(
      /<th scope="row" lang="fr">Ordinateur portable<\/th><td class="num">5<\/td><td class="num">26,5 W × 3 h\/j<\/td><td class="num">171<\/td>/,
    )
    // The JSON download of the new version is the start of the next one.
    const json = await (await test.get('/bases-de-facteurs/ademe-negaoctet-2022/2022.2.json')).text()
    const next = await visitor.upload(path, {
      fichier: new File([json.replace('"version":"2022.2"', '"version":"2022.3"')], 'base.json', {
        type: 'application/json',
      }),
    })
    expect(next.status).toBe(303)
    expect(await keys()).toContain('ademe-negaoctet-2022@2022.3')
  })
})
