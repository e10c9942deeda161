import { type FileProblem, parseYamlWithSchema } from '../../lib/parse-yaml.js'
import { type Referential, referentialSchema } from './referential.schemas.js'

export { formatPath } from '../../lib/parse-yaml.js'

/** A problem of a referential file: path, line and message (see lib/parse-yaml.ts). */
export type ReferentialProblem = FileProblem

export type ParsedReferential =
  | { ok: true; referential: Referential }
  | { ok: false; problems: ReferentialProblem[] }

/**
 * Reads a referential from YAML or JSON text (JSON is YAML too) and checks it whole. Every
 * problem is returned, each with its path and line, so that a writer fixes the file in one pass.
 */
export function parseReferential(source: string): ParsedReferential {
  const parsed = parseYamlWithSchema(source, referentialSchema)
  return parsed.ok ? { ok: true, referential: parsed.value } : parsed
}
