import { type MilestoneKind, milestoneKinds } from '../../../db/schema.js'
import type { MessageKey, MessageParams, Translate } from '../../../i18n/i18n.js'
import { safeLinkHref } from '../../../lib/safe-text.js'
import type { FieldErrors } from '../../../ui/forms.js'
import { isIsoDate } from '../actions/action-form.js'

/** The milestone form's fields, named in French as the other forms' are. */
export const milestoneFields = ['type', 'date', 'annee', 'deliberation', 'document', 'commentaire'] as const
export type MilestoneField = (typeof milestoneFields)[number]

export const maxDeliberationLength = 100
export const maxDocumentUrlLength = 500
export const maxCommentLength = 2_000

export interface MilestoneInput {
  kind: MilestoneKind
  date: string
  year: number | null
  deliberationNumber: string | null
  documentUrl: string | null
  comment: string | null
}

export type ParsedMilestone = { ok: true; input: MilestoneInput } | { ok: false; errors: FieldErrors }

const optional = (value: string | undefined) => {
  const trimmed = (value ?? '').trim()
  return trimmed === '' ? null : trimmed
}

/**
 * Checks a submitted milestone. A milestone records what happened (an adoption, a presentation),
 * so its date is not after today; an annual review says which year it covers, and cannot cover a
 * year that has not begun when it is presented.
 */
export function parseMilestoneForm(
  values: Record<string, string | undefined>,
  options: { today: string; t: Translate },
): ParsedMilestone {
  const problems: Partial<Record<MilestoneField, [MessageKey, MessageParams?]>> = {}
  const kind = values.type as MilestoneKind
  if (!milestoneKinds.includes(kind)) problems.type = ['milestones.error.kind']

  const date = (values.date ?? '').trim()
  if (date === '') problems.date = ['milestones.error.dateRequired']
  else if (!isIsoDate(date)) problems.date = ['milestones.error.dateFormat', { value: date }]
  else if (date < '2000-01-01') problems.date = ['milestones.error.dateTooEarly']
  else if (date > options.today) problems.date = ['milestones.error.dateFuture', { value: date }]

  let year: number | null = null
  const yearText = (values.annee ?? '').trim()
  if (kind === 'bilan_annuel') {
    if (yearText === '') problems.annee = ['milestones.error.yearRequired']
    else if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000)
      problems.annee = ['milestones.error.yearFormat', { value: yearText }]
    else {
      year = Number(yearText)
      if (!problems.date && year > Number(date.slice(0, 4)))
        problems.annee = ['milestones.error.yearAfterDate', { year, date }]
    }
  }

  const deliberationNumber = optional(values.deliberation)
  if (deliberationNumber && deliberationNumber.length > maxDeliberationLength)
    problems.deliberation = ['milestones.error.tooLong', { maximum: maxDeliberationLength }]

  const documentUrl = optional(values.document)
  if (documentUrl && documentUrl.length > maxDocumentUrlLength)
    problems.document = ['milestones.error.tooLong', { maximum: maxDocumentUrlLength }]
  else if (documentUrl && !safeLinkHref(documentUrl)) problems.document = ['milestones.error.url']

  const comment = optional(values.commentaire)
  if (comment && comment.length > maxCommentLength)
    problems.commentaire = ['milestones.error.tooLong', { maximum: maxCommentLength }]

  const entries = Object.entries(problems) as [MilestoneField, [MessageKey, MessageParams?]][]
  if (entries.length > 0)
    return {
      ok: false,
      errors: Object.fromEntries(entries.map(([field, [key, params]]) => [field, options.t(key, params)])),
    }
  return {
    ok: true,
    input: {
      kind,
      date,
      year: kind === 'bilan_annuel' ? year : null,
      deliberationNumber,
      documentUrl: documentUrl ? safeLinkHref(documentUrl) : null,
      comment,
    },
  }
}

/** A stored milestone as the form shows it. */
export function milestoneFormValues(input: MilestoneInput): Record<MilestoneField, string> {
  return {
    type: input.kind,
    date: input.date,
    annee: input.year === null ? '' : String(input.year),
    deliberation: input.deliberationNumber ?? '',
    document: input.documentUrl ?? '',
    commentaire: input.comment ?? '',
  }
}
