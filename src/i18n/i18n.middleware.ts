import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../app-env.js'
import { defaultLocale, isLocale, translator } from './i18n.js'

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
