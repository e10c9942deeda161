import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../test-support/test-users.js'
import { referentialDir } from './bundled-referentials.js'
import { maxReferentialBytes } from './publish-referential.routes.js'

const bundledText = readFileSync(join(referentialDir, 'tnr-2026.1.yaml'), 'utf8')

/** The bundled file under a new version number, with one question reworded. */
const newVersionText = bundledText
  .replace('version: "2026.1"', 'version: "2026.2"')
  .replace(
    'text: Chaque démarche en ligne dispose-t-elle d’une alternative humaine identifiée ?',
    'text: Chaque démarche en ligne propose-t-elle une alternative humaine ?',
  )

const yamlFile = (text: string, name = 'referentiel.yaml') =>
  new File([text], name, { type: 'application/yaml' })

describe.each(testDialects())('publishing a referential version on %s', (dialect) => {
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

  const versions = async () =>
    (
      await test.database.db.selectFrom('referential_versions').select('version').orderBy('version').execute()
    ).map((row) => row.version)
  const operator = async () => {
    const visitor = new Visitor(test.app)
    expect((await visitor.signIn('operateur@example.org')).status).toBe(303)
    return visitor
  }
  const text = async (response: Response) => (await response.text()).replace(/[\u202f\u00a0]/g, ' ')

  it('turns away anonymous visitors and people who are not operators', async () => {
    const anonymous = new Visitor(test.app)
    const page = await anonymous.request('/operateur/referentiel')
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toBe('/connexion?retour=%2Foperateur%2Freferentiel')
    expect(
      (await anonymous.upload('/operateur/referentiel', { fichier: yamlFile(newVersionText) })).status,
    ).toBe(403)
    const member = new Visitor(test.app)
    await member.signIn('admin@example.org')
    expect((await member.request('/operateur/referentiel')).status).toBe(403)
    expect(
      (await member.upload('/operateur/referentiel', { fichier: yamlFile(newVersionText) })).status,
    ).toBe(403)
    expect(await versions()).toEqual(['2026.1'])
  })

  it('shows operators the published versions and an upload form that works without JavaScript', async () => {
    const visitor = await operator()
    const response = await visitor.request('/operateur/referentiel')
    expect(response.status).toBe(200)
    const html = await text(response)
    expect(html).toContain('enctype="multipart/form-data"')
    expect(html).toContain('type="file"')
    expect(html).toContain('accept=".yaml,.yml,.json"')
    expect(html).toContain(`name="_csrf" value="${visitor.csrf}"`)
    expect(html).toContain('href="/referentiel/2026.1"')
    // The operator home page links here.
    expect(await text(await visitor.request('/operateur'))).toContain('href="/operateur/referentiel"')
  })

  it('refuses a form without its CSRF token', async () => {
    const visitor = await operator()
    const form = new FormData()
    form.append('_csrf', 'forged')
    form.append('fichier', yamlFile(newVersionText))
    expect(
      (await visitor.request('/operateur/referentiel', { method: 'POST', multipart: form })).status,
    ).toBe(403)
    expect(await versions()).toEqual(['2026.1'])
  })

  it('refuses a broken file with every problem, its line and path, and publishes nothing', async () => {
    const broken = newVersionText
      .replace(
        '              - Un catalogue publié indique pour chaque démarche une alternative au guichet ou par téléphone.\n',
        '',
      )
      .replace('obligation: rgaa_schema_plan', 'obligation: rgaa_inconnue')
    const response = await (await operator()).upload('/operateur/referentiel', { fichier: yamlFile(broken) })
    expect(response.status).toBe(400)
    const html = await text(response)
    expect(html).toContain('Le fichier contient 2 problème(s) : rien n’a été publié.')
    expect(html).toContain('Problèmes trouvés dans le fichier (2)')
    const lines = broken.split('\n')
    // The list of levels starts on the line of its first item.
    const levelsLine =
      lines.findIndex((line) => line.includes('- Aucune alternative humaine n’est identifiée.')) + 1
    expect(html).toContain(
      `<td class="num">${levelsLine}</td><td><code>ambitions[0].commitments[0].questions[0].levels</code></td>`,
    )
    const obligationLine = lines.findIndex((line) => line.includes('obligation: rgaa_inconnue')) + 1
    expect(html).toContain(
      `<td class="num">${obligationLine}</td><td><code>ambitions[0].commitments[0].questions[2].obligation</code></td><td lang="fr">obligation « rgaa_inconnue » inconnue</td>`,
    )
    expect(await versions()).toEqual(['2026.1'])
  })

  it('refuses a YAML syntax error with its line', async () => {
    const response = await (await operator()).upload('/operateur/referentiel', {
      fichier: yamlFile('id: tnr\nversion: [2026.3\n'),
    })
    expect(response.status).toBe(400)
    const html = await text(response)
    expect(html).toMatch(/<td class="num">\d+<\/td><td><code>\(syntaxe\)<\/code><\/td>/)
    expect(await versions()).toEqual(['2026.1'])
  })

  it('refuses a missing file, a file that is not UTF-8, and a file over 2 MB', async () => {
    const visitor = await operator()
    const none = await visitor.upload('/operateur/referentiel', {})
    expect(none.status).toBe(400)
    expect(await text(none)).toContain('Choisissez un fichier YAML ou JSON.')
    const latin1 = new File([new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a])], 'latin1.yaml')
    const notUtf8 = await visitor.upload('/operateur/referentiel', { fichier: latin1 })
    expect(notUtf8.status).toBe(400)
    expect(await text(notUtf8)).toContain('n’est pas un texte en UTF-8')
    const huge = `${newVersionText}\n# ${'x'.repeat(maxReferentialBytes)}\n`
    const tooLarge = await visitor.upload('/operateur/referentiel', { fichier: yamlFile(huge) })
    expect(tooLarge.status).toBe(413)
    expect(await text(tooLarge)).toContain('Le fichier dépasse 2 Mo : rien n’a été publié.')
    // Just over the limit: the request passes the transport cap, the file check stops it.
    const justOver = await visitor.upload('/operateur/referentiel', {
      fichier: yamlFile('x'.repeat(maxReferentialBytes + 1)),
    })
    expect(justOver.status).toBe(413)
    expect(await text(justOver)).toContain('Le fichier dépasse 2 Mo : rien n’a été publié.')
    expect(await versions()).toEqual(['2026.1'])
  })

  it('refuses a version already published, saying why', async () => {
    const response = await (await operator()).upload('/operateur/referentiel', {
      fichier: yamlFile(bundledText),
    })
    expect(response.status).toBe(400)
    expect(await text(response)).toContain('La version 2026.1 est déjà publiée')
    expect(await versions()).toEqual(['2026.1'])
  })

  it('refuses a version number that is the address of a page', async () => {
    const response = await (await operator()).upload('/operateur/referentiel', {
      fichier: yamlFile(bundledText.replace('version: "2026.1"', 'version: methode')),
    })
    expect(response.status).toBe(400)
    expect(await text(response)).toContain('« methode » ne peut pas servir de numéro de version')
    expect(await versions()).toEqual(['2026.1'])
  })

  it('publishes a new version, which becomes current on the pages and in the API, and records it', async () => {
    const visitor = await operator()
    const response = await visitor.upload('/operateur/referentiel', { fichier: yamlFile(newVersionText) })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/operateur/referentiel?info=publie')
    expect(await text(await visitor.request('/operateur/referentiel?info=publie'))).toContain(
      'La version 2026.2 est publiée : c’est maintenant la version en vigueur.',
    )
    expect(await versions()).toEqual(['2026.1', '2026.2'])

    const stored = await test.database.db
      .selectFrom('referential_versions')
      .select(['origin', 'published_by'])
      .where('version', '=', '2026.2')
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ origin: 'upload', published_by: operatorId })
    const audit = await test.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity', 'entity_id', 'action', 'workspace_id'])
      .where('entity', '=', 'referential')
      .execute()
    expect(audit).toEqual([
      {
        actor_id: operatorId,
        entity: 'referential',
        entity_id: '2026.2',
        action: 'publish',
        workspace_id: null,
      },
    ])

    const home = await text(await test.get('/referentiel'))
    expect(home).toContain('2026.2 (en vigueur)')
    expect(home).toContain('href="/referentiel/2026.1"')
    const api = (await (await test.get('/api/v1/referential')).json()) as { version: string }
    expect(api.version).toBe('2026.2')
    const old = await text(await test.get('/referentiel/2026.1'))
    expect(old).toContain('Vous consultez la version 2026.1, qui n’est plus en vigueur.')

    // The two versions compare: the reworded question and nothing else.
    const comparison = await text(await test.get('/referentiel/comparer?de=2026.1&a=2026.2'))
    expect(comparison).toContain('Modifications (1)')
    expect(comparison).toContain('href="/referentiel/2026.2/engagements/A1.E1#q-A1.E1.Q1"')
    expect(comparison).toContain(
      '<del lang="fr">Chaque démarche en ligne dispose-t-elle d’une alternative humaine identifiée ?</del> → <ins lang="fr">Chaque démarche en ligne propose-t-elle une alternative humaine ?</ins>',
    )

    // Published versions never change: the same file again is refused.
    const again = await visitor.upload('/operateur/referentiel', { fichier: yamlFile(newVersionText) })
    expect(again.status).toBe(400)
    expect(await versions()).toEqual(['2026.1', '2026.2'])
  })

  it('accepts the JSON download of a version as the start of a new one', async () => {
    const json = await (await test.get('/referentiel/2026.1/export.json')).text()
    const renamed = json.replace('"version":"2026.1"', '"version":"2026.3-json"')
    expect(renamed).not.toBe(json)
    const response = await (await operator()).upload('/operateur/referentiel', {
      fichier: new File([renamed], 'referentiel.json', { type: 'application/json' }),
    })
    expect(response.status).toBe(303)
    expect(await versions()).toContain('2026.3-json')
  })
})
