import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inventoryItem } from '../../test-support/inventory-items.js'
import {
  computeFootprint,
  createFootprintAccumulator,
  dateKey,
  electricityOptionFactors,
  type FootprintGroup,
  type FootprintLine,
  type FootprintOptions,
  flagCodes,
  flagLinesKept,
  footprintPhases,
  prepareFootprint,
  yearsBetween,
} from './compute-footprint.js'
import { explainGroup, explainItem, explainPerCapita } from './explain-figure.js'
import type { FactorBase } from './factor-base.schemas.js'
import { factorBasesDir, findFactorBase, parseFactorBase, readBundledFactorBases } from './factor-bases.js'
import {
  type Datacenter,
  type DeviceType,
  deviceTypes,
  type InventoryItem,
  itemStatuses,
} from './inventory-item.js'

const base = findFactorBase('ademe-negaoctet-2022') as FactorBase

/** A laptop in use in France, no dates: tests change only what they are about. */
function item(overrides: Partial<InventoryItem> = {}): InventoryItem {
  return inventoryItem(overrides)
}

const stock = (year: number): FootprintOptions => ({ method: 'stock', year })
const flux = (year: number): FootprintOptions => ({ method: 'flux', year })

/** The laptop's figures, from the source (ADEME / NegaOctet 2022) and ADEME's 2025 French factor. */
const laptopEmbodied = 170 + 12.3 + 2.79
const laptopUse = ((26.5 * 3 * 365) / 1000) * 0.0461

function climate(
  line: FootprintLine,
  phase: (typeof footprintPhases)[number] | 'total' = 'total',
): number | null {
  return line.impacts.climate?.[phase].value ?? null
}

function totalClimate(
  items: InventoryItem[],
  options: FootprintOptions,
  datacenters: Datacenter[] = [],
): number {
  const value = climate(computeFootprint(items, datacenters, base, options).total)
  if (value === null) throw new Error('climate total not available')
  return value
}

/** MiNumEco: 54.9 kgCO2e avoided per refurbished laptop, out of the new laptop's 170 of manufacturing. */
const laptopRatio = 54.9 / 170

/** Spaces as a person types them: Intl writes thousands with narrow no-break spaces. */
const plainSpaces = (text: string) => text.replace(/\s/g, ' ')

describe('the bundled factor base', () => {
  it('is read, checked and carries every device type, with the ADEME laptop row', () => {
    const bases = readBundledFactorBases()
    expect(bases.map((each) => `${each.id}@${each.version}`)).toContain('ademe-negaoctet-2022@2022.1')
    expect(base.devices.laptop.factors?.manufacturing).toEqual({ climate: 170, water: 194000 })
    expect(base.devices.other.factors).toBeNull()
    expect(base.devices.server.factors?.manufacturing.water).toBeNull()
    expect(electricityOptionFactors(base, 'ademe-2025')).toEqual({ climate: 0.0461, water: null })
  })
})

describe('computeFootprint — the oracle', () => {
  const laptop = item({ purchaseDate: '2020-01-01', retirementDate: '2025-01-01' })

  it('sums, over the laptop’s five years of stock method, to 191.8 kgCO2e', () => {
    expect(laptopEmbodied + laptopUse * 5).toBeCloseTo(191.8, 1)
    let sum = 0
    for (let year = 2018; year <= 2027; year++) sum += totalClimate([laptop], stock(year))
    expect(sum).toBeCloseTo(191.8, 1)
    expect(totalClimate([laptop], stock(2019))).toBe(0)
    expect(totalClimate([laptop], stock(2025))).toBe(0)
    expect(totalClimate([laptop], stock(2022))).toBeCloseTo(laptopEmbodied / 5 + laptopUse, 6)
  })

  it('gives the same five-year sum with the type’s default lifetime (no dates)', () => {
    expect(totalClimate([item()], stock(2026)) * 5).toBeCloseTo(191.8, 1)
  })

  it('flux: embodied in full in the purchase year plus one year of use, then use only', () => {
    expect(totalClimate([laptop], flux(2020))).toBeCloseTo(laptopEmbodied + laptopUse, 6)
    expect(totalClimate([laptop], flux(2021))).toBeCloseTo(laptopUse, 6)
    // Unknown purchase date: never bought in the year.
    expect(totalClimate([item()], flux(2026))).toBeCloseTo(laptopUse, 6)
  })

  it('records the base and version used, the method and the year', () => {
    const result = computeFootprint([laptop], [], base, stock(2022))
    expect(result.base).toMatchObject({ id: 'ademe-negaoctet-2022', version: '2022.1' })
    expect(result).toMatchObject({ method: 'stock', year: 2022 })
    expect(computeFootprint([], [], base, { method: 'stock' }).year).toBe(new Date().getUTCFullYear())
  })
})

