import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inventoryItem } from '../../../test-support/inventory-items.js'
import { openTestDatabase, type TestDatabase, testDialects } from '../../../test-support/test-databases.js'
import { insertTestWorkspace } from '../../../test-support/test-workspaces.js'
import type { InventoryItem } from '../../footprint/inventory-item.js'
import { freezeFootprintResult } from '../../footprint/results/frozen-results.js'
import { computeWorkspaceFootprint } from '../../footprint/workspace-footprint.js'
import { insertItem, insertItems } from '../../inventory/inventory.queries.js'
import { currentReferential } from '../../referential/referential.store.js'
import {
  type ComputedIndicatorValue,
  computedIndicatorValues,
  roundReading as r,
} from './computed-indicators.js'
import { indicatorReadings } from './indicator-readings.js'
import { saveIndicatorValue } from './indicator-values.queries.js'

/**
 * A small inventory whose figures can be worked out by hand:
 * - in use: 10 laptops (2022), 5 monitors (2021), 2 smartphones (2023), 1 server (2020);
 * - retired in 2024: 4 desktops bought 2018-03-01, retired 2024-03-01 (6 years), given away (reuse);
 *   6 laptops bought 2016-01-01, retired 2024-07-01 (8.5 years), recycled; 2 monitors without a
 *   purchase date retired 2024-09-01, route unknown.
 */
const items: InventoryItem[] = [
  inventoryItem({ type: 'laptop', quantity: 10, purchaseDate: '2022-01-15' }),
  inventoryItem({ type: 'monitor', quantity: 5, purchaseDate: '2021-06-01' }),
  inventoryItem({ type: 'smartphone', quantity: 2, purchaseDate: '2023-03-01' }),
  inventoryItem({ type: 'server', quantity: 1, purchaseDate: '2020-01-01' }),
  inventoryItem({
    type: 'desktop',
    quantity: 4,
    purchaseDate: '2018-03-01',
    retirementDate: '2024-03-01',
    status: 'retired',
    disposal: 'reuse_donation',
  }),
  inventoryItem({
    type: 'laptop',
    quantity: 6,
    purchaseDate: '2016-01-01',
    retirementDate: '2024-07-01',
    status: 'retired',
    disposal: 'recycling',
  }),
  inventoryItem({
    type: 'monitor',
    quantity: 2,
    retirementDate: '2024-09-01',
    status: 'retired',
    disposal: 'unknown',
  }),
]

const agents = 100

