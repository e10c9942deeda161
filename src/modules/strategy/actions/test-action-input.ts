import type { ActionInput } from './actions.queries.js'

/** An action as the forms hand it over, for tests: only the title unless told (planned, internal, unlinked). */
export const testActionInput = (fields: Partial<ActionInput> & { title: string }): ActionInput => ({
  description: null,
  commitments: [],
  decreeAxis: null,
  ownerUserId: null,
  ownerService: null,
  startDate: null,
  endDate: null,
  status: 'planifiee',
  budgetEuros: null,
  isPublic: false,
  objectiveIds: [],
  ...fields,
})
