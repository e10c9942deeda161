import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env.js'
import { defaultLocale, isLocale, type Locale, translator } from './i18n.js'

export const languageCookie = 'lang'

const translators = { fr: translator('fr'), en: translator('en') }

/** French unless the visitor chose English with the switch (a cookie). */
export const i18nMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const chosen = getCookie(c, languageCookie)
  const locale = isLocale(chosen) ? chosen : defaultLocale
  c.set('locale', locale)
  c.set('t', translators[locale])
  await next()
})

/** Remembers the visitor's language for a year (the switch, sign-in, the account page). */
export function setLanguageCookie(c: Context<AppEnv>, locale: Locale): void {
  setCookie(c, languageCookie, locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'Lax',
    httpOnly: true,
  })
}
