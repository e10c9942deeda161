import { describe, expect, it } from 'vitest'
import { demoInventoryItems } from './demo-inventory.js'

describe('the demo inventory', () => {
  const today = '2026-06-15'
  const items = demoInventoryItems(today)

  it('is about 1,200 lines and over 2,000 devices, the same on every call', () => {
    expect(items.length).toBeGreaterThanOrEqual(1100)
    expect(items.length).toBeLessThanOrEqual(1300)
    expect(items.reduce((sum, item) => sum + item.quantity, 0)).toBeGreaterThan(2000)
    expect(demoInventoryItems(today)).toEqual(items)
  })

  it('has retired devices of last year and this year with disposal routes, and refurbished ones', () => {
    const retired = items.filter((item) => item.status === 'retired')
    expect(retired.length).toBeGreaterThan(40)
    expect(retired.every((item) => item.disposal !== null && item.retirementDate !== null)).toBe(true)
    expect(retired.some((item) => item.retirementDate?.startsWith('2025'))).toBe(true)
    expect(retired.some((item) => item.retirementDate?.startsWith('2026'))).toBe(true)
    const routes = new Set(retired.map((item) => item.disposal))
    for (const route of ['reuse_transfer', 'reuse_sale', 'reuse_donation', 'reuse_takeback', 'recycling'])
      expect(routes).toContain(route)
    expect(items.filter((item) => item.condition === 'refurbished').length).toBeGreaterThan(30)
    expect(items.filter((item) => item.status !== 'retired').every((item) => item.disposal === null)).toBe(
      true,
    )
  })

  it('never has a date after today nor a retirement before the purchase', () => {
    for (const item of items) {
      expect(item.purchaseDate !== null && item.purchaseDate <= today).toBe(true)
      if (item.retirementDate !== null) {
        expect(item.retirementDate <= today).toBe(true)
        expect(item.retirementDate >= (item.purchaseDate as string)).toBe(true)
      }
    }
  })

  it('hosts servers and storage in the two datacenters', () => {
    const hosted = items.filter((item) => item.type === 'server' || item.type === 'storage')
    expect(new Set(hosted.map((item) => item.datacenter))).toEqual(new Set(['SALLE-HDV', 'HEBERGEUR']))
  })
})
