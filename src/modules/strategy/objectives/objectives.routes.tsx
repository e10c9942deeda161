import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { parseQuery } from '../../../lib/parse-query.js'
import { renderBadRequest, renderNotFound } from '../../../ui/error-pages.js'
import { type FieldErrors, formValues } from '../../../ui/forms.js'
import { currentReferential } from '../../referential/referential.store.js'
import { workspaceAccess } from '../../workspaces/workspace-access.middleware.js'
import { workspaceRowLoader } from '../../workspaces/workspace-row.js'
import { findIndicator, indicatorReadings, yearsBetween } from '../indicators/indicator-readings.js'
import {
  type FieldProblem,
  type ObjectiveInput,
  objectiveFormValues,
  parseObjectiveForm,
} from './objective-form.js'
import { objectiveYearSpan, objectiveYears } from './objective-years.js'
import {
  actionCountsByAxis,
  actionsOfObjective,
  createObjective,
  deleteObjective,
  findObjective,
  type Objective,
  objectivesWithStatus,
  updateObjective,
  withStatus,
} from './objectives.queries.js'
import { AxesPage } from './views/axes.page.js'
import { DeleteObjectivePage, ObjectivePage } from './views/objective.page.js'
import { ObjectiveFormPage } from './views/objective-form.page.js'
import { ObjectiveListPage } from './views/objective-list.page.js'

const thisYear = () => new Date().getUTCFullYear()

