import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import { startTestApp, type TestApp } from '../../../test-support/test-app.js'
import { testDialects } from '../../../test-support/test-databases.js'
import { createTestUser, Visitor } from '../../../test-support/test-users.js'
import { signedInMember } from '../../../test-support/workspace-members.js'
import { insertItems } from '../../inventory/inventory.queries.js'
import type { InventoryItem } from '../inventory-item.js'
import { reuseRate, reuseTarget } from '../reuse-rate.js'

/** Retired devices of 2025 (and one of 2024), each standing for a rule of the decree. */
const items: InventoryItem[] = [
  // Concerned and reused.
  inventoryItem({
    type: 'laptop',
    quantity: 4,
    purchaseDate: '2021-05-01',
    retirementDate: '2025-05-01',
    status: 'retired',
    disposal: 'reuse_donation',
  }),
  // Concerned, recycled.
  inventoryItem({
    type: 'monitor',
    quantity: 6,
    purchaseDate: '2019-01-01',
    retirementDate: '2025-06-01',
    status: 'retired',
    disposal: 'recycling',
  }),
  // Concerned on assumptions: no purchase date, no route.
  inventoryItem({ type: 'smartphone', quantity: 2, retirementDate: '2025-02-01', status: 'retired' }),
  // Out of scope: a server.
  inventoryItem({
    type: 'server',
    quantity: 3,
    purchaseDate: '2020-01-01',
    retirementDate: '2025-03-01',
    status: 'retired',
    disposal: 'reuse_sale',
  }),
  // Over ten years old.
  inventoryItem({
    type: 'laptop',
    quantity: 1,
    purchaseDate: '2014-01-01',
    retirementDate: '2025-07-01',
    status: 'retired',
    disposal: 'reuse_donation',
  }),
  // A retirement date in the year, still in use.
  inventoryItem({ type: 'desktop', quantity: 2, retirementDate: '2025-12-31' }),
  // Retired without a date.
  inventoryItem({ type: 'printer', quantity: 1, status: 'retired' }),
  // Retired the year before.
  inventoryItem({ type: 'laptop', quantity: 5, retirementDate: '2024-05-01', status: 'retired' }),
]

describe.each(testDialects())('reuse rate page over HTTP on %s', (dialect) => {
  let test: TestApp
  let workspaceId: number
  let reader: Visitor
  let ids: number[]
  const path = () => `/espace/${workspaceId}/empreinte/reemploi`

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const member = await signedInMember(test, 'reader@example.org', 'reader')
    reader = member.visitor
    workspaceId = member.workspaceId
    await createTestUser(test.database.db, {
      email: 'other@example.org',
      workspace: { kind: 'commune', code: '13055', role: 'admin' },
    })
    await insertItems(test.database.db, workspaceId, items)
    ids = (
      await test.database.db
        .selectFrom('inventory_items')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute()
    ).map((row) => row.id)
  })
  afterAll(async () => {
    await test.database.dispose()
  })

  it('gives the year’s rate against its target, the counts, the exclusions with links', async () => {
    const direct = reuseRate(items, 2025)
    expect(direct.eligible.quantity).toBe(12)
    expect(direct.reused.quantity).toBe(4)
    expect(reuseTarget(2025)).toBe(0.5)
    const response = await reader.request(`${path()}?annee=2025`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Taux de réemploi : 33,3 % (4 équipements réemployés sur 12 concernés)')
    expect(html).toContain('Objectif légal 2025 : 50,0 %.')
    expect(html).toContain('Objectif non atteint.')
    expect(html).toContain('role="img"')
    expect(html).toContain('objectif 50,0 %')
    // By route: the donation counts, the recycling does not.
    expect(html).toMatch(
      /<th scope="row">don<\/th><td>oui<\/td><td class="num">1<\/td><td class="num">4<\/td>/,
    )
    expect(html).toMatch(/<th scope="row">recyclage<\/th><td>non<\/td>/)
    // Each exclusion with its count and a link to its item.
    const excluded: [string, number][] = [
      ['Type non concerné par le décret', ids[3] as number],
      ['Plus de dix ans à la date de la réforme', ids[4] as number],
      ['Date de réforme dans l’année, mais statut autre que « réformé »', ids[5] as number],
      ['Réformé sans date de réforme', ids[6] as number],
    ]
    for (const [label, id] of excluded) {
      expect(html).toContain(label)
      expect(html).toContain(`href="/espace/${workspaceId}/empreinte/inventaire/${id}"`)
    }
    expect(html).toContain('1 ligne(s), 3 équipement(s).')
    // Counted on assumptions.
    expect(html).toContain('Sans date d’achat')
    expect(html).toContain(`href="/espace/${workspaceId}/empreinte/inventaire/${ids[2]}"`)
    // What counts, and the law.
    expect(html).toContain('Loi n° 2021-1485')
    expect(html).toContain('décret n° 2023-266')
    expect(html).toContain('25,0 % en 2023, 35,0 % en 2024, 50,0 % à partir de 2025')
    expect(html).toContain('Baie de stockage')
  })

  it('uses each year’s target, and handles a year without target and an empty year', async () => {
    const previous = await (await reader.request(`${path()}?annee=2024`)).text()
    expect(previous).toContain('Taux de réemploi : 0,0 % (0 équipements réemployés sur 5 concernés)')
    expect(previous).toContain('Objectif légal 2024 : 35,0 %.')
    const beforeTargets = await (await reader.request(`${path()}?annee=2022`)).text()
    expect(beforeTargets).toContain('Pas d’objectif légal en 2022')
    const empty = await reader.request(`${path()}?annee=2030`)
    expect(empty.status).toBe(200)
    const html = await empty.text()
    expect(html).toContain('Aucun équipement concerné n’a été réformé en 2030')
    expect(html).not.toContain('role="img"')
    // The dateless retired printer is listed whatever the year.
    expect(html).toContain('Réformé sans date de réforme')
  })

  it('defaults to the current year, refuses a bad year, and hides the page from non-members', async () => {
    const current = await (await reader.request(path())).text()
    expect(current).toContain(`Taux de réemploi ${new Date().getUTCFullYear()}`)
    expect((await reader.request(`${path()}?annee=1800`)).status).toBe(400)
    const outsider = new Visitor(test.app)
    await outsider.signIn('other@example.org')
    expect((await outsider.request(`${path()}?annee=2025`)).status).toBe(404)
  })
})
