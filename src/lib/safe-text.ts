/**
 * A small text format for the free-text sections of the strategy documents (introduction,
 * governance…), which members type in a textarea and which end up in public documents:
 *
 *   ## Sous-titre              a subheading (one line)
 *   - élément                  a bullet list (one item a line)
 *   **gras**                   bold
 *   [texte](https://…)         a link, http and https only
 *   a blank line               a new paragraph; a single line break is kept as typed
 *
 * Everything else is text. The parser returns a tree of plain strings, never HTML: views render it
 * through JSX, which escapes every string, so nothing a member types can become markup, a script
 * or a `javascript:` link, whatever the input.
 */

/** Longest text a section may hold: a few printed pages, far more than any section needs. */
export const safeTextMaxLength = 20_000

export type SafeInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: SafeInline[] }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'break' }

export type SafeBlock =
  | { kind: 'heading'; content: SafeInline[] }
  | { kind: 'paragraph'; content: SafeInline[] }
  | { kind: 'list'; items: SafeInline[][] }

/** The URL as a browser would follow it, when it is a well-formed http(s) address; null otherwise. */
export function safeLinkHref(raw: string): string | null {
  const candidate = raw.trim()
  if (!/^https?:\/\//i.test(candidate) || /\s/.test(candidate)) return null
  try {
    const url = new URL(candidate)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

const linkPattern = /^\[([^\]\n]+)\]\(([^()\s]+)\)/

function pushText(out: SafeInline[], text: string): void {
  if (text === '') return
  const last = out.at(-1)
  if (last?.kind === 'text') last.text += text
  else out.push({ kind: 'text', text })
}

/** One line's inline marks. Bold may hold links; it does not nest. */
function parseInline(text: string, allowStrong: boolean): SafeInline[] {
  const out: SafeInline[] = []
  let index = 0
  while (index < text.length) {
    const rest = text.slice(index)
    if (allowStrong && rest.startsWith('**')) {
      const close = text.indexOf('**', index + 2)
      const inner = close > index + 2 ? text.slice(index + 2, close) : ''
      if (inner.trim() !== '') {
        out.push({ kind: 'strong', children: parseInline(inner, false) })
        index = close + 2
        continue
      }
    }
    if (rest.startsWith('[')) {
      const match = linkPattern.exec(rest)
      const href = match ? safeLinkHref(match[2] as string) : null
      if (match && href) {
        out.push({ kind: 'link', text: (match[1] as string).trim(), href })
        index += match[0].length
        continue
      }
    }
    // Plain text up to the next character that may open a mark.
    let next = index + 1
    while (next < text.length && text[next] !== '[' && !(allowStrong && text.startsWith('**', next))) next++
    pushText(out, text.slice(index, next))
    index = next
  }
  return out
}

/** Lines of a paragraph: each parsed, joined by the line breaks typed. */
function paragraphContent(lines: readonly string[]): SafeInline[] {
  const content: SafeInline[] = []
  lines.forEach((line, position) => {
    if (position > 0) content.push({ kind: 'break' })
    content.push(...parseInline(line, true))
  })
  return content
}

const headingPrefix = /^##\s+/
const itemPrefix = /^[-•]\s+/

export function parseSafeText(source: string): SafeBlock[] {
  const blocks: SafeBlock[] = []
  let paragraph: string[] = []
  let items: string[] | null = null
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', content: paragraphContent(paragraph) })
    if (items && items.length > 0)
      blocks.push({ kind: 'list', items: items.map((item) => parseInline(item, true)) })
    paragraph = []
    items = null
  }
  for (const rawLine of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim()
    if (line === '') {
      flush()
      continue
    }
    if (headingPrefix.test(line)) {
      flush()
      const title = line.replace(headingPrefix, '')
      blocks.push({ kind: 'heading', content: parseInline(title, true) })
      continue
    }
    if (itemPrefix.test(line)) {
      if (paragraph.length > 0) flush()
      items ??= []
      items.push(line.replace(itemPrefix, ''))
      continue
    }
    // An indented line under an item continues it; any other line is (or starts) a paragraph.
    if (items && items.length > 0 && /^\s/.test(rawLine)) {
      items[items.length - 1] += ` ${line}`
      continue
    }
    if (items) flush()
    paragraph.push(line)
  }
  flush()
  return blocks
}

/** True when a section has nothing to show (only blank lines or spaces). */
export function isSafeTextEmpty(source: string | null | undefined): boolean {
  return source == null || source.trim() === ''
}
