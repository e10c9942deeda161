import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { type ActionStatus, actionStatuses } from '../../../db/schema.js'
import { formatLongDate, type Locale, type MessageKey, type Translate } from '../../../i18n/i18n.js'
import { decimalInput } from '../../../lib/decimal-input.js'
import type { FieldErrors } from '../../../ui/forms.js'
import type { ActionDetails, ActionInput } from './actions.queries.js'

/**
 * The action form ⇄ an ActionInput. The form speaks in French numbers (« 12 500,50 ») and ISO
 * dates (type="date" inputs); commitments and objectives are checkboxes (several values under one
 * name). Every check names its field, in the visitor's language; nothing is saved unless all pass.
 */

export const actionFormFields = [
  'title',
  'description',
  'commitments',
  'decreeAxis',
  'owner',
  'service',
  'startDate',
  'endDate',
  'status',
  'budget',
  'objectives',
  'isPublic',
] as const
export type ActionFormField = (typeof actionFormFields)[number]

/** What the form holds, as typed: single fields as text, the checkbox groups as lists. */
export interface ActionFormValues {
  single: Record<string, string>
  commitments: string[]
  objectives: string[]
}

export const emptyActionForm = (): ActionFormValues => ({
  single: { status: 'a_planifier' },
  commitments: [],
  objectives: [],
})

/** Reads a posted form with its repeated checkboxes (Hono keeps only the last one without `all`). */
export async function readActionForm(c: Context<AppEnv>): Promise<ActionFormValues> {
  const body = await c.req.parseBody({ all: true })
  const single: Record<string, string> = {}
  const list = (value: unknown): string[] =>
    (Array.isArray(value) ? value : [value]).filter((each): each is string => typeof each === 'string')
  for (const [key, value] of Object.entries(body)) {
    const texts = list(value)
    if (texts.length > 0) single[key] = texts[0] as string
  }
  return { single, commitments: list(body.commitments), objectives: list(body.objectives) }
}

export const titleMaxLength = 200
const descriptionMaxLength = 10_000
const serviceMaxLength = 120
const maxBudget = 1e12

/** A real calendar day written AAAA-MM-JJ (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

export interface ActionFormContext {
  /** The current referential's commitment ids, in its order. */
  commitmentIds: readonly string[]
  decreeAxisIds: readonly number[]
  /** Members of this workspace. */
  memberIds: ReadonlySet<number>
  /** Objectives of this workspace. */
  objectiveIds: ReadonlySet<number>
  t: Translate
  locale: Locale
}

export type ParsedActionForm = { ok: true; action: ActionInput } | { ok: false; errors: FieldErrors }

type Problem = { key: MessageKey; params?: Record<string, string | number> }

