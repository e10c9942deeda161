/** Inventory imports: upload, check, preview, errors, background progress (French, the reference). */
export const frImports = {
  'imports.placeholder': '',
}