describe('computeFootprint — lifetime', () => {
  const manufacturing = (overrides: Partial<InventoryItem>) =>
    climate(computeFootprint([item(overrides)], [], base, stock(2024)).total, 'manufacturing')

  it('comes from the dates when both are known, before the item’s own lifetime', () => {
    expect(manufacturing({ purchaseDate: '2021-03-15', retirementDate: '2024-09-15' })).toBeCloseTo(
      170 / 3.5,
      9,
    )
    expect(
      manufacturing({ purchaseDate: '2021-03-15', retirementDate: '2024-09-15', lifetimeYears: 8 }),
    ).toBeCloseTo(170 / 3.5, 9)
  })

  it('then from the item’s lifetime, then from the type’s default', () => {
    expect(manufacturing({ lifetimeYears: 4 })).toBeCloseTo(170 / 4, 9)
    expect(manufacturing({ purchaseDate: '2022-01-01', lifetimeYears: 4 })).toBeCloseTo(170 / 4, 9)
    expect(manufacturing({})).toBeCloseTo(170 / 5, 9)
    expect(manufacturing({ type: 'smartphone' })).toBeCloseTo(77 / 2.5, 9)
  })

  it('is never below one year', () => {
    expect(manufacturing({ purchaseDate: '2024-01-10', retirementDate: '2024-06-01' })).toBeCloseTo(170, 9)
    expect(manufacturing({ lifetimeYears: 0.5 })).toBeCloseTo(170, 9)
  })

  it('reads dates with integer arithmetic, months as twelfths', () => {
    expect(dateKey('2024-03-15')).toBe(20240315)
    expect(dateKey(null)).toBe(-1)
    expect(dateKey('15/03/2024')).toBe(-1)
    expect(yearsBetween(20200101, 20250101)).toBe(5)
    expect(yearsBetween(20200315, 20230915)).toBe(3.5)
    expect(yearsBetween(20200131, 20200201)).toBeCloseTo(1 / 12 - 30 / 365.25, 12)
  })
})

describe('computeFootprint — which items count in the year', () => {
  const counted = (overrides: Partial<InventoryItem>, year = 2024) =>
    computeFootprint([item(overrides)], [], base, stock(year))

  it('leaves out items retired before the year and bought after it', () => {
    const before = counted({ purchaseDate: '2018-01-01', retirementDate: '2023-12-31' })
    expect(before.counted.items).toBe(0)
    expect(before.excluded).toMatchObject({ items: 1, retiredBefore: 1 })
    expect(climate(before.total)).toBe(0)
    // Retired on 1 January: the first day out of service, so not in use that year.
    expect(counted({ purchaseDate: '2019-01-01', retirementDate: '2024-01-01' }).counted.items).toBe(0)
    const after = counted({ purchaseDate: '2025-01-01' })
    expect(after.excluded).toMatchObject({ items: 1, boughtAfter: 1 })
    expect(counted({ purchaseDate: '2024-12-31' }).counted.items).toBe(1)
    expect(
      counted({ purchaseDate: '2019-01-01', retirementDate: '2024-01-02', status: 'retired' }).counted.items,
    ).toBe(1)
  })

  it('counts an item without purchase date as in use, and a retired one without date not at all (flagged)', () => {
    expect(counted({}).counted.items).toBe(1)
    const retired = counted({ status: 'retired', line: 7 })
    expect(retired.counted.items).toBe(0)
    expect(retired.flags).toEqual([
      { code: 'retiredWithoutDate', items: 1, quantity: 1, lines: [7], values: [] },
    ])
  })

  it('counts a stored device’s embodied impact, not its use', () => {
    const result = counted({ status: 'in_stock' })
    expect(climate(result.total, 'manufacturing')).toBeCloseTo(170 / 5, 9)
    expect(result.total.impacts.climate?.use).toEqual({ value: 0, unavailableQuantity: 0 })
    const fluxResult = computeFootprint(
      [item({ status: 'in_stock', purchaseDate: '2024-05-01' })],
      [],
      base,
      flux(2024),
    )
    expect(climate(fluxResult.total)).toBeCloseTo(laptopEmbodied, 9)
  })

  it('multiplies everything by the quantity', () => {
    const one = counted({})
    const three = counted({ quantity: 3 })
    expect(three.total.quantity).toBe(3)
    expect(three.total.items).toBe(1)
    for (const phase of [...footprintPhases, 'total'] as const)
      expect(climate(three.total, phase)).toBeCloseTo(3 * (climate(one.total, phase) as number), 9)
  })
})

