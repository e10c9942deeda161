import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { inventoryItem } from '../../test-support/inventory-items.js'
import { computeFootprint, type FootprintOptions, type FootprintResult } from './compute-footprint.js'
import type { FactorBase } from './factor-base.schemas.js'
import { findFactorBase } from './factor-bases.js'
import type { InventoryItem } from './inventory-item.js'
import {
  addMonths,
  applyScenario,
  compareScenario,
  derivedRefurbishedRatios,
  parseScenario,
  refurbishedRatioFor,
  type Scenario,
} from './scenarios.js'

const base = findFactorBase('ademe-negaoctet-2022') as FactorBase

const item = (overrides: Partial<InventoryItem> = {}): InventoryItem => inventoryItem(overrides)

const stock = (year: number): FootprintOptions => ({ method: 'stock', year })
const flux = (year: number): FootprintOptions => ({ method: 'flux', year })

/** The base's figures (ADEME / NegaOctet 2022), by hand. */
const laptopEmbodied = 170 + 12.3 + 2.79
const laptopKwh = (26.5 * 3 * 365) / 1000
const laptopUse = laptopKwh * 0.0461
const monitorEmbodied = 64.6 + 1.29 + 3.95
const monitorUse = ((50 * 4 * 365) / 1000) * 0.0461
/** MiNumEco: 54.9 kgCO2e avoided per refurbished laptop, out of 170 kgCO2e of manufacturing. */
const laptopRatio = 54.9 / 170

const climateTotal = (result: FootprintResult) => result.total.impacts.climate?.total.value as number

describe('scenario schema', () => {
  it('accepts every lever, combined, and a name', () => {
    const parsed = parseScenario(
      {
        name: 'Sobriété 2026',
        extendLifetime: { laptop: 1, smartphone: 0.5 },
        refurbishedShare: { laptop: 0.3 },
        fewerDevices: { monitor: { perAgent: 1 }, printer: { remove: 3 } },
        electricityOption: 'ademe-2024',
      },
      base,
    )
    expect(parsed.success).toBe(true)
  })

  it('reports every problem at once, with its path and a French message', () => {
    const parsed = parseScenario(
      {
        extendLifetime: { laptop: -1, tv: 1, tablet: 0.3 },
        refurbishedShare: { smartphone: 1.5 },
        fewerDevices: { monitor: {}, printer: { remove: 1.5 } },
        electricityOption: 'nucleaire-pur',
        colour: 'vert',
      },
      base,
    )
    expect(parsed.success).toBe(false)
    const issues = parsed.error?.issues ?? []
    const byPath = new Map(issues.map((issue) => [issue.path.join('.'), issue.message]))
    expect(byPath.get('extendLifetime.laptop')).toMatch(/positif/)
    expect(byPath.get('extendLifetime.tv')).toMatch(/type « tv » inconnu/)
    expect(byPath.get('extendLifetime.tablet')).toMatch(/mois entiers/)
    expect(byPath.get('refurbishedShare.smartphone')).toMatch(/entre 0 et 1/)
    expect(byPath.get('fewerDevices.monitor')).toMatch(/perAgent ou remove/)
    expect(byPath.get('fewerDevices.printer.remove')).toMatch(/entier/)
    expect(byPath.get('electricityOption')).toMatch(/option « nucleaire-pur » inconnue/)
    // Unknown top-level key: zod's message, in French.
    expect(issues.some((issue) => issue.code === 'unrecognized_keys' && /colour/.test(issue.message))).toBe(
      true,
    )
  })

  it('refuses an electricity option and a factor together, and a negative factor', () => {
    const both = parseScenario({ electricityOption: 'ademe-2024', electricityFactor: 0.05 }, base)
    expect(both.error?.issues.map((issue) => issue.path)).toEqual([['electricityFactor']])
    const negative = parseScenario({ electricityFactor: -0.1 }, base)
    expect(negative.error?.issues[0]?.path).toEqual(['electricityFactor'])
  })

  it('compareScenario throws a ZodError for an invalid scenario', () => {
    expect(() =>
      compareScenario([item()], [], base, stock(2024), { refurbishedShare: { laptop: 2 } } as Scenario),
    ).toThrow(ZodError)
  })
})

