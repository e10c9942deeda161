import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatNumber } from '../../../i18n/i18n.js'
import type { Page } from '../../../lib/pagination.js'
import { Notice, Pagination, withQuery } from '../../../ui/components.js'
import { SelectField } from '../../../ui/forms.js'
import { deviceTypeLabels } from '../../footprint/import/type-mapping.js'
import { statusLabels } from '../../footprint/import/vocabulary.js'
import { deviceTypes, itemStatuses } from '../../footprint/inventory-item.js'
import { FootprintNav } from '../../footprint/views/footprint-nav.js'
import { canInWorkspace } from '../../workspaces/workspaces.policy.js'
import type { StoredItem } from '../inventory.queries.js'
import type { InventoryQuery } from '../inventory.schemas.js'
import { shortDate } from '../item-form.js'
import { ExportList } from './export-list.js'
import { footprintBase } from './form-controls.js'

export function InventoryListPage({
  c,
  items,
  query,
  facets,
  inventorySize,
  notice,
}: {
  c: Context<AppEnv>
  /** The page, with the lines (`total`) and devices (`quantity`) the filters select. */
  items: Page<StoredItem> & { quantity: number }
  query: InventoryQuery
  facets: { sites: string[]; services: string[]; tags: string[] }
  /** Lines of the whole inventory (an empty inventory shows how to start). */
  inventorySize: number
  notice: string | undefined
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const editable = canInWorkspace(workspace.role, 'inventory.edit')
  const base = footprintBase(c)
  const listPath = `${base}/inventaire`
  const { page: _page, ...filters } = query
  const filtering = Object.values(filters).some((value) => value !== undefined)
  const all = { value: '', label: t('inventory.list.all') }
  const textChoices = (values: string[]) => [all, ...values.map((value) => ({ value, label: value }))]
  return (
    <>
      <h1>{t('inventory.list.title')}</h1>
      <FootprintNav c={c} current="inventory" />
      <Notice text={notice} />
      <p class="lead">{t('inventory.list.lead')}</p>
      <ul class="actions inventory-links">
        {editable ? (
          <li>
            <a href={`${listPath}/nouveau`}>{t('inventory.list.add')}</a>
          </li>
        ) : null}
        {editable ? (
          <li>
            <a href={`${base}/imports`}>{t('inventory.list.import')}</a>
          </li>
        ) : null}
        <li>
          <a href={`${base}/datacenters`}>{t('inventory.list.datacenters')}</a>
        </li>
        <li>
          <a href={`${base}/correspondances`}>{t('inventory.list.mapping')}</a>
        </li>
        {inventorySize > 0 ? (
          <li>
            <a href="#exporter">{t('inventory.list.exports')}</a>
          </li>
        ) : null}
      </ul>
      {inventorySize === 0 ? (
        <section aria-labelledby="start-heading" class="panel">
          <h2 id="start-heading">{t('inventory.empty.title')}</h2>
          {editable ? (
            <>
              <p>{t('inventory.empty.lead')}</p>
              <ol>
                <li>
                  <a href={`${base}/imports`}>{t('inventory.empty.import')}</a>
                </li>
                <li>
                  <a href={`${listPath}/nouveau`}>{t('inventory.empty.add')}</a>
                </li>
              </ol>
            </>
          ) : (
            <p>{t('inventory.empty.reader')}</p>
          )}
        </section>
      ) : (
        <>
          <form
            method="get"
            action={listPath}
            class="inline filters"
            aria-label={t('inventory.filter.label')}
          >
            <SelectField
              name="type"
              label={t('inventory.field.type')}
              value={query.type ?? ''}
              choices={[
                all,
                ...deviceTypes.map((type) => ({ value: type, label: deviceTypeLabels[type][locale] })),
              ]}
            />
            <SelectField
              name="statut"
              label={t('inventory.field.status')}
              value={query.statut ?? ''}
              choices={[
                all,
                ...itemStatuses.map((status) => ({ value: status, label: statusLabels[status][locale] })),
              ]}
            />
            <SelectField
              name="site"
              label={t('inventory.field.site')}
              value={query.site ?? ''}
              choices={textChoices(facets.sites)}
            />
            <SelectField
              name="service"
              label={t('inventory.field.service')}
              value={query.service ?? ''}
              choices={textChoices(facets.services)}
            />
            <SelectField
              name="etiquette"
              label={t('inventory.filter.tag')}
              value={query.etiquette ?? ''}
              choices={textChoices(facets.tags)}
            />
            <div class="field">
              <label for="texte">{t('inventory.filter.text')}</label>
              <input type="search" id="texte" name="texte" value={query.texte ?? ''} />
            </div>
            <button type="submit">{t('inventory.filter.submit')}</button>
            {filtering ? <a href={listPath}>{t('inventory.filter.reset')}</a> : null}
          </form>
          <p role="status">
            {t('inventory.list.count', {
              items: formatNumber(locale, items.total),
              devices: formatNumber(locale, items.quantity),
            })}
          </p>
          {items.total === 0 ? (
            <p>{t('inventory.list.noMatch')}</p>
          ) : (
            <div class="table-scroll">
              <table class="inventory-table">
                <caption>
                  {t('inventory.list.caption', {
                    page: items.page,
                    pageCount: items.pageCount,
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('inventory.field.reference')}</th>
                    <th scope="col">{t('inventory.field.type')}</th>
                    <th scope="col">{t('inventory.field.model')}</th>
                    <th scope="col" class="num">
                      {t('inventory.field.quantity')}
                    </th>
                    <th scope="col">{t('inventory.field.site')}</th>
                    <th scope="col">{t('inventory.field.service')}</th>
                    <th scope="col">{t('inventory.field.status')}</th>
                    <th scope="col">{t('inventory.list.purchased')}</th>
                    <th scope="col">{t('inventory.list.retired')}</th>
                    <th scope="col">{t('inventory.field.datacenter')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.items.map((item) => {
                    const name = item.reference ?? t('inventory.list.line', { id: item.id })
                    return (
                      <tr>
                        <th scope="row">{editable ? <a href={`${listPath}/${item.id}`}>{name}</a> : name}</th>
                        <td>{deviceTypeLabels[item.type][locale]}</td>
                        <td>{item.model ?? '—'}</td>
                        <td class="num">{formatNumber(locale, item.quantity)}</td>
                        <td>{item.site ?? '—'}</td>
                        <td>{item.service ?? '—'}</td>
                        <td>{statusLabels[item.status][locale]}</td>
                        <td class="date">{shortDate(item.purchaseDate, locale)}</td>
                        <td class="date">{shortDate(item.retirementDate, locale)}</td>
                        <td>{item.datacenter ?? '—'}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )}
          <Pagination c={c} page={items} hrefFor={(page) => withQuery(listPath, { ...filters, page })} />
          <ExportList c={c} />
          {editable ? (
            <p>
              <a href={`${listPath}/vider`}>{t('inventory.clear.link')}</a>
            </p>
          ) : null}
        </>
      )}
    </>
  )
}
