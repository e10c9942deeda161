import { foldForSearch, wordStartSuffixes } from '../../lib/text.js'

export const searchWeights = { nameStart: 0, nameWord: 1, code: 2, postcode: 3 } as const

export interface SearchTermSource {
  name: string
  code: string
  siren: string | null
  postcodes: readonly string[]
  extraWords?: readonly string[] | undefined
}

/**
 * The keys under which a territory can be found by prefix: every word-start suffix of its folded
 * name (so "provence" finds Aix-en-Provence), its code, its SIREN and its postcodes.
 */
export function searchTermsOf(source: SearchTermSource): { term: string; weight: number }[] {
  const terms = new Map<string, number>()
  const add = (term: string, weight: number) => {
    if (!term) return
    const known = terms.get(term)
    if (known === undefined || weight < known) terms.set(term, weight)
  }
  wordStartSuffixes(foldForSearch(source.name)).forEach((suffix, index) => {
    add(suffix, index === 0 ? searchWeights.nameStart : searchWeights.nameWord)
  })
  add(foldForSearch(source.code), searchWeights.code)
  if (source.siren) add(source.siren, searchWeights.code)
  for (const postcode of source.postcodes) add(postcode, searchWeights.postcode)
  for (const word of source.extraWords ?? []) add(foldForSearch(word), searchWeights.nameWord)
  return [...terms].map(([term, weight]) => ({ term, weight }))
}
