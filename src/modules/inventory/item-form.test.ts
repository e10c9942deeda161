import { describe, expect, it } from 'vitest'
import { translator } from '../../i18n/i18n.js'
import { parseDatacenterForm } from './datacenter-form.js'
import { parseItemForm, valuesOfItem } from './item-form.js'
import { parseTypeMappingForm } from './manage-type-mappings.js'

const t = translator('fr')
const options = {
  datacenters: [{ shortName: 'DC1', longName: null, pue: 1.5, country: 'FR' }],
  t,
  language: 'fr' as const,
  today: '2026-06-30',
}

describe('the inventory line form', () => {
  it('reads a line the way the import reads a row', () => {
    const parsed = parseItemForm(
      {
        type: 'server',
        quantity: '1 200',
        purchaseDate: '01/02/24',
        status: 'retired',
        retirementDate: '2026-01-15',
        disposal: 'reuse_takeback',
        datacenter: 'dc1',
        annualKwh: '1 234,5',
        country: 'BE',
        tags: 'a, b|c, a',
        lifetimeYears: '7',
        condition: 'new',
      },
      options,
    )
    expect(parsed).toEqual({
      ok: true,
      item: {
        type: 'server',
        model: null,
        quantity: 1200,
        site: null,
        service: null,
        tags: ['a', 'b', 'c'],
        purchaseDate: '2024-02-01',
        retirementDate: '2026-01-15',
        status: 'retired',
        condition: 'new',
        disposal: 'reuse_takeback',
        datacenter: 'DC1',
        annualKwh: 1234.5,
        country: 'BE',
        lifetimeYears: 7,
        reference: null,
      },
    })
  })

  it('gives every field its first error at once, and nothing else', () => {
    const parsed = parseItemForm(
      {
        type: 'Ordinateur portable',
        quantity: '0',
        purchaseDate: '2026-07-01',
        status: 'in_use',
        disposal: 'recycling',
        datacenter: 'DC2',
        country: 'FR',
        condition: 'new',
      },
      options,
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    // Only our ids: the form offers a list, free text is the import's business.
    expect(Object.keys(parsed.errors).sort()).toEqual(['datacenter', 'purchaseDate', 'quantity', 'type'])
    expect(parsed.errors.purchaseDate).toContain('dans le futur (nous sommes le 30/06/2026)')
    expect(parsed.values.quantity).toBe('0')
  })

  it('refuses a disposal route for a device still in use', () => {
    const parsed = parseItemForm(
      { type: 'laptop', status: 'in_stock', disposal: 'reuse_sale', country: 'FR', condition: 'new' },
      options,
    )
    expect(parsed.ok ? {} : parsed.errors).toEqual({ disposal: t('inventory.form.disposalNotRetired') })
  })

  it('shows a stored line with a decimal comma in French, a point in English', () => {
    const item = {
      type: 'laptop' as const,
      model: null,
      quantity: 2,
      site: null,
      service: null,
      tags: ['x', 'y'],
      purchaseDate: '2024-01-02',
      retirementDate: null,
      status: 'in_use' as const,
      condition: 'new' as const,
      disposal: null,
      datacenter: null,
      annualKwh: 12.5,
      country: 'FR',
      lifetimeYears: null,
      reference: null,
    }
    expect(valuesOfItem(item, 'fr')).toMatchObject({
      annualKwh: '12,5',
      tags: 'x, y',
      purchaseDate: '2024-01-02',
    })
    expect(valuesOfItem(item, 'en').annualKwh).toBe('12.5')
    const again = parseItemForm(valuesOfItem(item, 'fr'), options)
    expect(again).toEqual({ ok: true, item })
  })
})

describe('the datacenter and type mapping forms', () => {
  it('reads the PUE with a decimal comma and refuses one below 1', () => {
    expect(
      parseDatacenterForm({ shortName: ' DC2 ', pue: '1,45', country: 'FR' }, { t, language: 'fr' }),
    ).toEqual({
      ok: true,
      datacenter: { shortName: 'DC2', longName: null, pue: 1.45, country: 'FR' },
    })
    const bad = parseDatacenterForm(
      { shortName: '', pue: '0,9', country: 'Atlantide' },
      { t, language: 'fr' },
    )
    expect(bad.ok ? [] : Object.keys(bad.errors)).toEqual(['shortName', 'pue', 'country'])
    const missing = parseDatacenterForm({ shortName: 'A', pue: '' }, { t, language: 'fr' })
    expect(missing.ok ? {} : missing.errors).toEqual({ pue: 'Le PUE n’est pas renseigné.' })
  })

  it('needs a label that can match, and one of our types', () => {
    expect(parseTypeMappingForm({ label: '  Poste DELL ', type: 'desktop' }, t)).toEqual({
      ok: true,
      mapping: { label: 'Poste DELL', type: 'desktop' },
    })
    const bad = parseTypeMappingForm({ label: '--', type: 'fridge' }, t)
    expect(bad.ok ? [] : Object.keys(bad.errors)).toEqual(['label', 'type'])
  })
})
