import type { Context } from 'hono'
import type { AppEnv } from '../../../../app-env.js'
import { Notice } from '../../../../ui/components.js'
import { CsrfField } from '../../../../ui/forms.js'
import { noticeFrom } from '../../../../ui/notices.js'
import { canInWorkspace } from '../../../workspaces/workspaces.policy.js'
import type { FootprintMethod } from '../../compute-footprint.js'
import type { FactorBase } from '../../factor-base.schemas.js'
import { FootprintNav } from '../../views/footprint-nav.js'
import type { StoredComparison } from '../compare-stored-scenario.js'
import type { SavedScenario } from '../scenarios.queries.js'
import { ComparisonDetails } from './comparison.js'
import { LeverList } from './levers.js'
import { ComparisonProblems } from './scenario-form.page.js'
import { YearForm } from './year-form.js'

/** One scenario: its levers, and the year's baseline beside the scenario. */
export function ScenarioPage({
  c,
  saved,
  base,
  method,
  year,
  comparison,
}: {
  c: Context<AppEnv>
  saved: SavedScenario
  base: FactorBase
  method: FootprintMethod
  year: number
  comparison: StoredComparison
}) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const path = `/espace/${workspace.id}/empreinte/scenarios/${saved.id}`
  const notice = noticeFrom(c, { cree: 'scenarios.notice.created', modifie: 'scenarios.notice.updated' })
  const madeWith = saved.stored.base
  const sameBase = madeWith.id === base.id && madeWith.version === base.version
  return (
    <>
      <h1>{t('scenarios.view.title', { name: saved.name })}</h1>
      <FootprintNav c={c} current="scenarios" />
      <Notice text={notice?.text} />
      <p class="meta">
        {t('scenarios.view.meta', {
          year,
          method: t(method === 'flux' ? 'scenarios.method.flux' : 'scenarios.method.stock'),
          base: `${base.id} ${base.version}`,
        })}
      </p>
      {sameBase ? (
        <p>{t('scenarios.view.madeWithSame', { base: `${madeWith.id} ${madeWith.version}` })}</p>
      ) : (
        <p class="notice">
          {t('scenarios.view.madeWithOther', {
            madeWith: `${madeWith.id} ${madeWith.version}`,
            base: `${base.id} ${base.version}`,
          })}
        </p>
      )}
      <YearForm c={c} year={year} action={path} />
      <h2>{t('scenarios.view.levers')}</h2>
      <LeverList
        c={c}
        stored={saved.stored}
        base={base}
        removedByShare={comparison.ok ? comparison.removedByShare : undefined}
      />
      {canInWorkspace(workspace.role, 'footprint.edit') ? (
        <p class="actions">
          <a href={`${path}/modifier`}>{t('scenarios.view.edit')}</a>
          <a href={`${path}/supprimer`}>{t('scenarios.view.delete')}</a>
        </p>
      ) : null}
      <section aria-labelledby="comparison-heading">
        <h2 id="comparison-heading">{t('scenarios.view.comparison', { year })}</h2>
        {comparison.ok ? (
          <ComparisonDetails c={c} comparison={comparison.comparison} id="comparison" />
        ) : (
          <ComparisonProblems c={c} comparison={comparison} />
        )}
      </section>
      <p>
        <a href={`/espace/${workspace.id}/empreinte/scenarios?annee=${year}`}>{t('scenarios.view.back')}</a>
      </p>
    </>
  )
}

/** The no-JavaScript confirmation before a scenario is deleted. */
export function DeleteScenarioPage({ c, saved }: { c: Context<AppEnv>; saved: SavedScenario }) {
  const t = c.get('t')
  const workspace = c.get('workspace')
  const path = `/espace/${workspace.id}/empreinte/scenarios/${saved.id}`
  return (
    <>
      <h1>{t('scenarios.delete.title', { name: saved.name })}</h1>
      <FootprintNav c={c} current="scenarios" />
      <p>{t('scenarios.delete.text')}</p>
      <form method="post" action={`${path}/supprimer`} class="inline">
        <CsrfField c={c} />
        <input type="hidden" name="confirm" value="1" />
        <button type="submit">{t('scenarios.delete.confirm')}</button>
      </form>
      <p>
        <a href={path}>{t('scenarios.delete.cancel')}</a>
      </p>
    </>
  )
}