describe('computeFootprint — use phase', () => {
  const datacenters: Datacenter[] = [{ shortName: 'DC1', longName: null, pue: 1.5, country: 'FR' }]
  const serverKwh = (400 * 24 * 365) / 1000

  it('multiplies by the PUE the use of items hosted in a datacenter only', () => {
    const result = computeFootprint(
      [item({ type: 'server', datacenter: 'DC1' }), item({ type: 'server' }), item()],
      datacenters,
      base,
      stock(2024),
    )
    const server = result.byType.find((line) => line.key === 'server') as FootprintLine
    expect(climate(server, 'use')).toBeCloseTo(serverKwh * 0.0461 * 2.5, 9)
    expect(climate(result.byType.find((line) => line.key === 'laptop') as FootprintLine, 'use')).toBeCloseTo(
      laptopUse,
      9,
    )
    expect(result.flags).toEqual([])
  })

  it('uses a measured consumption when given', () => {
    const result = computeFootprint(
      [item({ annualKwh: 100, datacenter: 'DC1' })],
      datacenters,
      base,
      stock(2024),
    )
    expect(climate(result.total, 'use')).toBeCloseTo(100 * 1.5 * 0.0461, 9)
  })

  it('treats an unknown datacenter as PUE 1 and an unknown country as France, flagged', () => {
    const result = computeFootprint(
      [item({ type: 'server', datacenter: 'NOWHERE', line: 3 }), item({ country: 'DE', line: 4 })],
      datacenters,
      base,
      stock(2024),
    )
    expect(climate(result.total, 'use')).toBeCloseTo((serverKwh + laptopUse / 0.0461) * 0.0461, 9)
    expect(result.flags).toEqual([
      { code: 'unknownCountry', items: 1, quantity: 1, lines: [4], values: ['DE'] },
      { code: 'unknownDatacenter', items: 1, quantity: 1, lines: [3], values: ['NOWHERE'] },
    ])
  })

  it('takes the electricity of the datacenter’s country', () => {
    const result = computeFootprint(
      [item({ type: 'server', datacenter: 'IE1' })],
      [{ shortName: 'IE1', longName: null, pue: 1.2, country: 'IE' }],
      base,
      { method: 'stock', year: 2024, electricityFactors: { IE: { climate: 0.3 } } },
    )
    expect(climate(result.total, 'use')).toBeCloseTo(serverKwh * 1.2 * 0.3, 9)
    expect(result.flags).toEqual([])
  })

  it('replaces the electricity factor with the scenario’s', () => {
    const result = computeFootprint([item()], [], base, {
      method: 'stock',
      year: 2024,
      electricityFactors: { FR: electricityOptionFactors(base, 'ademe-2024') },
    })
    expect(climate(result.total, 'use')).toBeCloseTo((laptopUse / 0.0461) * 0.0519, 9)
  })

  it('leaves network devices’ use « not available » without a measured consumption', () => {
    const result = computeFootprint(
      [item({ type: 'network_switch', line: 2 }), item({ type: 'network_switch', annualKwh: 50 })],
      [],
      base,
      stock(2024),
    )
    expect(result.total.impacts.climate?.use).toEqual({ value: 50 * 0.0461, unavailableQuantity: 1 })
    expect(result.total.impacts.climate?.manufacturing.value).toBeCloseTo((2 * 367) / 5, 9)
    expect(result.flags).toEqual([
      { code: 'noUseProfile', items: 1, quantity: 1, lines: [2], values: ['network_switch'] },
    ])
  })
})

describe('computeFootprint — not available is not zero', () => {
  it('keeps water « not available » where the base has no figure, and sums it where it has', () => {
    const result = computeFootprint([item(), item({ type: 'server' })], [], base, stock(2024))
    const water = result.total.impacts.water
    expect(water?.use).toEqual({ value: null, unavailableQuantity: 2 })
    expect(water?.endOfLife).toEqual({ value: null, unavailableQuantity: 2 })
    expect(water?.manufacturing.value).toBeCloseTo(194000 / 5, 9)
    expect(water?.manufacturing.unavailableQuantity).toBe(1)
    expect(water?.total).toEqual({ value: expect.closeTo(194000 / 5 + 51.6 / 5, 6), unavailableQuantity: 2 })
    const serverOnly = computeFootprint([item({ type: 'server' })], [], base, stock(2024))
    expect(serverOnly.total.impacts.water?.total).toEqual({ value: null, unavailableQuantity: 1 })
  })

  it('counts « other » items, flags them, and gives them only a measured use', () => {
    const result = computeFootprint(
      [item({ type: 'other', line: 9 }), item({ type: 'other', annualKwh: 10, quantity: 2, line: 10 })],
      [],
      base,
      stock(2024),
    )
    expect(result.total).toMatchObject({ items: 2, quantity: 3 })
    expect(result.total.impacts.climate?.manufacturing).toEqual({ value: null, unavailableQuantity: 3 })
    expect(result.total.impacts.climate?.use).toEqual({ value: 10 * 2 * 0.0461, unavailableQuantity: 1 })
    expect(result.flags).toEqual([
      { code: 'noFactor', items: 2, quantity: 3, lines: [9, 10], values: ['other'] },
    ])
  })
})

