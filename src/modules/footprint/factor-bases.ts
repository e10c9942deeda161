import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatProblems, type ParsedFile, parseYamlWithSchema } from '../../lib/parse-yaml.js'
import { projectRoot } from '../../lib/paths.js'
import { type FactorBase, factorBaseSchema } from './factor-base.schemas.js'

export const factorBasesDir = join(projectRoot, 'factor-bases')

/** The base used when a workspace has chosen none. */
export const defaultFactorBaseId = 'ademe-negaoctet-2022'

/**
 * Reads a factor base from YAML or JSON text and checks it whole: every problem with its path and
 * line, as for the referential (lib/parse-yaml.ts).
 */
export function parseFactorBase(source: string): ParsedFile<FactorBase> {
  const parsed = parseYamlWithSchema(source, factorBaseSchema)
  // The cross-checks have made sure every device type has its entry: the record is complete.
  return parsed.ok ? { ok: true, value: parsed.value as FactorBase } : parsed
}

let bundled: FactorBase[] | undefined

/**
 * The factor bases shipped with the code (`factor-bases/*.yaml`), in file-name order. Read once per
 * process: they never change while it runs. A broken file throws with all its problems, so that a
 * mistake in shipped data stops the start rather than computing with half a base.
 */
export function readBundledFactorBases(): FactorBase[] {
  bundled ??= readFiles()
  return bundled
}

/** A shipped base by id, the highest version when none is given. */
export function findFactorBase(id: string = defaultFactorBaseId, version?: string): FactorBase | undefined {
  const matching = readBundledFactorBases().filter(
    (base) => base.id === id && (version === undefined || base.version === version),
  )
  return matching.sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true })).at(-1)
}

function readFiles(): FactorBase[] {
  const files = readdirSync(factorBasesDir)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .sort()
  const bases = files.map((file) => {
    const parsed = parseFactorBase(readFileSync(join(factorBasesDir, file), 'utf8'))
    if (!parsed.ok)
      throw new Error(`factor-bases/${file} is not a valid factor base:\n${formatProblems(parsed.problems)}`)
    return parsed.value
  })
  const seen = new Set<string>()
  for (const base of bases) {
    const key = `${base.id}@${base.version}`
    if (seen.has(key)) throw new Error(`factor-bases/: ${key} is shipped twice`)
    seen.add(key)
  }
  return bases
}
