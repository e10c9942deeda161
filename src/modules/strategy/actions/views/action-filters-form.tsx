import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { actionStatuses } from '../../../../db/schema.js'
import { type Choice, SelectField } from '../../../../ui/forms.js'
import type { Commitment } from '../../../referential/referential.schemas.js'
import type { ActionFilterQuery } from '../action-filters.js'
import { statusKeys } from './action-texts.js'

export interface FilterOptions {
  commitments: readonly Commitment[]
  owners: { members: { id: number; name: string }[]; services: string[] }
  years: readonly number[]
}

/**
 * The GET form of the list and the calendar: commitment, status, owner, year. On the calendar the
 * year is the one drawn, so it has no « all » choice.
 */
export function ActionFiltersForm({
  c,
  action,
  query,
  options,
  yearRequired = false,
}: {
  c: Context<AppEnv>
  action: string
  query: ActionFilterQuery
  options: FilterOptions
  yearRequired?: boolean
}) {
  const t = c.get('t')
  const all: Choice = { value: '', label: t('actions.filter.all') }
  const ownerChoices: Choice[] = [
    all,
    ...options.owners.members.map((member) => ({ value: String(member.id), label: member.name })),
    ...options.owners.services.map((service) => ({ value: service, label: service })),
  ]
  // A value typed in the address that no list offers stays shown, rather than silently « all ».
  if (query.responsable !== undefined && !ownerChoices.some((choice) => choice.value === query.responsable))
    ownerChoices.push({ value: query.responsable, label: query.responsable })
  const years = [...options.years]
  if (query.annee !== undefined && !years.includes(query.annee)) years.push(query.annee)
  years.sort((a, b) => a - b)
  return (
    <form method="get" action={action} class="inline filters" aria-label={t('actions.filter.label')}>
      <SelectField
        name="engagement"
        label={t('actions.filter.commitment')}
        value={query.engagement ?? ''}
        choices={[
          all,
          ...options.commitments.map((commitment) => ({
            value: commitment.id,
            label: `${commitment.id} · ${commitment.title}`,
          })),
        ]}
      />
      <SelectField
        name="statut"
        label={t('actions.filter.status')}
        value={query.statut ?? ''}
        choices={[all, ...actionStatuses.map((status) => ({ value: status, label: t(statusKeys[status]) }))]}
      />
      <SelectField
        name="responsable"
        label={t('actions.filter.owner')}
        value={query.responsable ?? ''}
        choices={ownerChoices}
      />
      <SelectField
        name="annee"
        label={t('actions.filter.year')}
        value={query.annee === undefined ? '' : String(query.annee)}
        choices={[
          ...(yearRequired ? [] : [all]),
          ...years.map((year) => ({ value: String(year), label: String(year) })),
        ]}
      />
      <button type="submit">{t('actions.filter.submit')}</button>
    </form>
  )
}
