import type { frImports } from './fr-imports.js'

/** Inventory imports: upload, check, preview, errors, background progress in English. */
export const enImports: Record<keyof typeof frImports, string> = {
  'imports.placeholder': '',
}
