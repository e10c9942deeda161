import type { frActions } from './fr-actions.js'

/** The action plan (feuille de route), in English. */
export const enActions: Record<keyof typeof frActions, string> = {}
