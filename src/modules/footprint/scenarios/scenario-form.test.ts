import { describe, expect, it } from 'vitest'
import { translator } from '../../../i18n/i18n.js'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import type { FactorBase } from '../factor-base.schemas.js'
import { findFactorBase } from '../factor-bases.js'
import { parseScenarioForm, scenarioFormValues } from './scenario-form.js'
import { devicesInUse, scenarioForYear } from './stored-scenario.js'

const base = findFactorBase('ademe-negaoctet-2022') as FactorBase
const t = translator('fr')
const parse = (values: Record<string, string>, agents: number | null = 10) =>
  parseScenarioForm(values, base, { agents, nameRequired: true, t })

describe('scenario form', () => {
  it('reads French numbers and percentages into the scenario format, and back', () => {
    const parsed = parse({
      name: ' Sobriété ',
      'extend-laptop': '1,5',
      'extend-monitor': '0',
      'refurbished-smartphone': '30',
      'fewer-printer': '25',
      'perAgent-tablet': '0,5',
      screenPerAgent: '1',
      electricityFactor: '0,05',
    })
    expect(parsed).toEqual({
      ok: true,
      name: 'Sobriété',
      stored: {
        scenario: {
          name: 'Sobriété',
          extendLifetime: { laptop: 1.5 },
          refurbishedShare: { smartphone: 0.3 },
          fewerDevices: { monitor: { perAgent: 1 }, tablet: { perAgent: 0.5 } },
          electricityFactor: 0.05,
        },
        fewerShare: { printer: 0.25 },
      },
    })
    if (!parsed.ok) return
    expect(
      scenarioFormValues(parsed.name, { ...parsed.stored, base: { id: base.id, version: '1' } }),
    ).toEqual({
      name: 'Sobriété',
      'extend-laptop': '1,5',
      'refurbished-smartphone': '30',
      'fewer-printer': '25',
      'perAgent-tablet': '0,5',
      screenPerAgent: '1',
      electricityFactor: '0,05',
    })
  })

  it('names every bad field at once; per-agent levers need declared agents', () => {
    const parsed = parse(
      {
        name: '',
        'extend-laptop': '21',
        'refurbished-laptop': '-5',
        'fewer-monitor': 'x',
        'perAgent-smartphone': '1',
        electricity: 'ademe-2024',
        electricityFactor: '0,1',
      },
      null,
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(Object.keys(parsed.errors).sort()).toEqual([
      'electricityFactor',
      'extend-laptop',
      'fewer-monitor',
      'name',
      'perAgent-smartphone',
      'refurbished-laptop',
    ])
    expect(parsed.errors['perAgent-smartphone']).toContain('agents')
  })

  it('refuses « un écran par agent » together with another screens-per-agent figure', () => {
    const parsed = parse({ name: 'a', screenPerAgent: '1', 'perAgent-monitor': '2' })
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(Object.keys(parsed.errors)).toEqual(['screenPerAgent'])
  })
})

describe('a stored scenario for a year', () => {
  const items = [
    inventoryItem({ type: 'monitor', quantity: 7, purchaseDate: '2022-01-01' }),
    inventoryItem({ type: 'monitor', quantity: 2, status: 'in_stock' }),
    inventoryItem({ type: 'monitor', quantity: 4, retirementDate: '2024-01-01', status: 'retired' }),
    inventoryItem({ type: 'monitor', quantity: 3, purchaseDate: '2026-02-01' }),
  ]

  it('counts the devices in use as applyScenario does (not stored, not retired before, not bought after)', () => {
    expect(devicesInUse(items, 2025).get('monitor')).toBe(7)
    expect(devicesInUse(items, 2023).get('monitor')).toBe(4 + 7)
  })

  it('turns a share into whole devices, after the per-agent cap', () => {
    const stored = {
      scenario: {},
      fewerShare: { monitor: 0.3 },
      base: { id: base.id, version: base.version },
    }
    // 30 % of 7 = 2.1 → 2.
    expect(scenarioForYear(stored, devicesInUse(items, 2025), null)).toEqual({
      scenario: { fewerDevices: { monitor: { remove: 2 } } },
      removedByShare: { monitor: 2 },
    })
    // One per agent with 5 agents caps 7 to 5; 30 % of 5 = 1.5 → 2.
    const capped = { ...stored, scenario: { fewerDevices: { monitor: { perAgent: 1 } } } }
    expect(scenarioForYear(capped, devicesInUse(items, 2025), 5).scenario).toEqual({
      fewerDevices: { monitor: { perAgent: 1, remove: 2 } },
    })
  })
})
