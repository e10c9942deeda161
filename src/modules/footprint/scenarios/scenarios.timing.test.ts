import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../../test-support/test-users.js'
import { insertItems } from '../../inventory/inventory.queries.js'
import type { DeviceType, InventoryItem } from '../inventory-item.js'
import { compareStoredScenario, loadScenarioInputs } from './compare-stored-scenario.js'
import { findScenario } from './scenarios.queries.js'

/**
 * Timings of the scenario and reuse pages on a 100,000-line inventory. A measurement, not a check
 * run every time (it takes a while to load): `JALONS_MEASURE=1 npx vitest run <this file>`.
 */
const size = 100_000
const types: DeviceType[] = ['laptop', 'monitor', 'desktop', 'smartphone', 'printer', 'server', 'tablet']

function syntheticItem(index: number): InventoryItem {
  const type = types[index % types.length] as DeviceType
  const bought = 2017 + (index % 9)
  const retired = index % 5 === 0
  return inventoryItem({
    type,
    quantity: 1 + (index % 4),
    site: `Site ${index % 30}`,
    service: `Service ${index % 12}`,
    tags: index % 3 === 0 ? ['agents'] : [],
    purchaseDate: `${bought}-${String(1 + (index % 12)).padStart(2, '0')}-15`,
    retirementDate: retired ? `${Math.min(bought + 4, 2025)}-06-30` : null,
    status: retired ? 'retired' : 'in_use',
    condition: index % 11 === 0 ? 'refurbished' : 'new',
    disposal: retired ? (index % 2 === 0 ? 'reuse_donation' : 'recycling') : null,
  })
}

describe.runIf(process.env.JALONS_MEASURE).each(testDialects())(
  'scenario pages on %s with 100,000 items',
  (dialect) => {
    let test: TestApp
    let workspaceId: number
    let admin: Visitor

    beforeAll(async () => {
      test = await startTestApp(dialect)
      const created = await createTestUser(test.database.db, {
        email: 'admin@example.org',
        workspace: { kind: 'commune', code: '69123', role: 'admin' },
      })
      workspaceId = created.workspaceId as number
      const items = Array.from({ length: size }, (_, index) => syntheticItem(index))
      await test.database.db.transaction().execute((trx) => insertItems(trx, workspaceId, items))
      admin = new Visitor(test.app)
      await admin.signIn('admin@example.org')
    }, 600_000)
    afterAll(async () => {
      await test.database.dispose()
    })

    const timed = async (label: string, path: string, runs = 3) => {
      const times: number[] = []
      for (let run = 0; run < runs; run++) {
        const start = performance.now()
        const response = await admin.request(path)
        expect(response.status).toBe(200)
        await response.text()
        times.push(performance.now() - start)
      }
      const best = Math.min(...times)
      console.log(
        `${dialect} ${label}: best ${best.toFixed(0)} ms of ${times.map((ms) => ms.toFixed(0)).join(', ')}`,
      )
      return best
    }

    it('times the scenario view, the list of three scenarios and the reuse page', async () => {
      const path = `/espace/${workspaceId}/empreinte/scenarios`
      const ids: number[] = []
      for (const [name, form] of [
        [
          'Tout',
          {
            'extend-laptop': '1',
            'refurbished-laptop': '30',
            'fewer-printer': '20',
            electricity: 'ademe-2024',
          },
        ],
        ['Durée', { 'extend-monitor': '2' }],
        ['Moins', { 'fewer-smartphone': '50' }],
      ] as const) {
        const response = await admin.post(`${path}/nouveau`, { action: 'save', name, ...form })
        expect(response.status).toBe(303)
        ids.push(Number(/scenarios\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1]))
      }
      // Where the time goes: reading the inventory, then computing baseline and scenario.
      for (let run = 0; run < 2; run++) {
        let start = performance.now()
        const inputs = await loadScenarioInputs(test.database.db, workspaceId)
        const read = performance.now() - start
        const saved = await findScenario(test.database.db, workspaceId, ids[0] as number)
        start = performance.now()
        compareStoredScenario(inputs, (saved as NonNullable<typeof saved>).stored, 2025)
        const computed = performance.now() - start
        console.log(`${dialect} read ${read.toFixed(0)} ms, compare ${computed.toFixed(0)} ms`)
      }
      await timed('scenario view (1 scenario)', `${path}/${ids[0]}?annee=2025`)
      await timed('scenario list (3 scenarios)', `${path}?annee=2025`)
      await timed('reuse page', `/espace/${workspaceId}/empreinte/reemploi?annee=2025`)
    }, 600_000)
  },
)
