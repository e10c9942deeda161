import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { Notice } from '../../../../ui/components.js'
import { CsrfField, Field } from '../../../../ui/forms.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import type { FactorBase } from '../../factor-base.schemas.js'
import type { FootprintSettings } from '../../factor-bases.store.js'
import { FootprintNav } from '../../views/footprint-nav.js'
import {
  BaseDetail,
  type BaseMeta,
  baseKey,
  copyBasePath,
  editBasePath,
  workspaceBasePath,
  workspaceBasesPath,
} from './base-parts.js'

/** A base version seen from a workspace: the public view, plus what the member may do with it. */
export function WorkspaceBasePage({
  c,
  base,
  meta,
  own,
  settings,
  notice,
}: {
  c: Context<AppEnv>
  base: FactorBase
  meta: BaseMeta
  own: boolean
  settings: FootprintSettings
  notice?: string | undefined
}) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const canEdit = canInWorkspace(workspace.role, 'footprint.edit')
  const path = workspaceBasePath(workspace.id, base.id, base.version)
  const inUse = baseKey(settings.base) === baseKey(base)
  return (
    <>
      <h1 lang="fr">{base.title}</h1>
      <FootprintNav c={c} current="bases" />
      <p>
        <a href={workspaceBasesPath(workspace.id)}>{t('factor-bases.workspace.back')}</a>
      </p>
      <Notice text={notice} />
      {inUse ? <p>{t('factor-bases.workspace.thisInUse')}</p> : null}
      {canEdit ? (
        <section class="panel" aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t('factor-bases.actions')}</h2>
          {own ? (
            <p>
              <a href={editBasePath(workspace.id, base.id, base.version)}>{t('factor-bases.edit.link')}</a>{' '}
              {t('factor-bases.edit.linkHint')}
            </p>
          ) : null}
          {inUse ? null : (
            <form method="post" action={workspaceBasesPath(workspace.id)} class="inline">
              <CsrfField c={c} />
              <input type="hidden" name="base" value={baseKey(base)} />
              <input type="hidden" name="methode" value={settings.method} />
              <button type="submit" class="secondary">
                {t('factor-bases.workspace.use')}
              </button>
            </form>
          )}
          <form method="post" action={copyBasePath(workspace.id)} class="stack">
            <CsrfField c={c} />
            <input type="hidden" name="depuis" value={baseKey(base)} />
            <Field
              name="nom"
              label={t('factor-bases.copy.name')}
              hint={t('factor-bases.copy.nameHint')}
              required
            />
            <button type="submit">{t('factor-bases.copy.link')}</button>
          </form>
        </section>
      ) : null}
      <BaseDetail
        c={c}
        base={base}
        meta={meta}
        downloads={{ json: `${path}?format=json`, csv: `${path}?format=csv` }}
      />
    </>
  )
}
