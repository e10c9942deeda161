import { type Context, Hono } from 'hono'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { formatNumber } from '../../i18n/i18n.js'
import { safeReturnPath } from '../../lib/local-path.js'
import { parseQuery } from '../../lib/parse-query.js'
import { renderBadRequest, renderNotFound } from '../../ui/error-pages.js'
import { type FieldErrors, formValues } from '../../ui/forms.js'
import { noticeFrom } from '../../ui/notices.js'
import { deviceTypeLabels } from '../footprint/import/type-mapping.js'
import { workspaceAccess } from '../workspaces/workspace-access.middleware.js'
import { canInWorkspace } from '../workspaces/workspaces.policy.js'
import { datacenterFormValues, parseDatacenterForm, valuesOfDatacenter } from './datacenter-form.js'
import { exportInventory } from './export-inventory.js'
import {
  countItems,
  countItemsPerDatacenter,
  findDatacenter,
  findItem,
  inventoryFacets,
  listDatacenters,
  listItems,
  listTypeMappings,
  type StoredItem,
} from './inventory.queries.js'
import { exportQuerySchema, inventoryQuerySchema, rowId } from './inventory.schemas.js'
import { type ItemFormValues, itemFormValues, parseItemForm, valuesOfItem } from './item-form.js'
import {
  addDatacenter,
  changeDatacenter,
  type DatacenterRefusal,
  removeDatacenter,
} from './manage-datacenters.js'
import {
  parseTypeMappingForm,
  removeWorkspaceTypeMapping,
  saveWorkspaceTypeMapping,
} from './manage-type-mappings.js'
import { changeItem, clearInventory, createItem, removeItem } from './save-item.js'
import { ConfirmPage } from './views/confirm.page.js'
import { DatacenterEditPage, DatacentersPage } from './views/datacenters.page.js'
import { footprintBase } from './views/form-controls.js'
import { InventoryListPage } from './views/inventory-list.page.js'
import { ItemFormPage } from './views/item-form.page.js'
import { TypeMappingsPage } from './views/type-mappings.page.js'

const inventoryPageSize = 50

const listNotices = {
  ajoute: 'inventory.notice.added',
  modifie: 'inventory.notice.saved',
  supprime: 'inventory.notice.deleted',
  vide: 'inventory.notice.cleared',
} as const
const datacenterNotices = {
  ajoute: 'inventory.dc.added',
  modifie: 'inventory.dc.saved',
  supprime: 'inventory.dc.deleted',
} as const
const mappingNotices = {
  enregistre: 'inventory.mapping.saved',
  supprime: 'inventory.mapping.deleted',
} as const