describe('addMonths', () => {
  it('moves by whole months, a day past the month’s end becoming its last day', () => {
    expect(addMonths('2025-01-01', 12)).toBe('2026-01-01')
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28')
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15')
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28')
  })
})

describe('extendLifetime', () => {
  it('type default: embodied ÷ 6 instead of ÷ 5 for a 5-year laptop (stock)', () => {
    const items = [item({ purchaseDate: '2020-01-01' })]
    const comparison = compareScenario(items, [], base, stock(2022), { extendLifetime: { laptop: 1 } })
    expect(climateTotal(comparison.baseline)).toBeCloseTo(laptopEmbodied / 5 + laptopUse, 9)
    expect(climateTotal(comparison.scenario)).toBeCloseTo(laptopEmbodied / 6 + laptopUse, 9)
    const avoided = laptopEmbodied / 5 - laptopEmbodied / 6
    expect(comparison.avoided.total.climate?.value).toBeCloseTo(avoided, 9)
    expect(comparison.avoided.total.climate?.percent).toBeCloseTo(
      (avoided / (laptopEmbodied / 5 + laptopUse)) * 100,
      9,
    )
    expect(
      applyScenario(items, { extendLifetime: { laptop: 1 } }, base, { year: 2022 })[0]?.lifetimeYears,
    ).toBe(6)
  })

  it('dates: the retirement date moves N years later (whole months)', () => {
    const dated = item({ purchaseDate: '2020-01-01', retirementDate: '2025-01-01' })
    const [longer] = applyScenario([dated], { extendLifetime: { laptop: 1 } }, base, { year: 2022 })
    expect(longer?.retirementDate).toBe('2026-01-01')
    expect(longer?.lifetimeYears).toBeNull()
    const [half] = applyScenario([dated], { extendLifetime: { laptop: 0.5 } }, base, { year: 2022 })
    expect(half?.retirementDate).toBe('2025-07-01')
    const comparison = compareScenario([dated], [], base, stock(2022), { extendLifetime: { laptop: 0.5 } })
    expect(climateTotal(comparison.scenario)).toBeCloseTo(laptopEmbodied / 5.5 + laptopUse, 9)
  })

  it('the item’s own lifetime: + N', () => {
    const own = item({ purchaseDate: '2021-06-01', lifetimeYears: 4 })
    const comparison = compareScenario([own], [], base, stock(2023), { extendLifetime: { laptop: 2 } })
    expect(climateTotal(comparison.scenario)).toBeCloseTo(laptopEmbodied / 6 + laptopUse, 9)
  })

  it('leaves alone the devices not in use in the year, and the other types', () => {
    const retired = item({ purchaseDate: '2016-01-01', retirementDate: '2021-01-01', status: 'retired' })
    const phone = item({ type: 'smartphone', purchaseDate: '2022-01-01' })
    const changed = applyScenario([retired, phone], { extendLifetime: { laptop: 3 } }, base, { year: 2022 })
    expect(changed[0]).toBe(retired)
    expect(changed[1]).toBe(phone)
    const comparison = compareScenario([retired], [], base, stock(2022), { extendLifetime: { laptop: 3 } })
    expect(comparison.scenario.counted.quantity).toBe(0)
    expect(comparison.avoided.total.climate?.value).toBe(0)
  })

  it('changes nothing in flux, and says so', () => {
    const comparison = compareScenario([item({ purchaseDate: '2024-02-01' })], [], base, flux(2024), {
      extendLifetime: { laptop: 1 },
    })
    expect(comparison.avoided.total.climate?.value).toBeCloseTo(0, 12)
    expect(comparison.notes.join(' ')).toMatch(/flux/)
  })
})

