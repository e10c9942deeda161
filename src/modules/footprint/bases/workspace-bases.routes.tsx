import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../../app-env.js'
import { Notice } from '../../../ui/components.js'
import { renderNotFound } from '../../../ui/error-pages.js'
import { type FieldErrors, formValues } from '../../../ui/forms.js'
import { noticeFrom } from '../../../ui/notices.js'
import { workspaceAccess } from '../../workspaces/workspace-access.middleware.js'
import type { FootprintMethod } from '../compute-footprint.js'
import type { FactorBase } from '../factor-base.schemas.js'
import {
  type FactorBaseSummary,
  FactorBaseVersionTaken,
  footprintSettings,
  listFactorBases,
  loadFactorBase,
  parseStoredBase,
  readStoredBase,
} from '../factor-bases.store.js'
import { downloadBase, downloadFormat } from './base-downloads.js'
import { baseFormValues, maxSourceLength, readBaseForm } from './base-form.js'
import { decodeCsvBytes } from './factor-base-csv.js'
import { baseIdTaken, nextOwnVersion } from './factor-bases.queries.js'
import {
  baseKey,
  editBasePath,
  parseBaseKey,
  workspaceBasePath,
  workspaceBasesPath,
} from './views/base-parts.js'
import { EditBasePage } from './views/edit-base.page.js'
import { ImportBasePage, type ImportBaseState, importFileField } from './views/import-base.page.js'
import { WorkspaceBasePage } from './views/workspace-base.page.js'
import { WorkspaceBasesPage, type WorkspaceBasesState } from './views/workspace-bases.page.js'
import {
  baseFromCsv,
  chooseFootprintSettings,
  copyFactorBase,
  isOwnBaseId,
  maxBaseNameLength,
  ownBaseId,
  publishOwnBase,
} from './workspace-bases.js'

const methods: readonly FootprintMethod[] = ['stock', 'flux']
const listPath = '/espace/:workspaceId/empreinte/bases'
const basePath = `${listPath}/:baseId/:version`

/** A workspace's own bases, one entry per id with its latest title (the list comes newest first). */
function ownBasesOf(bases: readonly FactorBaseSummary[], workspaceId: number) {
  const own = new Map<string, string>()
  for (const base of bases)
    if (base.workspaceId === workspaceId && !own.has(base.id)) own.set(base.id, base.title)
  return [...own].map(([id, title]) => ({ id, title }))
}

/**
 * A workspace and its factor bases: which base and method it computes with, viewing any base it
 * may use, copying one to adapt it, editing its own (each save a new version), importing a CSV.
 */
