import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { parseQuery } from '../../../lib/parse-query.js'
import { renderBadRequest, renderForbidden, renderNotFound } from '../../../ui/error-pages.js'
import { formValues } from '../../../ui/forms.js'
import { noticeFrom } from '../../../ui/notices.js'
import { templateExampleCsv } from '../../footprint/import/template-format.js'
import { templateExampleXlsx } from '../../footprint/xlsx/template-xlsx.js'
import { workspaceAccess } from '../../workspaces/workspace-access.middleware.js'
import { countItems } from '../inventory.queries.js'
import { removeUploads } from './import-files.js'
import { importJobs, type JobContext, startCheck, startImport } from './import-jobs.js'
import { parseReport } from './import-report.js'
import {
  deleteImport,
  findImport,
  type ImportRow,
  insertImport,
  listImports,
  moveImport,
} from './imports.queries.js'
import { maxUploadBytes, receiveUpload } from './receive-upload.js'
import { ImportDetailPage } from './views/import-detail.page.js'
import { ImportsListPage, statusKey } from './views/imports-list.page.js'

const maxMegabytes = maxUploadBytes / (1024 * 1024)
const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) })
const modeForm = z.object({ mode: z.enum(['all', 'valid']) })

/** Inventory imports: upload (streamed to disk), check, preview, errors, background import. */
export function importsRoutes(deps: AppDependencies) {
  const { db } = deps
  const jobs: JobContext = { db, dataDir: deps.config.dataDir }
  const routes = new Hono<AppEnv>()
  const listPath = (c: Context<AppEnv>) => `/espace/${c.get('workspace').id}/empreinte/imports`
  const actorId = (c: Context<AppEnv>) => (c.get('user') as { id: number }).id

  // The template, public: anyone preparing a file may take it, account or not.
  routes.get('/empreinte/modele.csv', (c) => {
    const locale = c.get('locale')
    c.header('content-type', 'text/csv; charset=utf-8')
    c.header('content-disposition', `attachment; filename="${c.get('t')('imports.template.fileName')}.csv"`)
    return c.body(templateExampleCsv(locale))
  })
  routes.get('/empreinte/modele.xlsx', (c) => {
    const locale = c.get('locale')
    c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    c.header('content-disposition', `attachment; filename="${c.get('t')('imports.template.fileName')}.xlsx"`)
    return c.body(templateExampleXlsx(locale) as Uint8Array<ArrayBuffer>)
  })

  const renderList = async (
    c: Context<AppEnv>,
    state: { errors?: Record<string, string>; replace?: boolean } = {},
  ) => {
    const imports = await listImports(db, c.get('workspace').id)
    const notice = noticeFrom(c, { abandonne: 'imports.info.abandoned' })
    if (state.errors) c.status(400)
    return c.render(
      <ImportsListPage
        c={c}
        imports={imports}
        maxMegabytes={maxMegabytes}
        errors={state.errors}
        replace={state.replace}
        notice={notice?.text}
      />,
      { title: c.get('t')('imports.title') },
    )
  }

  routes.get('/espace/:workspaceId/empreinte/imports', workspaceAccess(deps, 'workspace.view'), (c) =>
    renderList(c),
  )

  routes.post(
    '/espace/:workspaceId/empreinte/imports',
    workspaceAccess(deps, 'inventory.edit'),
    async (c) => {
      const t = c.get('t')
      const workspaceId = c.get('workspace').id
      const upload = await receiveUpload(c, deps.config.dataDir, workspaceId)
      if (!upload.ok) {
        if (upload.reason === 'csrf') return renderForbidden(c, 'csrf')
        c.status(upload.reason === 'too_large' ? 413 : 400)
        const title = upload.reason === 'too_large' ? t('imports.tooLarge.title') : t('imports.title')
        return c.render(
          <>
            <h1>{title}</h1>
            <p>
              {upload.reason === 'too_large'
                ? t('imports.tooLarge.text', { size: maxMegabytes })
                : t('imports.malformed')}
            </p>
            <p>
              <a href={listPath(c)}>{t('imports.back')}</a>
            </p>
          </>,
          { title },
        )
      }
      const replace = upload.fields.inventaire === 'remplacer'
      const inventory = upload.files.fichier
      if (!inventory) {
        await removeUploads(deps.config.dataDir, [upload.files.centres?.path ?? null])
        return renderList(c, { errors: { fichier: t('imports.form.noFile') }, replace })
      }
      const datacenters = upload.files.centres ?? null
      const importId = await insertImport(db, {
        workspaceId,
        fileName: inventory.fileName,
        filePath: inventory.path,
        datacenterFileName: datacenters?.fileName ?? null,
        datacenterFilePath: datacenters?.path ?? null,
        fileBytes: inventory.bytes + (datacenters?.bytes ?? 0),
        replace,
        createdBy: actorId(c),
      })
      // Not awaited: the page shows the progress.
      void startCheck(
        jobs,
        { id: importId, workspace_id: workspaceId, file_path: inventory.path },
        c.get('locale'),
      )
      return c.redirect(`${listPath(c)}/${importId}`, 303)
    },
  )

  /** Seconds between two reloads of a running import's page. */
  const progressRefreshSeconds = 2

  /** The workspace's import named by the path, or a 404 (another workspace's import included). */
  const withImport = async (c: Context<AppEnv>, handle: (row: ImportRow) => Promise<Response> | Response) => {
    const id = Number(c.req.param('importId'))
    const row =
      Number.isSafeInteger(id) && id > 0 ? await findImport(db, c.get('workspace').id, id) : undefined
    if (!row) return renderNotFound(c)
    return handle(row)
  }

  const renderDetail = async (c: Context<AppEnv>, row: ImportRow, page = 1, conflict?: string) => {
    const running = row.status === 'checking' || row.status === 'importing'
    // Progress without JavaScript: the browser reloads the page (Refresh header) while the job runs,
    // unless the person turned it off (WCAG 2.2.1: an automatic update can be stopped).
    const autoRefresh = running && c.req.query('actualiser') !== 'non'
    if (autoRefresh) c.header('Refresh', String(progressRefreshSeconds))
    const [creator, inventory] = await Promise.all([
      row.created_by === null
        ? undefined
        : db.selectFrom('users').select('name').where('id', '=', row.created_by).executeTakeFirst(),
      row.status === 'checked' && row.replace_inventory === 1
        ? countItems(db, row.workspace_id)
        : { items: 0, quantity: 0 },
    ])
    if (conflict) c.status(409)
    return c.render(
      <ImportDetailPage
        c={c}
        detail={{
          row,
          report: parseReport(row.report),
          progress: importJobs.progressOf(row.file_path),
          createdBy: creator?.name ?? null,
          inventoryRows: inventory.items,
          errorsPage: page,
          conflict,
          autoRefresh,
        }}
      />,
      { title: c.get('t')('imports.detail.title', { file: row.file_name }) },
    )
  }

  routes.get(
    '/espace/:workspaceId/empreinte/imports/:importId',
    workspaceAccess(deps, 'workspace.view'),
    (c) =>
      withImport(c, (row) => {
        const query = parseQuery(pageQuery, { page: c.req.query('page') })
        if (!query.ok) return renderBadRequest(c, query.problems)
        return renderDetail(c, row, query.value.page)
      }),
  )

  const statusConflict = (c: Context<AppEnv>, row: ImportRow) =>
    renderDetail(
      c,
      row,
      1,
      c.get('t')('imports.conflict.status', { status: c.get('t')(statusKey(row.status)) }),
    )

  routes.post(
    '/espace/:workspaceId/empreinte/imports/:importId/importer',
    workspaceAccess(deps, 'inventory.edit'),
    (c) =>
      withImport(c, async (row) => {
        const form = parseQuery(modeForm, await formValues(c))
        if (!form.ok) return renderBadRequest(c, form.problems)
        const mode = form.value.mode
        if (row.status !== 'checked') return statusConflict(c, row)
        // All-or-nothing by default: a file with errors is imported only when the person chose "valid".
        if (mode === 'all' && row.error_count > 0)
          return renderDetail(c, row, 1, c.get('t')('imports.conflict.errors'))
        if (!row.valid_rows) return renderDetail(c, row, 1, c.get('t')('imports.actions.noValid'))
        const moved = await moveImport(db, row.workspace_id, row.id, ['checked'], 'importing', { mode })
        if (!moved) return statusConflict(c, (await findImport(db, row.workspace_id, row.id)) ?? row)
        void startImport(jobs, row, mode, actorId(c))
        return c.redirect(`${listPath(c)}/${row.id}`, 303)
      }),
  )

  const waitingStatuses = ['checked', 'refused', 'failed'] as const

  routes.post(
    '/espace/:workspaceId/empreinte/imports/:importId/reverifier',
    workspaceAccess(deps, 'inventory.edit'),
    (c) =>
      withImport(c, async (row) => {
        const moved = await moveImport(db, row.workspace_id, row.id, ['checked', 'failed'], 'checking', {
          processed_rows: 0,
        })
        if (!moved) return statusConflict(c, row)
        void startCheck(jobs, row, c.get('locale'))
        return c.redirect(`${listPath(c)}/${row.id}`, 303)
      }),
  )

  routes.post(
    '/espace/:workspaceId/empreinte/imports/:importId/annuler',
    workspaceAccess(deps, 'inventory.edit'),
    (c) =>
      withImport(c, async (row) => {
        // Deleted only while waiting for a choice (not once started, by another tab say).
        const deleted = await deleteImport(db, row.workspace_id, row.id, waitingStatuses)
        if (!deleted) return statusConflict(c, row)
        await removeUploads(deps.config.dataDir, [row.file_path, row.datacenter_file_path])
        return c.redirect(`${listPath(c)}?info=abandonne`, 303)
      }),
  )

  return routes
}

/**
 * The upload of an inventory file is streamed to disk by its own route, which checks the form's
 * CSRF field itself (it comes before the file): the general CSRF middleware would read the whole
 * body into memory first. app.ts skips that middleware for these requests only.
 */
export function isStreamedUpload(method: string, path: string): boolean {
  return method === 'POST' && /^\/espace\/\d+\/empreinte\/imports$/.test(path)
}
