/**
 * Folds text for search: no accents, no case, no punctuation, single spaces.
 * "Saint-Étienne" and "saint etienne" fold to the same key, so users can type either.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Every suffix of a folded text that starts at a word boundary: "aix en provence", "en provence", "provence". */
export function wordStartSuffixes(folded: string): string[] {
  const suffixes: string[] = []
  let index = 0
  while (index < folded.length) {
    suffixes.push(folded.slice(index))
    const nextSpace = folded.indexOf(' ', index)
    if (nextSpace < 0) break
    index = nextSpace + 1
  }
  return suffixes
}
