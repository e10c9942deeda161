import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'

/** The years offered: from 2020 to next year, and the one shown if it lies outside. */
export function yearChoices(selected: number, now = new Date()): number[] {
  const last = Math.max(now.getUTCFullYear() + 1, selected)
  const first = Math.min(2020, selected)
  const years: number[] = []
  for (let year = last; year >= first; year--) years.push(year)
  return years
}

/** A GET form choosing `?annee=`: works without JavaScript (the button reloads the page). */
export function YearForm({ c, year, action }: { c: Context<AppEnv>; year: number; action: string }) {
  const t = c.get('t')
  return (
    <form method="get" action={action} class="inline year-form">
      <label for="annee">{t('scenarios.year.label')}</label>
      <select id="annee" name="annee">
        {yearChoices(year).map((choice) => (
          <option value={String(choice)} selected={choice === year}>
            {choice}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        {t('scenarios.year.show')}
      </button>
    </form>
  )
}
