import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import { prepareDatabase, StartupError } from './bootstrap.js'
import { ConfigError, loadConfig } from './config.js'
import { DatabaseUnavailableError } from './db/database.js'
import { MigrationError } from './db/migrate.js'
import { demoCityCode } from './modules/demo/demo-territories.js'

/** Starts Jalons; a known start-up problem prints one clear line and exits non-zero, no stack trace. */
async function main(): Promise<void> {
  const startedAt = performance.now()
  const config = loadConfig()
  const { handle, notes, demoCredentials } = await prepareDatabase(config)
  for (const note of notes) console.log(`jalons: ${note}`)
  if (config.env === 'production' && !config.smtpUrl) {
    // Without SMTP, reset and invitation links sit in the outbox, readable by operators.
    console.warn(
      'jalons: warning: SMTP_URL is not set: mails are only kept in the operators’ outbox, links included',
    )
  }
  const app = createApp({ db: handle.db, dialect: handle.dialect, config })
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const url = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`
    console.log(
      `jalons: serving ${url} on ${handle.displayUrl} (ready in ${Math.round(performance.now() - startedAt)} ms)`,
    )
    if (config.demo) console.log(`jalons: demo territory at ${url}/territoires/commune/${demoCityCode}`)
    if (demoCredentials.length > 0) {
      console.log(
        `jalons: demo accounts, shown this once (npm run demo:reset prints new ones); sign in at ${url}/connexion`,
      )
      for (const credential of demoCredentials) {
        console.log(`jalons:   ${credential.email}  ${credential.password}  (${credential.what})`)
      }
    }
  })
  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${config.port} is already in use: set PORT to a free port`
        : error.message
    console.error(`jalons: cannot listen on ${config.host}:${config.port}: ${reason}`)
    handle.close().finally(() => process.exit(1))
  })
  const stop = () => {
    server.close(() => {
      handle.close().finally(() => process.exit(0))
    })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

const expected = [ConfigError, StartupError, DatabaseUnavailableError, MigrationError]

main().catch((error: unknown) => {
  if (expected.some((kind) => error instanceof kind)) console.error(`jalons: ${(error as Error).message}`)
  else console.error(`jalons: could not start: ${(error as Error)?.message ?? String(error)}`)
  process.exit(1)
})
