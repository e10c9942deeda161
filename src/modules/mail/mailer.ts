import type { Kysely } from 'kysely'
import nodemailer from 'nodemailer'
import type { Config } from '../../config.js'
import type { Database } from '../../db/schema.js'

export interface Mail {
  to: string
  subject: string
  text: string
}

export interface Mailer {
  send(mail: Mail): Promise<void>
}

/**
 * Sends through SMTP when SMTP_URL is set. Every mail is also kept in the outbox (operators see
 * it): without SMTP it is only logged and kept there, so the two-command setup works without a
 * mail server. A failed send never fails the user's action: it is recorded as failed.
 */
export function createMailer(
  db: Kysely<Database>,
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'env'>,
): Mailer {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined
  return {
    async send(mail) {
      const row = await db
        .insertInto('outbox')
        .values({
          to_address: mail.to,
          subject: mail.subject,
          // Once mailed, the links' secrets are not kept: nobody reading the outbox can reuse them.
          body: transport ? redactSecrets(mail.text) : mail.text,
          status: 'logged',
          error: null,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (!transport) {
        if (config.env !== 'test')
          console.log(JSON.stringify({ level: 'info', mail: { to: mail.to, subject: mail.subject } }))
        return
      }
      // Sent in the background: the request answers at once, so its timing does not reveal
      // whether a mail was sent (no account enumeration through a slow SMTP server).
      transport
        .sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text })
        .then(() => ({ status: 'sent' as const, error: null }))
        .catch((failure: Error) => ({ status: 'failed' as const, error: failure.message.slice(0, 500) }))
        .then((outcome) => db.updateTable('outbox').set(outcome).where('id', '=', row.id).execute())
        .catch((failure: Error) =>
          console.error(JSON.stringify({ level: 'error', mail: row.id, error: failure.message })),
        )
    },
  }
}

/** Mailed tokens are 43 URL-safe characters (32 random bytes). */
export function redactSecrets(text: string): string {
  return text.replace(/[A-Za-z0-9_-]{43}/g, '[secret masqué]')
}