/** The workspace's inventory: items, datacenters, type mapping, exports. */
export function inventoryRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  const view = workspaceAccess(deps, 'workspace.view')
  const edit = workspaceAccess(deps, 'inventory.edit')
  const actor = (c: Context<AppEnv>) => ({
    workspaceId: c.get('workspace').id,
    actorId: (c.get('user') as { id: number }).id,
  })

  // -- The list ----------------------------------------------------------------------------------

  routes.get('/espace/:workspaceId/empreinte/inventaire', view, async (c) => {
    const parsed = parseQuery(inventoryQuerySchema, c.req.query())
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    const query = parsed.value
    const workspaceId = c.get('workspace').id
    const filter = {
      ...(query.type ? { type: query.type } : {}),
      ...(query.statut ? { status: query.statut } : {}),
      ...(query.site ? { site: query.site } : {}),
      ...(query.service ? { service: query.service } : {}),
      ...(query.etiquette ? { tag: query.etiquette } : {}),
      ...(query.texte ? { text: query.texte } : {}),
    }
    const [items, whole, facets] = await Promise.all([
      listItems(db, workspaceId, filter, query.page, inventoryPageSize),
      countItems(db, workspaceId),
      inventoryFacets(db, workspaceId),
    ])
    return c.render(
      <InventoryListPage
        c={c}
        items={items}
        query={query}
        facets={facets}
        inventorySize={whole.items}
        notice={noticeFrom(c, listNotices)?.text}
      />,
      { title: c.get('t')('inventory.list.title') },
    )
  })

  // -- Exports (before /:itemId, which would take "export" for an id) ----------------------------

  routes.get('/espace/:workspaceId/empreinte/inventaire/export', view, async (c) => {
    const parsed = parseQuery(exportQuerySchema, c.req.query())
    if (!parsed.ok) return renderBadRequest(c, parsed.problems)
    const file = await exportInventory(db, c.get('workspace'), parsed.value.format, {
      language: c.get('locale'),
    })
    return new Response(file.body as BodyInit, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
      },
    })
  })

  // -- Adding, changing, deleting a line ---------------------------------------------------------

  const renderItemForm = async (
    c: Context<AppEnv>,
    itemId: number | undefined,
    values: ItemFormValues,
    errors: FieldErrors = {},
  ) => {
    if (Object.keys(errors).length > 0) c.status(400)
    const datacenters = await listDatacenters(db, c.get('workspace').id)
    const t = c.get('t')
    return c.render(
      <ItemFormPage
        c={c}
        itemId={itemId}
        values={values}
        errors={errors}
        datacenters={datacenters}
        readOnly={!canInWorkspace(c.get('workspace').role, 'inventory.edit')}
      />,
      {
        title:
          itemId === undefined ? t('inventory.form.addTitle') : t('inventory.form.editTitle', { id: itemId }),
      },
    )
  }

  const parseItem = async (c: Context<AppEnv>, values: Record<string, string>) =>
    parseItemForm(values, {
      datacenters: await listDatacenters(db, c.get('workspace').id),
      t: c.get('t'),
      language: c.get('locale'),
    })

  routes.get('/espace/:workspaceId/empreinte/inventaire/nouveau', edit, (c) =>
    renderItemForm(
      c,
      undefined,
      itemFormValues({ quantity: '1', status: 'in_use', condition: 'new', country: 'FR' }),
    ),
  )

  routes.post('/espace/:workspaceId/empreinte/inventaire/nouveau', edit, async (c) => {
    const values = await formValues(c)
    const parsed = await parseItem(c, values)
    if (!parsed.ok) return renderItemForm(c, undefined, parsed.values, parsed.errors)
    await createItem(db, actor(c), parsed.item)
    return c.redirect(`${footprintBase(c)}/inventaire?info=ajoute`, 303)
  })

  /** The line of this workspace named by the path, or the 404 every miss gets (ids reveal nothing). */
  const withItem = async (
    c: Context<AppEnv>,
    handle: (id: number, item: StoredItem) => Promise<Response> | Response,
  ): Promise<Response> => {
    const id = rowId.safeParse(c.req.param('itemId'))
    if (!id.success) return renderNotFound(c)
    const item = await findItem(db, c.get('workspace').id, id.data)
    if (!item) return renderNotFound(c)
    return handle(id.data, item)
  }

  routes.get('/espace/:workspaceId/empreinte/inventaire/vider', edit, async (c) => {
    const { items, quantity } = await countItems(db, c.get('workspace').id)
    return renderClearConfirmation(c, items, quantity)
  })

  const renderClearConfirmation = (c: Context<AppEnv>, items: number, quantity: number) => {
    const t = c.get('t')
    const locale = c.get('locale')
    return c.render(
      <ConfirmPage
        c={c}
        title={t('inventory.clear.title')}
        question={t('inventory.clear.question', {
          items: formatNumber(locale, items),
          devices: formatNumber(locale, quantity),
        })}
        details={[t('inventory.clear.detail')]}
        action={`${footprintBase(c)}/inventaire/vider`}
        confirm={t('inventory.clear.confirm')}
        back={`${footprintBase(c)}/inventaire`}
      />,
      { title: t('inventory.clear.title') },
    )
  }

  routes.post('/espace/:workspaceId/empreinte/inventaire/vider', edit, async (c) => {
    await clearInventory(db, actor(c))
    return c.redirect(`${footprintBase(c)}/inventaire?info=vide`, 303)
  })

  routes.get('/espace/:workspaceId/empreinte/inventaire/:itemId', view, (c) =>
    withItem(c, (id, item) => renderItemForm(c, id, valuesOfItem(item, c.get('locale')))),
  )

  routes.post('/espace/:workspaceId/empreinte/inventaire/:itemId', edit, (c) =>
    withItem(c, async (id) => {
      const parsed = await parseItem(c, await formValues(c))
      if (!parsed.ok) return renderItemForm(c, id, parsed.values, parsed.errors)
      if (!(await changeItem(db, actor(c), id, parsed.item))) return renderNotFound(c)
      return c.redirect(`${footprintBase(c)}/inventaire?info=modifie`, 303)
    }),
  )

  routes.get('/espace/:workspaceId/empreinte/inventaire/:itemId/supprimer', edit, (c) =>
    withItem(c, (id, item) => {
      const t = c.get('t')
      const locale = c.get('locale')
      const name = item.reference ?? t('inventory.list.line', { id })
      const details = [
        `${deviceTypeLabels[item.type][locale]}${item.model ? ` — ${item.model}` : ''}`,
        t('inventory.delete.quantity', { count: formatNumber(locale, item.quantity) }),
        ...(item.site ? [item.site] : []),
      ]
      return c.render(
        <ConfirmPage
          c={c}
          title={t('inventory.delete.title', { name })}
          question={t('inventory.delete.question')}
          details={details}
          action={`${footprintBase(c)}/inventaire/${id}/supprimer`}
          confirm={t('inventory.delete.confirm')}
          back={`${footprintBase(c)}/inventaire/${id}`}
        />,
        { title: t('inventory.delete.title', { name }) },
      )
    }),
  )

  routes.post('/espace/:workspaceId/empreinte/inventaire/:itemId/supprimer', edit, (c) =>
    withItem(c, async (id) => {
      if (!(await removeItem(db, actor(c), id))) return renderNotFound(c)
      return c.redirect(`${footprintBase(c)}/inventaire?info=supprime`, 303)
    }),
  )

  // -- Datacenters -------------------------------------------------------------------------------

  const renderDatacenters = async (
    c: Context<AppEnv>,
    state: { values?: Record<string, string>; errors?: FieldErrors; refusal?: DatacenterRefusal } = {},
  ) => {
    const workspaceId = c.get('workspace').id
    const [datacenters, counts] = await Promise.all([
      listDatacenters(db, workspaceId),
      countItemsPerDatacenter(db, workspaceId),
    ])
    const withCounts = datacenters.map((datacenter) => ({
      ...datacenter,
      items: counts.get(datacenter.shortName.toLowerCase()) ?? 0,
    }))
    if (state.refusal) c.status(state.refusal.code === 'not_found' ? 404 : 409)
    else if (state.errors && Object.keys(state.errors).length > 0) c.status(400)
    return c.render(
      <DatacentersPage
        c={c}
        datacenters={withCounts}
        values={datacenterFormValues(state.values ?? {})}
        errors={state.errors ?? {}}
        refusal={state.refusal}
        notice={noticeFrom(c, datacenterNotices)?.text}
      />,
      { title: c.get('t')('inventory.dc.title') },
    )
  }

  routes.get('/espace/:workspaceId/empreinte/datacenters', view, (c) => renderDatacenters(c))

  routes.post('/espace/:workspaceId/empreinte/datacenters', edit, async (c) => {
    const values = await formValues(c)
    const parsed = parseDatacenterForm(values, { t: c.get('t'), language: c.get('locale') })
    if (!parsed.ok) return renderDatacenters(c, { values, errors: parsed.errors })
    const outcome = await addDatacenter(db, actor(c), parsed.datacenter)
    if (!outcome.ok) return renderDatacenters(c, { values, refusal: outcome.refusal })
    return c.redirect(`${footprintBase(c)}/datacenters?info=ajoute`, 303)
  })

  const withDatacenter = async (
    c: Context<AppEnv>,
    handle: (datacenter: NonNullable<Awaited<ReturnType<typeof findDatacenter>>>) => Promise<Response>,
  ) => {
    const id = rowId.safeParse(c.req.param('datacenterId'))
    if (!id.success) return renderNotFound(c)
    const datacenter = await findDatacenter(db, c.get('workspace').id, id.data)
    if (!datacenter) return renderNotFound(c)
    return handle(datacenter)
  }

  routes.get('/espace/:workspaceId/empreinte/datacenters/:datacenterId', edit, (c) =>
    withDatacenter(c, async (datacenter) =>
      c.render(
        <DatacenterEditPage
          c={c}
          datacenter={datacenter}
          values={valuesOfDatacenter(datacenter, c.get('locale'))}
          errors={{}}
        />,
        { title: c.get('t')('inventory.dc.editTitle', { name: datacenter.shortName }) },
      ),
    ),
  )

  routes.post('/espace/:workspaceId/empreinte/datacenters/:datacenterId', edit, (c) =>
    withDatacenter(c, async (datacenter) => {
      // The short name is the datacenter's, whatever the form says: items refer to it.
      const values = { ...(await formValues(c)), shortName: datacenter.shortName }
      const parsed = parseDatacenterForm(values, { t: c.get('t'), language: c.get('locale') })
      if (!parsed.ok) {
        c.status(400)
        return c.render(
          <DatacenterEditPage c={c} datacenter={datacenter} values={parsed.values} errors={parsed.errors} />,
          { title: c.get('t')('inventory.dc.editTitle', { name: datacenter.shortName }) },
        )
      }
      const { shortName: _fixed, ...change } = parsed.datacenter
      if (!(await changeDatacenter(db, actor(c), datacenter.id, change))) return renderNotFound(c)
      return c.redirect(`${footprintBase(c)}/datacenters?info=modifie`, 303)
    }),
  )

  routes.post('/espace/:workspaceId/empreinte/datacenters/:datacenterId/supprimer', edit, (c) =>
    withDatacenter(c, async (datacenter) => {
      const outcome = await removeDatacenter(db, actor(c), datacenter.id)
      if (!outcome.ok) return renderDatacenters(c, { refusal: outcome.refusal })
      return c.redirect(`${footprintBase(c)}/datacenters?info=supprime`, 303)
    }),
  )

  // -- Type mapping ------------------------------------------------------------------------------

  const renderMappings = async (
    c: Context<AppEnv>,
    state: { values: { label: string; type: string }; errors?: FieldErrors; retour: string | undefined },
  ) => {
    if (state.errors && Object.keys(state.errors).length > 0) c.status(400)
    return c.render(
      <TypeMappingsPage
        c={c}
        mappings={await listTypeMappings(db, c.get('workspace').id)}
        values={state.values}
        errors={state.errors ?? {}}
        retour={state.retour}
        notice={noticeFrom(c, mappingNotices)?.text}
      />,
      { title: c.get('t')('inventory.mapping.title') },
    )
  }

  /** `retour` is followed only when it is a path of this site. */
  const retourOf = (value: string | undefined): string | undefined => {
    const path = safeReturnPath(value, '')
    return path === '' ? undefined : path
  }

  routes.get('/espace/:workspaceId/empreinte/correspondances', view, (c) => {
    const label = (c.req.query('label') ?? '').slice(0, 500)
    return renderMappings(c, { values: { label, type: '' }, retour: retourOf(c.req.query('retour')) })
  })

  const afterMapping = (c: Context<AppEnv>, retour: string | undefined, info: keyof typeof mappingNotices) =>
    c.redirect(retour ?? `${footprintBase(c)}/correspondances?info=${info}`, 303)

  routes.post('/espace/:workspaceId/empreinte/correspondances', edit, async (c) => {
    const values = await formValues(c)
    const retour = retourOf(values.retour)
    const parsed = parseTypeMappingForm(values, c.get('t'))
    if (!parsed.ok) return renderMappings(c, { values: parsed.values, errors: parsed.errors, retour })
    await saveWorkspaceTypeMapping(db, actor(c), parsed.mapping)
    return afterMapping(c, retour, 'enregistre')
  })

  routes.post('/espace/:workspaceId/empreinte/correspondances/supprimer', edit, async (c) => {
    const values = await formValues(c)
    const retour = retourOf(values.retour)
    if (!(await removeWorkspaceTypeMapping(db, actor(c), values.label ?? ''))) return renderNotFound(c)
    return afterMapping(c, retour, 'supprime')
  })

  return routes
}
