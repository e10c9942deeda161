/**
 * The add/edit form of one inventory line: form fields → an InventoryItem, or an error per field.
 *
 * The checks are the file import's own: the form's fields go through the import's ItemBuilder (the
 * same value readers, the same rules on quantity, dates, lifetime, country, with the same
 * messages), so a line typed by hand obeys exactly what a line of a file does. The form adds what
 * only makes sense here: the datacenter must be one of the workspace's, a disposal route only for
 * a retired device, and a bound on text lengths.
 */
import type { Translate } from '../../i18n/i18n.js'
import type { FieldErrors } from '../../ui/forms.js'
import type { ItemField } from '../footprint/import/formats.js'
import { datacenterKey, ItemBuilder } from '../footprint/import/item-builder.js'
import { frenchDateText, frenchNumberText, readDate } from '../footprint/import/values.js'
import type { Language } from '../footprint/import/vocabulary.js'
import type { Datacenter, InventoryItem } from '../footprint/inventory-item.js'

export const itemFormFields = [
  'type',
  'model',
  'quantity',
  'site',
  'service',
  'tags',
  'purchaseDate',
  'retirementDate',
  'status',
  'condition',
  'disposal',
  'datacenter',
  'annualKwh',
  'country',
  'lifetimeYears',
  'reference',
] as const satisfies readonly ItemField[]
export type ItemFormField = (typeof itemFormFields)[number]
export type ItemFormValues = Record<ItemFormField, string>

/** Longest text kept in a free-text field: a model or a site name, not a document. */
export const maxTextLength = 200
const textFields: readonly ItemFormField[] = ['model', 'site', 'service', 'tags', 'reference']

export type ItemFormResult =
  | { ok: true; item: InventoryItem }
  | { ok: false; errors: FieldErrors; values: ItemFormValues }

export function itemFormValues(input: Record<string, string | undefined>): ItemFormValues {
  const values = {} as ItemFormValues
  for (const field of itemFormFields) values[field] = input[field] ?? ''
  return values
}

export function parseItemForm(
  input: Record<string, string | undefined>,
  options: {
    datacenters: readonly Datacenter[]
    t: Translate
    language: Language
    /** `yyyy-mm-dd`; today in France by default. */
    today?: string
  },
): ItemFormResult {
  const values = itemFormValues(input)
  // Only our type ids are accepted (an empty table: the type names alone): the form offers a list.
  const builder = new ItemBuilder({
    language: options.language,
    typeMapping: [],
    ...(options.today ? { today: options.today } : {}),
  })
  const row = builder.build(
    {
      text: (field) => (field === 'manufacturer' ? null : values[field as ItemFormField]),
      column: (field) => field,
    },
    0,
  )
  const errors: FieldErrors = {}
  const add = (field: string, message: string) => {
    // One message per field, the first: the summary stays short, and fixing it shows the next.
    if (!errors[field]) errors[field] = message
  }
  for (const error of row.errors) add(error.column ?? 'type', error.message)

  for (const field of textFields)
    if (values[field].trim().length > maxTextLength)
      add(field, options.t('inventory.form.tooLong', { max: maxTextLength }))

  const datacenterText = values.datacenter.trim()
  let datacenter: string | null = null
  if (datacenterText !== '') {
    const known = options.datacenters.find(
      (candidate) => datacenterKey(candidate.shortName) === datacenterKey(datacenterText),
    )
    if (known) datacenter = known.shortName
    else add('datacenter', options.t('inventory.form.unknownDatacenter', { name: datacenterText }))
  }

  if (row.item && row.item.disposal !== null && row.item.status !== 'retired')
    add('disposal', options.t('inventory.form.disposalNotRetired'))

  if (!row.item || Object.keys(errors).length > 0) {
    // A readable date goes back as yyyy-mm-dd, the only value a date field shows.
    for (const field of ['purchaseDate', 'retirementDate'] as const) {
      const read = readDate(values[field])
      if (read.ok && read.value !== null) values[field] = read.value
    }
    return { ok: false, errors, values }
  }
  const { line: _line, ...item } = row.item
  return { ok: true, item: { ...item, datacenter } }
}

/** A stored item as the form shows it: dates and decimals the way the visitor writes them. */
export function valuesOfItem(item: InventoryItem, language: Language): ItemFormValues {
  const decimal = (value: number | null) =>
    value === null ? '' : language === 'fr' ? frenchNumberText(value) : String(value)
  return {
    type: item.type,
    model: item.model ?? '',
    quantity: String(item.quantity),
    site: item.site ?? '',
    service: item.service ?? '',
    tags: item.tags.join(', '),
    purchaseDate: item.purchaseDate ?? '',
    retirementDate: item.retirementDate ?? '',
    status: item.status,
    condition: item.condition,
    disposal: item.disposal ?? '',
    datacenter: item.datacenter ?? '',
    annualKwh: decimal(item.annualKwh),
    country: item.country,
    lifetimeYears: decimal(item.lifetimeYears),
    reference: item.reference ?? '',
  }
}

/** A date for a list: `dd/mm/yyyy` in French, ISO in English (as our files write them). */
export function shortDate(iso: string | null, language: Language): string {
  if (iso === null) return '—'
  return language === 'fr' ? frenchDateText(iso) : iso
}
