import type { Kysely } from 'kysely'
import type { Config } from './config.js'
import type { DialectName } from './db/database.js'
import type { Database } from './db/schema.js'
import type { Locale, Translate } from './i18n/i18n.js'

/** What every route can reach: the database, the settings, and the request's language. */
export interface AppDependencies {
  db: Kysely<Database>
  dialect: DialectName
  config: Config
}

export interface AppEnv {
  Variables: {
    locale: Locale
    t: Translate
    /** Random id of the request, shown on error pages and in the log. */
    requestId: string
  }
}
