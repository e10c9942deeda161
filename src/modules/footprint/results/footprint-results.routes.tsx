import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import type { MessageKey } from '../../../i18n/i18n.js'
import { type ParameterProblem, parseQuery } from '../../../lib/parse-query.js'
import { withQuery } from '../../../ui/components.js'
import { renderBadRequest, renderNotFound } from '../../../ui/error-pages.js'
import { formValues } from '../../../ui/forms.js'
import { type ItemFilter, listItems } from '../../inventory/inventory.queries.js'
import { workspaceAccess } from '../../workspaces/workspace-access.middleware.js'
import type { FootprintResult } from '../compute-footprint.js'
import { footprintSettings, loadFactorBase } from '../factor-bases.store.js'
import { deviceTypeLabels } from '../import/type-mapping.js'
import { type DeviceType, deviceTypes } from '../inventory-item.js'
import { computeWorkspaceYear } from './compute-workspace-footprints.js'
import { explainFigure } from './explain-figure-query.js'
import { footprintCsv, footprintJson } from './footprint-export.js'
import {
  FrozenResultExists,
  findFrozenResult,
  freezeFootprintResult,
  listFrozenResults,
} from './frozen-results.js'
import { loadFrozenResults, loadLiveResults } from './load-results.js'
import {
  type ExplanationQuery,
  explanationQuerySchema,
  exportQuerySchema,
  freezeFormSchema,
  frozenPathSchema,
  resultsQuerySchema,
} from './results-query.js'
import { ExplanationPage, type GroupLines } from './views/explanation.page.js'
import { FrozenListPage } from './views/frozen-list.page.js'
import { methodLabel } from './views/result-labels.js'
import { ResultsPage } from './views/results.page.js'

/** Our own messages for the cross-parameter checks (zod's custom issues carry a catalogue key). */
function translated(c: Context<AppEnv>, problems: ParameterProblem[]): ParameterProblem[] {
  const t = c.get('t')
  return problems.map((problem) =>
    problem.issue.code === 'custom' && problem.issue.message.startsWith('explanation.query.')
      ? {
          ...problem,
          issue: { ...problem.issue, message: t(`footprint.${problem.issue.message}` as MessageKey) },
        }
      : problem,
  )
}

const currentYear = () => new Date().getUTCFullYear()

