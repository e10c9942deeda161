import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../test-support/test-users.js'
import { createApiToken } from '../api-tokens/api-tokens.store.js'
import { startAssessment } from '../assessments/start-assessment.js'
import { copyFactorBase } from '../footprint/bases/workspace-bases.js'
import { defaultFactorBase } from '../footprint/factor-bases.store.js'
import { freezeFootprintResult } from '../footprint/results/frozen-results.js'
import { createScenario } from '../footprint/scenarios/scenarios.queries.js'
import { insertImport } from '../inventory/imports/imports.queries.js'
import { insertItem, listDatacenters, saveDatacenter } from '../inventory/inventory.queries.js'
import { currentReferential } from '../referential/referential.store.js'
import { createAction } from '../strategy/actions/actions.queries.js'
import { publishDocument } from '../strategy/documents/publish-document.js'
import { saveTexts } from '../strategy/documents/strategy-texts.queries.js'
import { saveIndicatorValue } from '../strategy/indicators/indicator-values.queries.js'
import { createMilestone } from '../strategy/milestones/milestones.queries.js'
import { createObjective } from '../strategy/objectives/objectives.queries.js'

const assessmentYear = new Date().getUTCFullYear()

/**
 * Routes anyone may use without an account. Every other route must turn an anonymous visitor
 * away; a route added without a policy fails the last test below.
 */
const publicRoutes = new Set([
  'GET /',
  'GET /api',
  'GET /a-propos',
  'GET /territoires',
  'GET /territoires/:kind/:code',
  'GET /territoires/:kind/:code/strategie',
  'GET /territoires/:kind/:code/strategie/documents/:documentId',
  'GET /territoires/:kind/:code/strategie/documents/:documentId/pdf',
  'GET /obligations',
  'GET /referentiel',
  'GET /referentiel/methode',
  'GET /referentiel/comparer',
  'GET /referentiel/:version',
  'GET /referentiel/:version/engagements/:commitmentId',
  'GET /referentiel/:version/export.json',
  'GET /referentiel/:version/export.csv',
  'GET /empreinte/methode',
  'GET /empreinte/modele.csv',
  'GET /empreinte/modele.xlsx',
  'GET /bases-de-facteurs',
  'GET /bases-de-facteurs/:baseId/:version',
  'GET /langue',
  'GET /healthz',
  'GET /api/v1/openapi.json',
  'GET /api/v1/territories',
  'GET /api/v1/territories/:kind/:code',
  'GET /api/v1/territories/:kind/:code/strategy',
  'GET /api/v1/referential',
  'GET /api/v1/referential/versions',
  'GET /api/v1/referential/:version',
  'GET /static/:name',
  'GET /connexion',
  'POST /connexion',
  'POST /deconnexion',
  'POST /deconnexion-partout',
  'GET /mot-de-passe-oublie',
  'POST /mot-de-passe-oublie',
  'GET /reinitialiser/:token',
  'POST /reinitialiser/:token',
  'GET /invitation/:token',
  'POST /invitation/:token',
  'GET /demander-un-espace',
  'POST /demander-un-espace',
])

/** The authenticated API is opened by a workspace's token, never by a session: tested in its own file. */
const isTokenRoute = (path: string) => path.startsWith('/api/v1/workspaces/')

