import { resolve } from 'node:path'
import { z } from 'zod'

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ error: 'must be a whole number from 0 to 65535' })
    .int('must be a whole number from 0 to 65535')
    .min(0, 'must be a whole number from 0 to 65535')
    .max(65535, 'must be a whole number from 0 to 65535')
    .default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  DEMO: booleanFlag.default(true),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Jalons <ne-pas-repondre@jalons.localhost>'),
  TRUST_PROXY: booleanFlag.default(false),
  LOG_REQUESTS: booleanFlag.default(false),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
})

export type Config = {
  env: 'development' | 'production' | 'test'
  host: string
  port: number
  dataDir: string
  databaseUrl: string
  publicUrl: string | undefined
  demo: boolean
  logRequests: boolean
  smtpUrl: string | undefined
  mailFrom: string
  /** Read the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean
  /** Where links in mails point to. */
  baseUrl: string
  /** The browser that prints the strategy documents to PDF; absent, the PDF routes answer 503. */
  chromiumPath: string
}

export class ConfigError extends Error {}

/** Reads the settings from the environment; every problem is named with its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid setting ${problems.join('; ')}`)
  }
  const values = parsed.data
  const dataDir = resolve(values.DATA_DIR)
  return {
    env: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    dataDir,
    databaseUrl: values.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'jalons.sqlite')}`,
    publicUrl: values.PUBLIC_URL,
    demo: values.DEMO,
    logRequests: values.LOG_REQUESTS,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    trustProxy: values.TRUST_PROXY,
    baseUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
    chromiumPath: values.CHROMIUM_PATH,
  }
}
