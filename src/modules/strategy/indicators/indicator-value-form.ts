import { formatNumber, type Locale, type Translate } from '../../../i18n/i18n.js'
import { decimalInput } from '../../../lib/decimal-input.js'
import type { FieldErrors } from '../../../ui/forms.js'
import { checkEvidenceFile, cleanEvidenceName, maxEvidenceBytes } from './evidence-file.js'
import type { EvidenceUpload } from './indicator-values.queries.js'

/** The form's fields (French names, as in the other forms' addresses and posts). */
export const valueFields = {
  year: 'annee',
  value: 'valeur',
  source: 'source',
  comment: 'commentaire',
  url: 'lien',
  file: 'fichier',
  removeFile: 'retirer_fichier',
} as const

export const firstValueYear = 2000
/** Next year at most: a value may be entered for the year about to start (a budget, a target met early). */
export const lastValueYear = (now = new Date()) => now.getUTCFullYear() + 1
export const maxSourceLength = 300
export const maxCommentLength = 2000
export const maxUrlLength = 2000
/** Beyond any indicator's scale: a bigger number is a typing slip. */
const largestValue = 1e15

export interface ValueForm {
  year: number
  value: number
  source: string | null
  comment: string | null
  evidenceUrl: string | null
  evidenceFile: EvidenceUpload | undefined
  removeFile: boolean
}

export type ValueFormOutcome =
  | { ok: true; form: ValueForm }
  | { ok: false; errors: FieldErrors; values: Record<string, string>; tooLarge: boolean }

const optionalText = (value: string | undefined) => {
  const trimmed = (value ?? '').trim()
  return trimmed === '' ? null : trimmed
}

/** A decimal as typed (« 12,5 », « 1 234 »), or undefined when it is not one. */
export function readDecimal(text: string): number | undefined {
  const prepared = decimalInput(text)
  if (typeof prepared !== 'string' || !/^[-+]?(\d+([.]\d*)?|[.]\d+)$/.test(prepared)) return undefined
  const value = Number(prepared)
  return Number.isFinite(value) && Math.abs(value) <= largestValue ? value : undefined
}

function isWebAddress(text: string): boolean {
  if (text.length > maxUrlLength) return false
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/**
 * Reads the posted form (fields and the evidence file, already parsed by Hono): every problem
 * named by its field, in the visitor's language. Nothing is written here.
 */
export async function readValueForm(
  body: Record<string, string | File | (string | File)[]>,
  t: Translate,
  locale: Locale,
  now = new Date(),
): Promise<ValueFormOutcome> {
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') values[name] = value
  const errors: FieldErrors = {}
  const last = lastValueYear(now)

  const yearText = (values[valueFields.year] ?? '').trim()
  const year = /^\d{1,4}$/.test(yearText) ? Number(yearText) : Number.NaN
  if (yearText === '') errors[valueFields.year] = t('indicators.error.yearRequired')
  else if (!(year >= firstValueYear && year <= last))
    errors[valueFields.year] = t('indicators.error.yearRange', { min: firstValueYear, max: last })

  const valueText = (values[valueFields.value] ?? '').trim()
  const value = readDecimal(valueText)
  if (valueText === '') errors[valueFields.value] = t('indicators.error.valueRequired')
  else if (value === undefined) errors[valueFields.value] = t('indicators.error.valueInvalid')

  const source = optionalText(values[valueFields.source])
  if (source && source.length > maxSourceLength)
    errors[valueFields.source] = t('indicators.error.tooLong', { max: formatNumber(locale, maxSourceLength) })
  const comment = optionalText(values[valueFields.comment])
  if (comment && comment.length > maxCommentLength)
    errors[valueFields.comment] = t('indicators.error.tooLong', {
      max: formatNumber(locale, maxCommentLength),
    })
  const evidenceUrl = optionalText(values[valueFields.url])
  if (evidenceUrl && !isWebAddress(evidenceUrl)) errors[valueFields.url] = t('indicators.error.urlInvalid')

  // A form sent without choosing a file carries an empty, unnamed part: that is no file.
  const posted = body[valueFields.file]
  const file = posted instanceof File && (posted.size > 0 || posted.name !== '') ? posted : undefined
  let evidenceFile: EvidenceUpload | undefined
  let tooLarge = false
  if (file) {
    if (file.size > maxEvidenceBytes) {
      tooLarge = true
      errors[valueFields.file] = t('indicators.error.fileTooLarge', { size: maxEvidenceBytes / 1024 / 1024 })
    } else {
      const content = new Uint8Array(await file.arrayBuffer())
      const checked = checkEvidenceFile(file.name, content)
      if (checked.ok)
        evidenceFile = { name: cleanEvidenceName(file.name), contentType: checked.contentType, content }
      else
        errors[valueFields.file] =
          checked.problem === 'empty'
            ? t('indicators.error.fileEmpty')
            : checked.problem === 'tooLarge'
              ? t('indicators.error.fileTooLarge', { size: maxEvidenceBytes / 1024 / 1024 })
              : checked.problem === 'type'
                ? t('indicators.error.fileType')
                : t('indicators.error.fileContent', { extension: (checked.extension ?? '').toUpperCase() })
    }
  }
  if (Object.keys(errors).length > 0 || value === undefined) return { ok: false, errors, values, tooLarge }
  return {
    ok: true,
    form: {
      year,
      value,
      source,
      comment,
      evidenceUrl,
      evidenceFile,
      removeFile: values[valueFields.removeFile] === '1',
    },
  }
}
