import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import type { TerritoryKind } from '../../../db/schema.js'
import type { MessageKey } from '../../../i18n/i18n.js'
import { kindKeys } from '../../../ui/components.js'
import type { computedFromValues, Priority, Referential, TierId } from '../referential.schemas.js'
import type { ReferentialVersionSummary } from '../referential.store.js'

export const referentialPath = (version: string) => `/referentiel/${encodeURIComponent(version)}`
export const commitmentPath = (version: string, commitmentId: string) =>
  `${referentialPath(version)}/engagements/${encodeURIComponent(commitmentId)}`
export const exportPath = (version: string, format: 'json' | 'csv') =>
  `${referentialPath(version)}/export.${format}`

export const priorityKeys = {
  obligatoire: 'referential.priority.obligatoire',
  fortement_recommande: 'referential.priority.fortement_recommande',
  recommande: 'referential.priority.recommande',
  facultatif: 'referential.priority.facultatif',
} as const satisfies Record<Priority, MessageKey>

export const computedFromKeys = {
  footprint: 'referential.computedFrom.footprint',
  inventory_reuse: 'referential.computedFrom.inventory_reuse',
  assessment: 'referential.computedFrom.assessment',
  action_plan: 'referential.computedFrom.action_plan',
  audits: 'referential.computedFrom.audits',
  registers: 'referential.computedFrom.registers',
  inclusion: 'referential.computedFrom.inclusion',
  none: 'referential.computedFrom.none',
} as const satisfies Record<(typeof computedFromValues)[number], MessageKey>

export const originKeys = {
  bundled: 'referential.origin.bundled',
  upload: 'referential.origin.upload',
} as const satisfies Record<ReferentialVersionSummary['origin'], MessageKey>

/** « M · Intermédiaire »: the tier's letter, then its name as the referential writes it (French). */
export function TierName({ referential, tier }: { referential: Referential; tier: TierId }) {
  const label = referential.sizeTiers.find((sizeTier) => sizeTier.id === tier)?.label
  return (
    <>
      {tier}
      {label ? (
        <>
          {' · '}
          <span lang="fr">{label}</span>
        </>
      ) : null}
    </>
  )
}

export function kindList(c: Context<AppEnv>, kinds: readonly TerritoryKind[]): string {
  const t = c.get('t')
  return kinds.map((kind) => t(kindKeys[kind])).join(', ')
}

/** The GET form that compares two versions: works without JavaScript, like every form here. */
export function CompareForm({
  c,
  versions,
  from,
  to,
}: {
  c: Context<AppEnv>
  versions: readonly ReferentialVersionSummary[]
  from: string | undefined
  to: string | undefined
}) {
  const t = c.get('t')
  const select = (name: 'de' | 'a', label: string, selected: string | undefined) => (
    <div class="field">
      <label for={`compare-${name}`}>{label}</label>
      <select id={`compare-${name}`} name={name}>
        {versions.map((version) => (
          <option value={version.version} selected={version.version === selected}>
            {version.version}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <form method="get" action="/referentiel/comparer" class="inline">
      {select('de', t('referential.compare.from'), from)}
      {select('a', t('referential.compare.to'), to)}
      <button type="submit">{t('referential.compare.submit')}</button>
    </form>
  )
}

/** The four levels and what each means in general (each question says what it means for it). */
export function MaturityScaleList({ referential }: { referential: Referential }) {
  return (
    <dl class="facts">
      {referential.maturityScale.map((step) => (
        <>
          <dt>
            {step.level} · <span lang="fr">{step.label}</span>
          </dt>
          <dd lang="fr">{step.description}</dd>
        </>
      ))}
    </dl>
  )
}

/** The size tiers and their criteria in words. */
export function SizeTierList({ referential }: { referential: Referential }) {
  return (
    <dl class="facts">
      {referential.sizeTiers.map((tier) => (
        <>
          <dt>
            <TierName referential={referential} tier={tier.id} />
          </dt>
          <dd lang="fr">{tier.description}</dd>
        </>
      ))}
    </dl>
  )
}
