import type { Context } from 'hono'
import type { AppEnv } from '../../../app-env.js'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../../ui/forms.js'

export interface OperatorOverview {
  workspaces: { id: number; name: string; kind: string; code: string; members: number }[]
  requests: {
    id: number
    territory: string
    name: string
    email: string
    position: string
    message: string
    created_at: string
  }[]
}

export function OperatorPage({
  c,
  overview,
  errors,
  notice,
  values,
}: {
  c: Context<AppEnv>
  overview: OperatorOverview
  errors: FieldErrors
  notice?: string | undefined
  values?: { territoire?: string; email?: string }
}) {
  const t = c.get('t')
  return (
    <>
      <h1>{t('operator.title')}</h1>
      <p>
        <a href="/operateur/boite-d-envoi">{t('operator.outbox')}</a> ·{' '}
        <a href="/operateur/journal">{t('operator.audit')}</a> ·{' '}
        <a href="/operateur/referentiel">{t('operator.referential')}</a> ·{' '}
        <a href="/operateur/bases-de-facteurs">{t('factor-bases.operator.link')}</a>
      </p>
      {notice ? (
        <p class="notice success" role="status">
          {notice}
        </p>
      ) : null}
      <h2>{t('operator.requests')}</h2>
      {overview.requests.length === 0 ? (
        <p>{t('operator.requestsNone')}</p>
      ) : (
        <table>
          <caption>{t('operator.requestsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.name')}</th>
              <th scope="col">{t('request.name')}</th>
              <th scope="col">{t('request.message')}</th>
              <th scope="col">{t('members.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.requests.map((request) => (
              <tr>
                <td>{request.territory}</td>
                <td>
                  {request.name}, {request.position} ({request.email})
                </td>
                <td>{request.message}</td>
                <td>
                  <form method="post" action={`/operateur/demandes/${request.id}/accepter`} class="inline">
                    <CsrfField c={c} />
                    <button type="submit">{t('operator.approve')}</button>
                  </form>
                  <form method="post" action={`/operateur/demandes/${request.id}/refuser`} class="inline">
                    <CsrfField c={c} />
                    <button type="submit" class="secondary">
                      {t('operator.reject')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section class="panel" aria-labelledby="open-heading">
        <h2 id="open-heading">{t('operator.openTitle')}</h2>
        <ErrorSummary
          c={c}
          errors={errors}
          labels={{ territoire: t('operator.territory'), email: t('operator.adminEmail') }}
        />
        <form method="post" action="/operateur/espaces" class="inline">
          <CsrfField c={c} />
          <Field
            name="territoire"
            label={t('operator.territory')}
            value={values?.territoire}
            error={errors.territoire}
            required
          />
          <Field
            name="email"
            type="email"
            label={t('operator.adminEmail')}
            value={values?.email}
            error={errors.email}
            required
          />
          <button type="submit">{t('operator.open')}</button>
        </form>
      </section>
      <table>
        <caption>{t('operator.workspacesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.name')}</th>
            <th scope="col">{t('table.code')}</th>
            <th scope="col" class="num">
              {t('operator.members')}
            </th>
          </tr>
        </thead>
        <tbody>
          {overview.workspaces.map((workspace) => (
            <tr>
              <td>
                <a href={`/territoires/${workspace.kind}/${workspace.code}`}>{workspace.name}</a>
              </td>
              <td>
                {workspace.kind}/{workspace.code}
              </td>
              <td class="num">{workspace.members}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
