/** The territory's public strategy page (French, the reference). */
export const frPublicStrategy = {}