describe('refurbishedShare', () => {
  it('derives the ratio from the MiNumEco figures: avoided ÷ manufacturing of a new device', () => {
    const ratios = derivedRefurbishedRatios(base)
    expect(ratios.map((ratio) => [ratio.type, ratio.origin])).toEqual([
      ['laptop', 'base'],
      ['smartphone', 'base'],
    ])
    expect(ratios[0]?.ratio).toBeCloseTo(laptopRatio, 12)
    expect(ratios[1]?.ratio).toBeCloseTo(25.5 / 77, 12)
    const monitor = refurbishedRatioFor(base, 'monitor')
    expect(monitor).toMatchObject({ origin: 'default' })
    // The smallest of the base's: the laptop's.
    expect(monitor?.ratio).toBeCloseTo(laptopRatio, 12)
  })

  it('flux: half of 2 laptops bought in the year avoid 54.9 kgCO2e (one refurbished laptop)', () => {
    const items = [
      item({ quantity: 2, purchaseDate: '2024-03-01' }),
      item({ purchaseDate: '2023-05-01' }), // bought before: no embodied in flux, untouched
    ]
    const comparison = compareScenario(items, [], base, flux(2024), { refurbishedShare: { laptop: 0.5 } })
    expect(comparison.avoided.total.climate?.value).toBeCloseTo(54.9, 9)
    expect(comparison.scenario.total.impacts.climate?.manufacturing.value).toBeCloseTo(2 * 170 - 54.9, 9)
    // Water: the same ratio, on the laptop's manufacturing water.
    expect(comparison.avoided.total.water?.value).toBeCloseTo(0.5 * 2 * laptopRatio * 194000, 6)
    expect(comparison.refurbishedRatios).toHaveLength(1)
    expect(comparison.refurbishedRatios[0]?.basis).toMatch(/54,9 kgCO2e/)
  })

  it('stock: the avoided manufacturing is spread over the lifetime; earlier purchases untouched', () => {
    const items = [item({ quantity: 2, purchaseDate: '2024-03-01' }), item({ purchaseDate: '2021-05-01' })]
    const comparison = compareScenario(items, [], base, stock(2024), { refurbishedShare: { laptop: 0.5 } })
    expect(comparison.avoided.total.climate?.value).toBeCloseTo(54.9 / 5, 9)
  })

  it('a type without MiNumEco figure uses the default ratio; devices already refurbished are left', () => {
    const items = [
      item({ type: 'monitor', purchaseDate: '2024-01-10' }),
      item({ type: 'monitor', purchaseDate: '2024-01-10', condition: 'refurbished' }),
    ]
    const comparison = compareScenario(items, [], base, flux(2024), { refurbishedShare: { monitor: 1 } })
    expect(comparison.avoided.total.climate?.value).toBeCloseTo(laptopRatio * 64.6, 9)
  })

  it('gives the engine’s own figures: flux, all bought in the year = a base with less manufacturing', () => {
    const items = [
      item({ quantity: 3, purchaseDate: '2024-01-15', site: 'Mairie', service: 'RH', tags: ['a', 'b'] }),
      item({ quantity: 2, purchaseDate: '2024-06-01', site: 'École', service: 'RH' }),
      item({ type: 'monitor', quantity: 4, purchaseDate: '2024-02-01', site: 'École', tags: ['a'] }),
    ]
    const share = 0.4
    const comparison = compareScenario(
      items,
      [],
      base,
      { ...flux(2024), agents: 10 },
      {
        refurbishedShare: { laptop: share },
      },
    )
    const derived = structuredClone(base)
    const factors = derived.devices.laptop.factors
    if (!factors) throw new Error('laptop without factors')
    for (const criterion of Object.keys(factors.manufacturing)) {
      const value = factors.manufacturing[criterion]
      if (value !== null && value !== undefined)
        factors.manufacturing[criterion] = value * (1 - share * laptopRatio)
    }
    const expected = computeFootprint(items, [], derived, { ...flux(2024), agents: 10 })
    const figures = (result: FootprintResult) =>
      [result.total, ...result.byType, ...result.bySite, ...result.byService, ...result.byTag].flatMap(
        (line) =>
          ['climate', 'water'].flatMap((criterion) =>
            (['manufacturing', 'distribution', 'use', 'endOfLife', 'total'] as const).map(
              (phase) => line.impacts[criterion]?.[phase].value ?? null,
            ),
          ),
      )
    const actual = figures(comparison.scenario)
    figures(expected).forEach((value, index) => {
      if (value === null) expect(actual[index]).toBeNull()
      else expect(actual[index]).toBeCloseTo(value, 6)
    })
    expect(comparison.scenario.perAgent?.values.climate).toBeCloseTo(
      expected.perAgent?.values.climate as number,
      9,
    )
  })
})

