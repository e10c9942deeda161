import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppDependencies, AppEnv } from '../../app-env.js'
import { findSession, sessionCookie, sessionLifetimeMs } from './sessions.js'

/** Finds who is signed in from the session cookie; anonymous otherwise. */
export function sessionMiddleware({ db }: AppDependencies) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('user', null)
    c.set('session', null)
    const secret = getCookie(c, sessionCookie)
    if (secret) {
      const found = await findSession(db, secret)
      if (found) {
        c.set('user', found.user)
        c.set('session', found.session)
      } else {
        deleteCookie(c, sessionCookie, { path: '/' })
      }
    }
    await next()
  })
}

export function setSessionCookie(c: Context<AppEnv>, secret: string, secure: boolean): void {
  setCookie(c, sessionCookie, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    maxAge: Math.floor(sessionLifetimeMs / 1000),
  })
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, sessionCookie, { path: '/' })
}
