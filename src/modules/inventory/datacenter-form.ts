/**
 * The datacenter form: short name, long name, PUE, country. The PUE and the country are read as
 * the NumEcoEval datacenter file's are (decimal comma accepted, PUE ≥ 1, same messages).
 */
import type { Translate } from '../../i18n/i18n.js'
import type { FieldErrors } from '../../ui/forms.js'
import { importMessages } from '../footprint/import/messages.js'
import { frenchNumberText, readDecimal, readText } from '../footprint/import/values.js'
import { type Language, readCountry } from '../footprint/import/vocabulary.js'
import type { Datacenter } from '../footprint/inventory-item.js'

export const maxDatacenterNameLength = 100

export interface DatacenterFormValues {
  shortName: string
  longName: string
  pue: string
  country: string
}

export type DatacenterFormResult =
  | { ok: true; datacenter: Datacenter }
  | { ok: false; errors: FieldErrors; values: DatacenterFormValues }

export function datacenterFormValues(input: Record<string, string | undefined>): DatacenterFormValues {
  return {
    shortName: input.shortName ?? '',
    longName: input.longName ?? '',
    pue: input.pue ?? '',
    country: input.country ?? '',
  }
}

export function parseDatacenterForm(
  input: Record<string, string | undefined>,
  options: { t: Translate; language: Language },
): DatacenterFormResult {
  const values = datacenterFormValues(input)
  const messages = importMessages(options.language)
  const errors: FieldErrors = {}
  const shortName = readText(values.shortName)
  if (shortName === null) errors.shortName = messages.emptyDatacenterName()
  else if (shortName.length > maxDatacenterNameLength)
    errors.shortName = options.t('inventory.form.tooLong', { max: maxDatacenterNameLength })
  const longName = readText(values.longName)
  if (longName !== null && longName.length > maxDatacenterNameLength)
    errors.longName = options.t('inventory.form.tooLong', { max: maxDatacenterNameLength })
  const pueText = readText(values.pue)
  let pue: number | null = null
  if (pueText === null) errors.pue = messages.emptyValue('pue')
  else {
    const read = readDecimal(pueText)
    if (!read.ok) errors.pue = messages.value('pue', read.problem)
    else if ((read.value as number) < 1) errors.pue = messages.pueBelowOne(pueText)
    else pue = read.value
  }
  const countryText = readText(values.country)
  const country = countryText === null ? 'FR' : readCountry(countryText)
  if (!country) errors.country = messages.unknownCountry(countryText as string)
  if (Object.keys(errors).length > 0 || shortName === null || pue === null || !country)
    return { ok: false, errors, values }
  return { ok: true, datacenter: { shortName, longName, pue, country } }
}

export function valuesOfDatacenter(datacenter: Datacenter, language: Language): DatacenterFormValues {
  return {
    shortName: datacenter.shortName,
    longName: datacenter.longName ?? '',
    pue: language === 'fr' ? frenchNumberText(datacenter.pue) : String(datacenter.pue),
    country: datacenter.country,
  }
}
