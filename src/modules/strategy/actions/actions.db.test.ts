import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../../db/schema.js'
import { openTestDatabase, type TestDatabase, testDialects } from '../../../test-support/test-databases.js'
import { insertTestWorkspace } from '../../../test-support/test-workspaces.js'
import { insertUser } from '../../accounts/accounts.queries.js'
import { insertObjective } from '../test-strategy-data.js'
import {
  actionsByRecommendation,
  actionsForDocuments,
  addActionNote,
  createAction,
  createActionForRecommendation,
  listActions,
} from './actions.queries.js'
import { testActionInput } from './test-action-input.js'

describe.each(testDialects())('action plan storage on %s', (dialect) => {
  let database: TestDatabase
  let db: Kysely<Database>
  let mine: number
  let theirs: number
  let personId: number
  let objectiveId: number

  beforeAll(async () => {
    database = await openTestDatabase(dialect)
    db = database.db
    mine = (await insertTestWorkspace(db)).workspaceId
    theirs = (await insertTestWorkspace(db)).workspaceId
    personId = await insertUser(db, {
      email: 'claire@example.org',
      name: 'Claire Martin',
      passwordHash: 'x',
      platformRole: null,
    })
    objectiveId = await insertObjective(db, mine, {
      indicatorId: '4.1',
      title: 'Objectif',
      baseline: { year: 2024, value: 1 },
      targets: [{ year: 2030, value: 2 }],
    })
  })
  afterAll(async () => {
    await database.dispose()
  })

  it('gives the documents every action (or the public ones only) with owner, objectives and notes count', async () => {
    const late = await createAction(db, {
      workspaceId: mine,
      actorId: personId,
      action: testActionInput({
        title: 'Tardive',
        startDate: '2027-01-01',
        isPublic: true,
        ownerService: 'DSI',
      }),
    })
    const early = await createAction(db, {
      workspaceId: mine,
      actorId: personId,
      action: testActionInput({
        title: 'Précoce',
        startDate: '2025-03-01',
        ownerUserId: personId,
        commitments: ['A2.E1', 'A2.E3'],
        budgetEuros: 1200.25,
        objectiveIds: [objectiveId],
        isPublic: true,
      }),
    })
    const internal = await createAction(db, {
      workspaceId: mine,
      actorId: personId,
      action: testActionInput({ title: 'Interne', startDate: '2026-01-01' }),
    })
    const undated = await createAction(db, {
      workspaceId: mine,
      actorId: personId,
      action: testActionInput({ title: 'Sans date' }),
    })
    await createAction(db, {
      workspaceId: theirs,
      actorId: personId,
      action: testActionInput({ title: 'Ailleurs' }),
    })
    await addActionNote(db, { workspaceId: mine, actorId: personId, actionId: early, body: 'Un' })
    await addActionNote(db, { workspaceId: mine, actorId: personId, actionId: early, body: 'Deux' })
    // Another workspace cannot add a note to this one's action.
    expect(
      await addActionNote(db, { workspaceId: theirs, actorId: personId, actionId: late, body: 'Non' }),
    ).toBe(undefined)

    const all = await actionsForDocuments(db, mine, { publicOnly: false })
    expect(all.map((action) => action.id)).toEqual([early, internal, late, undated])
    expect(all[0]).toEqual({
      id: early,
      title: 'Précoce',
      description: null,
      commitments: ['A2.E1', 'A2.E3'],
      decreeAxis: null,
      status: 'planifiee',
      startDate: '2025-03-01',
      endDate: null,
      budgetEuros: 1200.25,
      isPublic: true,
      ownerDisplay: 'Claire Martin',
      ownerKind: 'member',
      objectiveIds: [objectiveId],
      notesCount: 2,
      recommendationId: null,
    })
    expect(all[2]).toMatchObject({
      ownerDisplay: 'DSI',
      ownerKind: 'service',
      notesCount: 0,
      objectiveIds: [],
    })
    expect(all[3]).toMatchObject({ ownerDisplay: null, ownerKind: null })
    const published = await actionsForDocuments(db, mine, { publicOnly: true })
    expect(published.map((action) => action.title)).toEqual(['Précoce', 'Tardive'])
    expect(
      (await actionsForDocuments(db, theirs, { publicOnly: false })).map((action) => action.title),
    ).toEqual(['Ailleurs'])
  })

  it('keeps one action per recommendation and workspace, and maps recommendations to actions', async () => {
    const action = testActionInput({ title: 'Réponse' })
    const first = await createActionForRecommendation(db, {
      workspaceId: mine,
      actorId: personId,
      recommendationId: 'R-A1.E1.Q1',
      action,
    })
    const again = await createActionForRecommendation(db, {
      workspaceId: mine,
      actorId: personId,
      recommendationId: 'R-A1.E1.Q1',
      action,
    })
    expect(first.created).toBe(true)
    expect(again).toEqual({ id: first.id, created: false })
    const elsewhere = await createActionForRecommendation(db, {
      workspaceId: theirs,
      actorId: personId,
      recommendationId: 'R-A1.E1.Q1',
      action,
    })
    expect(elsewhere.created).toBe(true)
    expect(await actionsByRecommendation(db, mine)).toEqual(new Map([['R-A1.E1.Q1', first.id]]))
    expect(await actionsByRecommendation(db, theirs)).toEqual(new Map([['R-A1.E1.Q1', elsewhere.id]]))
  })

  it('matches a commitment exactly among several', async () => {
    const titles = async (commitment: string) =>
      (await listActions(db, mine, { commitment })).map((action) => action.title)
    expect(await titles('A2.E3')).toEqual(['Précoce'])
    expect(await titles('A2.E1')).toEqual(['Précoce'])
    expect(await titles('A2.E2')).toEqual([])
  })
})