describe('computeFootprint — groups', () => {
  const items = [
    item({ site: 'Mairie', service: 'DSI', tags: ['bureautique'], quantity: 4 }),
    item({ type: 'monitor', site: 'Mairie', service: 'Culture', tags: ['bureautique'] }),
    item({ type: 'smartphone', site: 'Médiathèque', service: 'Culture', quantity: 2 }),
    item({ type: 'server', service: 'DSI', tags: ['serveurs'], datacenter: 'DC1' }),
    item({ type: 'other', site: 'Médiathèque', tags: ['divers'] }),
    item({ type: 'printer', site: 'Mairie', purchaseDate: '2024-06-01', tags: ['bureautique'] }),
  ]
  const datacenters: Datacenter[] = [{ shortName: 'DC1', longName: null, pue: 1.4, country: 'FR' }]

  for (const options of [stock(2024), flux(2024)])
    it(`by type, site, service and tag add up to the total (${options.method})`, () => {
      const result = computeFootprint(items, datacenters, base, options)
      for (const groups of [
        result.byType,
        result.bySite,
        result.byService,
        result.byTag,
      ] as FootprintLine[][]) {
        expect(groups.reduce((sum, group) => sum + group.items, 0)).toBe(result.total.items)
        expect(groups.reduce((sum, group) => sum + group.quantity, 0)).toBe(result.total.quantity)
        for (const criterion of ['climate', 'water'])
          for (const phase of [...footprintPhases, 'total'] as const) {
            const sum = groups.reduce(
              (total, group) => total + (group.impacts[criterion]?.[phase].value ?? 0),
              0,
            )
            expect(sum).toBeCloseTo(result.total.impacts[criterion]?.[phase].value ?? 0, 6)
          }
      }
      expect(result.bySite.map((group) => group.key)).toEqual(['Mairie', 'Médiathèque', null])
      expect(result.total.items).toBe(6)
      expect(result.total.quantity).toBe(10)
    })

  it('counts an item with several tags in each tag', () => {
    const tagged = [item({ tags: ['a', 'b', 'a'] }), item({ type: 'monitor', tags: ['b'] })]
    const result = computeFootprint(tagged, [], base, stock(2024))
    const tag = (key: string) => result.byTag.find((group) => group.key === key) as FootprintGroup
    expect(tag('a').items).toBe(1)
    expect(tag('b').items).toBe(2)
    expect(climate(tag('a'))).toBeCloseTo(climate(result.byType[0] as FootprintLine) as number, 9)
    expect((climate(tag('a')) as number) + (climate(tag('b')) as number)).toBeGreaterThan(
      climate(result.total) as number,
    )
  })

  it('gives per agent and per inhabitant figures when the counts are given', () => {
    const result = computeFootprint(items, datacenters, base, {
      ...stock(2024),
      agents: 50,
      inhabitants: 12000,
    })
    const total = climate(result.total) as number
    expect(result.perAgent?.values.climate).toBeCloseTo(total / 50, 9)
    expect(result.perInhabitant?.values.climate).toBeCloseTo(total / 12000, 9)
    expect(result.perAgent?.values.water).not.toBeNull()
    expect(computeFootprint(items, datacenters, base, stock(2024)).perAgent).toBeNull()
  })

  it('is deterministic', () => {
    expect(computeFootprint(items, datacenters, base, stock(2024))).toEqual(
      computeFootprint([...items], datacenters, base, stock(2024)),
    )
  })
})

