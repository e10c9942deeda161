import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { Notice } from '../../../ui/components.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors, SelectField } from '../../../ui/forms.js'
import { defaultTypeMapping, deviceTypeLabels } from '../../footprint/import/type-mapping.js'
import { deviceTypes } from '../../footprint/inventory-item.js'
import { FootprintNav } from '../../footprint/views/footprint-nav.js'
import { canInWorkspace } from '../../workspaces/workspaces.policy.js'
import type { WorkspaceTypeMapping } from '../inventory.queries.js'
import { footprintBase } from './form-controls.js'

/**
 * The workspace's own labels (add, change, delete), then the default table for reference. A
 * `retour` (local path, checked by the route) is carried by every form, to go back after saving.
 */
export function TypeMappingsPage({
  c,
  mappings,
  values,
  errors,
  retour,
  notice,
}: {
  c: Context<AppEnv>
  mappings: WorkspaceTypeMapping[]
  values: { label: string; type: string }
  errors: FieldErrors
  retour: string | undefined
  notice: string | undefined
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const editable = canInWorkspace(c.get('workspace').role, 'inventory.edit')
  const path = `${footprintBase(c)}/correspondances`
  const typeChoices = deviceTypes.map((type) => ({ value: type, label: deviceTypeLabels[type][locale] }))
  const labels = { label: t('inventory.mapping.label'), type: t('inventory.mapping.type') }
  const back = retour ? <input type="hidden" name="retour" value={retour} /> : null
  return (
    <>
      <h1>{t('inventory.mapping.title')}</h1>
      <FootprintNav c={c} current="inventory" />
      <Notice text={notice} />
      <p class="lead">{t('inventory.mapping.lead')}</p>
      <p>
        {retour ? (
          <a href={retour}>{t('inventory.mapping.backToImport')}</a>
        ) : (
          <a href={`${footprintBase(c)}/inventaire`}>{t('inventory.form.back')}</a>
        )}
      </p>
      {editable ? (
        <section aria-labelledby="add-heading" class="panel">
          <h2 id="add-heading">{t('inventory.mapping.addTitle')}</h2>
          <ErrorSummary c={c} errors={errors} labels={labels} />
          <form method="post" action={path} class="inline">
            <CsrfField c={c} />
            {back}
            <Field
              name="label"
              label={labels.label}
              value={values.label}
              error={errors.label}
              hint={t('inventory.mapping.labelHint')}
            />
            <SelectField
              name="type"
              label={labels.type}
              value={values.type}
              error={errors.type}
              choices={[{ value: '', label: t('inventory.form.chooseType') }, ...typeChoices]}
            />
            <button type="submit">{t('inventory.mapping.save')}</button>
          </form>
        </section>
      ) : null}
      <h2>{t('inventory.mapping.ownTitle')}</h2>
      {mappings.length === 0 ? (
        <p>{t('inventory.mapping.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('inventory.mapping.ownCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.label}</th>
                <th scope="col">{labels.type}</th>
                {editable ? <th scope="col">{t('inventory.dc.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {mappings.map((mapping, index) => (
                <tr>
                  <th scope="row">{mapping.label}</th>
                  <td>
                    {editable ? (
                      <form method="post" action={path} class="inline">
                        <CsrfField c={c} />
                        {back}
                        <input type="hidden" name="label" value={mapping.label} />
                        <SelectField
                          id={`type-${index}`}
                          name="type"
                          label={t('inventory.mapping.typeOf', { label: mapping.label })}
                          value={mapping.type}
                          choices={typeChoices}
                        />
                        <button type="submit" class="secondary">
                          {t('inventory.mapping.change')}
                        </button>
                      </form>
                    ) : (
                      deviceTypeLabels[mapping.type][locale]
                    )}
                  </td>
                  {editable ? (
                    <td>
                      <form method="post" action={`${path}/supprimer`}>
                        <CsrfField c={c} />
                        {back}
                        <input type="hidden" name="label" value={mapping.label} />
                        <button type="submit" class="secondary">
                          {t('inventory.mapping.delete', { label: mapping.label })}
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('inventory.mapping.defaultTitle')}</h2>
      <p>{t('inventory.mapping.defaultLead')}</p>
      <table>
        <caption>{t('inventory.mapping.defaultCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.type}</th>
            <th scope="col">{t('inventory.mapping.patterns')}</th>
          </tr>
        </thead>
        <tbody>
          {deviceTypes.map((type) => (
            <tr>
              <th scope="row">{deviceTypeLabels[type][locale]}</th>
              <td>
                {defaultTypeMapping
                  .filter((entry) => entry.type === type)
                  .map((entry) => entry.pattern)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
