import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatNumber } from '../../../i18n/i18n.js'
import { Notice } from '../../../ui/components.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors, SelectField } from '../../../ui/forms.js'
import { countryName } from '../../footprint/import/vocabulary.js'
import { FootprintNav } from '../../footprint/views/footprint-nav.js'
import { canInWorkspace } from '../../workspaces/workspaces.policy.js'
import type { DatacenterFormValues } from '../datacenter-form.js'
import type { StoredDatacenter } from '../inventory.queries.js'
import type { DatacenterRefusal } from '../manage-datacenters.js'
import { countryChoices, footprintBase } from './form-controls.js'

function datacenterLabels(c: Context<AppEnv>): Record<keyof DatacenterFormValues, string> {
  const t = c.get('t')
  return {
    shortName: t('inventory.dc.shortName'),
    longName: t('inventory.dc.longName'),
    pue: t('inventory.dc.pue'),
    country: t('inventory.dc.country'),
  }
}

/** The workspace's datacenters (the PUE of each), the form to add one, and the refusals. */
export function DatacentersPage({
  c,
  datacenters,
  values,
  errors,
  refusal,
  notice,
}: {
  c: Context<AppEnv>
  datacenters: (StoredDatacenter & { items: number })[]
  values: DatacenterFormValues
  errors: FieldErrors
  refusal: DatacenterRefusal | undefined
  notice: string | undefined
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const editable = canInWorkspace(c.get('workspace').role, 'inventory.edit')
  const path = `${footprintBase(c)}/datacenters`
  const labels = datacenterLabels(c)
  return (
    <>
      <h1>{t('inventory.dc.title')}</h1>
      <FootprintNav c={c} current="inventory" />
      <Notice text={notice} />
      <p class="lead">{t('inventory.dc.lead')}</p>
      <p>
        <a href={`${footprintBase(c)}/inventaire`}>{t('inventory.form.back')}</a>
      </p>
      {refusal ? <RefusalNotice c={c} refusal={refusal} /> : null}
      {datacenters.length === 0 ? (
        <p>{t('inventory.dc.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('inventory.dc.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.shortName}</th>
                <th scope="col">{labels.longName}</th>
                <th scope="col" class="num">
                  {labels.pue}
                </th>
                <th scope="col">{labels.country}</th>
                <th scope="col" class="num">
                  {t('inventory.dc.items')}
                </th>
                {editable ? <th scope="col">{t('inventory.dc.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {datacenters.map((datacenter) => (
                <tr>
                  <th scope="row">{datacenter.shortName}</th>
                  <td>{datacenter.longName ?? '—'}</td>
                  <td class="num">{formatNumber(locale, datacenter.pue)}</td>
                  <td>{countryName(datacenter.country, locale)}</td>
                  <td class="num">{formatNumber(locale, datacenter.items)}</td>
                  {editable ? (
                    <td>
                      <div class="actions">
                        <a href={`${path}/${datacenter.id}`}>
                          {t('inventory.dc.edit', { name: datacenter.shortName })}
                        </a>
                        <form method="post" action={`${path}/${datacenter.id}/supprimer`}>
                          <CsrfField c={c} />
                          <button type="submit" class="secondary">
                            {t('inventory.dc.delete', { name: datacenter.shortName })}
                          </button>
                        </form>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable ? (
        <section aria-labelledby="add-heading" class="panel">
          <h2 id="add-heading">{t('inventory.dc.addTitle')}</h2>
          <ErrorSummary c={c} errors={errors} labels={labels} />
          <form method="post" action={path} class="stack">
            <CsrfField c={c} />
            <DatacenterFields c={c} values={values} errors={errors} editingShortName={false} />
            <button type="submit">{t('inventory.dc.add')}</button>
          </form>
        </section>
      ) : null}
    </>
  )
}

function DatacenterFields({
  c,
  values,
  errors,
  editingShortName,
}: {
  c: Context<AppEnv>
  values: DatacenterFormValues
  errors: FieldErrors
  /** On an existing datacenter the short name is shown, not changed: items refer to it. */
  editingShortName: boolean
}) {
  const t = c.get('t')
  const labels = datacenterLabels(c)
  return (
    <>
      <Field
        name="shortName"
        label={labels.shortName}
        value={values.shortName}
        error={errors.shortName}
        hint={editingShortName ? t('inventory.dc.shortNameFixed') : t('inventory.dc.shortNameHint')}
        readonly={editingShortName}
      />
      <Field name="longName" label={labels.longName} value={values.longName} error={errors.longName} />
      <Field
        name="pue"
        label={labels.pue}
        value={values.pue}
        error={errors.pue}
        hint={t('inventory.dc.pueHint')}
        inputmode="decimal"
      />
      <SelectField
        name="country"
        label={labels.country}
        value={values.country || 'FR'}
        error={errors.country}
        choices={countryChoices(c.get('locale'))}
      />
    </>
  )
}

function RefusalNotice({ c, refusal }: { c: Context<AppEnv>; refusal: DatacenterRefusal }) {
  const t = c.get('t')
  const text =
    refusal.code === 'in_use'
      ? t('inventory.dc.inUse', {
          name: refusal.shortName,
          count: formatNumber(c.get('locale'), refusal.items),
        })
      : refusal.code === 'exists'
        ? t('inventory.dc.exists', { name: refusal.shortName })
        : t('inventory.dc.notFound')
  return (
    <p class="notice" role="alert">
      {text}
    </p>
  )
}

export function DatacenterEditPage({
  c,
  datacenter,
  values,
  errors,
}: {
  c: Context<AppEnv>
  datacenter: StoredDatacenter
  values: DatacenterFormValues
  errors: FieldErrors
}) {
  const t = c.get('t')
  const path = `${footprintBase(c)}/datacenters`
  return (
    <>
      <h1>{t('inventory.dc.editTitle', { name: datacenter.shortName })}</h1>
      <FootprintNav c={c} current="inventory" />
      <p>
        <a href={path}>{t('inventory.dc.back')}</a>
      </p>
      <ErrorSummary c={c} errors={errors} labels={datacenterLabels(c)} />
      <form method="post" action={`${path}/${datacenter.id}`} class="stack">
        <CsrfField c={c} />
        <DatacenterFields c={c} values={values} errors={errors} editingShortName={true} />
        <button type="submit">{t('inventory.form.save')}</button>
      </form>
    </>
  )
}