describe('computeFootprint — refurbished devices', () => {
  const phases = (result: ReturnType<typeof computeFootprint>, criterion = 'climate') =>
    footprintPhases.map((phase) => result.total.impacts[criterion]?.[phase].value ?? null)

  it('stock: a refurbished laptop’s manufacturing is 170 × (1 − 54.9/170) = 115.1 kgCO2e over its life', () => {
    const laptop = item({
      purchaseDate: '2020-01-01',
      retirementDate: '2025-01-01',
      condition: 'refurbished',
    })
    let manufacturing = 0
    for (let year = 2020; year <= 2024; year++) {
      const result = computeFootprint([laptop], [], base, stock(year))
      const value = climate(result.total, 'manufacturing') as number
      expect(value).toBeCloseTo(115.1 / 5, 9)
      // Distribution, end of life and use: a new laptop's.
      expect(climate(result.total, 'distribution')).toBeCloseTo(12.3 / 5, 9)
      expect(climate(result.total, 'endOfLife')).toBeCloseTo(2.79 / 5, 9)
      expect(climate(result.total, 'use')).toBeCloseTo(laptopUse, 9)
      manufacturing += value
    }
    expect(manufacturing).toBeCloseTo(115.1, 9)
    // The item's own lifetime and the type's default divide it the same way.
    expect(
      climate(
        computeFootprint([item({ condition: 'refurbished', lifetimeYears: 4 })], [], base, stock(2024)).total,
        'manufacturing',
      ),
    ).toBeCloseTo(115.1 / 4, 9)
  })

  it('flux: in full in the purchase year, nothing after', () => {
    const laptop = item({ purchaseDate: '2024-03-01', condition: 'refurbished', quantity: 2 })
    const bought = computeFootprint([laptop], [], base, flux(2024))
    expect(climate(bought.total, 'manufacturing')).toBeCloseTo(2 * 115.1, 9)
    expect(climate(bought.total)).toBeCloseTo(2 * (115.1 + 12.3 + 2.79 + laptopUse), 9)
    expect(climate(computeFootprint([laptop], [], base, flux(2025)).total, 'manufacturing')).toBe(0)
  })

  it('reduces water by the same ratio; distribution water unchanged', () => {
    const result = computeFootprint([item({ condition: 'refurbished' })], [], base, stock(2024))
    expect(result.total.impacts.water?.manufacturing.value).toBeCloseTo((194000 * (1 - laptopRatio)) / 5, 6)
    expect(result.total.impacts.water?.distribution.value).toBeCloseTo(51.6 / 5, 9)
  })

  it('a type without its own figure takes the smallest ratio of the base; a smartphone its own', () => {
    const monitor = computeFootprint(
      [item({ type: 'monitor', condition: 'refurbished' })],
      [],
      base,
      stock(2024),
    )
    expect(climate(monitor.total, 'manufacturing')).toBeCloseTo((64.6 * (1 - laptopRatio)) / 6, 9)
    const phone = computeFootprint(
      [item({ type: 'smartphone', condition: 'refurbished', purchaseDate: '2024-05-01' })],
      [],
      base,
      flux(2024),
    )
    expect(climate(phone.total, 'manufacturing')).toBeCloseTo(77 - 25.5, 9)
  })

  it('leaves new devices as they were, and counts refurbished ones as new when the base has no figure', () => {
    const fresh = computeFootprint([item({ condition: 'new' })], [], base, stock(2024))
    expect(climate(fresh.total, 'manufacturing')).toBe(34)
    expect(climate(fresh.total)).toBeCloseTo(laptopEmbodied / 5 + laptopUse, 12)
    const without: FactorBase = {
      ...base,
      avoidedImpacts: base.avoidedImpacts.filter((avoided) => avoided.kind !== 'refurbished'),
    }
    const refurbished = item({ condition: 'refurbished' })
    expect(phases(computeFootprint([refurbished], [], without, stock(2024)))).toEqual(phases(fresh))
    expect(
      prepareFootprint(without, [], stock(2024)).refurbishedRatios.every((ratio) => ratio === null),
    ).toBe(true)
  })
})

