import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The project's root folder, found by walking up to package.json, so that the same code finds
 * `public/` whether it runs from `src/` (tests) or from `dist/src/` (production build).
 */
function findProjectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder)
    if (parent === folder) throw new Error('package.json not found above the running code')
    folder = parent
  }
  return folder
}

export const projectRoot = findProjectRoot()
export const publicDir = join(projectRoot, 'public')
