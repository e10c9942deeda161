import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import type { Choice } from '../../../ui/forms.js'
import { countries, type Language } from '../../footprint/import/vocabulary.js'

/** Countries to choose from: France first (nearly every device), then the others by name. */
export function countryChoices(language: Language): Choice[] {
  const [france, ...others] = countries
  const byName = [...others].sort((a, b) => a[language].localeCompare(b[language], language))
  return [france, ...byName]
    .filter((country) => country !== undefined)
    .map((country) => ({ value: country.code, label: country[language] }))
}

/** The base of every inventory URL of the current workspace. */
export function footprintBase(c: Context<AppEnv>): string {
  return `/espace/${c.get('workspace').id}/empreinte`
}
