import { describe, expect, it } from 'vitest'
import { inventoryItem } from '../../test-support/inventory-items.js'
import { readBundledReferentials } from '../referential/bundled-referentials.js'
import { deviceTypes, type InventoryItem } from './inventory-item.js'
import {
  createReuseRateAccumulator,
  reuseRate,
  reuseRoutes,
  reuseScope,
  reuseTarget,
  reuseTargets,
} from './reuse-rate.js'

let nextLine = 2
const item = (overrides: Partial<InventoryItem> = {}): InventoryItem =>
  inventoryItem({ line: nextLine++, purchaseDate: '2020-01-01', status: 'retired', ...overrides })

/** A year of retirements, with every case; the expected figures are worked out beside each line. */
const inventory: InventoryItem[] = [
  // eligible 3, reused 3
  item({ quantity: 3, retirementDate: '2024-03-01', disposal: 'reuse_donation' }),
  // eligible 2 (retired on 31 December), recycled
  item({
    type: 'monitor',
    quantity: 2,
    purchaseDate: '2019-05-01',
    retirementDate: '2024-12-31',
    disposal: 'recycling',
  }),
  // exactly ten years on 1 January 2024: not « more than ten years », eligible 1, reused 1
  item({ type: 'desktop', purchaseDate: '2014-01-01', retirementDate: '2024-01-01', disposal: 'reuse_sale' }),
  // ten years and a day: excluded
  item({ type: 'desktop', purchaseDate: '2014-01-01', retirementDate: '2024-01-02', disposal: 'reuse_sale' }),
  // no purchase date, no route: eligible 4, not reused, counted on both assumptions
  item({ type: 'smartphone', quantity: 4, purchaseDate: null, retirementDate: '2024-06-01' }),
  // outside categories 2° and 6°
  item({ type: 'server', quantity: 2, retirementDate: '2024-05-01', disposal: 'reuse_takeback' }),
  item({ type: 'video_projector', retirementDate: '2024-05-01', disposal: 'reuse_donation' }),
  // other years: ignored
  item({ retirementDate: '2025-01-01', disposal: 'reuse_donation' }),
  item({ retirementDate: '2023-12-31', disposal: 'recycling' }),
  // a retirement date in the year but still in use: not counted
  item({ retirementDate: '2024-07-01', status: 'in_use' }),
  // retired, no date: its year is unknown
  item({ quantity: 5, retirementDate: null }),
  // tagged sensitive: eligible unless the caller names the tag; taken back
  item({
    type: 'tablet',
    retirementDate: '2024-02-01',
    tags: ['données sensibles'],
    disposal: 'reuse_takeback',
  }),
]

