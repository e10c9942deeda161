import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { territoryPath } from '../../../ui/components.js'
import type { TerritoryProfile } from '../get-territory-profile.js'

/**
 * Lets a visitor see which obligations apply with their own staff and purchasing figures.
 * A GET form: nothing is stored, and it works without JavaScript.
 */
export function SimulationForm({ c, profile }: { c: Context<AppEnv>; profile: TerritoryProfile }) {
  const t = c.get('t')
  return (
    <details class="panel" open={profile.simulated}>
      <summary>{t('obligations.simulate.title')}</summary>
      <p class="hint" id="simulation-hint">
        {t('obligations.simulate.help')}
      </p>
      <form class="inline" method="get" action={`${territoryPath(profile.territory)}#obligations`}>
        <div class="field">
          <label for="agents">{t('obligations.simulate.agents')}</label>
          <input
            id="agents"
            name="agents"
            inputmode="decimal"
            value={profile.used.agentsFte?.toString() ?? ''}
            aria-describedby="simulation-hint"
          />
        </div>
        <div class="field">
          <label for="achats">{t('obligations.simulate.purchases')}</label>
          <input
            id="achats"
            name="achats"
            inputmode="decimal"
            value={profile.used.annualPurchasesEur?.toString() ?? ''}
            aria-describedby="simulation-hint"
          />
        </div>
        <button type="submit">{t('obligations.simulate.submit')}</button>
      </form>
    </details>
  )
}