describe('refurbishedShare and the refurbished devices of the inventory', () => {
  const items = [
    item({ quantity: 4, purchaseDate: '2024-01-15', site: 'Mairie', service: 'RH', tags: ['a'] }),
    item({ quantity: 2, purchaseDate: '2024-03-01', site: 'Mairie', condition: 'refurbished', tags: ['a'] }),
    item({ quantity: 3, purchaseDate: '2021-06-01', site: 'École', condition: 'refurbished' }),
    item({ type: 'monitor', quantity: 5, purchaseDate: '2024-09-01', site: 'École', service: 'RH' }),
    item({ type: 'monitor', quantity: 1, purchaseDate: '2024-09-01', condition: 'refurbished' }),
    item({ type: 'smartphone', quantity: 6, purchaseDate: '2024-02-01', lifetimeYears: 3 }),
  ]
  const shares = { laptop: 0.25, monitor: 0.4, smartphone: 1 }

  /** The lever by hand: each line bought new in the year split into new and refurbished parts. */
  const split = (inventory: InventoryItem[]) =>
    inventory.flatMap((line) => {
      const share = shares[line.type as keyof typeof shares]
      const boughtInYear = line.purchaseDate?.startsWith('2024') === true
      if (share === undefined || line.condition === 'refurbished' || !boughtInYear) return [line]
      return [
        { ...line, quantity: line.quantity * (1 - share) },
        { ...line, quantity: line.quantity * share, condition: 'refurbished' as const },
      ]
    })

  for (const options of [stock(2024), flux(2024)])
    it(`equals the engine on the inventory split into new and refurbished lines (${options.method})`, () => {
      const comparison = compareScenario(items, [], base, options, { refurbishedShare: shares })
      const expected = computeFootprint(split(items), [], base, options)
      const figures = (result: FootprintResult) =>
        [result.total, ...result.byType, ...result.bySite, ...result.byService, ...result.byTag].flatMap(
          (line) =>
            ['climate', 'water'].flatMap((criterion) =>
              (['manufacturing', 'distribution', 'use', 'endOfLife', 'total'] as const).map(
                (phase) => line.impacts[criterion]?.[phase].value ?? null,
              ),
            ),
        )
      const actual = figures(comparison.scenario)
      figures(expected).forEach((value, index) => {
        if (value === null) expect(actual[index]).toBeNull()
        else expect(actual[index]).toBeCloseTo(value, 6)
      })
      // The inventory's lines and whole quantities are kept (a split would count more lines).
      expect(comparison.scenario.counted).toEqual(comparison.baseline.counted)
    })

  it('does not count twice the devices already refurbished (the engine has reduced them)', () => {
    const refurbished = items.filter((line) => line.condition === 'refurbished')
    const comparison = compareScenario(refurbished, [], base, flux(2024), { refurbishedShare: shares })
    expect(comparison.avoided.total.climate?.value).toBe(0)
    expect(comparison.scenario).toEqual(comparison.baseline)
    // The baseline already counts them refurbished: 2 laptops and 1 monitor bought in 2024.
    expect(comparison.baseline.total.impacts.climate?.manufacturing.value).toBeCloseTo(
      2 * (170 - 54.9) + 64.6 * (1 - laptopRatio),
      9,
    )
    expect(comparison.refurbishedRatios.map((ratio) => [ratio.type, ratio.origin, ratio.from])).toEqual([
      ['laptop', 'base', 'laptop'],
      ['monitor', 'default', 'laptop'],
      ['smartphone', 'base', 'smartphone'],
    ])
  })
})

