import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test-support/test-app.js'
import { testDialects } from '../../test-support/test-databases.js'
import type { PublicStrategySnapshot } from '../strategy/publication/public-snapshot.js'
import { seedDemoAccounts } from './demo-accounts.js'
import { seedDemoInventory } from './demo-inventory.js'
import { demoStrategyDataset, seedDemoStrategy } from './demo-strategy.js'

describe.each(testDialects())('the demo strategy on %s', (dialect) => {
  let test: TestApp
  const db = () => test.database.db
  const dataDir = () => test.config.dataDir
  beforeAll(async () => {
    test = await startTestApp(dialect)
    await seedDemoAccounts(db())
    await seedDemoInventory(db())
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  const counts = async () => {
    const count = async (
      table: 'objectives' | 'actions' | 'strategy_milestones' | 'indicator_values' | 'strategy_documents',
    ) => (await db().selectFrom(table).select('id').execute()).length
    return {
      objectives: await count('objectives'),
      actions: await count('actions'),
      milestones: await count('strategy_milestones'),
      values: await count('indicator_values'),
      documents: await count('strategy_documents'),
    }
  }

  it('fills every strategy section once, and a reset puts it back as new', async () => {
    expect(await seedDemoStrategy(db(), dataDir(), { year: 2026 })).toBe(true)
    const first = await counts()
    expect(first).toEqual({ objectives: 4, actions: 10, milestones: 3, values: 10, documents: 1 })
    const fromRecommendations = await db()
      .selectFrom('actions')
      .select('recommendation_id')
      .where('recommendation_id', 'is not', null)
      .execute()
    expect(fromRecommendations.map((row) => row.recommendation_id).sort()).toEqual([
      'R-A1.E1.Q3',
      'R-A2.E1.Q1',
    ])
    expect(await seedDemoStrategy(db(), dataDir(), { year: 2026 })).toBe(false)
    expect(await counts()).toEqual(first)
    expect(await seedDemoStrategy(db(), dataDir(), { reset: true, year: 2026 })).toBe(true)
    expect(await counts()).toEqual(first)
    const loads = await db()
      .selectFrom('reference_data_loads')
      .select('dataset')
      .where('dataset', '=', demoStrategyDataset.id)
      .execute()
    expect(loads).toHaveLength(1)
  })

  it('publishes the strategy with the public actions only, and the footprint objective starts from the computed total', async () => {
    const document = await db().selectFrom('strategy_documents').selectAll().executeTakeFirstOrThrow()
    expect(document).toMatchObject({ kind: 'strategie', version: 1, year: 2026, withdrawn_at: null })
    const snapshot = JSON.parse(document.snapshot) as PublicStrategySnapshot
    const publicTitles = (
      await db().selectFrom('actions').select('title').where('is_public', '=', 1).execute()
    ).map((row) => row.title)
    expect(snapshot.actions.map((action) => action.title).sort()).toEqual(publicTitles.sort())
    expect(publicTitles).toHaveLength(6)
    expect(document.html).not.toContain('Mutualiser la salle serveurs')
    const footprint = snapshot.objectives.find((objective) => objective.indicatorId === '4.1')
    expect(footprint?.baseline.year).toBe(2025)
    expect(footprint?.baseline.value).toBeGreaterThan(0)
    // Anyone sees it on the demo city's public page.
    const page = await (await test.get('/territoires/commune/DEMO-VILLE/strategie')).text()
    expect(page).toContain('Former 80 % des agents au numérique responsable')
    expect(page).not.toContain('Mutualiser la salle serveurs')
  })
})
