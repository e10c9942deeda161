import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { parseQuery } from '../../../lib/parse-query.js'
import { renderBadRequest, renderNotFound } from '../../../ui/error-pages.js'
import type { FieldErrors } from '../../../ui/forms.js'
import { noticeFrom } from '../../../ui/notices.js'
import type { Indicator, Referential } from '../../referential/referential.schemas.js'
import { currentReferential } from '../../referential/referential.store.js'
import { indexReferential } from '../../referential/referential-index.js'
import { workspaceAccess } from '../../workspaces/workspace-access.middleware.js'
import { canInWorkspace } from '../../workspaces/workspaces.policy.js'
import { listObjectives } from '../objectives/objectives.queries.js'
import { computedIndicatorValues, computedSourceOf } from './computed-indicators.js'
import { maxEvidenceBytes } from './evidence-file.js'
import { readEvidence } from './evidence-storage.js'
import { findIndicator, indicatorReadings, mergeReadings, yearsBetween } from './indicator-readings.js'
import { firstValueYear, lastValueYear, readValueForm, valueFields } from './indicator-value-form.js'
import {
  deleteIndicatorValue,
  findIndicatorValue,
  type IndicatorValueRow,
  listIndicatorValues,
  saveIndicatorValue,
} from './indicator-values.queries.js'
import { IndicatorPage, type IndicatorPageModel } from './views/indicator.page.js'
import { type CommitmentIndicators, IndicatorsPage } from './views/indicators.page.js'
import { indicatorPath } from './views/reading-text.js'

/** The save route: its uploads are capped before the CSRF check reads the body (mounted in app.ts). */
export const indicatorUploadPath = '/espace/:workspaceId/strategie/indicateurs/:indicatorId'

/** Caps an indicator value's upload; the allowance covers the multipart envelope and the other fields. */
export const indicatorUploadLimit = bodyLimit({
  maxSize: maxEvidenceBytes + 64 * 1024,
  onError: (c: Context<AppEnv>) => {
    const t = c.get('t')
    c.status(413)
    return c.render(
      <>
        <h1>{t('indicators.tooLarge.title')}</h1>
        <p>{t('indicators.tooLarge.text', { size: maxEvidenceBytes / 1024 / 1024 })}</p>
        <p>
          <a href={c.req.path}>{t('indicators.tooLarge.back')}</a>
        </p>
      </>,
      { title: t('indicators.tooLarge.title') },
    )
  },
})

/** Years the history shows at least: this one and the five before. */
const historyLength = 6

const yearQuery = () =>
  z.object({
    annee: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.coerce.number().int().min(firstValueYear).max(lastValueYear()).optional(),
    ),
  })

const notices = { enregistree: 'indicators.saved', supprimee: 'indicators.deleted' } as const

