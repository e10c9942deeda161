import type { Obligation } from '../obligations/obligations.schemas.js'
import type { Ambition, Commitment, Indicator, Question, Referential } from './referential.schemas.js'

/**
 * What changed between two versions of the referential, item by item and field by field. Items
 * are matched by id (ids are stable across versions: answers and actions are keyed by them), so a
 * question whose text changed is « changed », not « removed » then « added ».
 */

/** One field that differs. `field` is a dotted path: `text`, `levels.2`, `recommendation.priority`… */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export interface AddedOrRemovedItem {
  id: string
  /** Its title or text, as the version holding it writes it (the later one for a changed item). */
  label: string
  /** Where it sits (the commitment of a question or an indicator), when it has a place. */
  commitmentId?: string
}

export interface ChangedItem extends AddedOrRemovedItem {
  changes: FieldChange[]
}

export interface ItemDifferences {
  added: AddedOrRemovedItem[]
  removed: AddedOrRemovedItem[]
  changed: ChangedItem[]
}

export interface ReferentialComparison {
  from: string
  to: string
  /** Title, source, maturity scale, size tiers, decree axes. */
  general: FieldChange[]
  ambitions: ItemDifferences
  commitments: ItemDifferences
  questions: ItemDifferences
  indicators: ItemDifferences
  obligations: ItemDifferences
  /** Nothing differs but the version string. */
  identical: boolean
}

/** JSON with sorted keys: two values are equal when they hold the same data, whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  )
}

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return fields
    .filter((field) => canonical(before[field]) !== canonical(after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }))
}

function compareItems<T>(
  before: readonly T[],
  after: readonly T[],
  describe: {
    id: (item: T) => string
    label: (item: T) => string
    commitmentId?: (item: T) => string
    /** The item as flat fields; a field that differs is one change. */
    fields: (item: T) => Record<string, unknown>
  },
): ItemDifferences {
  const beforeById = new Map(before.map((item) => [describe.id(item), item]))
  const afterIds = new Set(after.map(describe.id))
  const summary = (item: T): AddedOrRemovedItem => ({
    id: describe.id(item),
    label: describe.label(item),
    ...(describe.commitmentId ? { commitmentId: describe.commitmentId(item) } : {}),
  })
  const differences: ItemDifferences = { added: [], removed: [], changed: [] }
  for (const item of after) {
    const earlier = beforeById.get(describe.id(item))
    if (!earlier) {
      differences.added.push(summary(item))
      continue
    }
    const changes = fieldChanges(describe.fields(earlier), describe.fields(item))
    if (changes.length > 0) differences.changed.push({ ...summary(item), changes })
  }
  for (const item of before) if (!afterIds.has(describe.id(item))) differences.removed.push(summary(item))
  return differences
}

interface Placed<T> {
  item: T
  commitmentId: string
}

function questionsOf(referential: Referential): Placed<Question>[] {
  return referential.ambitions.flatMap((ambition) =>
    ambition.commitments.flatMap((commitment) =>
      commitment.questions.map((item) => ({ item, commitmentId: commitment.id })),
    ),
  )
}

function indicatorsOf(referential: Referential): Placed<Indicator>[] {
  return referential.ambitions.flatMap((ambition) =>
    ambition.commitments.flatMap((commitment) =>
      commitment.indicators.map((item) => ({ item, commitmentId: commitment.id })),
    ),
  )
}

function commitmentsOf(referential: Referential): { item: Commitment; ambitionId: string }[] {
  return referential.ambitions.flatMap((ambition) =>
    ambition.commitments.map((item) => ({ item, ambitionId: ambition.id })),
  )
}

/** A question as fields: each level on its own, so that the page says which level changed. */
function questionFields({ item, commitmentId }: Placed<Question>): Record<string, unknown> {
  const { recommendation } = item
  return {
    commitment: commitmentId,
    text: item.text,
    tier: item.tier,
    kinds: item.kinds,
    ...Object.fromEntries(item.levels.map((level, index) => [`levels.${index}`, level])),
    obligation: item.obligation,
    'recommendation.id': recommendation.id,
    'recommendation.text': recommendation.text,
    'recommendation.priority': recommendation.priority,
    'recommendation.priorityIfExempt': recommendation.priorityIfExempt,
  }
}

function indicatorFields({ item, commitmentId }: Placed<Indicator>): Record<string, unknown> {
  const { id: _id, ...fields } = item
  return { commitment: commitmentId, ...fields }
}

export function compareReferentials(a: Referential, b: Referential): ReferentialComparison {
  const general = fieldChanges(
    {
      id: a.id,
      title: a.title,
      source: a.source,
      maturityScale: a.maturityScale,
      sizeTiers: a.sizeTiers,
      decreeAxes: a.decreeAxes,
    },
    {
      id: b.id,
      title: b.title,
      source: b.source,
      maturityScale: b.maturityScale,
      sizeTiers: b.sizeTiers,
      decreeAxes: b.decreeAxes,
    },
  )
  const ambitions = compareItems<Ambition>(a.ambitions, b.ambitions, {
    id: (ambition) => ambition.id,
    label: (ambition) => ambition.title,
    fields: (ambition) => ({ title: ambition.title }),
  })
  const commitments = compareItems(commitmentsOf(a), commitmentsOf(b), {
    id: ({ item }) => item.id,
    label: ({ item }) => item.title,
    fields: ({ item, ambitionId }) => ({
      ambition: ambitionId,
      title: item.title,
      summary: item.summary,
      decreeAxes: item.decreeAxes,
    }),
  })
  const questions = compareItems(questionsOf(a), questionsOf(b), {
    id: ({ item }) => item.id,
    label: ({ item }) => item.text,
    commitmentId: ({ commitmentId }) => commitmentId,
    fields: questionFields,
  })
  const indicators = compareItems(indicatorsOf(a), indicatorsOf(b), {
    id: ({ item }) => item.id,
    label: ({ item }) => item.name,
    commitmentId: ({ commitmentId }) => commitmentId,
    fields: indicatorFields,
  })
  const obligations = compareItems<Obligation>(a.obligations, b.obligations, {
    id: (obligation) => obligation.id,
    label: (obligation) => obligation.title,
    fields: ({ id: _id, ...fields }) => fields,
  })
  const lists = [ambitions, commitments, questions, indicators, obligations]
  const identical =
    general.length === 0 &&
    lists.every((list) => list.added.length + list.removed.length + list.changed.length === 0)
  return {
    from: a.version,
    to: b.version,
    general,
    ambitions,
    commitments,
    questions,
    indicators,
    obligations,
    identical,
  }
}
