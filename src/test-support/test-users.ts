import type { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { AppEnv } from '../app-env.js'
import type { Database, TerritoryKind, WorkspaceRole } from '../db/schema.js'
import { insertUser } from '../modules/accounts/accounts.queries.js'
import { hashPassword } from '../modules/accounts/passwords.js'

export const testPassword = 'une phrase de passe assez longue'
let cachedHash: Promise<string> | undefined

/** A person, with a workspace role when given (the workspace is opened if needed). */
export async function createTestUser(
  db: Kysely<Database>,
  input: {
    email: string
    platformRole?: 'operator' | 'observer'
    workspace?: { kind: TerritoryKind; code: string; role: WorkspaceRole }
  },
): Promise<{ userId: number; workspaceId: number | null }> {
  cachedHash ??= hashPassword(testPassword)
  const userId = await insertUser(db, {
    email: input.email,
    name: input.email.split('@')[0] as string,
    passwordHash: await cachedHash,
    platformRole: input.platformRole ?? null,
  })
  if (!input.workspace) return { userId, workspaceId: null }
  const { kind, code, role } = input.workspace
  const territory = await db
    .selectFrom('territories')
    .select('id')
    .where('kind', '=', kind)
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
  let workspace = await db
    .selectFrom('workspaces')
    .select('id')
    .where('territory_id', '=', territory.id)
    .executeTakeFirst()
  workspace ??= await db
    .insertInto('workspaces')
    .values({ territory_id: territory.id, created_at: new Date().toISOString(), created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('memberships')
    .values({ workspace_id: workspace.id, user_id: userId, role, created_at: new Date().toISOString() })
    .execute()
  return { userId, workspaceId: workspace.id }
}

/** A browser's cookie jar, reduced to what the tests need. */
let visitorCount = 0

export class Visitor {
  private cookies = new Map<string, string>()
  /** A documentation address (RFC 5737) of its own, for the per-address limits. */
  private readonly address = `192.0.2.${(visitorCount++ % 250) + 1}`
  constructor(private readonly app: Hono<AppEnv>) {}

  get csrf(): string {
    return this.cookies.get('jalons_csrf') ?? ''
  }

  async request(
    path: string,
    init: { method?: string; form?: Record<string, string>; multipart?: FormData } = {},
  ): Promise<Response> {
    if (!this.cookies.has('jalons_csrf') && init.method === 'POST') await this.request('/connexion')
    const headers: Record<string, string> = {
      'x-forwarded-for': this.address,
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    }
    let body: string | FormData | undefined
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams({ _csrf: this.csrf, ...init.form }).toString()
    }
    if (init.multipart) {
      // The Request sets the multipart content type, with its boundary.
      body = init.multipart
      if (!body.has('_csrf')) body.append('_csrf', this.csrf)
    }
    const response = await this.app.request(path, {
      method: init.method ?? 'GET',
      headers,
      ...(body ? { body } : {}),
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const [name, value] = (pair as string).split('=') as [string, string]
      if (/max-age=0/i.test(cookie) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }

  post(path: string, form: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { method: 'POST', form })
  }

  /** A form with files (multipart), as a browser sends an <input type="file">. */
  async upload(path: string, files: Record<string, File>, fields: Record<string, string> = {}) {
    if (!this.cookies.has('jalons_csrf')) await this.request('/connexion')
    const form = new FormData()
    form.append('_csrf', this.csrf)
    for (const [name, value] of Object.entries(fields)) form.set(name, value)
    for (const [name, file] of Object.entries(files)) form.append(name, file)
    return this.request(path, { method: 'POST', multipart: form })
  }

  async signIn(email: string, password = testPassword): Promise<Response> {
    await this.request('/connexion')
    return this.post('/connexion', { email, password })
  }
}
