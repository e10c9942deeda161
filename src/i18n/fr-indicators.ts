/** Indicator values per year, entered or computed (French, the reference). */
export const frIndicators = {}
