import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { parseQuery } from '../../../lib/parse-query.js'
import { renderBadRequest, renderNotFound } from '../../../ui/error-pages.js'
import { type FieldErrors, formValues } from '../../../ui/forms.js'
import { noticeFrom } from '../../../ui/notices.js'
import { todayInFrance } from '../../footprint/import/values.js'
import { exportFileName } from '../../inventory/export-inventory.js'
import type { Referential } from '../../referential/referential.schemas.js'
import { currentReferential } from '../../referential/referential.store.js'
import { indexReferential } from '../../referential/referential-index.js'
import { workspaceAccess } from '../../workspaces/workspace-access.middleware.js'
import { workspaceRowLoader } from '../../workspaces/workspace-row.js'
import { listMembers } from '../../workspaces/workspaces.queries.js'
import { actionExportFormats, actionsCsv, actionsXlsx } from './action-export.js'
import { actionFilterSchema, filterOf } from './action-filters.js'
import {
  type ActionFormValues,
  actionFormValues,
  emptyActionForm,
  parseActionForm,
  readActionForm,
} from './action-form.js'
import { actionFromRecommendation, findRecommendation } from './action-from-recommendation.js'
import {
  type ActionDetails,
  actionOwners,
  actionYears,
  addActionNote,
  createAction,
  createActionForRecommendation,
  deleteAction,
  findAction,
  listActions,
  objectiveChoices,
  objectivesByAction,
  objectiveTitles,
  updateAction,
} from './actions.queries.js'
import { ganttBar } from './gantt.js'
import { ActionPage, DeleteActionPage } from './views/action.page.js'
import { ActionCalendarPage } from './views/action-calendar.page.js'
import type { FilterOptions } from './views/action-filters-form.js'
import { ActionFormPage } from './views/action-form.page.js'
import { ActionListPage } from './views/action-list.page.js'

const noteMaxLength = 10_000

const actionNotices = {
  creee: 'actions.notice.created',
  modifiee: 'actions.notice.updated',
  note: 'actions.notice.note',
  'depuis-recommandation': 'actions.notice.fromRecommendation',
  existante: 'actions.notice.existing',
} as const

