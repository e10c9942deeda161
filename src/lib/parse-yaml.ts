import { LineCounter, parseDocument } from 'yaml'
import { z } from 'zod'

/**
 * Reading a data file written by people (the referential, the factor bases) against a zod schema.
 * Every problem comes back at once, each with its path and its line, so that a writer fixes the file
 * in one pass (decision 009).
 */

export interface FileProblem {
  /** Dotted path in the file, e.g. `ambitions[0].commitments[2].questions[1].levels`. */
  path: string
  /** Line in the file, when it can be found. */
  line: number | null
  message: string
}

export type ParsedFile<T> = { ok: true; value: T } | { ok: false; problems: FileProblem[] }

export function formatPath(path: readonly PropertyKey[]): string {
  let formatted = ''
  for (const part of path) {
    if (typeof part === 'number') formatted += `[${part}]`
    else formatted += formatted ? `.${String(part)}` : String(part)
  }
  return formatted || '(racine)'
}

/** One problem a line, as start-up errors print them: `  line 12 devices.laptop.lifetimeYears: …`. */
export function formatProblems(problems: readonly FileProblem[]): string {
  return problems
    .map((problem) => `  line ${problem.line ?? '?'} ${problem.path}: ${problem.message}`)
    .join('\n')
}

const frenchMessages = z.locales.fr().localeError

/**
 * Parses YAML or JSON text (JSON is YAML too) and checks it whole against the schema. Duplicate
 * keys are refused; syntax problems come first and alone (the tree is not trustworthy then).
 */
export function parseYamlWithSchema<Schema extends z.ZodType>(
  source: string,
  schema: Schema,
): ParsedFile<z.output<Schema>> {
  const lineCounter = new LineCounter()
  const document = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true })
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        path: '(syntaxe)',
        line: error.linePos?.[0]?.line ?? null,
        message: error.message.split('\n')[0] ?? error.message,
      })),
    }
  }
  // The files' writers read French (their texts are French): zod's own messages too. The messages
  // the schemas write themselves (unknown reference, duplicate id…) are French already.
  const parsed = schema.safeParse(document.toJS(), { error: frenchMessages })
  if (parsed.success) return { ok: true, value: parsed.data }
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    // Walk up until a node exists: a missing key has no line, its parent does. A nested block's
    // line is that of its first entry (a list of levels starts on the line of its first level).
    for (let length = path.length; length >= 0; length--) {
      const node = document.getIn(path.slice(0, length) as unknown[], true) as
        | { range?: [number, number, number] }
        | undefined
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line
    }
    return null
  }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      line: lineOf(issue.path),
      message: issue.message,
    })),
  }
}
