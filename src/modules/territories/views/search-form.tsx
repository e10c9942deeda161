import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { type TerritoryKind, territoryKinds } from '../../../db/schema.js'
import { kindKeys } from '../../../ui/components.js'

/** The territory search form, used on the search page, the home page and the 404 page (GET: works without JS). */
export function SearchForm({
  c,
  query,
  kind,
  withKind = true,
  headingId,
}: {
  c: Context<AppEnv>
  query?: string | undefined
  kind?: TerritoryKind | undefined
  withKind?: boolean
  headingId?: string
}) {
  const t = c.get('t')
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is too recent for the old browsers we serve
    <form class="inline" method="get" action="/territoires" role="search" aria-labelledby={headingId}>
      <div class="field">
        <label for="q">{t('search.query')}</label>
        <span class="hint" id="q-hint">
          {t('search.queryHelp')}
        </span>
        <input
          type="search"
          id="q"
          name="q"
          value={query ?? ''}
          aria-describedby="q-hint"
          autocomplete="off"
          maxlength={100}
        />
      </div>
      {withKind ? (
        <div class="field">
          <label for="type">{t('search.kind')}</label>
          <select id="type" name="type">
            <option value="">{t('search.kindAll')}</option>
            {territoryKinds.map((value) => (
              <option value={value} selected={value === kind}>
                {t(kindKeys[value])}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit">{t('search.submit')}</button>
    </form>
  )
}