/** Objectives (baseline, targets, status along the trajectory) and the decree axes overview. */
export function objectivesRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  const strategyPath = (c: Context<AppEnv>) => `/espace/${c.get('workspace').id}/strategie`
  const listPath = (c: Context<AppEnv>) => `${strategyPath(c)}/objectifs`
  const actorId = (c: Context<AppEnv>) => (c.get('user') as { id: number }).id

  /** Loads this workspace's objective, or answers 404 the same way for a bad id and another's. */
  const withObjective = workspaceRowLoader('objectiveId', 'objectives.notFound', (workspaceId, id) =>
    findObjective(db, workspaceId, id),
  )

  // -- List and the decree axes ---------------------------------------------------------------

  routes.get(
    '/espace/:workspaceId/strategie/objectifs',
    workspaceAccess(deps, 'workspace.view'),
    async (c) => {
      const referential = await currentReferential(db)
      const year = thisYear()
      const objectives = await objectivesWithStatus(db, referential, c.get('workspace').id, year)
      return c.render(<ObjectiveListPage c={c} objectives={objectives} year={year} />, {
        title: c.get('t')('objectives.list.title'),
      })
    },
  )

  routes.get('/espace/:workspaceId/strategie/axes', workspaceAccess(deps, 'workspace.view'), async (c) => {
    const workspaceId = c.get('workspace').id
    const referential = await currentReferential(db)
    const year = thisYear()
    const [objectives, actionCounts] = await Promise.all([
      objectivesWithStatus(db, referential, workspaceId, year),
      actionCountsByAxis(db, workspaceId),
    ])
    return c.render(
      <AxesPage
        c={c}
        referential={referential}
        objectives={objectives}
        actionCounts={actionCounts}
        year={year}
      />,
      { title: c.get('t')('objectives.axes.title') },
    )
  })

  // -- Create and edit ------------------------------------------------------------------------

  interface FormState {
    mode: 'create' | 'edit'
    objective?: Objective
    values: Record<string, string>
    errors?: FieldErrors
  }

  const renderForm = async (c: Context<AppEnv>, state: FormState) => {
    const t = c.get('t')
    const referential = await currentReferential(db)
    const objective = state.objective
    return c.render(
      <ObjectiveFormPage
        c={c}
        mode={state.mode}
        action={objective ? `${listPath(c)}/${objective.id}/modifier` : listPath(c)}
        values={state.values}
        errors={state.errors ?? {}}
        referential={referential}
        cancelHref={objective ? `${listPath(c)}/${objective.id}` : listPath(c)}
        {...(objective ? { currentTitle: objective.title } : {})}
      />,
      {
        title: objective
          ? t('objectives.form.editTitle', { title: objective.title })
          : t('objectives.form.createTitle'),
      },
    )
  }

  const translated = (c: Context<AppEnv>, problems: Record<string, FieldProblem>): FieldErrors => {
    const errors: FieldErrors = {}
    for (const [field, problem] of Object.entries(problems))
      errors[field] = c.get('t')(problem.key, problem.params)
    return errors
  }

  /** Saves the form or shows it again with every problem (400, nothing written). */
  const submitForm = async (c: Context<AppEnv>, objective?: Objective) => {
    const values = await formValues(c)
    const referential = await currentReferential(db)
    const parsed = parseObjectiveForm(values, referential)
    const mode = objective ? 'edit' : 'create'
    if (!parsed.ok) {
      c.status(400)
      return renderForm(c, {
        mode,
        values,
        errors: translated(c, parsed.problems),
        ...(objective ? { objective } : {}),
      })
    }
    const workspaceId = c.get('workspace').id
    const input: ObjectiveInput = parsed.input
    if (objective) {
      const updated = await updateObjective(db, {
        workspaceId,
        actorId: actorId(c),
        id: objective.id,
        objective: input,
      })
      if (!updated) return renderNotFound(c, c.get('t')('objectives.notFound'))
      return c.redirect(`${listPath(c)}/${objective.id}?info=modifie`, 303)
    }
    const id = await createObjective(db, { workspaceId, actorId: actorId(c), objective: input })
    return c.redirect(`${listPath(c)}/${id}?info=cree`, 303)
  }

  routes.get(
    '/espace/:workspaceId/strategie/objectifs/nouveau',
    workspaceAccess(deps, 'strategy.edit'),
    async (c) => {
      const referential = await currentReferential(db)
      // `?indicateur=4.1` (from an indicator's page) chooses the indicator and proposes its name as the title.
      const query = z.object({
        indicateur: z
          .string()
          .optional()
          .refine((id) => id === undefined || id === '' || findIndicator(referential, id) !== undefined, {
            message: c.get('t')('objectives.error.indicatorUnknown', { id: c.req.query('indicateur') ?? '' }),
          }),
      })
      const parsed = parseQuery(query, { indicateur: c.req.query('indicateur') })
      if (!parsed.ok) return renderBadRequest(c, parsed.problems)
      const indicator = parsed.value.indicateur
        ? findIndicator(referential, parsed.value.indicateur)
        : undefined
      const values: Record<string, string> = indicator
        ? { indicator: indicator.id, title: indicator.name }
        : {}
      return renderForm(c, { mode: 'create', values })
    },
  )

  routes.post('/espace/:workspaceId/strategie/objectifs', workspaceAccess(deps, 'strategy.edit'), (c) =>
    submitForm(c),
  )

  routes.get(
    '/espace/:workspaceId/strategie/objectifs/:objectiveId/modifier',
    workspaceAccess(deps, 'strategy.edit'),
    (c) =>
      withObjective(c, (objective) =>
        renderForm(c, { mode: 'edit', objective, values: objectiveFormValues(objective) }),
      ),
  )

  routes.post(
    '/espace/:workspaceId/strategie/objectifs/:objectiveId/modifier',
    workspaceAccess(deps, 'strategy.edit'),
    (c) => withObjective(c, (objective) => submitForm(c, objective)),
  )

  // -- Delete (a confirmation page first: no JavaScript dialog) -------------------------------

  const renderDelete = async (c: Context<AppEnv>, objective: Objective) => {
    const actions = await actionsOfObjective(db, c.get('workspace').id, objective.id)
    return c.render(<DeleteObjectivePage c={c} objective={objective} actionCount={actions.length} />, {
      title: c.get('t')('objectives.delete.title', { title: objective.title }),
    })
  }

  routes.get(
    '/espace/:workspaceId/strategie/objectifs/:objectiveId/supprimer',
    workspaceAccess(deps, 'strategy.edit'),
    (c) => withObjective(c, (objective) => renderDelete(c, objective)),
  )

  routes.post(
    '/espace/:workspaceId/strategie/objectifs/:objectiveId/supprimer',
    workspaceAccess(deps, 'strategy.edit'),
    (c) =>
      withObjective(c, async (objective) => {
        const values = await formValues(c)
        if (values.confirm !== '1') return renderDelete(c, objective)
        await deleteObjective(db, {
          workspaceId: c.get('workspace').id,
          actorId: actorId(c),
          id: objective.id,
        })
        return c.redirect(`${listPath(c)}?info=supprime`, 303)
      }),
  )

  // -- One objective ----------------------------------------------------------------------------

  routes.get(
    '/espace/:workspaceId/strategie/objectifs/:objectiveId',
    workspaceAccess(deps, 'workspace.view'),
    (c) =>
      withObjective(c, async (objective) => {
        const workspaceId = c.get('workspace').id
        const referential = await currentReferential(db)
        const year = thisYear()
        const span = objectiveYearSpan(objective.baseline, objective.targets, year)
        // Measures exist up to this year: later years are not read (each computed year costs a footprint).
        const [readings, actions] = await Promise.all([
          indicatorReadings(db, referential, workspaceId, yearsBetween(span.from, Math.min(span.to, year)), [
            objective.indicatorId,
          ]),
          actionsOfObjective(db, workspaceId, objective.id),
        ])
        const current = withStatus(referential, objective, readings, year)
        const axis = referential.decreeAxes.find((candidate) => candidate.id === objective.decreeAxis)
        return c.render(
          <ObjectivePage
            c={c}
            objective={current}
            axisLabel={axis?.label ?? null}
            years={objectiveYears(objective.baseline, objective.targets, readings, year)}
            actions={actions}
            currentYear={year}
          />,
          { title: objective.title },
        )
      }),
  )

  return routes
}
