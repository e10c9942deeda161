import { LineCounter, parseDocument } from 'yaml'
import { z } from 'zod'
import { type Referential, referentialSchema } from './referential.schemas.js'

export interface ReferentialProblem {
  /** Dotted path in the file, e.g. `ambitions[0].commitments[2].questions[1].levels`. */
  path: string
  /** Line in the file, when it can be found. */
  line: number | null
  message: string
}

export type ParsedReferential =
  | { ok: true; referential: Referential }
  | { ok: false; problems: ReferentialProblem[] }

export function formatPath(path: readonly PropertyKey[]): string {
  let formatted = ''
  for (const part of path) {
    if (typeof part === 'number') formatted += `[${part}]`
    else formatted += formatted ? `.${String(part)}` : String(part)
  }
  return formatted || '(racine)'
}

const frenchMessages = z.locales.fr().localeError

/**
 * Reads a referential from YAML or JSON text (JSON is YAML too) and checks it whole. Every
 * problem is returned, each with its path and line, so that a writer fixes the file in one pass.
 */
export function parseReferential(source: string): ParsedReferential {
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
  // The file's writers read French (its texts are French): zod's own messages too. The messages the
  // schema writes itself (unknown obligation, duplicate id…) are French already.
  const parsed = referentialSchema.safeParse(document.toJS(), { error: frenchMessages })
  if (parsed.success) return { ok: true, referential: parsed.data }
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    // Walk up until a node exists: a missing key has no line, its parent does.
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
