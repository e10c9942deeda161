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
      let status: 'logged' | 'sent' | 'failed' = 'logged'
      let error: string | null = null
      if (transport) {
        try {
          await transport.sendMail({
            from: config.mailFrom,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
          })
          status = 'sent'
        } catch (failure) {
          status = 'failed'
          error = (failure as Error).message.slice(0, 500)
        }
      } else if (config.env !== 'test') {
        console.log(JSON.stringify({ level: 'info', mail: { to: mail.to, subject: mail.subject } }))
      }
      await db
        .insertInto('outbox')
        .values({
          to_address: mail.to,
          subject: mail.subject,
          // Once mailed, the links' secrets are not kept: nobody reading the outbox can reuse them.
          body: status === 'logged' ? mail.text : redactSecrets(mail.text),
          status,
          error,
          created_at: new Date().toISOString(),
        })
        .execute()
    },
  }
}

/** Mailed tokens are 43 URL-safe characters (32 random bytes). */
export function redactSecrets(text: string): string {
  return text.replace(/[A-Za-z0-9_-]{43}/g, '[secret masqué]')
}
