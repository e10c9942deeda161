import { en } from './en.js'
import { fr } from './fr.js'

export const locales = ['fr', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'fr'

export type MessageKey = keyof typeof fr
export type MessageParams = Record<string, string | number>
export type Translate = (key: MessageKey, params?: MessageParams) => string

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/** Returns the message in the locale, with each {name} replaced by its parameter. */
export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale]
  return (key, params) => {
    const message = catalogue[key]
    if (!params) return message
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    )
  }
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR'),
  en: new Intl.NumberFormat('en-GB'),
}
const euroFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormats[locale].format(value)
}

export function formatEuros(locale: Locale, value: number): string {
  return euroFormats[locale].format(value)
}

const euroCentsFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }),
}

/**
 * A budget as it was typed: whole euros stay short (« 3 000 € »), an amount with cents shows both
 * digits (« 12 500,50 € ») — never rounded to a figure nobody entered.
 */
export function formatBudget(locale: Locale, euros: number): string {
  return Number.isInteger(euros) ? formatEuros(locale, euros) : euroCentsFormats[locale].format(euros)
}

// Built once: creating an Intl.DateTimeFormat costs far more than formatting with it.
const longDateFormats: Record<Locale, Record<'UTC' | 'Europe/Paris', Intl.DateTimeFormat>> = {
  fr: {
    UTC: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }),
    'Europe/Paris': new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }),
  },
  en: {
    UTC: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
    'Europe/Paris': new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }),
  },
}

/**
 * A day in words ("28 novembre 2026"). A calendar date (`yyyy-mm-dd`, a legal deadline) is shown
 * as written; an instant (ISO timestamp, a publication) as the day it was in France.
 */
export function formatLongDate(locale: Locale, iso: string): string {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? longDateFormats[locale].UTC.format(new Date(`${iso}T00:00:00Z`))
    : longDateFormats[locale]['Europe/Paris'].format(new Date(iso))
  // French writes the first of the month as an ordinal: « 1er janvier 2025 » (Intl gives « 1 »).
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text
}
