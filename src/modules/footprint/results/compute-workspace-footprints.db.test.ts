import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import { openTestDatabase, type TestDatabase, testDialects } from '../../../test-support/test-databases.js'
import { insertTestWorkspace } from '../../../test-support/test-workspaces.js'
import {
  deleteItem,
  findItem,
  insertItem,
  insertItems,
  saveDatacenter,
  updateItem,
} from '../../inventory/inventory.queries.js'
import { defaultFactorBase } from '../factor-bases.store.js'
import { computeWorkspaceFootprint } from '../workspace-footprint.js'
import { computeWorkspaceFootprints } from './compute-workspace-footprints.js'
import { footprintCsv } from './footprint-export.js'
import { trendYears } from './load-results.js'

describe.each(testDialects())('several years in one pass on %s', (dialect) => {
  let database: TestDatabase
  let workspaceId: number

  beforeAll(async () => {
    database = await openTestDatabase(dialect)
    workspaceId = (await insertTestWorkspace(database.db, { agents: 12 })).workspaceId
    await saveDatacenter(database.db, workspaceId, {
      shortName: 'DC1',
      longName: null,
      pue: 1.5,
      country: 'FR',
    })
    // Varied lives across the years, several groups, tags, refurbished, a datacenter, flags.
    const items = Array.from({ length: 240 }, (_, index) =>
      inventoryItem({
        type: (['laptop', 'monitor', 'server', 'smartphone', 'other', 'router'] as const)[index % 6],
        quantity: 1 + (index % 3),
        site: index % 5 === 0 ? null : `Site ${index % 7}`,
        service: `Service ${index % 4}`,
        tags: index % 3 === 0 ? ['a', 'b'] : index % 3 === 1 ? ['a'] : [],
        purchaseDate: index % 11 === 0 ? null : `${2015 + (index % 10)}-0${1 + (index % 9)}-15`,
        retirementDate: index % 4 === 0 ? `${2021 + (index % 5)}-06-30` : null,
        status:
          index % 4 === 0
            ? 'retired'
            : index % 13 === 0
              ? 'in_stock'
              : index % 17 === 0
                ? 'retired'
                : 'in_use',
        condition: index % 5 === 1 ? 'refurbished' : 'new',
        datacenter: index % 6 === 2 ? (index % 12 === 2 ? 'DC1' : 'DC9') : null,
        country: index % 19 === 0 ? 'ZZ' : 'FR',
      }),
    )
    await insertItems(database.db, workspaceId, items)
  })
  afterAll(async () => {
    await database.dispose()
  })

  it('gives each year exactly what a pass of its own gives, in both methods', async () => {
    const base = await defaultFactorBase(database.db)
    const years = trendYears(2025)
    expect(years).toEqual([2020, 2021, 2022, 2023, 2024, 2025])
    for (const method of ['stock', 'flux'] as const) {
      const together = await computeWorkspaceFootprints(database.db, workspaceId, { years, method, base })
      expect([...together.keys()]).toEqual(years)
      for (const year of years) {
        const alone = await computeWorkspaceFootprint(database.db, workspaceId, { year, method, base })
        expect(together.get(year)).toEqual(alone)
        expect(alone.perAgent?.count).toBe(12)
      }
      // The years differ (the test would pass vacuously if every year gave the same figures).
      const totals = years.map((year) => together.get(year)?.total.impacts.climate?.total.value)
      expect(new Set(totals).size).toBeGreaterThan(3)
    }
  })

  it('serves a kept result until the inventory, its datacenters or the head count change', async () => {
    const db = database.db
    const base = await defaultFactorBase(db)
    const options = { years: [2023, 2024], method: 'stock' as const, base }
    const first = await computeWorkspaceFootprints(db, workspaceId, options)
    const again = await computeWorkspaceFootprints(db, workspaceId, options)
    expect(again.get(2024)).toBe(first.get(2024))
    // Only the year not kept yet is computed; the others come from the cache.
    const wider = await computeWorkspaceFootprints(db, workspaceId, { ...options, years: [2022, 2023, 2024] })
    expect([...wider.keys()]).toEqual([2022, 2023, 2024])
    expect(wider.get(2023)).toBe(first.get(2023))

    const fresh = async () => (await computeWorkspaceFootprints(db, workspaceId, options)).get(2024)
    const before = await fresh()
    const id = await insertItem(db, workspaceId, inventoryItem({ purchaseDate: '2024-02-01' }))
    const added = await fresh()
    expect(added).not.toBe(before)
    expect(added?.counted.items).toBe((before?.counted.items ?? 0) + 1)
    expect(await fresh()).toBe(added)

    const item = await findItem(db, workspaceId, id)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await updateItem(db, workspaceId, id, { ...(item as NonNullable<typeof item>), quantity: 7 })
    const edited = await fresh()
    expect(edited?.counted.quantity).toBe((added?.counted.quantity ?? 0) + 6)

    await deleteItem(db, workspaceId, id)
    expect(await fresh()).toEqual(before)

    await saveDatacenter(db, workspaceId, { shortName: 'DC1', longName: null, pue: 2, country: 'FR' })
    expect(await fresh()).not.toEqual(before)
    const territory = await db
      .selectFrom('workspaces')
      .select('territory_id')
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow()
    const withPue = await fresh()
    await db
      .updateTable('territory_declarations')
      .set({ agents_fte: 24 })
      .where('territory_id', '=', territory.territory_id)
      .execute()
    const perAgent = await fresh()
    expect(perAgent).not.toBe(withPue)
    expect(perAgent?.perAgent?.count).toBe(24)
  })

  it('writes one CSV row per group, criterion and phase', async () => {
    const base = await defaultFactorBase(database.db)
    const result = (
      await computeWorkspaceFootprints(database.db, workspaceId, { years: [2024], method: 'stock', base })
    ).get(2024)
    if (!result) throw new Error('no result')
    const lines = footprintCsv(result, { frozenAt: null }).split('\r\n').filter(Boolean)
    const groups =
      1 + result.byType.length + result.bySite.length + result.byService.length + result.byTag.length
    expect(lines.length).toBe(2 + groups * result.criteria.length * 5)
    // « non renseigné » (no site) is an empty key.
    expect(lines.some((line) => line.startsWith('site;;climate;total;'))).toBe(true)
  })
})