/** Footprint results, explanations, frozen years and exports of a workspace. */
export function footprintResultsRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  const home = (c: Context<AppEnv>) => `/espace/${c.get('workspace').id}/empreinte`

  routes.get('/espace/:workspaceId/empreinte', workspaceAccess(deps, 'workspace.view'), async (c) => {
    const query = parseQuery(resultsQuerySchema, c.req.query())
    if (!query.ok) return renderBadRequest(c, query.problems)
    const model = await loadLiveResults(db, c.get('workspace').id, {
      year: query.value.annee ?? currentYear(),
      method: query.value.methode,
    })
    return c.render(<ResultsPage c={c} model={model} contributors={query.value.contributeurs ?? 'site'} />, {
      title: c.get('t')('footprint.results.title'),
    })
  })

  routes.get(
    '/espace/:workspaceId/empreinte/explication',
    workspaceAccess(deps, 'workspace.view'),
    async (c) => {
      const query = parseQuery(explanationQuerySchema, c.req.query())
      if (!query.ok) return renderBadRequest(c, translated(c, query.problems))
      const outcome = await explainFigure(db, c.get('workspace').id, query.value, {
        currentYear: currentYear(),
        resultsHref: home(c),
      })
      switch (outcome.kind) {
        case 'badCriterion':
          return renderBadRequest(c, [
            {
              parameter: 'critere',
              issue: {
                code: 'invalid_value',
                values: outcome.criteria,
                path: ['critere'],
                message: '',
                input: query.value.critere,
              },
            },
          ])
        case 'notFound':
          return renderNotFound(c, c.get('t')(outcome.message, outcome.params))
        case 'explained':
          return c.render(
            <ExplanationPage
              c={c}
              explanation={outcome.explanation}
              context={outcome.context}
              groupLines={await groupLinesOf(c, query.value)}
            />,
            {
              title: c.get('t')('footprint.explanation.title'),
            },
          )
      }
    },
  )

  /** Lines listed under a group's explanation. */
  const groupLinesShown = 20

  /**
   * A group's figure is a sum over inventory lines: its first lines link to their own explanation,
   * where the formula has every number filled in (live results only: a frozen year's lines may
   * have changed since).
   */
  const groupLinesOf = async (
    c: Context<AppEnv>,
    query: ExplanationQuery,
  ): Promise<GroupLines | undefined> => {
    const { dimension, cle: key } = query
    if (query.bilan || !key || !dimension || dimension === 'total') return undefined
    const filter: ItemFilter =
      dimension === 'type'
        ? deviceTypes.includes(key as DeviceType)
          ? { type: key as DeviceType }
          : {}
        : { [dimension]: key }
    if (Object.keys(filter).length === 0) return undefined
    const page = await listItems(db, c.get('workspace').id, filter, 1, groupLinesShown)
    const locale = c.get('locale')
    return {
      total: page.total,
      lines: page.items.map((item) => ({
        label: [
          item.reference ?? c.get('t')('inventory.list.line', { id: item.id }),
          deviceTypeLabels[item.type][locale],
          item.model,
          `× ${item.quantity}`,
        ]
          .filter(Boolean)
          .join(' · '),
        href: withQuery(`${home(c)}/explication`, {
          element: item.id,
          critere: query.critere,
          phase: query.phase,
          annee: query.annee,
          methode: query.methode,
        }),
      })),
    }
  }

  routes.post('/espace/:workspaceId/empreinte/figer', workspaceAccess(deps, 'footprint.edit'), async (c) => {
    const parsed = parseQuery(freezeFormSchema, await formValues(c))
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    const { annee: year, methode: method } = parsed.value
    const workspace = c.get('workspace')
    try {
      await freezeFootprintResult(db, {
        workspaceId: workspace.id,
        year,
        method,
        actorId: (c.get('user') as { id: number }).id,
      })
    } catch (error) {
      if (!(error instanceof FrozenResultExists)) throw error
      const t = c.get('t')
      c.status(409)
      return c.render(
        <>
          <h1>{t('footprint.freeze.conflictTitle')}</h1>
          <div class="error-summary" role="alert">
            <p>{t('footprint.freeze.conflict', { year, method: methodLabel(c, method) })}</p>
          </div>
          <p>
            <a href={`${home(c)}/bilans/${year}/${method}`}>{t('footprint.frozen.see')}</a> ·{' '}
            <a href={withQuery(home(c), { annee: year, methode: method })}>
              {t('footprint.frozen.live', { year })}
            </a>
          </p>
        </>,
        { title: t('footprint.freeze.conflictTitle') },
      )
    }
    return c.redirect(`${home(c)}/bilans/${year}/${method}?info=fige`, 303)
  })

  routes.get('/espace/:workspaceId/empreinte/bilans', workspaceAccess(deps, 'workspace.view'), async (c) => {
    const frozen = await listFrozenResults(db, c.get('workspace').id)
    return c.render(<FrozenListPage c={c} frozen={frozen} />, {
      title: c.get('t')('footprint.frozenList.title'),
    })
  })

  routes.get(
    '/espace/:workspaceId/empreinte/bilans/:year/:method',
    workspaceAccess(deps, 'workspace.view'),
    async (c) => {
      const path = frozenPathSchema.safeParse({ year: c.req.param('year'), method: c.req.param('method') })
      if (!path.success) return renderNotFound(c)
      const model = await loadFrozenResults(db, c.get('workspace').id, path.data.year, path.data.method)
      if (!model) return renderNotFound(c, c.get('t')('footprint.frozen.notFound', { year: path.data.year }))
      return c.render(<ResultsPage c={c} model={model} contributors="site" />, {
        title: c.get('t')('footprint.frozen.title', {
          year: model.year,
          method: methodLabel(c, model.method),
        }),
      })
    },
  )

  routes.get('/espace/:workspaceId/empreinte/export', workspaceAccess(deps, 'workspace.view'), async (c) => {
    const query = parseQuery(exportQuerySchema, c.req.query())
    if (!query.ok) return renderBadRequest(c, query.problems)
    const workspaceId = c.get('workspace').id
    const year = query.value.annee ?? currentYear()
    const settings = await footprintSettings(db, workspaceId)
    const method = query.value.methode ?? settings.method
    let result: FootprintResult
    let frozenAt: string | null = null
    if (query.value.bilan) {
      const frozen = await findFrozenResult(db, workspaceId, year, method)
      if (!frozen) return renderNotFound(c, c.get('t')('footprint.frozen.notFound', { year }))
      result = frozen.result
      frozenAt = frozen.createdAt
    } else result = await computeWorkspaceYear(db, workspaceId, { year, method, base: settings.base })
    const name = `empreinte-${year}-${method}${frozenAt ? '-bilan' : ''}`
    if (query.value.format === 'json') {
      const base = await loadFactorBase(db, result.base.id, result.base.version, workspaceId)
      c.header('Content-Disposition', `attachment; filename="${name}.json"`)
      return c.json(footprintJson(result, base, { frozenAt }))
    }
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="${name}.csv"`)
    return c.body(footprintCsv(result, { frozenAt }))
  })

  return routes
}
