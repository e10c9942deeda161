import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { parseQuery } from '../../../lib/parse-query.js'
import { renderBadRequest, renderNotFound } from '../../../ui/error-pages.js'
import { type FieldErrors, formValues } from '../../../ui/forms.js'
import { workspaceAccess } from '../../workspaces/workspace-access.middleware.js'
import { workspaceRowLoader } from '../../workspaces/workspace-row.js'
import { type FootprintSettings, footprintSettings } from '../factor-bases.store.js'
import { type DeviceType, deviceTypes } from '../inventory-item.js'
import { type WorkspaceHeadcount, workspaceHeadcount } from '../workspace-footprint.js'
import {
  compareStoredScenario,
  loadScenarioInputs,
  type StoredComparison,
} from './compare-stored-scenario.js'
import { parseScenarioForm, scenarioFormValues, typesOfScenario } from './scenario-form.js'
import {
  createScenario,
  deleteScenario,
  findScenario,
  inventoryTypes,
  listScenarios,
  type SavedScenario,
  ScenarioNameTaken,
  updateScenario,
} from './scenarios.queries.js'
import { ReusePage } from './views/reuse.page.js'
import { DeleteScenarioPage, ScenarioPage } from './views/scenario.page.js'
import { ScenarioFormPage } from './views/scenario-form.page.js'
import { ScenarioListPage } from './views/scenario-list.page.js'
import { workspaceReuseRate } from './workspace-reuse-rate.js'

const yearQuery = z.object({
  annee: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(2000).max(2100).optional(),
  ),
})