describe('reuseRate', () => {
  it('counts the devices concerned retired in the year, and those reused', () => {
    const result = reuseRate(inventory, 2024, { sensitiveTags: ['données sensibles'] })
    expect(result.year).toBe(2024)
    expect(result.eligible).toEqual({ items: 4, quantity: 10 })
    expect(result.reused).toEqual({ items: 2, quantity: 4 })
    expect(result.rate).toBeCloseTo(0.4, 12)
    expect(result.target).toBe(0.35)
    expect(result.met).toBe(true)
    expect(result.excluded.map(({ reason, items, quantity }) => [reason, items, quantity])).toEqual([
      ['outOfScope', 2, 3],
      ['overTenYears', 1, 1],
      ['sensitiveData', 1, 1],
      ['notRetired', 1, 1],
      ['retiredWithoutDate', 1, 5],
    ])
    expect(result.counted.map(({ reason, quantity }) => [reason, quantity])).toEqual([
      ['unknownPurchaseDate', 4],
      ['unknownDisposal', 4],
    ])
    expect(result.counted[0]?.lines).toEqual([inventory[4]?.line])
    expect(result.byType).toEqual([
      { type: 'laptop', eligible: { items: 1, quantity: 3 }, reused: { items: 1, quantity: 3 } },
      { type: 'desktop', eligible: { items: 1, quantity: 1 }, reused: { items: 1, quantity: 1 } },
      { type: 'monitor', eligible: { items: 1, quantity: 2 }, reused: { items: 0, quantity: 0 } },
      { type: 'smartphone', eligible: { items: 1, quantity: 4 }, reused: { items: 0, quantity: 0 } },
    ])
    expect(result.byRoute).toEqual([
      { route: 'reuse_sale', items: 1, quantity: 1 },
      { route: 'reuse_donation', items: 1, quantity: 3 },
      { route: 'recycling', items: 1, quantity: 2 },
    ])
  })

  it('without the sensitive tag named, the tagged tablet counts (the vocabulary has no such field)', () => {
    const result = reuseRate(inventory, 2024)
    // 11 eligible, 5 reused (the tablet was taken back).
    expect(result.eligible.quantity).toBe(11)
    expect(result.reused.quantity).toBe(5)
    expect(result.rate).toBeCloseTo(5 / 11, 12)
    expect(result.excluded.some((note) => note.reason === 'sensitiveData')).toBe(false)
  })

  it('year boundaries: retired on 1 January counts in that year, on 31 December too, not the next day', () => {
    const first = item({ retirementDate: '2025-01-01', disposal: 'reuse_transfer' })
    const last = item({ retirementDate: '2024-12-31', disposal: 'reuse_transfer' })
    expect(reuseRate([first, last], 2025).eligible.quantity).toBe(1)
    expect(reuseRate([first, last], 2024).eligible.quantity).toBe(1)
    expect(reuseRate([first], 2024).rate).toBeNull()
  })

  it('ten years: the anniversary counts, the day after does not (29 February: 28 February)', () => {
    const leap = (retirementDate: string) => item({ purchaseDate: '2016-02-29', retirementDate })
    expect(reuseRate([leap('2026-02-28')], 2026).eligible.quantity).toBe(1)
    expect(reuseRate([leap('2026-03-01')], 2026).excluded[0]?.reason).toBe('overTenYears')
  })

  it('every reuse route counts; recycling, unknown and no route do not', () => {
    const routed = [...reuseRoutes, 'recycling', 'unknown', null].map((disposal) =>
      item({ retirementDate: '2025-05-05', disposal: disposal as InventoryItem['disposal'] }),
    )
    const result = reuseRate(routed, 2025)
    expect(result.eligible.quantity).toBe(7)
    expect(result.reused.quantity).toBe(4)
    expect(result.met).toBe(true) // 4/7 ≥ 50 %
    expect(result.counted).toEqual([expect.objectContaining({ reason: 'unknownDisposal', quantity: 2 })])
  })

  it('nothing eligible: rate and met are null; below the target: met is false', () => {
    const none = reuseRate([], 2024)
    expect(none).toMatchObject({ rate: null, met: null, eligible: { items: 0, quantity: 0 } })
    const low = reuseRate([item({ retirementDate: '2025-03-01', disposal: 'recycling' })], 2025)
    expect(low).toMatchObject({ rate: 0, target: 0.5, met: false })
    const early = reuseRate([item({ retirementDate: '2022-03-01', disposal: 'reuse_sale' })], 2022)
    expect(early).toMatchObject({ rate: 1, target: null, met: null })
  })

  it('the accumulator gives the same result, and each result is a snapshot', () => {
    const accumulator = createReuseRateAccumulator(2024)
    for (const line of inventory) accumulator.add(line)
    const snapshot = accumulator.result()
    expect(snapshot).toEqual(reuseRate(inventory, 2024))
    accumulator.add(item({ retirementDate: '2024-04-04', disposal: 'reuse_sale' }))
    expect(accumulator.result().eligible.quantity).toBe(snapshot.eligible.quantity + 1)
    expect(snapshot).toEqual(reuseRate(inventory, 2024))
  })
})

describe('targets and scope', () => {
  it('25 % in 2023, 35 % in 2024, 50 % from 2025, none before', () => {
    expect([2022, 2023, 2024, 2025, 2030].map(reuseTarget)).toEqual([null, 0.25, 0.35, 0.5, 0.5])
  })

  it('match the referential’s reen_reemploi_parc', () => {
    const obligation = readBundledReferentials()
      .flatMap((referential) => referential.obligations)
      .find((candidate) => candidate.id === 'reen_reemploi_parc')
    expect(obligation?.yearlyTargets).toEqual(
      reuseTargets.map(({ from, rate }) => ({ from, percent: rate * 100 })),
    )
  })

  it('decides every device type, with its basis', () => {
    expect(Object.keys(reuseScope).sort()).toEqual([...deviceTypes].sort())
    const included = deviceTypes.filter((type) => reuseScope[type].included)
    expect(included).toEqual([
      'laptop',
      'desktop',
      'monitor',
      'smartphone',
      'tablet',
      'printer',
      'display',
      'network_switch',
      'router',
      'firewall',
    ])
    for (const type of deviceTypes) expect(reuseScope[type].basis.length).toBeGreaterThan(20)
  })
})