describe('createFootprintAccumulator', () => {
  const datacenters: Datacenter[] = [
    { shortName: 'DC1', longName: null, pue: 1.4, country: 'FR' },
    { shortName: 'IE1', longName: null, pue: 1.2, country: 'IE' },
  ]
  const dates = [null, '2016-02-29', '2019-07-14', '2021-03-15', '2024-01-01', '2024-06-30', '2025-03-01']

  /** Every rule at least once: all types, statuses and flags, dates on both sides of the year, groups. */
  function variedInventory(count: number): InventoryItem[] {
    const items: InventoryItem[] = []
    for (let index = 0; index < count; index++) {
      // Not index % 7: the types repeat every 14 items, every date must meet every type.
      const purchaseDate = dates[Math.floor(index / deviceTypes.length) % dates.length] as string | null
      const retirementDate =
        index % 5 === 0
          ? '2023-12-31'
          : index % 5 === 1
            ? '2026-09-15'
            : index % 11 === 0
              ? '2024-01-01'
              : null
      items.push(
        item({
          line: index + 2,
          type: deviceTypes[index % deviceTypes.length] as DeviceType,
          quantity: 1 + (index % 4),
          site: index % 6 === 0 ? null : `Site ${Math.floor(index / 3) % 5}`,
          service: index % 9 === 0 ? null : `Service ${Math.floor(index / 7) % 4}`,
          tags: index % 4 === 0 ? [] : index % 4 === 1 ? ['a'] : index % 4 === 2 ? ['b', 'a', 'b'] : ['c'],
          purchaseDate,
          retirementDate,
          status: itemStatuses[index % 3 === 2 && index % 2 === 0 ? 2 : index % 7 === 3 ? 1 : 0],
          datacenter: index % 8 === 0 ? 'DC1' : index % 8 === 4 ? 'IE1' : index % 13 === 0 ? 'GONE' : null,
          annualKwh: index % 10 === 3 ? 40 + index : null,
          country: index % 17 === 0 ? 'DE' : index % 19 === 0 ? 'IE' : 'FR',
          lifetimeYears: index % 6 === 5 ? 3 + (index % 4) : null,
          condition: index % 10 === 7 ? 'refurbished' : 'new',
        }),
      )
    }
    return items
  }

  function* rows(items: readonly InventoryItem[]): Generator<InventoryItem> {
    yield* items
  }

  const variants: [string, FootprintOptions][] = [
    ['stock', stock(2024)],
    ['flux', flux(2024)],
    [
      'stock with a scenario’s electricity and per-capita counts',
      {
        ...stock(2024),
        electricityFactors: { FR: electricityOptionFactors(base, 'ademe-2024'), IE: { climate: 0.3 } },
        agents: 120,
        inhabitants: 15000,
      },
    ],
  ]

  for (const [label, options] of variants)
    it(`gives, one item at a time, exactly computeFootprint’s result (${label})`, () => {
      const items = variedInventory(2000)
      const accumulator = createFootprintAccumulator(base, datacenters, options)
      for (const each of rows(items)) accumulator.add(each)
      const result = accumulator.result()
      expect(result).toStrictEqual(computeFootprint(items, datacenters, base, options))

      // The inventory does exercise every rule: groups, exclusions, every flag, the 50 lines kept.
      expect(result.counted.items).toBeGreaterThan(1000)
      expect(result.excluded.boughtAfter).toBeGreaterThan(0)
      expect(result.excluded.retiredBefore).toBeGreaterThan(0)
      expect(result.flags.map((flag) => flag.code)).toEqual([...flagCodes])
      const noFactor = result.flags.find((flag) => flag.code === 'noFactor')
      expect(noFactor?.items).toBeGreaterThan(flagLinesKept)
      expect(noFactor?.lines).toHaveLength(flagLinesKept)
      // The first lines, in file order, of the items without factors counted in the year.
      const counted = items.filter(
        (each) =>
          each.type === 'other' && computeFootprint([each], datacenters, base, options).counted.items === 1,
      )
      expect(noFactor?.lines).toEqual(counted.slice(0, flagLinesKept).map((each) => each.line))
      expect(result.byTag.map((group) => group.key)).toEqual(['a', 'b', 'c', null])
      expect(result.bySite.map((group) => group.key)).toEqual([
        'Site 0',
        'Site 1',
        'Site 2',
        'Site 3',
        'Site 4',
        null,
      ])
    })

  it('gives computeFootprint’s result for no item at all', () => {
    const accumulator = createFootprintAccumulator(base, datacenters, stock(2024))
    expect(accumulator.result()).toStrictEqual(computeFootprint([], datacenters, base, stock(2024)))
  })

  it('may give its result several times, each a snapshot that later items leave unchanged', () => {
    const items = variedInventory(300)
    const firstHalf = items.slice(0, 150)
    const accumulator = createFootprintAccumulator(base, datacenters, stock(2024))
    for (const each of firstHalf) accumulator.add(each)
    const early = accumulator.result()
    const again = accumulator.result()
    expect(again).toStrictEqual(early)
    expect(again).not.toBe(early)
    expect(again.flags[0]?.lines).not.toBe(early.flags[0]?.lines)

    for (const each of items.slice(150)) accumulator.add(each)
    const late = accumulator.result()
    expect(late).toStrictEqual(computeFootprint(items, datacenters, base, stock(2024)))
    // The early result is still the first half's, flag lines included.
    expect(early).toStrictEqual(computeFootprint(firstHalf, datacenters, base, stock(2024)))
    expect(late.counted.items).toBeGreaterThan(early.counted.items)
  })
})

