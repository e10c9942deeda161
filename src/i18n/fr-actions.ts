/** The action plan (feuille de route) (French, the reference). */
export const frActions = {}