describe('fewerDevices', () => {
  const monitors = [
    item({ type: 'monitor', quantity: 2, site: 'B' }),
    item({ type: 'monitor', quantity: 4, site: 'A' }),
    item({ type: 'monitor', quantity: 5, status: 'in_stock' }),
    item({
      type: 'monitor',
      quantity: 3,
      purchaseDate: '2010-01-01',
      retirementDate: '2020-01-01',
      status: 'retired',
    }),
  ]
  const perMonitor = monitorEmbodied / 6 + monitorUse

  it('perAgent caps the devices in use; the largest lines are cut first', () => {
    const changed = applyScenario(monitors, { fewerDevices: { monitor: { perAgent: 1 } } }, base, {
      year: 2024,
      agents: 3,
    })
    // 6 in use (2 + 4; stored and retired-before do not count), capped to 3: the line of 4 loses 3.
    expect(changed.map((line) => line.quantity)).toEqual([2, 1, 5, 3])
    const comparison = compareScenario(
      monitors,
      [],
      base,
      { ...stock(2024), agents: 3 },
      {
        fewerDevices: { monitor: { perAgent: 1 } },
      },
    )
    expect(comparison.avoided.total.climate?.value).toBeCloseTo(3 * perMonitor, 9)
    expect(comparison.avoided.byType).toHaveLength(1)
    expect(comparison.avoided.byType[0]?.impacts.climate?.value).toBeCloseTo(3 * perMonitor, 9)
  })

  it('remove takes N more after the cap; lines cut to 0 are dropped', () => {
    const changed = applyScenario(monitors, { fewerDevices: { monitor: { perAgent: 1, remove: 2 } } }, base, {
      year: 2024,
      agents: 3,
    })
    // 3 over the cap + 2 = 5: the line of 4 goes, the line of 2 keeps 1.
    expect(changed.map((line) => line.quantity)).toEqual([1, 5, 3])
    const all = applyScenario(monitors, { fewerDevices: { monitor: { remove: 100 } } }, base, { year: 2024 })
    expect(all.map((line) => line.quantity)).toEqual([5, 3])
  })

  it('equal lines: the first in the inventory is cut first; a per-agent cap is floored', () => {
    const equal = [
      item({ type: 'printer', quantity: 2, site: 'X' }),
      item({ type: 'printer', quantity: 2, site: 'Y' }),
    ]
    expect(
      applyScenario(equal, { fewerDevices: { printer: { remove: 1 } } }, base, { year: 2024 }).map(
        (line) => line.quantity,
      ),
    ).toEqual([1, 2])
    // 0.5 per agent × 3 agents = 1.5: at most 1 printer.
    expect(
      applyScenario(equal, { fewerDevices: { printer: { perAgent: 0.5 } } }, base, {
        year: 2024,
        agents: 3,
      }).map((line) => line.quantity),
    ).toEqual([1])
  })

  it('perAgent needs the number of agents', () => {
    expect(() =>
      compareScenario(monitors, [], base, stock(2024), { fewerDevices: { monitor: { perAgent: 1 } } }),
    ).toThrow(/agents/)
  })
})

