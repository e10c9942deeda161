import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../../test-support/test-users.js'
import { insertItems } from '../../inventory/inventory.queries.js'
import type { InventoryItem } from '../inventory-item.js'

/**
 * The results page on a 100,000-item inventory: the year and the five before it, in one pass over
 * the items. A measure more than a test (it prints the times), so it only runs when asked:
 * FOOTPRINT_TIMING=1 npx vitest run src/modules/footprint/results/results-page.timing.test.ts
 */
const itemCount = 100_000
const types = ['laptop', 'desktop', 'monitor', 'smartphone', 'printer', 'server', 'tablet', 'other'] as const

function syntheticItem(index: number): InventoryItem {
  const retired = index % 9 === 0
  return inventoryItem({
    type: types[index % types.length],
    quantity: 1 + (index % 5),
    site: `Site ${index % 40}`,
    service: `Service ${index % 25}`,
    tags: index % 3 === 0 ? ['agents', 'télétravail'] : [],
    purchaseDate: `20${10 + (index % 14)}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
    retirementDate: retired ? '2024-06-30' : null,
    status: retired ? 'retired' : 'in_use',
    condition: index % 4 === 0 ? 'refurbished' : 'new',
    annualKwh: index % 6 === 5 ? index % 900 : null,
  })
}

describe.skipIf(!process.env.FOOTPRINT_TIMING).each(testDialects())(
  'results page timing on %s',
  (dialect) => {
    let test: TestApp
    let workspaceId: number
    let visitor: Visitor

    beforeAll(async () => {
      test = await startTestApp(dialect)
      workspaceId = (
        await createTestUser(test.database.db, {
          email: 'timing@example.org',
          workspace: { kind: 'commune', code: '69123', role: 'admin' },
        })
      ).workspaceId as number
      const started = performance.now()
      await test.database.db.transaction().execute(async (trx) => {
        for (let start = 0; start < itemCount; start += 10_000)
          await insertItems(
            trx,
            workspaceId,
            Array.from({ length: 10_000 }, (_, offset) => syntheticItem(start + offset)),
          )
      })
      console.log(
        `${dialect}: ${itemCount} items inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      )
      visitor = new Visitor(test.app)
      await visitor.signIn('timing@example.org')
    }, 300_000)
    afterAll(async () => {
      await test.database.dispose()
    })

    it('serves the page, an explanation and an export of 100,000 items', async () => {
      // The first request reads the inventory (cold); the next ones find the year's results kept.
      const timed = async (label: string, path: string) => {
        const times: number[] = []
        for (let run = 0; run < 3; run++) {
          const started = performance.now()
          const response = await visitor.request(path)
          await response.arrayBuffer()
          times.push(performance.now() - started)
          expect(response.status).toBe(200)
        }
        const [cold, ...warm] = times as [number, ...number[]]
        console.log(
          `${dialect}: ${label}: cold ${(cold / 1000).toFixed(2)} s, then ${warm.map((time) => `${time.toFixed(0)} ms`).join(', ')}`,
        )
        return { cold, warm: Math.min(...warm) }
      }
      const home = `/espace/${workspaceId}/empreinte`
      const page = await timed('results page (6 years, one pass)', `${home}?annee=2024`)
      await timed(
        'explanation of the total, flux (one year)',
        `${home}/explication?annee=2024&methode=flux&phase=total`,
      )
      await timed(
        'explanation of a site, after the page',
        `${home}/explication?annee=2024&dimension=site&cle=Site%203`,
      )
      await timed('CSV export, after the page', `${home}/export?annee=2024&format=csv`)
      // Decision 012's budget for reading and computing 100,000 rows is 3 s on the 2-core machine;
      // a page seen again is served from the kept results.
      console.log(`${dialect}: page cold ${page.cold.toFixed(0)} ms (budget 3,000 ms on an idle machine)`)
      expect(page.warm).toBeLessThan(1000)
    }, 300_000)
  },
)
