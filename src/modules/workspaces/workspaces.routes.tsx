import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { fr } from '../../i18n/fr.js'
import { formatNumber } from '../../i18n/i18n.js'
import { fieldErrorsOf, formValues } from '../../ui/forms.js'
import { listAssessments } from '../assessments/assessments.queries.js'
import { listMilestones } from '../strategy/milestones/milestones.queries.js'
import { reenObligationId, reenStandingOf } from '../strategy/milestones/reen-context.js'
import { nextReenStep } from '../strategy/milestones/reen-standing.js'
import { getTerritoryProfile } from '../territories/get-territory-profile.js'
import { declaredFiguresSchema, declareFigures } from './declare-figures.js'
import { WorkspaceHomePage } from './views/workspace-home.page.js'
import { WorkspacesListPage } from './views/workspaces-list.page.js'
import { signedIn, workspaceAccess } from './workspace-access.middleware.js'
import { listWorkspacesOf } from './workspaces.queries.js'

/** A member's workspaces and each workspace's home (declared figures). */
export function workspacesRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()

  routes.get('/espaces', signedIn, async (c) => {
    const user = c.get('user')
    const workspaces = user ? await listWorkspacesOf(db, user.id) : []
    return c.render(<WorkspacesListPage c={c} workspaces={workspaces} />, {
      title: c.get('t')('workspaces.title'),
    })
  })

  const renderHome = async (
    c: Context<AppEnv>,
    state: {
      values?: { agents: string; purchases: string }
      errors?: Record<string, string>
      saved?: boolean
    },
  ) => {
    const workspace = c.get('workspace')
    const profile = await getTerritoryProfile(db, workspace.territoryKind, workspace.territoryCode, {
      membersPage: 1,
    })
    if (!profile) throw new Error(`Workspace ${workspace.id} points to a missing territory`)
    const locale = c.get('locale')
    const [assessments, milestones] = await Promise.all([
      listAssessments(db, workspace.id),
      listMilestones(db, workspace.id),
    ])
    const latestAssessment = assessments[0]
    const latestSubmitted = assessments.find((row) => row.status === 'submitted')
    // The profile has evaluated the REEN obligation already, with the territory's declared figures.
    const reen = reenStandingOf(
      profile.obligations.find((status) => status.obligation.id === reenObligationId),
      milestones,
    )
    const values = state.values ?? {
      agents: profile.declared.agentsFte === null ? '' : formatNumber(locale, profile.declared.agentsFte),
      purchases:
        profile.declared.annualPurchasesEur === null
          ? ''
          : formatNumber(locale, profile.declared.annualPurchasesEur),
    }
    return c.render(
      <WorkspaceHomePage
        c={c}
        profile={profile}
        values={values}
        errors={state.errors ?? {}}
        saved={state.saved ?? false}
        latestAssessment={latestAssessment}
        latestSubmitted={latestSubmitted}
        nextReenStep={nextReenStep(reen)}
      />,
      { title: c.get('t')('workspace.title', { territory: workspace.territoryName }) },
    )
  }

  routes.get('/espace/:workspaceId', workspaceAccess(deps, 'workspace.view'), async (c) => {
    const session = c.get('session')
    if (session && session.activeWorkspaceId !== c.get('workspace').id) {
      await db
        .updateTable('sessions')
        .set({ active_workspace_id: c.get('workspace').id })
        .where('id', '=', session.id)
        .execute()
    }
    return renderHome(c, { saved: c.req.query('info') === 'enregistre' })
  })

  routes.post('/espace/:workspaceId/chiffres', workspaceAccess(deps, 'workspace.editData'), async (c) => {
    const workspace = c.get('workspace')
    const values = await formValues(c)
    const parsed = declaredFiguresSchema.safeParse(values)
    if (!parsed.success) {
      c.status(400)
      return renderHome(c, {
        values: { agents: values.agents ?? '', purchases: values.purchases ?? '' },
        errors: fieldErrorsOf(parsed.error, c.get('t'), fr),
      })
    }
    await declareFigures(db, {
      workspaceId: workspace.id,
      territoryId: workspace.territoryId,
      actorId: (c.get('user') as { id: number }).id,
      agents: parsed.data.agents,
      purchasesEur: parsed.data.purchases,
    })
    return c.redirect(`/espace/${workspace.id}?info=enregistre`, 303)
  })

  return routes
}
