import type { Ambition, Commitment, Question, Referential } from './referential.schemas.js'

export interface QuestionPlace {
  question: Question
  commitment: Commitment
  ambition: Ambition
}

export interface ReferentialIndex {
  commitments: Commitment[]
  questions: Map<string, QuestionPlace>
  commitmentById: Map<string, { commitment: Commitment; ambition: Ambition }>
}

const indexes = new WeakMap<Referential, ReferentialIndex>()

/** Lookups by id over a referential, built once per (immutable) referential object. */
export function indexReferential(referential: Referential): ReferentialIndex {
  const known = indexes.get(referential)
  if (known) return known
  const index: ReferentialIndex = { commitments: [], questions: new Map(), commitmentById: new Map() }
  for (const ambition of referential.ambitions) {
    for (const commitment of ambition.commitments) {
      index.commitments.push(commitment)
      index.commitmentById.set(commitment.id, { commitment, ambition })
      for (const question of commitment.questions)
        index.questions.set(question.id, { question, commitment, ambition })
    }
  }
  indexes.set(referential, index)
  return index
}
