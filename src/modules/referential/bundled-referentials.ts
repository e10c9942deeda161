import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatProblems } from '../../lib/parse-yaml.js'
import { projectRoot } from '../../lib/paths.js'
import { parseReferential } from './parse-referential.js'
import type { Referential } from './referential.schemas.js'

export const referentialDir = join(projectRoot, 'referential')

/**
 * The referential versions shipped with the code (`referential/*.yaml`), oldest first. They are
 * published into the database at start when missing; a broken file stops the start with its problems.
 */
let bundled: Referential[] | undefined

export function readBundledReferentials(): Referential[] {
  bundled ??= readFiles()
  return bundled
}

function readFiles(): Referential[] {
  const files = readdirSync(referentialDir)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .sort()
  return files.map((file) => {
    const parsed = parseReferential(readFileSync(join(referentialDir, file), 'utf8'))
    if (!parsed.ok)
      throw new Error(`referential/${file} is not a valid referential:\n${formatProblems(parsed.problems)}`)
    return parsed.referential
  })
}