describe.each(testDialects())('workspace isolation on %s', (dialect) => {
  let test: TestApp
  let a: { userId: number; workspaceId: number }
  let b: { userId: number; workspaceId: number }
  /** Ids of A's own footprint records, so that A's pages with an id in their path exist. */
  const own: Record<string, string> = {}
  beforeAll(async () => {
    test = await startTestApp(dialect)
    a = (await createTestUser(test.database.db, {
      email: 'admin-a@example.org',
      workspace: { kind: 'commune', code: '13055', role: 'admin' },
    })) as typeof a
    b = (await createTestUser(test.database.db, {
      email: 'admin-b@example.org',
      workspace: { kind: 'commune', code: '69123', role: 'admin' },
    })) as typeof b
    await test.database.db
      .insertInto('territory_declarations')
      .values({
        territory_id: (await territoryOf(b.workspaceId)).id,
        agents_fte: 1000,
        annual_purchases_cents: 1,
        updated_at: 'x',
      })
      .execute()
    // Both workspaces hold a self-assessment, so B's pages exist and A's answer.
    const referential = await currentReferential(test.database.db)
    for (const workspace of [a, b])
      await startAssessment(test.database.db, {
        workspaceId: workspace.workspaceId,
        year: assessmentYear,
        actorId: workspace.userId,
        referential,
      })
    // Both workspaces hold an inventory, a datacenter, an import, a scenario, a frozen year, an
    // own factor base and an API token; the paths below name A's, which B's member must not reach.
    const db = test.database.db
    const base = await defaultFactorBase(db)
    for (const workspace of [a, b]) {
      const item = await insertItem(db, workspace.workspaceId, {
        type: 'laptop',
        model: 'Portable',
        quantity: 2,
        site: null,
        service: null,
        tags: [],
        purchaseDate: '2024-01-15',
        retirementDate: null,
        status: 'in_use',
        condition: 'new',
        disposal: null,
        datacenter: null,
        annualKwh: null,
        country: 'FR',
        lifetimeYears: null,
      })
      await saveDatacenter(db, workspace.workspaceId, {
        shortName: 'DC',
        longName: null,
        pue: 1.5,
        country: 'FR',
      })
      const [datacenter] = await listDatacenters(db, workspace.workspaceId)
      const importId = await insertImport(db, {
        workspaceId: workspace.workspaceId,
        fileName: 'inventaire.csv',
        filePath: 'none.upload',
        datacenterFileName: null,
        datacenterFilePath: null,
        fileBytes: 10,
        replace: false,
        createdBy: workspace.userId,
      })
      const scenarioId = await createScenario(db, {
        workspaceId: workspace.workspaceId,
        actorId: workspace.userId,
        name: 'Sobriété',
        stored: {
          scenario: { extendLifetime: { laptop: 1 } },
          fewerShare: {},
          base: { id: base.id, version: base.version },
        },
      })
      await freezeFootprintResult(db, {
        workspaceId: workspace.workspaceId,
        year: assessmentYear,
        method: 'stock',
        actorId: workspace.userId,
      })
      const copy = await copyFactorBase(db, {
        workspaceId: workspace.workspaceId,
        actorId: workspace.userId,
        from: base,
        name: 'Notre base',
      })
      const token = await createApiToken(db, {
        workspaceId: workspace.workspaceId,
        name: 'Tableur',
        actorId: workspace.userId,
      })
      // The strategy: an indicator value with its evidence file, an objective, an action, a
      // milestone and a published strategy.
      await saveIndicatorValue(db, test.config.dataDir, {
        workspaceId: workspace.workspaceId,
        indicatorId: '2.3',
        year: assessmentYear,
        value: 40,
        source: 'Plan de formation',
        comment: null,
        evidenceUrl: null,
        evidenceFile: {
          name: 'bilan.pdf',
          contentType: 'application/pdf',
          content: new TextEncoder().encode('%PDF-1.4\n%bilan\n'),
        },
        actorId: workspace.userId,
      })
      const objectiveId = await createObjective(db, {
        workspaceId: workspace.workspaceId,
        actorId: workspace.userId,
        objective: {
          indicatorId: '2.3',
          title: 'Former les agents',
          decreeAxis: 4,
          baseline: { year: assessmentYear - 1, value: 10 },
          targets: [{ year: assessmentYear + 2, value: 80 }],
          comment: null,
        },
      })
      const actionId = await createAction(db, {
        workspaceId: workspace.workspaceId,
        actorId: workspace.userId,
        action: {
          title: 'Former les agents',
          description: null,
          commitments: ['A1.E2'],
          decreeAxis: 4,
          ownerUserId: null,
          ownerService: 'Ressources humaines',
          startDate: `${assessmentYear}-01-01`,
          endDate: `${assessmentYear}-12-31`,
          status: 'en_cours',
          budgetEuros: 1000,
          isPublic: true,
          objectiveIds: [objectiveId],
        },
      })
      const milestoneId = await createMilestone(db, {
        workspaceId: workspace.workspaceId,
        actorId: workspace.userId,
        milestone: {
          kind: 'programme_travail',
          date: '2022-12-08',
          year: null,
          deliberationNumber: null,
          documentUrl: null,
          comment: null,
        },
      })
      await saveTexts(db, {
        workspaceId: workspace.workspaceId,
        actorId: workspace.userId,
        texts: { introduction: 'Introduction', governance: 'Gouvernance', means: '', past_actions: '' },
      })
      const published = await publishDocument(db, {
        workspace: { id: workspace.workspaceId, territoryId: (await territoryOf(workspace.workspaceId)).id },
        kind: 'strategie',
        year: assessmentYear,
        actorId: workspace.userId,
      })
      if (workspace === a && copy.ok && published.ok)
        Object.assign(own, {
          indicatorId: '2.3',
          objectiveId: String(objectiveId),
          actionId: String(actionId),
          milestoneId: String(milestoneId),
          documentId: String(published.id),
          kind: 'strategie',
          itemId: String(item),
          datacenterId: String(datacenter?.id),
          importId: String(importId),
          scenarioId: String(scenarioId),
          method: 'stock',
          baseId: copy.base.id,
          version: copy.base.version,
          tokenId: String(token.id),
        })
    }
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const territoryOf = (workspaceId: number) =>
    test.database.db
      .selectFrom('workspaces')
      .select('territory_id as id')
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow()
  const routes = () =>
    test.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({ method: route.method, path: route.path }))
      .filter(
        (route, index, all) =>
          all.findIndex((other) => other.method === route.method && other.path === route.path) === index,
      )
  /** Routes that answer only with a query parameter. */
  const queries: Record<string, string> = {
    '/espace/:workspaceId/empreinte/export': '?format=csv',
    '/espace/:workspaceId/empreinte/inventaire/export': '?format=modele-csv',
    '/espace/:workspaceId/strategie/actions/export': '?format=csv',
  }
  const fill = (path: string, workspaceId: number, userId: number) =>
    (queries[path] ? path + queries[path] : path)
      .replace(':workspaceId', String(workspaceId))
      .replace(':userId', String(userId))
      .replace(/:decision\{[^}]+\}/, 'accepter')
      .replace(':year', String(assessmentYear))
      .replace(':commitmentId', 'A1.E1')
      .replace(/:(\w+)/g, (_whole, name: string) => own[name] ?? '1')
  const snapshot = async () => {
    const db = test.database.db
    const footprintOfB = await Promise.all(
      (
        [
          'inventory_items',
          'datacenters',
          'type_mappings',
          'inventory_imports',
          'footprint_scenarios',
          'footprint_results',
          'footprint_settings',
          'factor_bases',
          'api_tokens',
          'indicator_values',
          'objectives',
          'actions',
          'strategy_milestones',
          'strategy_texts',
          'strategy_documents',
        ] as const
      ).map((table) => db.selectFrom(table).selectAll().where('workspace_id', '=', b.workspaceId).execute()),
    )
    const [memberships, audit, declarations, tokens, assessments] = await Promise.all([
      db
        .selectFrom('memberships')
        .selectAll()
        .where('workspace_id', '=', b.workspaceId)
        .orderBy('user_id')
        .execute(),
      db.selectFrom('audit_log').select('id').where('workspace_id', '=', b.workspaceId).execute(),
      db.selectFrom('territory_declarations').selectAll().execute(),
      db.selectFrom('tokens').select('id').where('workspace_id', '=', b.workspaceId).execute(),
      db
        .selectFrom('assessments')
        .leftJoin('assessment_answers', 'assessment_answers.assessment_id', 'assessments.id')
        .selectAll()
        .where('workspace_id', '=', b.workspaceId)
        .execute(),
    ])
    return JSON.stringify({ memberships, audit, declarations, tokens, assessments, footprintOfB })
  }

  it('has workspace routes to check', () => {
    expect(routes().filter((route) => route.path.includes(':workspaceId')).length).toBeGreaterThanOrEqual(7)
  })

  it('gives a member of A a 404 on every page, form and route of B, and changes nothing', async () => {
    const visitor = new Visitor(test.app)
    expect((await visitor.signIn('admin-a@example.org')).status).toBe(303)
    const before = await snapshot()
    const referential = await currentReferential(test.database.db)
    for (const route of routes().filter(
      (candidate) => candidate.path.includes(':workspaceId') && !isTokenRoute(candidate.path),
    )) {
      const path = fill(route.path, b.workspaceId, b.userId)
      const response =
        route.method === 'POST'
          ? await visitor.post(path, {
              role: 'reader',
              email: 'intruder@example.org',
              agents: '1',
              purchases: '1',
              year: String(assessmentYear + 1),
              version: referential.version,
              'level-A1.E1.Q1': '3',
            })
          : await visitor.request(path)
      expect(response.status, `${route.method} ${path}`).toBe(404)
      // The same routes on A's own workspace answer: the 404 above is isolation, not a broken route.
      if (route.method === 'GET')
        expect(
          (await visitor.request(fill(route.path, a.workspaceId, a.userId))).status,
          `${route.method} ${fill(route.path, a.workspaceId, a.userId)}`,
        ).toBe(200)
    }
    expect(await snapshot()).toBe(before)
  })

  it('keeps B’s data out of A’s own pages', async () => {
    const visitor = new Visitor(test.app)
    await visitor.signIn('admin-a@example.org')
    const pages = await Promise.all(
      ['/espaces', `/espace/${a.workspaceId}/membres`, `/espace/${a.workspaceId}/journal`].map(async (path) =>
        (await visitor.request(path)).text(),
      ),
    )
    for (const html of pages) {
      expect(html).not.toContain('admin-b@example.org')
      expect(html).not.toContain('Lyon')
    }
  })

  it('turns anonymous visitors away from every route that is not public', async () => {
    const visitor = new Visitor(test.app)
    const unprotected: string[] = []
    for (const route of routes()) {
      const key = `${route.method} ${route.path}`
      if (publicRoutes.has(key)) continue
      const path = fill(route.path, b.workspaceId, b.userId)
      const response = route.method === 'POST' ? await visitor.post(path, {}) : await visitor.request(path)
      const turnedAway = isTokenRoute(route.path)
        ? response.status === 401
        : route.method === 'POST'
          ? response.status === 403
          : response.status === 303 &&
            (response.headers.get('location') ?? '').startsWith('/connexion?retour=')
      if (!turnedAway) unprotected.push(`${key} → ${response.status}`)
    }
    expect(unprotected).toEqual([])
  })

  it('lets an operator manage workspaces but not read a workspace it is not a member of', async () => {
    await createTestUser(test.database.db, { email: 'operator@example.org', platformRole: 'operator' })
    const visitor = new Visitor(test.app)
    await visitor.signIn('operator@example.org')
    const operatorPages = ['/operateur', '/operateur/referentiel']
    for (const path of operatorPages) expect((await visitor.request(path)).status, path).toBe(200)
    expect((await visitor.request(`/espace/${b.workspaceId}`)).status).toBe(404)
    const member = new Visitor(test.app)
    await member.signIn('admin-a@example.org')
    for (const path of operatorPages) expect((await member.request(path)).status, path).toBe(403)
    expect((await member.post('/operateur/referentiel')).status).toBe(403)
  })
})