/** Saved footprint scenarios and the reuse rate of retired IT. */
export function scenariosRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  const listPath = (c: Context<AppEnv>) => `/espace/${c.get('workspace').id}/empreinte/scenarios`
  const actorId = (c: Context<AppEnv>) => (c.get('user') as { id: number }).id

  /** `?annee=`: the current UTC year when absent; a 400 naming the parameter when malformed. */
  const readYear = (
    c: Context<AppEnv>,
  ): { ok: true; year: number; given: boolean } | { ok: false; response: Response | Promise<Response> } => {
    const parsed = parseQuery(yearQuery, { annee: c.req.query('annee') })
    if (!parsed.ok) return { ok: false, response: renderBadRequest(c, parsed.problems) }
    const year = parsed.value.annee
    return { ok: true, year: year ?? new Date().getUTCFullYear(), given: year !== undefined }
  }

  /** Loads this workspace's scenario, or answers 404 the same way for a bad id and another's. */
  const withScenario = workspaceRowLoader('scenarioId', 'scenarios.notFound', (workspaceId, id) =>
    findScenario(db, workspaceId, id),
  )

  // -- List -----------------------------------------------------------------------------------

  routes.get(
    '/espace/:workspaceId/empreinte/scenarios',
    workspaceAccess(deps, 'workspace.view'),
    async (c) => {
      const read = readYear(c)
      if (!read.ok) return read.response
      const workspaceId = c.get('workspace').id
      const saved = await listScenarios(db, workspaceId)
      // The inventory is read once for every scenario of the page (and not at all when there is none).
      const inputs = saved.length > 0 ? await loadScenarioInputs(db, workspaceId) : null
      const base = inputs?.base ?? (await footprintSettings(db, workspaceId)).base
      const rows = inputs
        ? saved.map((scenario) => ({
            saved: scenario,
            comparison: compareStoredScenario(inputs, scenario.stored, read.year),
          }))
        : []
      return c.render(<ScenarioListPage c={c} rows={rows} base={base} year={read.year} />, {
        title: c.get('t')('scenarios.list.title'),
      })
    },
  )

  // -- Create and edit ------------------------------------------------------------------------

  interface Known {
    settings: FootprintSettings
    headcount: WorkspaceHeadcount
  }

  interface FormState {
    mode: 'create' | 'edit'
    saved?: SavedScenario
    values: Record<string, string>
    errors?: FieldErrors
    schemaErrors?: Set<string>
    preview?: StoredComparison | null
    year: number
    yearGiven: boolean
  }

  /** `known`: the settings and headcount a submission has read already (not read again). */
  const renderForm = async (c: Context<AppEnv>, state: FormState, known?: Known) => {
    const workspaceId = c.get('workspace').id
    const [settings, present, headcount] = await Promise.all([
      known?.settings ?? footprintSettings(db, workspaceId),
      inventoryTypes(db, workspaceId),
      known?.headcount ?? workspaceHeadcount(db, workspaceId),
    ])
    const wanted = new Set<string>([...present, ...(state.saved ? typesOfScenario(state.saved.stored) : [])])
    const types: DeviceType[] =
      present.length === 0 ? [...deviceTypes] : deviceTypes.filter((type) => wanted.has(type))
    const path =
      state.mode === 'create' ? `${listPath(c)}/nouveau` : `${listPath(c)}/${state.saved?.id}/modifier`
    const t = c.get('t')
    return c.render(
      <ScenarioFormPage
        c={c}
        mode={state.mode}
        action={state.yearGiven ? `${path}?annee=${state.year}` : path}
        values={state.values}
        errors={state.errors ?? {}}
        schemaErrors={state.schemaErrors ?? new Set()}
        base={settings.base}
        types={types}
        agents={headcount.agents}
        year={state.year}
        preview={state.preview ?? null}
        currentName={state.saved?.name}
      />,
      {
        title:
          state.mode === 'create'
            ? t('scenarios.form.createTitle')
            : t('scenarios.form.editTitle', { name: state.saved?.name ?? '' }),
      },
    )
  }

  /** Preview (re-render with the comparison, nothing saved) or save, for both create and edit. */
  const submitForm = async (c: Context<AppEnv>, mode: 'create' | 'edit', saved?: SavedScenario) => {
    const read = readYear(c)
    if (!read.ok) return read.response
    const workspaceId = c.get('workspace').id
    const values = await formValues(c)
    const preview = values.action === 'preview'
    const [settings, headcount] = await Promise.all([
      footprintSettings(db, workspaceId),
      workspaceHeadcount(db, workspaceId),
    ])
    const known: Known = { settings, headcount }
    const state: FormState = { mode, values, year: read.year, yearGiven: read.given }
    if (saved) state.saved = saved
    const parsed = parseScenarioForm(values, settings.base, {
      agents: headcount.agents,
      nameRequired: !preview,
      t: c.get('t'),
    })
    if (!parsed.ok) {
      c.status(400)
      return renderForm(c, { ...state, errors: parsed.errors, schemaErrors: parsed.schemaErrors }, known)
    }
    const stored = { ...parsed.stored, base: { id: settings.base.id, version: settings.base.version } }
    if (preview) {
      const inputs = await loadScenarioInputs(db, workspaceId, known)
      return renderForm(c, { ...state, preview: compareStoredScenario(inputs, stored, read.year) }, known)
    }
    let id: number
    try {
      if (mode === 'create')
        id = await createScenario(db, { workspaceId, actorId: actorId(c), name: parsed.name, stored })
      else {
        id = (saved as SavedScenario).id
        const updated = await updateScenario(db, {
          workspaceId,
          actorId: actorId(c),
          id,
          name: parsed.name,
          stored,
        })
        if (!updated) return renderNotFound(c, c.get('t')('scenarios.notFound'))
      }
    } catch (error) {
      if (!(error instanceof ScenarioNameTaken)) throw error
      c.status(409)
      return renderForm(
        c,
        { ...state, errors: { name: c.get('t')('scenarios.error.duplicate', { name: parsed.name }) } },
        known,
      )
    }
    const year = read.given ? `&annee=${read.year}` : ''
    return c.redirect(`${listPath(c)}/${id}?info=${mode === 'create' ? 'cree' : 'modifie'}${year}`, 303)
  }

  routes.get(
    '/espace/:workspaceId/empreinte/scenarios/nouveau',
    workspaceAccess(deps, 'footprint.edit'),
    (c) => {
      const read = readYear(c)
      if (!read.ok) return read.response
      return renderForm(c, { mode: 'create', values: {}, year: read.year, yearGiven: read.given })
    },
  )

  routes.post(
    '/espace/:workspaceId/empreinte/scenarios/nouveau',
    workspaceAccess(deps, 'footprint.edit'),
    (c) => submitForm(c, 'create'),
  )

  routes.get(
    '/espace/:workspaceId/empreinte/scenarios/:scenarioId/modifier',
    workspaceAccess(deps, 'footprint.edit'),
    (c) =>
      withScenario(c, (saved) => {
        const read = readYear(c)
        if (!read.ok) return read.response
        return renderForm(c, {
          mode: 'edit',
          saved,
          values: scenarioFormValues(saved.name, saved.stored),
          year: read.year,
          yearGiven: read.given,
        })
      }),
  )

  routes.post(
    '/espace/:workspaceId/empreinte/scenarios/:scenarioId/modifier',
    workspaceAccess(deps, 'footprint.edit'),
    (c) => withScenario(c, (saved) => submitForm(c, 'edit', saved)),
  )

  // -- Delete (a confirmation page first: no JavaScript dialog) -------------------------------

  const renderDelete = (c: Context<AppEnv>, saved: SavedScenario) =>
    c.render(<DeleteScenarioPage c={c} saved={saved} />, {
      title: c.get('t')('scenarios.delete.title', { name: saved.name }),
    })

  routes.get(
    '/espace/:workspaceId/empreinte/scenarios/:scenarioId/supprimer',
    workspaceAccess(deps, 'footprint.edit'),
    (c) => withScenario(c, (saved) => renderDelete(c, saved)),
  )

  routes.post(
    '/espace/:workspaceId/empreinte/scenarios/:scenarioId/supprimer',
    workspaceAccess(deps, 'footprint.edit'),
    (c) =>
      withScenario(c, async (saved) => {
        const values = await formValues(c)
        if (values.confirm !== '1') return renderDelete(c, saved)
        await deleteScenario(db, { workspaceId: c.get('workspace').id, actorId: actorId(c), id: saved.id })
        return c.redirect(`${listPath(c)}?info=supprime`, 303)
      }),
  )

  // -- One scenario -----------------------------------------------------------------------------

  routes.get(
    '/espace/:workspaceId/empreinte/scenarios/:scenarioId',
    workspaceAccess(deps, 'workspace.view'),
    (c) =>
      withScenario(c, async (saved) => {
        const read = readYear(c)
        if (!read.ok) return read.response
        const inputs = await loadScenarioInputs(db, c.get('workspace').id)
        const comparison = compareStoredScenario(inputs, saved.stored, read.year)
        return c.render(
          <ScenarioPage
            c={c}
            saved={saved}
            base={inputs.base}
            method={inputs.method}
            year={read.year}
            comparison={comparison}
          />,
          { title: c.get('t')('scenarios.view.title', { name: saved.name }) },
        )
      }),
  )

  // -- Reuse rate -------------------------------------------------------------------------------

  routes.get(
    '/espace/:workspaceId/empreinte/reemploi',
    workspaceAccess(deps, 'workspace.view'),
    async (c) => {
      const read = readYear(c)
      if (!read.ok) return read.response
      const result = await workspaceReuseRate(db, c.get('workspace').id, read.year)
      return c.render(<ReusePage c={c} result={result} />, { title: c.get('t')('reuse.title') })
    },
  )

  return routes
}
