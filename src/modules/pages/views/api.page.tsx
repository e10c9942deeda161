import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'

export function ApiPage({ c }: { c: Context<AppEnv> }) {
  const t = c.get('t')
  const routes = [
    { path: '/api/v1/territories?q=lyon', label: t('api.route.search') },
    { path: '/api/v1/territories/commune/69123', label: t('api.route.territory') },
    { path: '/api/v1/referential', label: t('api.route.referential') },
    { path: '/api/v1/referential/versions', label: t('api.route.referentialVersions') },
  ]
  return (
    <>
      <h1>{t('api.title')}</h1>
      <p class="lead">{t('api.lead')}</p>
      <p>
        <a href="/api/v1/openapi.json">{t('api.openapi')}</a> — <code>GET /api/v1/openapi.json</code>
      </p>
      <h2>{t('api.routes')}</h2>
      <ul>
        {routes.map((route) => (
          <li>
            <a href={route.path}>
              <code>GET {route.path}</code>
            </a>{' '}
            — {route.label}
          </li>
        ))}
      </ul>
      <p>
        {t('api.errors', { example: '' })}
        <code>{'{"error": {"code": "not_found", "message": "…"}}'}</code>
      </p>
    </>
  )
}
