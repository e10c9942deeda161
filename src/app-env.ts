import type { Kysely } from 'kysely'
import type { Config } from './config.js'
import type { DialectName } from './db/database.js'
import type { Database } from './db/schema.js'
import type { Locale, Translate } from './i18n/i18n.js'
import type { CurrentSession, CurrentUser } from './modules/accounts/sessions.js'
import type { Mailer } from './modules/mail/mailer.js'
import type { WorkspaceContext } from './modules/workspaces/workspaces.queries.js'

/** What every route can reach: the database, the settings, the mailer. */
export interface AppDependencies {
  db: Kysely<Database>
  dialect: DialectName
  config: Config
  mailer: Mailer
}

export interface AppEnv {
  Variables: {
    locale: Locale
    t: Translate
    /** Random id of the request, shown on error pages and in the log. */
    requestId: string
    /** The signed-in person, or null. */
    user: CurrentUser | null
    session: CurrentSession | null
    /** The token every form must send back (double-submit cookie). */
    csrfToken: string
    /** Set by workspaceAccess() on workspace routes only. */
    workspace: WorkspaceContext
  }
}
