import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { firstValueYear, lastValueYear } from '../indicator-value-form.js'

/** A GET form choosing `?annee=`: works without JavaScript (the button reloads the page). */
export function IndicatorYearForm({ c, year, action }: { c: Context<AppEnv>; year: number; action: string }) {
  const t = c.get('t')
  const years: number[] = []
  for (let choice = Math.max(lastValueYear(), year); choice >= Math.min(firstValueYear, year); choice--)
    years.push(choice)
  return (
    <form method="get" action={action} class="inline year-form">
      <label for="annee">{t('indicators.year.label')}</label>
      <select id="annee" name="annee">
        {years.map((choice) => (
          <option value={String(choice)} selected={choice === year}>
            {choice}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        {t('indicators.year.show')}
      </button>
    </form>
  )
}