/** The action plan (feuille de route): list, calendar, exports, one action, its form and notes. */
export function actionsRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  const view = workspaceAccess(deps, 'workspace.view')
  const edit = workspaceAccess(deps, 'strategy.edit')
  const listPath = (c: Context<AppEnv>) => `/espace/${c.get('workspace').id}/strategie/actions`
  const actorId = (c: Context<AppEnv>) => (c.get('user') as { id: number }).id
  const commitmentIdsOf = (referential: Referential) =>
    indexReferential(referential).commitments.map((commitment) => commitment.id)

  /** The filters of the query string; a 400 naming the parameter when one cannot be a filter. */
  const readFilters = (c: Context<AppEnv>, referential: Referential) =>
    parseQuery(actionFilterSchema(commitmentIdsOf(referential)), c.req.query())

  const filterOptions = async (c: Context<AppEnv>, referential: Referential): Promise<FilterOptions> => {
    const workspaceId = c.get('workspace').id
    const [owners, years] = await Promise.all([
      actionOwners(db, workspaceId),
      actionYears(db, workspaceId, new Date().getUTCFullYear()),
    ])
    return { commitments: indexReferential(referential).commitments, owners, years }
  }

  /** Loads this workspace's action, or answers 404 the same way for a bad id and another's. */
  const withAction = workspaceRowLoader('actionId', 'actions.notFound', (workspaceId, id) =>
    findAction(db, workspaceId, id),
  )

  // -- List, calendar, export (before /:actionId, which would take their names for ids) ----------

  routes.get('/espace/:workspaceId/strategie/actions', view, async (c) => {
    const referential = await currentReferential(db)
    const parsed = readFilters(c, referential)
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    const [actions, options] = await Promise.all([
      listActions(db, c.get('workspace').id, filterOf(parsed.value)),
      filterOptions(c, referential),
    ])
    return c.render(
      <ActionListPage
        c={c}
        actions={actions}
        query={parsed.value}
        options={options}
        notice={noticeFrom(c, { supprimee: 'actions.notice.deleted' })?.text}
      />,
      { title: c.get('t')('actions.list.title') },
    )
  })

  routes.get('/espace/:workspaceId/strategie/actions/calendrier', view, async (c) => {
    const referential = await currentReferential(db)
    const parsed = readFilters(c, referential)
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    const year = parsed.value.annee ?? new Date().getUTCFullYear()
    // One read for both parts: the year's actions are those the chart can draw.
    const [actions, options] = await Promise.all([
      listActions(db, c.get('workspace').id, { ...filterOf(parsed.value), year: undefined }),
      filterOptions(c, referential),
    ])
    const dated = actions.filter((action) => ganttBar(action.startDate, action.endDate, year) !== null)
    const undated = actions.filter((action) => action.startDate === null && action.endDate === null)
    return c.render(
      <ActionCalendarPage
        c={c}
        year={year}
        dated={dated}
        undated={undated}
        query={parsed.value}
        options={options}
      />,
      { title: c.get('t')('actions.calendar.title', { year }) },
    )
  })

  routes.get('/espace/:workspaceId/strategie/actions/export', view, async (c) => {
    const referential = await currentReferential(db)
    const schema = actionFilterSchema(commitmentIdsOf(referential)).extend({
      format: z.enum(actionExportFormats),
    })
    const parsed = parseQuery(schema, c.req.query())
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    const workspace = c.get('workspace')
    const [actions, objectives] = await Promise.all([
      listActions(db, workspace.id, filterOf(parsed.value)),
      objectivesByAction(db, workspace.id),
    ])
    const rows = actions.map((action) => ({ ...action, objectiveIds: objectives.get(action.id) ?? [] }))
    const { format } = parsed.value
    return new Response(format === 'csv' ? actionsCsv(rows) : (actionsXlsx(rows) as BodyInit), {
      headers: {
        'Content-Type':
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="${exportFileName('feuille-de-route', workspace.territoryCode, todayInFrance(), format)}"`,
        'Cache-Control': 'no-store',
      },
    })
  })

  // -- Create and edit -----------------------------------------------------------------------------

  interface FormState {
    mode: 'create' | 'edit'
    saved?: ActionDetails
    values: ActionFormValues
    errors?: FieldErrors
  }

  /** What the form offers and checks against: the referential, this workspace's members and objectives. */
  const formChoices = async (c: Context<AppEnv>) => {
    const workspaceId = c.get('workspace').id
    const [referential, members, objectives] = await Promise.all([
      currentReferential(db),
      listMembers(db, workspaceId),
      objectiveChoices(db, workspaceId),
    ])
    return { referential, members, objectives }
  }
  type FormChoices = Awaited<ReturnType<typeof formChoices>>

  const renderForm = async (c: Context<AppEnv>, state: FormState, loaded?: FormChoices) => {
    const { referential, members, objectives } = loaded ?? (await formChoices(c))
    const people = members.map((member) => ({ id: member.id, name: member.name.trim() || member.email }))
    // A former member who still owns the action stays choosable: saving unchanged is no error.
    const saved = state.saved
    if (saved?.ownerUserId && !people.some((person) => person.id === saved.ownerUserId))
      people.push({ id: saved.ownerUserId, name: saved.ownerName ?? String(saved.ownerUserId) })
    const t = c.get('t')
    const path = listPath(c)
    return c.render(
      <ActionFormPage
        c={c}
        mode={state.mode}
        action={saved ? `${path}/${saved.id}/modifier` : path}
        cancel={saved ? `${path}/${saved.id}` : path}
        values={state.values}
        errors={state.errors ?? {}}
        choices={{
          commitments: indexReferential(referential).commitments,
          decreeAxes: referential.decreeAxes,
          members: people,
          objectives,
        }}
        {...(saved ? { currentTitle: saved.title } : {})}
      />,
      {
        title:
          state.mode === 'create'
            ? t('actions.form.createTitle')
            : t('actions.form.editTitle', { title: saved?.title ?? '' }),
      },
    )
  }

  const submitForm = async (c: Context<AppEnv>, mode: 'create' | 'edit', saved?: ActionDetails) => {
    const workspaceId = c.get('workspace').id
    const values = await readActionForm(c)
    const choices = await formChoices(c)
    const { referential, members, objectives } = choices
    const memberIds = new Set(members.map((member) => member.id))
    if (saved?.ownerUserId) memberIds.add(saved.ownerUserId)
    const parsed = parseActionForm(values, {
      commitmentIds: commitmentIdsOf(referential),
      decreeAxisIds: referential.decreeAxes.map((axis) => axis.id),
      memberIds,
      objectiveIds: new Set(objectives.map((objective) => objective.id)),
      t: c.get('t'),
      locale: c.get('locale'),
    })
    const state: FormState = { mode, values }
    if (saved) state.saved = saved
    if (!parsed.ok) {
      c.status(400)
      return renderForm(c, { ...state, errors: parsed.errors }, choices)
    }
    if (mode === 'create') {
      const id = await createAction(db, { workspaceId, actorId: actorId(c), action: parsed.action })
      return c.redirect(`${listPath(c)}/${id}?info=creee`, 303)
    }
    const id = (saved as ActionDetails).id
    const updated = await updateAction(db, { workspaceId, actorId: actorId(c), id, action: parsed.action })
    if (!updated) return renderNotFound(c, c.get('t')('actions.notFound'))
    return c.redirect(`${listPath(c)}/${id}?info=modifiee`, 303)
  }

  routes.get('/espace/:workspaceId/strategie/actions/nouvelle', edit, (c) =>
    renderForm(c, { mode: 'create', values: emptyActionForm() }),
  )

  routes.post('/espace/:workspaceId/strategie/actions', edit, (c) => submitForm(c, 'create'))

  // -- One click from a self-assessment recommendation ---------------------------------------------

  routes.post('/espace/:workspaceId/strategie/actions/depuis-recommandation', edit, async (c) => {
    const t = c.get('t')
    const id = ((await formValues(c)).recommandation ?? '').trim()
    const found = await findRecommendation(db, id)
    if (!found)
      return renderBadRequest(c, [
        {
          parameter: 'recommandation',
          issue: {
            code: 'custom',
            message: t('actions.recommendation.unknown', { id: id.slice(0, 40) }),
            path: ['recommandation'],
            input: id,
          },
        },
      ])
    const result = await createActionForRecommendation(db, {
      workspaceId: c.get('workspace').id,
      actorId: actorId(c),
      recommendationId: id,
      action: actionFromRecommendation(found),
    })
    const info = result.created ? 'depuis-recommandation' : 'existante'
    return c.redirect(`${listPath(c)}/${result.id}?info=${info}`, 303)
  })

  // -- One action ------------------------------------------------------------------------------------

  const renderAction = async (
    c: Context<AppEnv>,
    action: ActionDetails,
    note: { value: string; errors: FieldErrors } = { value: '', errors: {} },
  ) => {
    const [referential, objectives] = await Promise.all([
      currentReferential(db),
      objectiveTitles(db, c.get('workspace').id, action.objectiveIds),
    ])
    const index = indexReferential(referential)
    return c.render(
      <ActionPage
        c={c}
        action={action}
        commitments={action.commitments.map((id) => ({
          id,
          commitment: index.commitmentById.get(id)?.commitment,
        }))}
        decreeAxisLabel={referential.decreeAxes.find((axis) => axis.id === action.decreeAxis)?.label ?? null}
        objectives={objectives}
        notice={noticeFrom(c, actionNotices)?.text}
        noteValue={note.value}
        noteErrors={note.errors}
      />,
      { title: action.title },
    )
  }

  routes.get('/espace/:workspaceId/strategie/actions/:actionId', view, (c) =>
    withAction(c, (action) => renderAction(c, action)),
  )

  routes.get('/espace/:workspaceId/strategie/actions/:actionId/modifier', edit, (c) =>
    withAction(c, (action) =>
      renderForm(c, { mode: 'edit', saved: action, values: actionFormValues(action) }),
    ),
  )

  routes.post('/espace/:workspaceId/strategie/actions/:actionId/modifier', edit, (c) =>
    withAction(c, (action) => submitForm(c, 'edit', action)),
  )

  const renderDelete = (c: Context<AppEnv>, action: ActionDetails) =>
    c.render(<DeleteActionPage c={c} action={action} />, {
      title: c.get('t')('actions.delete.title', { title: action.title }),
    })

  routes.get('/espace/:workspaceId/strategie/actions/:actionId/supprimer', edit, (c) =>
    withAction(c, (action) => renderDelete(c, action)),
  )

  routes.post('/espace/:workspaceId/strategie/actions/:actionId/supprimer', edit, (c) =>
    withAction(c, async (action) => {
      const values = await formValues(c)
      if (values.confirm !== '1') return renderDelete(c, action)
      await deleteAction(db, { workspaceId: c.get('workspace').id, actorId: actorId(c), id: action.id })
      return c.redirect(`${listPath(c)}?info=supprimee`, 303)
    }),
  )

  routes.post('/espace/:workspaceId/strategie/actions/:actionId/notes', edit, (c) =>
    withAction(c, async (action) => {
      const t = c.get('t')
      const body = ((await formValues(c)).body ?? '').trim()
      const problem =
        body === ''
          ? t('actions.error.noteRequired')
          : body.length > noteMaxLength
            ? t('actions.error.tooLong', { maximum: noteMaxLength })
            : null
      if (problem) {
        c.status(400)
        return renderAction(c, action, { value: body, errors: { body: problem } })
      }
      await addActionNote(db, {
        workspaceId: c.get('workspace').id,
        actorId: actorId(c),
        actionId: action.id,
        body,
      })
      return c.redirect(`${listPath(c)}/${action.id}?info=note`, 303)
    }),
  )

  return routes
}
