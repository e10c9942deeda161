import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatEuros, formatNumber } from '../../../i18n/i18n.js'
import { kindKeys } from '../../../ui/components.js'
import type { Obligation } from '../obligations.schemas.js'
import { ObligationFacts } from './obligation-facts.js'

/** The rule in words, built from the same data the engine evaluates. */
function describeRule(c: Context<AppEnv>, rule: Obligation['rule']): string {
  const t = c.get('t')
  const locale = c.get('locale')
  const parts: string[] = []
  const agents = (threshold: number) =>
    t('obligations.rule.agents', {
      operator: rule.agentsStrict ? t('obligations.moreThan') : t('obligations.atLeast'),
      threshold: formatNumber(locale, threshold),
    })
  if (rule.all) parts.push(t('obligations.rule.all'))
  if (rule.kinds)
    parts.push(t('obligations.rule.kinds', { kinds: rule.kinds.map((kind) => t(kindKeys[kind])).join(', ') }))
  if (rule.minPopulation !== undefined) {
    const population = t('obligations.rule.population', {
      threshold: formatNumber(locale, rule.minPopulation),
    })
    parts.push(
      rule.orMinAgents !== undefined
        ? `(${population} ${t('obligations.check.or')} ${agents(rule.orMinAgents)})`
        : population,
    )
  }
  if (rule.minAgents !== undefined) parts.push(agents(rule.minAgents))
  if (rule.minPurchasesEur !== undefined) {
    parts.push(t('obligations.rule.purchases', { threshold: formatEuros(locale, rule.minPurchasesEur) }))
  }
  return parts.join(` ${t('obligations.rule.and')} `)
}

export function CataloguePage({ c, catalogue }: { c: Context<AppEnv>; catalogue: readonly Obligation[] }) {
  const t = c.get('t')
  return (
    <>
      <h1>{t('obligations.catalogue.title')}</h1>
      <p class="lead">{t('obligations.catalogue.lead')}</p>
      <ul class="obligations">
        {catalogue.map((obligation) => (
          <li class="obligation" id={obligation.id} aria-labelledby={`${obligation.id}-title`}>
            <h2 id={`${obligation.id}-title`}>
              {c.get('locale') === 'en' ? obligation.titleEn : obligation.title}
            </h2>
            <p>
              <strong>{t('obligations.catalogue.rule')}</strong>
              {t('ui.colon')}
              {describeRule(c, obligation.rule)}
            </p>
            <ObligationFacts c={c} obligation={obligation} />
            {obligation.notes ? (
              <p class="muted" lang="fr">
                {obligation.notes}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  )
}