describe('electricity', () => {
  const laptop = [item({ purchaseDate: '2022-01-01' })]

  it('a factor of 0 removes the use phase', () => {
    const comparison = compareScenario(laptop, [], base, stock(2024), { electricityFactor: 0 })
    expect(comparison.avoided.total.climate?.value).toBeCloseTo(laptopUse, 9)
    expect(comparison.scenario.total.impacts.climate?.use.value).toBe(0)
    expect(comparison.electricity?.perKwh).toEqual({ climate: 0 })
  })

  it('a named option of the base replaces France’s factor; a higher one gives a negative avoided', () => {
    const comparison = compareScenario(laptop, [], base, stock(2024), {
      electricityOption: 'base-impacts-2-01',
    })
    expect(comparison.avoided.total.climate?.value).toBeCloseTo(-laptopKwh * (0.0813225 - 0.0461), 9)
    expect(comparison.avoided.total.climate?.percent as number).toBeLessThan(0)
    expect(comparison.notes.join(' ')).toMatch(/Base IMPACTS/)
  })
})

describe('combined levers', () => {
  it('+1 year, half refurbished and no-carbon electricity on a laptop bought in the year (stock)', () => {
    const laptop = [item({ purchaseDate: '2024-04-01' })]
    const comparison = compareScenario(laptop, [], base, stock(2024), {
      name: 'tout',
      extendLifetime: { laptop: 1 },
      refurbishedShare: { laptop: 0.5 },
      electricityFactor: 0,
    })
    expect(climateTotal(comparison.scenario)).toBeCloseTo((laptopEmbodied - 0.5 * 54.9) / 6, 9)
    expect(comparison.definition.name).toBe('tout')
  })

  it('levers that can only reduce never give a negative avoided, and percent = avoided ÷ baseline', () => {
    const items = [
      item({ quantity: 3, purchaseDate: '2024-01-15', site: 'Mairie' }),
      item({ quantity: 2, purchaseDate: '2021-06-01', retirementDate: '2025-06-01', status: 'retired' }),
      item({ type: 'smartphone', quantity: 10, purchaseDate: '2024-03-01' }),
      item({ type: 'monitor', quantity: 8, purchaseDate: '2019-01-01' }),
      item({ type: 'server', quantity: 2, purchaseDate: '2023-01-01', annualKwh: 3000 }),
      item({ type: 'other', quantity: 4 }),
      item({ type: 'printer', quantity: 2, purchaseDate: '2014-01-01', retirementDate: '2020-01-01' }),
    ]
    const scenario: Scenario = {
      extendLifetime: { laptop: 2, smartphone: 1, monitor: 1, server: 1 },
      refurbishedShare: { laptop: 0.5, smartphone: 1, monitor: 0.2 },
      fewerDevices: { monitor: { perAgent: 1 }, smartphone: { remove: 3 } },
      electricityOption: 'ademe-2025',
    }
    for (const options of [stock(2024), flux(2024)]) {
      const comparison = compareScenario(items, [], base, { ...options, agents: 5 }, scenario)
      for (const line of [{ impacts: comparison.avoided.total }, ...comparison.avoided.byType])
        for (const [criterion, figure] of Object.entries(line.impacts)) {
          if (figure.value === null) continue
          expect(figure.value, criterion).toBeGreaterThanOrEqual(-1e-9)
        }
      const baseline = climateTotal(comparison.baseline)
      const avoided = comparison.avoided.total.climate
      expect(avoided?.value).toBeCloseTo(baseline - climateTotal(comparison.scenario), 9)
      expect(avoided?.percent).toBeCloseTo(((avoided?.value as number) / baseline) * 100, 9)
      expect(avoided?.value as number).toBeGreaterThan(0)
    }
  })

  it('a scenario without levers avoids nothing', () => {
    const comparison = compareScenario([item({ purchaseDate: '2024-01-01' })], [], base, stock(2024), {})
    expect(comparison.avoided.total.climate).toEqual({ value: 0, percent: 0 })
    expect(comparison.scenario).toEqual(comparison.baseline)
  })
})
