import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { formatLongDate } from '../../../i18n/i18n.js'
import { renderNotFound } from '../../../ui/error-pages.js'
import { type FieldErrors, formValues } from '../../../ui/forms.js'
import { noticeFrom } from '../../../ui/notices.js'
import { todayInFrance } from '../../footprint/import/values.js'
import { currentReferential } from '../../referential/referential.store.js'
import { workspaceAccess } from '../../workspaces/workspace-access.middleware.js'
import { workspaceRowLoader } from '../../workspaces/workspace-row.js'
import { overviewRoutes } from '../overview/overview.routes.js'
import { type MilestoneField, milestoneFormValues, parseMilestoneForm } from './milestone-form.js'
import { createMilestone, deleteMilestone, findMilestone, updateMilestone } from './milestones.queries.js'
import { loadReenContext } from './reen-context.js'
import { DeleteMilestonePage, MilestoneFormPage } from './views/milestone-form.page.js'
import { MilestonesPage, milestonesPath } from './views/milestones.page.js'
import { milestoneLabel } from './views/reen-standing-view.js'

const notices = {
  ajoute: 'milestones.notice.created',
  modifie: 'milestones.notice.updated',
  supprime: 'milestones.notice.deleted',
} as const

/**
 * The REEN milestones of a workspace (work programme, strategy adoption, annual reviews) and where
 * the territory stands against the law's deadlines. The strategy overview is mounted here too, so
 * that the application's route list needs no change.
 */
export function milestonesRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  routes.route('/', overviewRoutes(deps))
  const actorId = (c: Context<AppEnv>) => (c.get('user') as { id: number }).id

  /** This workspace's milestone, or the same 404 for a malformed id and another workspace's. */
  const withMilestone = workspaceRowLoader('milestoneId', 'milestones.notFound', (workspaceId, id) =>
    findMilestone(db, workspaceId, id),
  )

  routes.get('/espace/:workspaceId/strategie/jalons', workspaceAccess(deps, 'workspace.view'), async (c) => {
    const reen = await loadReenContext(db, await currentReferential(db), c.get('workspace'))
    return c.render(<MilestonesPage c={c} reen={reen} notice={noticeFrom(c, notices)?.text} />, {
      title: c.get('t')('milestones.title'),
    })
  })

  const renderForm = (
    c: Context<AppEnv>,
    state: {
      mode: 'create' | 'edit'
      action: string
      values: Partial<Record<MilestoneField, string>>
      errors?: FieldErrors
    },
  ) => {
    const t = c.get('t')
    return c.render(
      <MilestoneFormPage
        c={c}
        mode={state.mode}
        action={state.action}
        values={state.values}
        errors={state.errors ?? {}}
      />,
      { title: state.mode === 'create' ? t('milestones.form.createTitle') : t('milestones.form.editTitle') },
    )
  }

  /** Checks the form; on a problem, the form again (400) with every field named and nothing written. */
  const readForm = async (c: Context<AppEnv>, mode: 'create' | 'edit', action: string) => {
    const values = await formValues(c)
    const parsed = parseMilestoneForm(values, { today: todayInFrance(), t: c.get('t') })
    if (parsed.ok) return { ok: true as const, input: parsed.input }
    c.status(400)
    return {
      ok: false as const,
      response: await renderForm(c, { mode, action, values, errors: parsed.errors }),
    }
  }

  routes.get('/espace/:workspaceId/strategie/jalons/nouveau', workspaceAccess(deps, 'strategy.edit'), (c) => {
    const kind = c.req.query('type')
    return renderForm(c, {
      mode: 'create',
      action: `${milestonesPath(c)}/nouveau`,
      values: { type: kind ?? '', date: '' },
    })
  })

  routes.post(
    '/espace/:workspaceId/strategie/jalons/nouveau',
    workspaceAccess(deps, 'strategy.edit'),
    async (c) => {
      const read = await readForm(c, 'create', `${milestonesPath(c)}/nouveau`)
      if (!read.ok) return read.response
      await createMilestone(db, {
        workspaceId: c.get('workspace').id,
        actorId: actorId(c),
        milestone: read.input,
      })
      return c.redirect(`${milestonesPath(c)}?info=ajoute`, 303)
    },
  )

  routes.get(
    '/espace/:workspaceId/strategie/jalons/:milestoneId/modifier',
    workspaceAccess(deps, 'strategy.edit'),
    (c) =>
      withMilestone(c, (milestone) =>
        renderForm(c, {
          mode: 'edit',
          action: `${milestonesPath(c)}/${milestone.id}/modifier`,
          values: milestoneFormValues(milestone),
        }),
      ),
  )

  routes.post(
    '/espace/:workspaceId/strategie/jalons/:milestoneId/modifier',
    workspaceAccess(deps, 'strategy.edit'),
    (c) =>
      withMilestone(c, async (milestone) => {
        const read = await readForm(c, 'edit', `${milestonesPath(c)}/${milestone.id}/modifier`)
        if (!read.ok) return read.response
        const updated = await updateMilestone(db, {
          workspaceId: c.get('workspace').id,
          actorId: actorId(c),
          id: milestone.id,
          milestone: read.input,
        })
        if (!updated) return renderNotFound(c, c.get('t')('milestones.notFound'))
        return c.redirect(`${milestonesPath(c)}?info=modifie`, 303)
      }),
  )

  routes.get(
    '/espace/:workspaceId/strategie/jalons/:milestoneId/supprimer',
    workspaceAccess(deps, 'strategy.edit'),
    (c) =>
      withMilestone(c, (milestone) => {
        const label = milestoneLabel(c, milestone.kind, milestone.year)
        return c.render(
          <DeleteMilestonePage
            c={c}
            label={label}
            date={formatLongDate(c.get('locale'), milestone.date)}
            action={`${milestonesPath(c)}/${milestone.id}/supprimer`}
          />,
          { title: c.get('t')('milestones.delete.title', { milestone: label }) },
        )
      }),
  )

  routes.post(
    '/espace/:workspaceId/strategie/jalons/:milestoneId/supprimer',
    workspaceAccess(deps, 'strategy.edit'),
    (c) =>
      withMilestone(c, async (milestone) => {
        const deleted = await deleteMilestone(db, {
          workspaceId: c.get('workspace').id,
          actorId: actorId(c),
          id: milestone.id,
        })
        if (!deleted) return renderNotFound(c, c.get('t')('milestones.notFound'))
        return c.redirect(`${milestonesPath(c)}?info=supprime`, 303)
      }),
  )

  return routes
}