export function workspaceBasesRoutes(deps: AppDependencies, maxBytes: number) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  const view = workspaceAccess(deps, 'workspace.view')
  const edit = workspaceAccess(deps, 'footprint.edit')
  const actorId = (c: Context<AppEnv>) => (c.get('user') as { id: number }).id

  const renderList = async (c: Context<AppEnv>, state: WorkspaceBasesState = {}, status?: 400 | 409) => {
    const workspaceId = c.get('workspace').id
    const [settings, bases] = await Promise.all([
      footprintSettings(db, workspaceId),
      listFactorBases(db, workspaceId),
    ])
    if (status) c.status(status)
    return c.render(<WorkspaceBasesPage c={c} settings={settings} bases={bases} state={state} />, {
      title: c.get('t')('factor-bases.workspace.title'),
    })
  }

  routes.get(listPath, view, (c) =>
    renderList(c, { notice: noticeFrom(c, { reglages: 'factor-bases.settings.saved' })?.text }),
  )

  routes.post(listPath, edit, async (c) => {
    const t = c.get('t')
    const workspaceId = c.get('workspace').id
    const values = await formValues(c)
    const errors: FieldErrors = {}
    const key = parseBaseKey(values.base)
    const method = methods.find((known) => known === values.methode)
    if (!key) errors.base = t('factor-bases.settings.baseRequired')
    if (!method) errors.methode = t('factor-bases.settings.methodRequired')
    if (key && method) {
      const saved = await chooseFootprintSettings(db, {
        workspaceId,
        actorId: actorId(c),
        baseId: key.id,
        baseVersion: key.version,
        method,
      })
      if (saved) return c.redirect(`${workspaceBasesPath(workspaceId)}?info=reglages`, 303)
      errors.base = t('factor-bases.settings.baseUnknown')
    }
    return renderList(c, { form: 'settings', errors, values }, 400)
  })

  routes.post(`${listPath}/copier`, edit, async (c) => {
    const t = c.get('t')
    const workspaceId = c.get('workspace').id
    const values = await formValues(c)
    const key = parseBaseKey(values.depuis)
    if (!key)
      return renderList(
        c,
        { form: 'copy', values, errors: { depuis: t('factor-bases.settings.baseRequired') } },
        400,
      )
    const from = await loadFactorBase(db, key.id, key.version, workspaceId)
    // Another workspace's base is not there, as for viewing it.
    if (!from) return renderNotFound(c, t('factor-bases.notFound', key))
    const name = (values.nom ?? '').trim()
    if (!name)
      return renderList(
        c,
        { form: 'copy', values, errors: { nom: t('factor-bases.copy.nameRequired') } },
        400,
      )
    const copied = await copyFactorBase(db, { workspaceId, actorId: actorId(c), from, name })
    if (!copied.ok) {
      const message =
        copied.refusal === 'taken'
          ? t('factor-bases.copy.taken', { name })
          : t('factor-bases.copy.badName', { max: maxBaseNameLength })
      return renderList(
        c,
        { form: 'copy', values, errors: { nom: message } },
        copied.refusal === 'taken' ? 409 : 400,
      )
    }
    return c.redirect(`${editBasePath(workspaceId, copied.base.id, copied.base.version)}?info=copiee`, 303)
  })

  const renderImport = async (c: Context<AppEnv>, state: ImportBaseState = {}, status?: 400 | 409 | 413) => {
    const workspaceId = c.get('workspace').id
    const [settings, bases] = await Promise.all([
      footprintSettings(db, workspaceId),
      listFactorBases(db, workspaceId),
    ])
    if (status) c.status(status)
    return c.render(
      <ImportBasePage
        c={c}
        bases={bases}
        ownBases={ownBasesOf(bases, workspaceId)}
        startKey={baseKey(settings.base)}
        maxBytes={maxBytes}
        state={state}
      />,
      { title: c.get('t')('factor-bases.import.title') },
    )
  }

  routes.get(`${listPath}/importer`, edit, (c) => renderImport(c))

  routes.post(`${listPath}/importer`, edit, async (c) => {
    const t = c.get('t')
    const workspaceId = c.get('workspace').id
    const body = await c.req.parseBody()
    const values: Record<string, string> = {}
    for (const [name, value] of Object.entries(body)) if (typeof value === 'string') values[name] = value
    const file = body[importFileField]
    const errors: FieldErrors = {}
    if (!(file instanceof File) || file.size === 0) errors[importFileField] = t('factor-bases.import.noFile')
    else if (file.size > maxBytes)
      return renderImport(
        c,
        {
          values,
          errors: { [importFileField]: t('factor-bases.import.tooLarge', { size: maxBytes / 1024 / 1024 }) },
        },
        413,
      )
    const key = parseBaseKey(values.depart)
    const start = key ? await loadFactorBase(db, key.id, key.version, workspaceId) : undefined
    if (!start) errors.depart = t('factor-bases.settings.baseUnknown')
    const source = (values.source ?? '').trim()
    if (source.length > maxSourceLength)
      errors.source = t('factor-bases.value.tooLong', { max: maxSourceLength })

    let target: { id: string; version: string; title: string } | undefined
    let status: 400 | 409 = 400
    const cible = values.cible ?? ''
    if (cible === '') {
      const name = (values.nom ?? '').trim()
      const id = ownBaseId(workspaceId, name)
      if (!name) errors.nom = t('factor-bases.import.nameRequired')
      else if (!id || name.length > maxBaseNameLength)
        errors.nom = t('factor-bases.copy.badName', { max: maxBaseNameLength })
      else if (await baseIdTaken(db, id)) {
        errors.nom = t('factor-bases.copy.taken', { name })
        status = 409
      } else target = { id, version: '1', title: name }
    } else {
      const own = ownBasesOf(await listFactorBases(db, workspaceId), workspaceId).find(
        (base) => base.id === cible,
      )
      if (!own || !isOwnBaseId(workspaceId, cible)) errors.cible = t('factor-bases.import.targetUnknown')
      else target = { id: own.id, version: await nextOwnVersion(db, own.id), title: own.title }
    }
    if (Object.keys(errors).length > 0 || !(file instanceof File) || !start || !target)
      return renderImport(c, { values, errors }, status)

    const built = baseFromCsv(decodeCsvBytes(new Uint8Array(await file.arrayBuffer())), start, target, {
      source: source || undefined,
      t,
      locale: c.get('locale'),
    })
    if (!built.ok)
      return renderImport(
        c,
        {
          values,
          errors: { [importFileField]: t('factor-bases.import.invalid', { count: built.errors.length }) },
          lineErrors: built.errors,
        },
        400,
      )
    try {
      await publishOwnBase(db, {
        workspaceId,
        actorId: actorId(c),
        base: built.base,
        from: start,
        action: 'import',
      })
    } catch (error) {
      if (!(error instanceof FactorBaseVersionTaken)) throw error
      return renderImport(c, { values, errors: { cible: t('factor-bases.edit.raced') } }, 409)
    }
    return c.redirect(
      `${workspaceBasePath(workspaceId, built.base.id, built.base.version)}?info=importee`,
      303,
    )
  })

  routes.get(basePath, view, async (c) => {
    const t = c.get('t')
    const workspaceId = c.get('workspace').id
    const id = c.req.param('baseId')
    const version = c.req.param('version')
    const requested = downloadFormat(c)
    if (!requested.ok) return requested.response
    const stored = await readStoredBase(db, id, version, workspaceId)
    if (!stored) return renderNotFound(c, t('factor-bases.notFound', { id, version }))
    const base = parseStoredBase(db, stored)
    if (requested.format) return downloadBase(c, stored, base, requested.format)
    const notice = noticeFrom(
      c,
      { publiee: 'factor-bases.edit.published', importee: 'factor-bases.import.done' },
      { version },
    )?.text
    return c.render(
      <WorkspaceBasePage
        c={c}
        base={base}
        meta={{ origin: stored.origin, publishedAt: stored.publishedAt }}
        own={stored.workspaceId === workspaceId}
        settings={await footprintSettings(db, workspaceId)}
        notice={notice}
      />,
      { title: base.title },
    )
  })

  /** The workspace's own base to edit, or a 404 (a platform base is copied first, never edited). */
  const withOwnBase = async (
    c: Context<AppEnv>,
    handle: (base: FactorBase) => Promise<Response> | Response,
  ) => {
    const t = c.get('t')
    const workspaceId = c.get('workspace').id
    const id = c.req.param('baseId') as string
    const version = c.req.param('version') as string
    const stored = await readStoredBase(db, id, version, workspaceId)
    if (!stored) return renderNotFound(c, t('factor-bases.notFound', { id, version }))
    if (stored.workspaceId === null) return renderNotFound(c, t('factor-bases.edit.platformBase'))
    return handle(parseStoredBase(db, stored))
  }

  const renderEdit = async (
    c: Context<AppEnv>,
    base: FactorBase,
    state: { values?: Record<string, string>; errors?: FieldErrors } = {},
    status?: 400 | 409,
  ) => {
    if (status) c.status(status)
    const t = c.get('t')
    const copied = noticeFrom(c, { copiee: 'factor-bases.copy.done' })?.text
    return c.render(
      <>
        <Notice text={copied} />
        <EditBasePage
          c={c}
          base={base}
          nextVersion={await nextOwnVersion(db, base.id)}
          values={state.values ?? baseFormValues(base, c.get('locale'))}
          errors={state.errors ?? {}}
        />
      </>,
      { title: t('factor-bases.edit.title', { title: base.title, version: base.version }) },
    )
  }

  routes.get(`${basePath}/modifier`, edit, (c) => withOwnBase(c, (base) => renderEdit(c, base)))

  routes.post(`${basePath}/modifier`, edit, (c) =>
    withOwnBase(c, async (base) => {
      const t = c.get('t')
      const workspaceId = c.get('workspace').id
      const values = await formValues(c)
      const version = await nextOwnVersion(db, base.id)
      const read = readBaseForm(values, base, { id: base.id, version, title: base.title }, t, c.get('locale'))
      if (!read.ok) return renderEdit(c, base, { values, errors: read.errors }, 400)
      try {
        await publishOwnBase(db, {
          workspaceId,
          actorId: actorId(c),
          base: read.base,
          from: base,
          action: 'edit',
        })
      } catch (error) {
        if (!(error instanceof FactorBaseVersionTaken)) throw error
        return renderEdit(c, base, { values, errors: { '': t('factor-bases.edit.raced') } }, 409)
      }
      return c.redirect(`${workspaceBasePath(workspaceId, base.id, version)}?info=publiee`, 303)
    }),
  )

  return routes
}