describe.each(testDialects())('computed indicator values on %s', (dialect) => {
  let database: TestDatabase
  let dataDir: string
  let workspaceId: number
  let withoutAgents: number
  let empty: number

  const findValue = (
    values: ComputedIndicatorValue[],
    indicatorId: string,
    year: number,
    measureId?: string,
  ) =>
    values.find(
      (value) => value.indicatorId === indicatorId && value.year === year && value.measureId === measureId,
    )

  beforeAll(async () => {
    database = await openTestDatabase(dialect)
    dataDir = mkdtempSync(join(tmpdir(), 'jalons-indicators-'))
    workspaceId = (await insertTestWorkspace(database.db, { agents })).workspaceId
    withoutAgents = (await insertTestWorkspace(database.db, { agents: null })).workspaceId
    empty = (await insertTestWorkspace(database.db, { agents })).workspaceId
    await insertItems(database.db, workspaceId, items)
    await insertItems(database.db, withoutAgents, items)
    // 2024: submitted, question A1.E1.Q3 (indicator 1.3) at level 2, A3.E1.Q4 (7.5) left without a
    // level; 2025: a draft, which says nothing yet.
    const now = new Date().toISOString()
    for (const [year, status] of [
      [2024, 'submitted'],
      [2025, 'draft'],
    ] as const) {
      const assessment = await database.db
        .insertInto('assessments')
        .values({
          workspace_id: workspaceId,
          year,
          referential_version: (await currentReferential(database.db)).version,
          status,
          created_at: now,
          created_by: null,
          updated_at: now,
          submitted_at: status === 'submitted' ? now : null,
          submitted_by: null,
          tier: null,
          peer_kind: null,
          population_band: null,
          score: null,
          letter: null,
          scores: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await database.db
        .insertInto('assessment_answers')
        .values([
          {
            assessment_id: assessment.id,
            question_id: 'A1.E1.Q3',
            level: year === 2024 ? 2 : 3,
            comment: null,
            evidence_url: null,
            updated_at: now,
            updated_by: null,
          },
          {
            assessment_id: assessment.id,
            question_id: 'A3.E1.Q4',
            level: null,
            comment: null,
            evidence_url: null,
            updated_at: now,
            updated_by: null,
          },
        ])
        .execute()
    }
  })
  afterAll(async () => {
    await database.dispose()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('computes the footprint total and its measures from the workspace footprint', async () => {
    const values = await computedIndicatorValues(database.db, workspaceId, [2024, 2025], { measures: true })
    for (const year of [2024, 2025]) {
      const footprint = await computeWorkspaceFootprint(database.db, workspaceId, { year })
      const climate = footprint.total.impacts.climate
      const kg = climate?.total.value as number
      expect(kg).toBeGreaterThan(0)
      expect(findValue(values, '4.1', year)).toMatchObject({ value: r(kg / 1000), unit: 'tCO2e' })
      expect(findValue(values, '4.1', year, 'total')?.value).toBe(r(kg / 1000))
      expect(findValue(values, '4.1', year, 'manufacturing')?.value).toBe(
        r((climate?.manufacturing.value as number) / 1000),
      )
      expect(findValue(values, '4.1', year, 'use')?.value).toBe(r((climate?.use.value as number) / 1000))
      expect(findValue(values, '4.1', year, 'per_agent')).toMatchObject({ unit: 'kgCO2e/agent' })
      expect(findValue(values, '4.1', year, 'per_agent')?.value).toBe(r(kg / agents))
    }
    const total = findValue(values, '4.1', 2024)
    expect(total?.explanationHref).toBe(
      `/espace/${workspaceId}/empreinte/explication?annee=2024&methode=stock&critere=climate`,
    )
    expect(total?.source).toContain('méthode stock')
    expect(findValue(values, '4.1', 2024, 'per_agent')?.explanationHref).toContain('par=agent')
    // Measures only when asked: a caller keying by indicator and year never sees them.
    const plain = await computedIndicatorValues(database.db, workspaceId, [2024])
    expect(plain.filter((value) => value.measureId !== undefined)).toEqual([])
  })

  it('counts computers, monitors, smartphones and tablets per agent', async () => {
    const values = await computedIndicatorValues(database.db, workspaceId, [2024, 2025])
    // 2024: 10 + 6 laptops, 5 + 2 monitors, 2 smartphones, 4 desktops (the server is not counted).
    expect(findValue(values, '4.2', 2024)).toMatchObject({ value: r(29 / agents), unit: 'nombre / agent' })
    // 2025: the devices retired in 2024 are gone.
    expect(findValue(values, '4.2', 2025)?.value).toBe(r(17 / agents))
    expect(findValue(values, '4.2', 2025)?.explanationHref).toBe(
      `/espace/${workspaceId}/empreinte?annee=2025&methode=stock`,
    )
  })

  it('computes the mean age at retirement and the reuse rate of the year', async () => {
    const values = await computedIndicatorValues(database.db, workspaceId, [2024, 2025], { locale: 'en' })
    // (4 × 6 + 6 × 8.5) ÷ 10; the monitors have no purchase date.
    expect(findValue(values, '4.3', 2024)).toMatchObject({ value: 7.5, unit: 'années' })
    expect(findValue(values, '4.3', 2024)?.source).toBe(
      'Inventory: 10 devices retired in 2024 with their purchase and retirement dates',
    )
    // 4 reused out of 12 retired (the monitors count, their route unknown).
    expect(findValue(values, '6.1', 2024)?.value).toBe(r((4 / 12) * 100))
    expect(findValue(values, '6.1', 2024)?.explanationHref).toBe(
      `/espace/${workspaceId}/empreinte/reemploi?annee=2024`,
    )
    // Nothing retired in 2025: no value rather than a zero.
    expect(findValue(values, '4.3', 2025)).toBeUndefined()
    expect(findValue(values, '6.1', 2025)).toBeUndefined()
  })

  it('reads the levels of the submitted self-assessment only', async () => {
    const values = await computedIndicatorValues(database.db, workspaceId, [2024, 2025])
    expect(findValue(values, '1.3', 2024)).toMatchObject({
      value: 2,
      unit: 'score 0-3',
      explanationHref: `/espace/${workspaceId}/autodiagnostic/2024/resultats`,
    })
    // No level given; a draft year.
    expect(findValue(values, '7.5', 2024)).toBeUndefined()
    expect(findValue(values, '1.3', 2025)).toBeUndefined()
  })

  it('gives nothing without the data: no inventory, no declared agents', async () => {
    expect(await computedIndicatorValues(database.db, empty, [2024, 2025])).toEqual([])
    const values = await computedIndicatorValues(database.db, withoutAgents, [2024], { measures: true })
    expect(findValue(values, '4.1', 2024)).toBeDefined()
    expect(findValue(values, '4.1', 2024, 'per_agent')).toBeUndefined()
    expect(findValue(values, '4.2', 2024)).toBeUndefined()
  })

  it('computes only the indicators asked for', async () => {
    const values = await computedIndicatorValues(database.db, workspaceId, [2024], { indicatorIds: ['6.1'] })
    expect(values.map((value) => value.indicatorId)).toEqual(['6.1'])
  })

  it('takes a frozen year as frozen, whatever the inventory became since', async () => {
    const frozen = await freezeFootprintResult(database.db, {
      workspaceId: withoutAgents,
      year: 2023,
      method: 'stock',
      actorId: null,
    })
    await insertItem(
      database.db,
      withoutAgents,
      inventoryItem({ type: 'server', quantity: 20, purchaseDate: '2019-01-01' }),
    )
    const values = await computedIndicatorValues(database.db, withoutAgents, [2023, 2024])
    const frozenValue = findValue(values, '4.1', 2023)
    expect(frozenValue?.value).toBe(r((frozen.result.total.impacts.climate?.total.value as number) / 1000))
    expect(frozenValue?.explanationHref).toContain('bilan=1')
    expect(frozenValue?.source).toContain('Bilan 2023 figé')
    const live = await computeWorkspaceFootprint(database.db, withoutAgents, { year: 2024 })
    expect(findValue(values, '4.1', 2024)?.value).toBe(
      r((live.total.impacts.climate?.total.value as number) / 1000),
    )
    expect(frozenValue?.value).not.toBe(findValue(values, '4.1', 2024)?.value)
  })

  it('reads entered values over computed ones, in readings and histories', async () => {
    const referential = await currentReferential(database.db)
    await saveIndicatorValue(database.db, dataDir, {
      workspaceId,
      indicatorId: '4.2',
      year: 2024,
      value: 0.5,
      source: 'Service informatique',
      comment: 'Recompté à la main',
      evidenceUrl: 'https://example.org/parc',
      actorId: null,
    })
    const readings = await indicatorReadings(
      database.db,
      referential,
      workspaceId,
      [2024, 2025],
      ['4.2', '6.1'],
    )
    expect(readings).toEqual([
      {
        indicatorId: '4.2',
        year: 2024,
        value: 0.5,
        unit: 'nombre / agent',
        origin: 'entered',
        source: 'Service informatique',
        comment: 'Recompté à la main',
        explanationHref: null,
        hasEvidence: true,
        evidenceUrl: 'https://example.org/parc',
        evidenceFileName: null,
      },
      expect.objectContaining({ indicatorId: '4.2', year: 2025, value: r(17 / agents), origin: 'computed' }),
      expect.objectContaining({ indicatorId: '6.1', year: 2024, origin: 'computed' }),
    ])
    const history = await indicatorReadings(
      database.db,
      referential,
      workspaceId,
      [2023, 2024, 2025],
      ['4.2'],
    )
    expect(history.map(({ year, value }) => ({ year, value }))).toEqual([
      { year: 2023, value: r(29 / agents) },
      { year: 2024, value: 0.5 },
      { year: 2025, value: r(17 / agents) },
    ])
  })
})

describe('roundReading', () => {
  it('keeps one decimal from 10 up and two below, as a person types a figure', () => {
    expect(r(65.469)).toBe(65.5)
    expect(r(1234.56)).toBe(1234.6)
    expect(r(1.8963)).toBe(1.9)
    expect(r(0.456)).toBe(0.46)
    expect(r(-12.34)).toBe(-12.3)
  })
})
