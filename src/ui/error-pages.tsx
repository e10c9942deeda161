import type { Context } from 'hono'
import type { AppEnv } from '../app-env.js'
import type { ParameterProblem } from '../lib/parse-query.js'
import { SearchForm } from '../modules/territories/views/search-form.js'
import { describeProblem } from './describe-issue.js'

/** 404 with a search box: the visitor was most likely looking for a territory. */
export function renderNotFound(c: Context<AppEnv>, detail?: string) {
  const t = c.get('t')
  c.status(404)
  return c.render(
    <>
      <h1>{t('error.notFound.title')}</h1>
      <p>{detail ?? t('error.notFound.text')}</p>
      <p id="search-heading">{t('error.notFound.search')}</p>
      <SearchForm c={c} withKind={false} headingId="search-heading" />
    </>,
    { title: t('error.notFound.title') },
  )
}

export function renderBadRequest(c: Context<AppEnv>, problems: ParameterProblem[]) {
  const t = c.get('t')
  c.status(400)
  return c.render(
    <>
      <h1>{t('error.badRequest.title')}</h1>
      <div class="error-summary" role="alert" aria-labelledby="problems-heading">
        <h2 id="problems-heading">{t('error.badRequest.text')}</h2>
        <ul>
          {problems.map((problem) => (
            <li>{describeProblem(problem, t)}</li>
          ))}
        </ul>
      </div>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </>,
    { title: t('error.badRequest.title') },
  )
}

/** 403. For a failed CSRF check, says how to recover (reload the form) without blaming anyone. */
export function renderForbidden(c: Context<AppEnv>, reason?: 'csrf') {
  const t = c.get('t')
  c.status(403)
  return c.render(
    <>
      <h1>{t('error.forbidden.title')}</h1>
      <p>{reason === 'csrf' ? t('error.forbidden.csrf') : t('error.forbidden.text')}</p>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </>,
    { title: t('error.forbidden.title') },
  )
}

/** Never shows the error itself: only a reference that matches the log line. */
export function renderServerError(c: Context<AppEnv>) {
  const t = c.get('t')
  c.status(500)
  return c.render(
    <>
      <h1>{t('error.server.title')}</h1>
      <p>{t('error.server.text')}</p>
      <p class="muted">{t('error.reference', { id: c.get('requestId') })}</p>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </>,
    { title: t('error.server.title') },
  )
}
