import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { fr } from '../../i18n/fr.js'
import { renderNotFound } from '../../ui/error-pages.js'
import { type FieldErrors, fieldErrorsOf, formValues } from '../../ui/forms.js'
import { noticeFrom } from '../../ui/notices.js'
import { recordAudit } from '../audit/record-audit.js'
import { openWorkspace, parseTerritoryReference } from '../workspaces/open-workspace.js'
import { platformAccess } from '../workspaces/workspace-access.middleware.js'
import { OperatorPage } from './views/operator.page.js'
import { OutboxPage } from './views/outbox.page.js'

const openSchema = z.object({
  territoire: z.string().trim().min(1, 'form.required').max(60),
  email: z
    .string()
    .trim()
    .pipe(z.email({ error: 'form.email.invalid' })),
})

/** Operators open workspaces, decide on requests and read the outbox. */
export function operatorRoutes(deps: AppDependencies) {
  const { db } = deps
  const routes = new Hono<AppEnv>()
  routes.use('/operateur/*', platformAccess('operator.manage'))
  routes.use('/operateur', platformAccess('operator.manage'))

  const render = async (
    c: Context<AppEnv>,
    state: { errors?: FieldErrors; notice?: string; values?: Record<string, string> } = {},
  ) => {
    const [workspaces, requests] = await Promise.all([
      db
        .selectFrom('workspaces')
        .innerJoin('territories', 'territories.id', 'workspaces.territory_id')
        .leftJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
        .select([
          'workspaces.id',
          'territories.name',
          'territories.kind',
          'territories.code',
          (eb) => eb.fn.count<number>('memberships.user_id').as('members'),
        ])
        .groupBy(['workspaces.id', 'territories.name', 'territories.kind', 'territories.code'])
        .orderBy('territories.name')
        .execute(),
      db
        .selectFrom('workspace_requests')
        .innerJoin('territories', 'territories.id', 'workspace_requests.territory_id')
        .select([
          'workspace_requests.id',
          'territories.name as territory',
          'workspace_requests.name',
          'email',
          'position',
          'message',
          'created_at',
        ])
        .where('status', '=', 'pending')
        .orderBy('workspace_requests.id')
        .execute(),
    ])
    return c.render(
      <OperatorPage
        c={c}
        overview={{ workspaces, requests }}
        errors={state.errors ?? {}}
        notice={state.notice}
        values={state.values ?? {}}
      />,
      { title: c.get('t')('operator.title') },
    )
  }

  routes.get('/operateur', (c) => {
    const notice = noticeFrom(c, { accepte: 'operator.approved', refuse: 'operator.rejected' })?.text
    return render(c, notice ? { notice } : {})
  })

  routes.post('/operateur/espaces', async (c) => {
    const t = c.get('t')
    const values = await formValues(c)
    const parsed = openSchema.safeParse(values)
    const reference = parsed.success ? parseTerritoryReference(parsed.data.territoire) : undefined
    if (!parsed.success || !reference) {
      c.status(400)
      const errors = parsed.success
        ? { territoire: t('request.unknownTerritory') }
        : fieldErrorsOf(parsed.error, t, fr)
      return render(c, { errors, values })
    }
    const operator = c.get('user') as { id: number; name: string }
    const outcome = await openWorkspace(deps, { ...reference, adminEmail: parsed.data.email, operator })
    if (outcome.state !== 'opened') {
      c.status(400)
      const message = outcome.state === 'exists' ? t('request.exists') : t('request.unknownTerritory')
      return render(c, { errors: { territoire: message }, values })
    }
    return render(c, {
      notice: t('operator.opened', { territory: outcome.territoryName, email: parsed.data.email }),
    })
  })

  routes.post('/operateur/demandes/:requestId/:decision{accepter|refuser}', async (c) => {
    const operator = c.get('user') as { id: number; name: string }
    const requestId = Number(c.req.param('requestId'))
    const request = Number.isSafeInteger(requestId)
      ? await db
          .selectFrom('workspace_requests')
          .innerJoin('territories', 'territories.id', 'workspace_requests.territory_id')
          .select([
            'workspace_requests.id',
            'workspace_requests.email',
            'territories.kind',
            'territories.code',
          ])
          .where('workspace_requests.id', '=', requestId)
          .where('status', '=', 'pending')
          .executeTakeFirst()
      : undefined
    if (!request) return renderNotFound(c)
    const approve = c.req.param('decision') === 'accepter'
    const decidedNow = await db.transaction().execute(async (trx) => {
      const decided = {
        status: approve ? ('approved' as const) : ('rejected' as const),
        decided_by: operator.id,
        decided_at: new Date().toISOString(),
      }
      // Only a pending request is decided: two operators clicking at once decide it once.
      const result = await trx
        .updateTable('workspace_requests')
        .set(decided)
        .where('id', '=', request.id)
        .where('status', '=', 'pending')
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) return false
      await recordAudit(trx, {
        actorId: operator.id,
        workspaceId: null,
        entity: 'workspace_request',
        entityId: request.id,
        action: decided.status,
      })
      return true
    })
    if (!decidedNow) return renderNotFound(c)
    if (approve)
      await openWorkspace(deps, {
        kind: request.kind,
        code: request.code,
        adminEmail: request.email,
        operator,
      })
    return c.redirect(`/operateur?info=${approve ? 'accepte' : 'refuse'}`, 303)
  })

  routes.get('/operateur/boite-d-envoi', async (c) => {
    const mails = await db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(50).execute()
    return c.render(<OutboxPage c={c} mails={mails} />, { title: c.get('t')('operator.outbox') })
  })

  return routes
}