export function parseActionForm(values: ActionFormValues, context: ActionFormContext): ParsedActionForm {
  const problems: Partial<Record<ActionFormField, Problem>> = {}
  const text = (field: string) => (values.single[field] ?? '').trim()

  const title = text('title')
  if (title === '') problems.title = { key: 'actions.error.titleRequired' }
  else if (title.length > titleMaxLength)
    problems.title = { key: 'actions.error.tooLong', params: { maximum: titleMaxLength } }

  const description = text('description')
  if (description.length > descriptionMaxLength)
    problems.description = { key: 'actions.error.tooLong', params: { maximum: descriptionMaxLength } }

  const chosen = new Set(values.commitments.map((id) => id.trim()).filter(Boolean))
  const unknownCommitment = [...chosen].find((id) => !context.commitmentIds.includes(id))
  if (unknownCommitment !== undefined)
    problems.commitments = { key: 'actions.error.commitmentUnknown', params: { id: unknownCommitment } }
  const commitments = context.commitmentIds.filter((id) => chosen.has(id))

  let decreeAxis: number | null = null
  const axis = text('decreeAxis')
  if (axis !== '') {
    const number = Number(axis)
    if (!/^\d+$/.test(axis) || !context.decreeAxisIds.includes(number))
      problems.decreeAxis = {
        key: 'actions.error.decreeAxis',
        params: { values: context.decreeAxisIds.join(', ') },
      }
    else decreeAxis = number
  }

  let ownerUserId: number | null = null
  const owner = text('owner')
  if (owner !== '') {
    const number = Number(owner)
    if (!/^\d+$/.test(owner) || !context.memberIds.has(number))
      problems.owner = { key: 'actions.error.ownerNotMember' }
    else ownerUserId = number
  }
  const service = text('service')
  if (service.length > serviceMaxLength)
    problems.service = { key: 'actions.error.tooLong', params: { maximum: serviceMaxLength } }
  else if (service !== '' && owner !== '') problems.service = { key: 'actions.error.ownerBoth' }

  const date = (field: 'startDate' | 'endDate'): string | null => {
    const value = text(field)
    if (value === '') return null
    if (!isIsoDate(value)) {
      problems[field] = { key: 'actions.error.date' }
      return null
    }
    return value
  }
  const startDate = date('startDate')
  const endDate = date('endDate')
  if (startDate !== null && endDate !== null && endDate < startDate)
    problems.endDate = {
      key: 'actions.error.endBeforeStart',
      params: {
        end: formatLongDate(context.locale, endDate),
        start: formatLongDate(context.locale, startDate),
      },
    }

  const statusText = text('status')
  const status = actionStatuses.find((candidate) => candidate === statusText)
  if (status === undefined) problems.status = { key: 'actions.error.status' }

  let budgetEuros: number | null = null
  const prepared = decimalInput(text('budget'))
  if (prepared !== undefined) {
    const number = Number(prepared)
    if (!Number.isFinite(number)) problems.budget = { key: 'actions.error.budgetNumber' }
    else if (number < 0) problems.budget = { key: 'actions.error.budgetNegative' }
    else if (number > maxBudget) problems.budget = { key: 'actions.error.budgetTooLarge' }
    else budgetEuros = Math.round(number * 100) / 100
  }

  const objectiveIds: number[] = []
  for (const raw of values.objectives) {
    const number = Number(raw)
    if (!/^\d+$/.test(raw.trim()) || !context.objectiveIds.has(number)) {
      problems.objectives = { key: 'actions.error.objectiveUnknown', params: { id: raw.slice(0, 20) } }
      break
    }
    if (!objectiveIds.includes(number)) objectiveIds.push(number)
  }

  const isPublic = values.single.isPublic === '1'

  // The summary lists problems in the form's order.
  const errors: FieldErrors = {}
  for (const field of actionFormFields) {
    const problem = problems[field]
    if (problem) errors[field] = context.t(problem.key, problem.params)
  }
  if (Object.keys(errors).length > 0 || status === undefined) return { ok: false, errors }
  return {
    ok: true,
    action: {
      title,
      description: description === '' ? null : description,
      commitments,
      decreeAxis,
      ownerUserId,
      ownerService: service === '' ? null : service,
      startDate,
      endDate,
      status: status as ActionStatus,
      budgetEuros,
      isPublic,
      objectiveIds,
    },
  }
}

/** A number the French way for the form (« 12500,5 »): what decimalInput reads back. */
const formNumber = (value: number) => String(value).replace('.', ',')

/** The edit form's values for a stored action. */
export function actionFormValues(action: ActionDetails): ActionFormValues {
  return {
    single: {
      title: action.title,
      description: action.description ?? '',
      decreeAxis: action.decreeAxis === null ? '' : String(action.decreeAxis),
      owner: action.ownerUserId === null ? '' : String(action.ownerUserId),
      service: action.ownerService ?? '',
      startDate: action.startDate ?? '',
      endDate: action.endDate ?? '',
      status: action.status,
      budget: action.budgetEuros === null ? '' : formNumber(action.budgetEuros),
      isPublic: action.isPublic ? '1' : '',
    },
    commitments: action.commitments,
    objectives: action.objectiveIds.map(String),
  }
}