describe('explanations', () => {
  it('spell out the laptop’s embodied share and use, with the numbers', () => {
    const prepared = prepareFootprint(base, [], stock(2024))
    const laptop = item({ line: 12 })
    const manufacturing = explainItem(prepared, laptop, 'manufacturing')
    expect(plainSpaces(manufacturing.text)).toBe('170 kgCO2e (fabrication) ÷ 5 ans = 34 kgCO2e/an')
    expect(manufacturing.result).toBe(34)
    expect(manufacturing.inputs.map((input) => [input.label, input.value])).toEqual([
      ['fabrication (Ordinateur portable)', 170],
      ['durée de vie', 5],
    ])
    expect(manufacturing.inputs[0]?.source).toContain('ordinateur portable')
    expect(manufacturing.inputs[1]?.source).toContain('durée par défaut')

    const use = explainItem(prepared, laptop, 'use')
    expect(plainSpaces(use.text)).toBe(
      '26,5 W × 3 h/j × 365 j ÷ 1 000 = 29,0 kWh × 0,0461 kgCO2e/kWh = 1,34 kgCO2e',
    )
    expect(use.steps).toHaveLength(2)
    expect(use.result).toBeCloseTo(laptopUse, 12)
    expect(use.inputs.find((input) => input.label.startsWith('facteur'))?.source).toContain('2025')
  })

  it('show the reduction of a refurbished device’s manufacturing, with the ratio’s basis', () => {
    const prepared = prepareFootprint(base, [], stock(2024))
    const laptop = item({ line: 7, condition: 'refurbished' })
    const manufacturing = explainItem(prepared, laptop, 'manufacturing')
    expect(plainSpaces(manufacturing.text)).toBe(
      '170 kgCO2e (fabrication) × (1 − 0,323 reconditionné) ÷ 5 ans = 23,0 kgCO2e/an',
    )
    expect(manufacturing.result).toBeCloseTo(115.1 / 5, 9)
    const ratio = manufacturing.inputs.find((input) => input.label.includes('reconditionné'))
    expect(ratio?.value).toBeCloseTo(laptopRatio, 12)
    expect(ratio?.source).toContain('54,9 kgCO2e évités par équipement reconditionné (refurbished-laptop)')
    expect(ratio?.source).toContain('170 kgCO2e de fabrication d’un neuf')
    expect(manufacturing.steps[0]?.terms[1]).toMatchObject({ operator: '×', oneMinus: true })
    // Distribution and end of life: a new device's, no mention of it.
    expect(explainItem(prepared, laptop, 'distribution').text).not.toContain('reconditionné')

    const flux2024 = prepareFootprint(base, [], flux(2024))
    const bought = explainItem(
      flux2024,
      item({ condition: 'refurbished', purchaseDate: '2024-02-01' }),
      'manufacturing',
    )
    expect(plainSpaces(bought.text)).toContain(
      '170 kgCO2e (fabrication) × (1 − 0,323 reconditionné) = 115 kgCO2e',
    )
    expect(bought.result).toBeCloseTo(115.1, 9)

    const water = explainItem(prepared, laptop, 'manufacturing', 'water')
    expect(water.result).toBeCloseTo((194000 * (1 - laptopRatio)) / 5, 6)
    expect(water.text).toContain(
      '« Changement climatique », est appliquée telle quelle au critère « Consommation d’eau »',
    )

    const monitor = explainItem(
      prepared,
      item({ type: 'monitor', condition: 'refurbished' }),
      'manufacturing',
    )
    expect(plainSpaces(monitor.text)).toContain(
      '64,6 kgCO2e (fabrication) × (1 − 0,323 reconditionné) ÷ 6 ans',
    )
    expect(monitor.text).toContain('le plus petit ratio de la base (ordinateur portable), hypothèse prudente')
    expect(monitor.inputs.find((input) => input.label.includes('reconditionné'))?.source).toContain(
      'pas de chiffre pour ce type',
    )

    const without = prepareFootprint(
      { ...base, avoidedImpacts: base.avoidedImpacts.filter((avoided) => avoided.kind !== 'refurbished') },
      [],
      stock(2024),
    )
    const asNew = explainItem(without, laptop, 'manufacturing')
    expect(asNew.result).toBe(34)
    expect(asNew.text).toContain('comptée comme un neuf')
  })

  it('say why a figure is zero or not available', () => {
    const prepared = prepareFootprint(base, [], stock(2024))
    expect(explainItem(prepared, item({ purchaseDate: '2025-02-01' }), 'total').text).toContain(
      'acheté après l’année (2025-02-01)',
    )
    const water = explainItem(prepared, item(), 'use', 'water')
    expect(water.result).toBeNull()
    expect(water.text).toContain('Non disponible')
    expect(water.text).toContain('ecoinvent')
    const stored = explainItem(prepared, item({ status: 'in_stock' }), 'use')
    expect(stored).toMatchObject({ result: 0 })
    expect(stored.text).toContain('En stock')
    const floored = explainItem(prepared, item({ lifetimeYears: 0.5, quantity: 2 }), 'manufacturing')
    expect(plainSpaces(floored.text)).toContain(
      '170 kgCO2e (fabrication) ÷ 1 an × 2 (quantité) = 340 kgCO2e/an',
    )
  })

  it('give the engine’s figure for every item, phase and criterion', () => {
    const datacenters: Datacenter[] = [{ shortName: 'DC1', longName: null, pue: 1.3, country: 'FR' }]
    const cases = [
      item({ purchaseDate: '2021-03-15', retirementDate: '2026-09-15', quantity: 2 }),
      item({ type: 'server', datacenter: 'DC1', purchaseDate: '2024-02-01' }),
      item({ type: 'server', datacenter: 'GONE', lifetimeYears: 7 }),
      item({ type: 'monitor', status: 'in_stock', purchaseDate: '2024-11-02' }),
      item({ type: 'network_switch' }),
      item({ type: 'router', annualKwh: 30, country: 'BE' }),
      item({ type: 'other', annualKwh: 5 }),
      item({ type: 'video_projector', purchaseDate: '2010-01-01' }),
      item({ status: 'retired', retirementDate: '2024-07-01', purchaseDate: '2024-03-01' }),
      item({
        condition: 'refurbished',
        purchaseDate: '2024-05-01',
        retirementDate: '2027-11-01',
        quantity: 3,
      }),
      item({ type: 'smartphone', condition: 'refurbished', purchaseDate: '2024-01-01' }),
      item({ type: 'server', condition: 'refurbished', datacenter: 'DC1', lifetimeYears: 6 }),
      item({ type: 'other', condition: 'refurbished', annualKwh: 5 }),
    ]
    for (const options of [stock(2024), flux(2024)]) {
      const prepared = prepareFootprint(base, datacenters, options)
      for (const each of cases) {
        const result = computeFootprint([each], datacenters, base, options)
        for (const criterion of ['climate', 'water'])
          for (const phase of [...footprintPhases, 'total'] as const) {
            const expected = result.total.impacts[criterion]?.[phase].value ?? null
            const explained = explainItem(prepared, each, phase, criterion).result
            if (expected === null) expect(explained, `${each.type} ${phase} ${criterion}`).toBeNull()
            else expect(explained, `${each.type} ${phase} ${criterion}`).toBeCloseTo(expected, 9)
          }
      }
    }
  })

  it('explain totals as the sum of their parts, with counts', () => {
    const items = [
      item({ quantity: 3, site: 'Mairie' }),
      item({ type: 'monitor', quantity: 2, site: 'Mairie' }),
    ]
    const result = computeFootprint(items, [], base, stock(2024))
    const manufacturing = explainGroup(result, base, 'site', 'Mairie', 'manufacturing')
    expect(plainSpaces(manufacturing.text)).toContain(
      '102 kgCO2e (Ordinateur portable : 3 équipements, 1 ligne) + 21,5 kgCO2e (Écran d’ordinateur : 2 équipements, 1 ligne) = 124 kgCO2e',
    )
    expect(manufacturing.parts.map((part) => [part.label, part.quantity])).toEqual([
      ['Ordinateur portable', 3],
      ['Écran d’ordinateur', 2],
    ])
    expect(manufacturing.result).toBeCloseTo(
      climate(result.bySite[0] as FootprintLine, 'manufacturing') as number,
      9,
    )

    const total = explainGroup(result, base, 'total', null, 'total')
    expect(total.parts.map((part) => part.label)).toEqual([
      'fabrication',
      'distribution',
      'usage',
      'fin de vie',
    ])
    expect(total.result).toBeCloseTo(climate(result.total) as number, 9)
    expect(total.text).toContain('5 équipements, 2 lignes')

    const water = explainGroup(result, base, 'total', null, 'use', 'water')
    expect(water.result).toBeNull()
    expect(water.text).toContain('non disponible pour 5 équipements')

    const perAgent = explainPerCapita(
      computeFootprint(items, [], base, { ...stock(2024), agents: 10 }),
      'agent',
    )
    expect(perAgent.text).toMatch(/kgCO2e \(total\) ÷ 10 agents = .* kgCO2e\/agent/)
  })
})

