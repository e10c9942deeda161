import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import type { MessageKey } from '../../../i18n/i18n.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors, SelectField } from '../../../ui/forms.js'
import { deviceTypeLabels } from '../../footprint/import/type-mapping.js'
import { conditionLabels, disposalLabels, statusLabels } from '../../footprint/import/vocabulary.js'
import { deviceTypes, disposalRoutes, itemConditions, itemStatuses } from '../../footprint/inventory-item.js'
import { FootprintNav } from '../../footprint/views/footprint-nav.js'
import type { StoredDatacenter } from '../inventory.queries.js'
import type { ItemFormField, ItemFormValues } from '../item-form.js'
import { countryChoices, footprintBase } from './form-controls.js'

const itemFieldKeys: Record<ItemFormField, MessageKey> = {
  type: 'inventory.field.type',
  model: 'inventory.field.model',
  quantity: 'inventory.field.quantity',
  site: 'inventory.field.site',
  service: 'inventory.field.service',
  tags: 'inventory.field.tags',
  purchaseDate: 'inventory.field.purchaseDate',
  retirementDate: 'inventory.field.retirementDate',
  status: 'inventory.field.status',
  condition: 'inventory.field.condition',
  disposal: 'inventory.field.disposal',
  datacenter: 'inventory.field.datacenter',
  annualKwh: 'inventory.field.annualKwh',
  country: 'inventory.field.country',
  lifetimeYears: 'inventory.field.lifetimeYears',
  reference: 'inventory.field.reference',
}

/** Adding a line (itemId undefined) or changing one: every field of an inventory line. */
export function ItemFormPage({
  c,
  itemId,
  values,
  errors,
  datacenters,
  readOnly = false,
}: {
  c: Context<AppEnv>
  itemId: number | undefined
  values: ItemFormValues
  errors: FieldErrors
  datacenters: StoredDatacenter[]
  /** A reader sees the item's fields (flags and explanations link here) but no way to change them. */
  readOnly?: boolean
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const listPath = `${footprintBase(c)}/inventaire`
  const labels = Object.fromEntries(
    Object.entries(itemFieldKeys).map(([field, key]) => [field, t(key)]),
  ) as Record<ItemFormField, string>
  const field = (
    name: ItemFormField,
    extra: { hint?: string; type?: 'text' | 'date'; inputmode?: 'decimal' | 'numeric' } = {},
  ) => (
    <Field
      name={name}
      label={labels[name]}
      value={values[name]}
      error={errors[name]}
      hint={extra.hint}
      type={extra.type ?? 'text'}
      inputmode={extra.inputmode}
    />
  )
  const select = (name: ItemFormField, choices: { value: string; label: string }[], hint?: string) => (
    <SelectField
      name={name}
      label={labels[name]}
      value={values[name]}
      error={errors[name]}
      choices={choices}
      hint={hint}
    />
  )
  const none = (key: MessageKey) => ({ value: '', label: t(key) })
  const title =
    itemId === undefined ? t('inventory.form.addTitle') : t('inventory.form.editTitle', { id: itemId })
  return (
    <>
      <h1>{title}</h1>
      <FootprintNav c={c} current="inventory" />
      <p>
        <a href={listPath}>{t('inventory.form.back')}</a>
        {itemId === undefined ? null : (
          <>
            {' '}
            · <a href={`${footprintBase(c)}/explication?element=${itemId}`}>{t('inventory.form.explain')}</a>
          </>
        )}
      </p>
      <ErrorSummary c={c} errors={errors} labels={labels} />
      <form
        method="post"
        action={itemId === undefined ? `${listPath}/nouveau` : `${listPath}/${itemId}`}
        class="stack"
      >
        <CsrfField c={c} />
        <fieldset disabled={readOnly}>
          <legend>{t('inventory.form.what')}</legend>
          {select('type', [
            none('inventory.form.chooseType'),
            ...deviceTypes.map((type) => ({ value: type, label: deviceTypeLabels[type][locale] })),
          ])}
          {field('model', { hint: t('inventory.form.modelHint') })}
          {field('quantity', { inputmode: 'numeric', hint: t('inventory.form.quantityHint') })}
          {field('reference', { hint: t('inventory.form.referenceHint') })}
        </fieldset>
        <fieldset disabled={readOnly}>
          <legend>{t('inventory.form.where')}</legend>
          {field('site')}
          {field('service')}
          {field('tags', { hint: t('inventory.form.tagsHint') })}
          {select(
            'datacenter',
            [
              none('inventory.form.noDatacenter'),
              ...datacenters.map((dc) => ({
                value: dc.shortName,
                label: dc.longName ? `${dc.shortName} — ${dc.longName}` : dc.shortName,
              })),
            ],
            t('inventory.form.datacenterHint'),
          )}
          {select('country', countryChoices(locale))}
        </fieldset>
        <fieldset disabled={readOnly}>
          <legend>{t('inventory.form.life')}</legend>
          {select(
            'status',
            itemStatuses.map((status) => ({ value: status, label: statusLabels[status][locale] })),
          )}
          {select(
            'condition',
            itemConditions.map((condition) => ({
              value: condition,
              label: conditionLabels[condition][locale],
            })),
          )}
          {field('purchaseDate', { type: 'date', hint: t('inventory.form.dateHint') })}
          {field('retirementDate', { type: 'date', hint: t('inventory.form.dateHint') })}
          {select(
            'disposal',
            [
              none('inventory.form.noDisposal'),
              ...disposalRoutes.map((route) => ({ value: route, label: disposalLabels[route][locale] })),
            ],
            t('inventory.form.disposalHint'),
          )}
          {field('lifetimeYears', { inputmode: 'decimal', hint: t('inventory.form.lifetimeHint') })}
          {field('annualKwh', { inputmode: 'decimal', hint: t('inventory.form.kwhHint') })}
        </fieldset>
        {readOnly ? null : (
          <div class="actions">
            <button type="submit">
              {itemId === undefined ? t('inventory.form.add') : t('inventory.form.save')}
            </button>
            {itemId === undefined ? null : (
              <a href={`${listPath}/${itemId}/supprimer`}>{t('inventory.form.deleteLink')}</a>
            )}
          </div>
        )}
      </form>
    </>
  )
}
