import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { fr } from '../../i18n/fr.js'
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
  fieldErrorsOf,
  formValues,
} from '../../ui/forms.js'
import { clientAddress } from '../accounts/client-address.js'
import { registerAttempt, type ThrottlePolicy } from '../accounts/throttle.js'
import { recordAudit } from '../audit/record-audit.js'
import { parseTerritoryReference } from './open-workspace.js'
import { findWorkspaceByTerritory } from './workspaces.queries.js'

const requestSchema = z.object({
  territoire: z.string().trim().min(1, 'form.required').max(60),
  name: z.string().trim().min(1, 'form.name.invalid').max(100, 'form.name.invalid'),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'form.email.invalid' })),
  position: z.string().trim().min(1, 'form.required').max(100),
  message: z.string().trim().max(2000).default(''),
})

const requestPolicy: ThrottlePolicy = { maxAttempts: 5, windowMs: 60 * 60_000, lockMs: 60 * 60_000 }

/** Anyone can ask for their territory's workspace; an operator decides (operator pages). */
export function requestWorkspaceRoutes({ db, config }: AppDependencies) {
  const routes = new Hono<AppEnv>()

  const render = (
    c: Context<AppEnv>,
    state: { values?: Record<string, string>; errors?: FieldErrors; sent?: boolean },
  ) => {
    const t = c.get('t')
    const values = state.values ?? {}
    const errors = state.errors ?? {}
    const labels = {
      territoire: t('request.territory'),
      name: t('request.name'),
      email: t('request.email'),
      position: t('request.position'),
      message: t('request.message'),
    }
    return c.render(
      <>
        <h1>{t('request.title')}</h1>
        {state.sent ? (
          <p class="notice success" role="status">
            {t('request.sent')}
          </p>
        ) : (
          <p>{t('request.lead')}</p>
        )}
        <ErrorSummary c={c} errors={errors} labels={labels} />
        <form method="post" action="/demander-un-espace" class="stack">
          <CsrfField c={c} />
          <Field
            name="territoire"
            label={labels.territoire}
            hint={t('request.territoryHint')}
            value={values.territoire}
            error={errors.territoire}
            required
          />
          <Field
            name="name"
            label={labels.name}
            value={values.name}
            error={errors.name}
            autocomplete="name"
            required
          />
          <Field
            name="email"
            type="email"
            label={labels.email}
            value={values.email}
            error={errors.email}
            autocomplete="email"
            required
          />
          <Field
            name="position"
            label={labels.position}
            value={values.position}
            error={errors.position}
            autocomplete="organization-title"
            required
          />
          <Field name="message" label={labels.message} value={values.message} error={errors.message} />
          <button type="submit">{t('request.submit')}</button>
        </form>
      </>,
      { title: t('request.title') },
    )
  }

  routes.get('/demander-un-espace', (c) =>
    render(c, { values: { territoire: c.req.query('territoire') ?? '' } }),
  )

  routes.post('/demander-un-espace', async (c) => {
    const t = c.get('t')
    const values = await formValues(c)
    // An open form that writes to the database: at most a few requests an hour from one address.
    if (
      !(await registerAttempt(
        db,
        `workspace-request:address:${clientAddress(c, config.trustProxy)}`,
        requestPolicy,
      ))
    ) {
      c.status(429)
      return render(c, { values, errors: { '': t('request.tooMany') } })
    }
    const parsed = requestSchema.safeParse(values)
    if (!parsed.success) {
      c.status(400)
      return render(c, { values, errors: fieldErrorsOf(parsed.error, t, fr) })
    }
    const reference = parseTerritoryReference(parsed.data.territoire)
    const territory = reference
      ? await db
          .selectFrom('territories')
          .select('id')
          .where('kind', '=', reference.kind)
          .where('code', '=', reference.code)
          .executeTakeFirst()
      : undefined
    if (!territory) {
      c.status(400)
      return render(c, { values, errors: { territoire: t('request.unknownTerritory') } })
    }
    if (await findWorkspaceByTerritory(db, territory.id)) {
      c.status(400)
      return render(c, { values, errors: { territoire: t('request.exists') } })
    }
    await db.transaction().execute(async (trx) => {
      const request = await trx
        .insertInto('workspace_requests')
        .values({
          territory_id: territory.id,
          name: parsed.data.name,
          email: parsed.data.email.toLowerCase(),
          position: parsed.data.position,
          message: parsed.data.message,
          status: 'pending',
          created_at: new Date().toISOString(),
          decided_by: null,
          decided_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await recordAudit(trx, {
        actorId: c.get('user')?.id ?? null,
        workspaceId: null,
        entity: 'workspace_request',
        entityId: request.id,
        action: 'create',
      })
    })
    return render(c, { sent: true })
  })

  return routes
}