describe('parseFactorBase', () => {
  const source = readFileSync(join(factorBasesDir, 'ademe-negaoctet-2022.1.yaml'), 'utf8')

  /** The line (from 1) of the first line holding a fragment. */
  const lineOf = (text: string, fragment: string) =>
    text.split('\n').findIndex((line) => line.includes(fragment)) + 1

  it('accepts the shipped file', () => {
    const parsed = parseFactorBase(source)
    expect(parsed.ok ? [] : parsed.problems).toEqual([])
  })

  it('refuses a broken file, every problem with its path and line', () => {
    const broken = source
      .replace('lifetimeYears: 2.5', 'lifetimeYears: 0.5')
      .replace('distribution: { climate: 12.3, water: 51.6 }', 'distribution: { climate: 12.3 }')
      .replace(
        'endOfLife: { climate: 6.61, water: null }',
        'endOfLife: { climate: 6.61, water: null, energy: 2 }',
      )
      .replace('  printer:\n', '  imprimante:\n')
      .replace('    FR: ademe-2025', '    FR: ademe-2031')
    const parsed = parseFactorBase(broken)
    if (parsed.ok) throw new Error('expected the file to be refused')
    const byPath = new Map(parsed.problems.map((problem) => [problem.path, problem]))
    expect(byPath.get('devices.smartphone.lifetimeYears')).toMatchObject({
      line: lineOf(broken, 'lifetimeYears: 0.5'),
    })
    expect(byPath.get('devices.laptop.factors.distribution')).toMatchObject({
      line: lineOf(broken, 'distribution: { climate: 12.3 }'),
      message: expect.stringContaining('water'),
    })
    expect(byPath.get('devices.desktop.factors.endOfLife.energy')).toMatchObject({
      line: lineOf(broken, 'energy: 2'),
      message: expect.stringContaining('inconnu'),
    })
    // A block's line is its first entry's, as for the referential.
    expect(byPath.get('devices.imprimante')).toMatchObject({ line: lineOf(broken, '  imprimante:') + 1 })
    expect(parsed.problems.some((problem) => problem.message.includes('« printer » manquant'))).toBe(true)
    expect(byPath.get('electricity.countries.FR')).toMatchObject({
      line: lineOf(broken, 'FR: ademe-2031'),
      message: expect.stringContaining('ademe-2031'),
    })
  })

  it('reports a YAML syntax error with its line', () => {
    const parsed = parseFactorBase(source.replace('title: Base par défaut', 'title: [Base par défaut'))
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problems[0]?.path).toBe('(syntaxe)')
  })
})
