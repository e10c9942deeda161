import type { Context } from 'hono'
import type { AppEnv } from '../app-env.js'
import type { MessageKey, MessageParams } from '../i18n/i18n.js'

/**
 * After a form, pages redirect with `?info=<key>` (post/redirect/get). Only the page's own keys
 * are read (never free text, never inherited object keys), then shown in the visitor's language.
 */
export function noticeFrom<K extends string>(
  c: Context<AppEnv>,
  notices: Record<K, MessageKey>,
  params?: MessageParams,
): { key: K; text: string } | undefined {
  const info = c.req.query('info')
  if (info === undefined || !Object.hasOwn(notices, info)) return undefined
  const key = info as K
  return { key, text: c.get('t')(notices[key], params) }
}
