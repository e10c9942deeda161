import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../../app-env.js'
import { constantTimeEqual, randomToken } from '../../lib/secrets.js'
import { renderForbidden } from '../../ui/error-pages.js'

export const csrfCookie = 'jalons_csrf'
export const csrfField = '_csrf'
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Double-submit token: a random value in an HttpOnly, SameSite cookie that every form repeats in
 * a hidden field. Another site can neither read the cookie nor guess the value, so a forged
 * form post fails here with a 403 page before any handler runs.
 */
export function csrfMiddleware(secure: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    let token = getCookie(c, csrfCookie)
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      token = randomToken()
      setCookie(c, csrfCookie, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure })
    }
    c.set('csrfToken', token)
    if (!safeMethods.has(c.req.method)) {
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
      const sent = body[csrfField]
      if (typeof sent !== 'string' || !constantTimeEqual(sent, token)) return renderForbidden(c, 'csrf')
    }
    await next()
  })
}