/** Indicator values per year: the list, one indicator with its history and form, its evidence. */
export function indicatorsRoutes(deps: AppDependencies) {
  const { db, config } = deps
  const routes = new Hono<AppEnv>()
  const view = workspaceAccess(deps, 'workspace.view')
  const edit = workspaceAccess(deps, 'strategy.edit')
  const actorId = (c: Context<AppEnv>) => (c.get('user') as { id: number }).id

  /** `?annee=`: undefined when absent; a 400 naming the parameter when malformed. */
  const readYear = (
    c: Context<AppEnv>,
  ): { ok: true; year: number | undefined } | { ok: false; response: Response | Promise<Response> } => {
    const parsed = parseQuery(yearQuery(), { annee: c.req.query('annee') })
    if (!parsed.ok) return { ok: false, response: renderBadRequest(c, parsed.problems) }
    return { ok: true, year: parsed.value.annee }
  }

  /** The indicator named in the path, in the referential in force; a 404 naming it otherwise. */
  const withIndicator = async (
    c: Context<AppEnv>,
    handle: (indicator: Indicator, referential: Referential) => Promise<Response> | Response,
  ) => {
    const referential = await currentReferential(db)
    const indicatorId = c.req.param('indicatorId') ?? ''
    const indicator = findIndicator(referential, indicatorId)
    if (!indicator)
      return renderNotFound(c, c.get('t')('indicators.unknown', { id: indicatorId.slice(0, 40) }))
    return handle(indicator, referential)
  }

  /** The path's year of a stored value; undefined (→ 404) for anything else. */
  const pathYear = (c: Context<AppEnv>) => {
    const text = c.req.param('year') ?? ''
    return /^\d{4}$/.test(text) ? Number(text) : undefined
  }

  routes.get('/espace/:workspaceId/strategie/indicateurs', view, async (c) => {
    const read = readYear(c)
    if (!read.ok) return read.response
    const year = read.year ?? new Date().getUTCFullYear()
    const referential = await currentReferential(db)
    const readings = await indicatorReadings(db, referential, c.get('workspace').id, [year], undefined, {
      locale: c.get('locale'),
    })
    const byId = new Map(readings.map((reading) => [reading.indicatorId, reading]))
    const groups: CommitmentIndicators[] = referential.ambitions.flatMap((ambition) =>
      ambition.commitments
        .filter((commitment) => commitment.indicators.length > 0)
        .map((commitment) => ({
          commitment: { id: commitment.id, title: commitment.title },
          rows: commitment.indicators.map((indicator) => ({
            indicator,
            reading: byId.get(indicator.id),
            computable: computedSourceOf(indicator) !== undefined,
          })),
        })),
    )
    return c.render(
      <IndicatorsPage
        c={c}
        year={year}
        referentialVersion={referential.version}
        groups={groups}
        notice={noticeFrom(c, notices)?.text}
      />,
      { title: c.get('t')('indicators.title', { year }) },
    )
  })

  /** The first year of the history: six years back, or earlier when data goes further back. */
  const historyStart = async (workspaceId: number, indicator: Indicator, entered: IndicatorValueRow[]) => {
    const current = new Date().getUTCFullYear()
    const starts = [current - historyLength + 1, ...entered.map((row) => row.year)]
    const source = computedSourceOf(indicator)
    if (source === 'assessment') {
      const row = await db
        .selectFrom('assessments')
        .select((eb) => eb.fn.min('year').as('first'))
        .where('workspace_id', '=', workspaceId)
        .where('status', '=', 'submitted')
        .executeTakeFirst()
      if (row?.first != null) starts.push(Number(row.first))
    }
    if (source === 'footprint' || source === 'equipment') {
      const row = await db
        .selectFrom('footprint_results')
        .select((eb) => eb.fn.min('year').as('first'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst()
      if (row?.first != null) starts.push(Number(row.first))
    }
    return Math.max(firstValueYear, Math.min(...starts))
  }

  /** The form as it opens for a year: that year's entered value, to correct it, or empty. */
  const formValuesOf = (row: IndicatorValueRow | undefined, year: number, locale: string) => ({
    [valueFields.year]: String(year),
    [valueFields.value]: row
      ? locale === 'fr'
        ? String(row.value).replace('.', ',')
        : String(row.value)
      : '',
    [valueFields.source]: row?.source ?? '',
    [valueFields.comment]: row?.comment ?? '',
    [valueFields.url]: row?.evidence_url ?? '',
  })

  const renderIndicator = async (
    c: Context<AppEnv>,
    indicator: Indicator,
    referential: Referential,
    state: { values?: Record<string, string>; errors: FieldErrors; listYear: number; notice?: string },
    status?: 400 | 413,
  ) => {
    const workspace = c.get('workspace')
    const entered = await listIndicatorValues(db, workspace.id, { indicatorId: indicator.id })
    const enteredByYear = new Map(entered.map((row) => [row.year, row]))
    const first = await historyStart(workspace.id, indicator, entered)
    const last = Math.max(new Date().getUTCFullYear(), ...entered.map((row) => row.year))
    const years = yearsBetween(first, last)
    const computed = await computedIndicatorValues(db, workspace.id, years, {
      indicatorIds: [indicator.id],
      locale: c.get('locale'),
      measures: true,
    })
    const readings = new Map(
      mergeReadings(referential, entered, computed, [indicator.id]).map((reading) => [reading.year, reading]),
    )
    const index = indexReferential(referential)
    const commitment = index.commitments.find((candidate) =>
      candidate.indicators.some((entry) => entry.id === indicator.id),
    )
    const model: IndicatorPageModel = {
      indicator,
      commitment: commitment ? { id: commitment.id, title: commitment.title } : undefined,
      computedSource: computedSourceOf(indicator),
      questionText: indicator.fromQuestion
        ? index.questions.get(indicator.fromQuestion)?.question.text
        : undefined,
      history: years.map((year) => ({ year, reading: readings.get(year) })),
      measures: computed.filter((value) => value.measureId !== undefined),
      entered: enteredByYear,
      canEdit: canInWorkspace(workspace.role, 'strategy.edit'),
      form: {
        // Without posted values, the form opens on the year's entered value (to correct it), or empty.
        values:
          state.values ?? formValuesOf(enteredByYear.get(state.listYear), state.listYear, c.get('locale')),
        errors: state.errors,
      },
      listYear: state.listYear,
      notice: state.notice,
      objectives: (await listObjectives(db, workspace.id))
        .filter((objective) => objective.indicatorId === indicator.id)
        .map((objective) => ({ id: objective.id, title: objective.title })),
    }
    if (status) c.status(status)
    return c.render(<IndicatorPage c={c} model={model} />, {
      title: c.get('t')('indicators.name', { id: indicator.id, name: indicator.name }),
    })
  }

  routes.get('/espace/:workspaceId/strategie/indicateurs/:indicatorId', view, (c) =>
    withIndicator(c, async (indicator, referential) => {
      const read = readYear(c)
      if (!read.ok) return read.response
      const year = read.year ?? new Date().getUTCFullYear()
      const notice = noticeFrom(c, notices, { year })?.text
      return renderIndicator(c, indicator, referential, {
        errors: {},
        listYear: year,
        ...(notice ? { notice } : {}),
      })
    }),
  )

  routes.post('/espace/:workspaceId/strategie/indicateurs/:indicatorId', edit, (c) =>
    withIndicator(c, async (indicator, referential) => {
      const outcome = await readValueForm(await c.req.parseBody(), c.get('t'), c.get('locale'))
      if (!outcome.ok) {
        const typed = Number(outcome.values[valueFields.year])
        const listYear =
          typed >= firstValueYear && typed <= lastValueYear() ? typed : new Date().getUTCFullYear()
        return renderIndicator(
          c,
          indicator,
          referential,
          { values: outcome.values, errors: outcome.errors, listYear },
          outcome.tooLarge ? 413 : 400,
        )
      }
      const { form } = outcome
      const workspaceId = c.get('workspace').id
      await saveIndicatorValue(db, config.dataDir, {
        workspaceId,
        indicatorId: indicator.id,
        year: form.year,
        value: form.value,
        source: form.source,
        comment: form.comment,
        evidenceUrl: form.evidenceUrl,
        evidenceFile: form.evidenceFile,
        removeFile: form.removeFile,
        actorId: actorId(c),
      })
      return c.redirect(
        `${indicatorPath(workspaceId, indicator.id)}?annee=${form.year}&info=enregistree`,
        303,
      )
    }),
  )

  routes.post('/espace/:workspaceId/strategie/indicateurs/:indicatorId/:year/supprimer', edit, (c) =>
    withIndicator(c, async (indicator) => {
      const t = c.get('t')
      const year = pathYear(c)
      const workspaceId = c.get('workspace').id
      const deleted =
        year === undefined
          ? undefined
          : await deleteIndicatorValue(db, config.dataDir, {
              workspaceId,
              indicatorId: indicator.id,
              year,
              actorId: actorId(c),
            })
      if (!deleted)
        return renderNotFound(c, t('indicators.valueNotFound', { id: indicator.id, year: year ?? '—' }))
      return c.redirect(
        `${indicatorPath(workspaceId, indicator.id)}?annee=${deleted.year}&info=supprimee`,
        303,
      )
    }),
  )

  routes.get('/espace/:workspaceId/strategie/indicateurs/:indicatorId/:year/preuve', view, (c) =>
    withIndicator(c, async (indicator) => {
      const year = pathYear(c)
      const row =
        year === undefined
          ? undefined
          : await findIndicatorValue(db, c.get('workspace').id, indicator.id, year)
      const notFound = () =>
        renderNotFound(c, c.get('t')('indicators.evidenceNotFound', { id: indicator.id, year: year ?? '—' }))
      if (!row?.evidence_file_path) return notFound()
      let content: Buffer
      try {
        content = await readEvidence(config.dataDir, row.evidence_file_path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return notFound()
        throw error
      }
      const name = row.evidence_file_name ?? 'preuve'
      return c.body(new Uint8Array(content), 200, {
        'content-type': row.evidence_content_type ?? 'application/octet-stream',
        'content-disposition': attachment(name),
        'content-length': String(content.byteLength),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      })
    }),
  )

  return routes
}

/** `attachment` with the person's file name: an ASCII stand-in, and the exact name (RFC 6266). */
function attachment(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_')
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
