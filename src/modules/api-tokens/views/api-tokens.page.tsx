import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { formatLongDate } from '../../../i18n/i18n.js'
import { Notice } from '../../../ui/components.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../../ui/forms.js'
import { WorkspaceNav } from '../../workspaces/views/workspace-nav.js'
import type { ApiTokenSummary } from '../api-tokens.store.js'

export function ApiTokensPage({
  c,
  tokens,
  errors,
  name,
  created,
  notice,
  publicUrl,
}: {
  c: Context<AppEnv>
  /** The platform's public address, so that the examples can be pasted into a terminal as they are. */
  publicUrl: string
  tokens: ApiTokenSummary[]
  errors: FieldErrors
  name: string
  created?: { name: string; token: string } | undefined
  notice?: string | undefined
}) {
  const t = c.get('t')
  const locale = c.get('locale')
  const workspace = c.get('workspace')
  const base = `/espace/${workspace.id}/api`
  const date = (iso: string) => formatLongDate(locale, iso)
  const apiPath = `${publicUrl}/api/v1/workspaces/${workspace.id}/footprint`
  return (
    <>
      <h1>{t('apiTokens.title')}</h1>
      <WorkspaceNav c={c} current="api" />
      <p class="lead">{t('apiTokens.lead', { territory: workspace.territoryName })}</p>
      <Notice text={notice} />
      {created ? (
        <div class="notice success token-once" role="status">
          <p>{t('apiTokens.shownOnce', { name: created.name })}</p>
          <p>
            <label for="new-token">{t('apiTokens.tokenLabel')}</label>
            <input id="new-token" type="text" readonly value={created.token} class="token-value" />
          </p>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p>{t('apiTokens.none')}</p>
      ) : (
        <table>
          <caption>{t('apiTokens.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('apiTokens.name')}</th>
              <th scope="col">{t('apiTokens.created')}</th>
              <th scope="col">{t('apiTokens.lastUsed')}</th>
              <th scope="col">{t('apiTokens.state')}</th>
              <th scope="col">{t('apiTokens.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr>
                <th scope="row">{token.name}</th>
                <td>{date(token.createdAt)}</td>
                <td>{token.lastUsedAt ? date(token.lastUsedAt) : t('apiTokens.never')}</td>
                <td>
                  {token.revokedAt
                    ? t('apiTokens.revokedOn', { date: date(token.revokedAt) })
                    : t('apiTokens.active')}
                </td>
                <td>
                  {token.revokedAt ? null : (
                    <form method="post" action={`${base}/jetons/${token.id}/revoquer`} class="inline">
                      <CsrfField c={c} />
                      <button
                        type="submit"
                        class="secondary"
                        aria-label={t('apiTokens.revokeLabel', { name: token.name })}
                      >
                        {t('apiTokens.revoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="create-token" class="panel">
        <h2 id="create-token">{t('apiTokens.create')}</h2>
        <ErrorSummary c={c} errors={errors} labels={{ name: t('apiTokens.nameLabel') }} />
        <form method="post" action={`${base}/jetons`}>
          <CsrfField c={c} />
          <Field
            name="name"
            label={t('apiTokens.nameLabel')}
            hint={t('apiTokens.nameHint')}
            value={name}
            error={errors.name}
            required
          />
          <button type="submit">{t('apiTokens.createSubmit')}</button>
        </form>
      </section>
      <h2>{t('apiTokens.usage')}</h2>
      <p>{t('apiTokens.usageText')}</p>
      <pre class="api-usage">
        <code>
          {`curl -H "Authorization: Bearer jal_…" "${apiPath}?year=${new Date().getUTCFullYear() - 1}&method=stock"\ncurl -H "Authorization: Bearer jal_…" "${apiPath}/results"`}
        </code>
      </pre>
      <ul>
        <li>
          <a href="/api/v1/openapi.json">{t('apiTokens.openapi')}</a>
        </li>
        <li>
          <a href="/empreinte/methode">{t('apiTokens.method')}</a>
        </li>
      </ul>
    </>
  )
}
