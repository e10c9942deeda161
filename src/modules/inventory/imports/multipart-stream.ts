/**
 * A small streaming multipart/form-data reader (RFC 7578), so that an inventory file of hundreds
 * of megabytes goes to disk chunk by chunk instead of sitting in memory as Hono's parseBody would
 * keep it. Two layers: `MultipartParser`, a push parser turning byte chunks into events (part
 * headers, part bytes, part end), tested with boundaries cut anywhere; and `readMultipart`, which
 * drives it over a stream, gathers fields, hands files to sinks and enforces the limits.
 */

export class MultipartError extends Error {
  constructor(
    readonly code:
      | 'not_multipart'
      | 'malformed'
      | 'truncated'
      | 'too_many_parts'
      | 'header_too_large'
      | 'field_too_large'
      | 'file_too_large',
    message: string,
  ) {
    super(message)
    this.name = 'MultipartError'
  }
}

export interface PartHeaders {
  /** The form field's name. */
  name: string
  /** Set for a file input (possibly empty when no file was chosen). */
  fileName: string | null
  contentType: string | null
}

export type MultipartEvent =
  | { kind: 'part'; headers: PartHeaders }
  | { kind: 'data'; bytes: Uint8Array }
  | { kind: 'end' }

const crlf = Buffer.from('\r\n')
const headerEnd = Buffer.from('\r\n\r\n')

/** The boundary of a `multipart/form-data; boundary=…` content type, or null. */
export function multipartBoundary(contentType: string | null | undefined): string | null {
  if (!contentType) return null
  const [type, ...parameters] = splitParameters(contentType)
  if (type?.trim().toLowerCase() !== 'multipart/form-data') return null
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=')
    if (equals < 0) continue
    if (parameter.slice(0, equals).trim().toLowerCase() !== 'boundary') continue
    let value = parameter.slice(equals + 1).trim()
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1)
    // RFC 2046: 1 to 70 characters.
    return value.length >= 1 && value.length <= 70 ? value : null
  }
  return null
}

/** A quoted-string parameter value, with backslash escapes undone. */
function unquote(value: string): string {
  const trimmed = value.trim()
  if (trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length >= 2)
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1')
  return trimmed
}

/** Splits `form-data; name="a"; filename="b;c.csv"` on the semicolons outside quotes. */
function splitParameters(text: string): string[] {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string
    if (char === '\\' && quoted && index + 1 < text.length) {
      current += char + (text[index + 1] as string)
      index++
    } else if (char === '"') {
      quoted = !quoted
      current += char
    } else if (char === ';' && !quoted) {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  return parts
}

export function parsePartHeaders(block: string): PartHeaders {
  let name: string | null = null
  let fileName: string | null = null
  let encodedFileName: string | null = null
  let contentType: string | null = null
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon < 0) continue
    const key = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (key === 'content-type') contentType = value
    if (key !== 'content-disposition') continue
    const [disposition, ...parameters] = splitParameters(value)
    if (disposition?.trim().toLowerCase() !== 'form-data')
      throw new MultipartError('malformed', 'a part is not form-data')
    for (const parameter of parameters) {
      const equals = parameter.indexOf('=')
      if (equals < 0) continue
      const key = parameter.slice(0, equals).trim().toLowerCase()
      const raw = parameter.slice(equals + 1)
      if (key === 'name') name = unquote(raw)
      else if (key === 'filename') fileName = unquote(raw)
      else if (key === 'filename*') encodedFileName = raw.trim()
    }
  }
  if (name === null) throw new MultipartError('malformed', 'a part has no name')
  // RFC 5987 `filename*=UTF-8''…` wins over the plain one when both are sent.
  if (encodedFileName !== null) {
    const match = /^utf-8''(.*)$/i.exec(encodedFileName)
    if (match) {
      try {
        fileName = decodeURIComponent(match[1] as string)
      } catch {
        // Keep the plain file name.
      }
    }
  }
  // Browsers escape a double quote in a file name as %22 (HTML's form encoding).
  if (fileName !== null) fileName = fileName.replaceAll('%22', '"')
  return { name, fileName, contentType }
}

type State = 'preamble' | 'after-boundary' | 'headers' | 'body' | 'done'

export interface ParserLimits {
  /** Largest header block of one part, in bytes. */
  maxHeaderBytes?: number
  /** Most parts in one body. */
  maxParts?: number
}

/**
 * Push parser: `push(chunk)` returns the events that chunk completes; `end()` checks the body was
 * whole. Part bytes are handed out as soon as they cannot be the start of the next boundary, so
 * memory holds at most one chunk plus a boundary's length.
 */
export class MultipartParser {
  private buffer: Buffer
  private state: State = 'preamble'
  /** CRLF + "--" + boundary: what ends a part's body. */
  private readonly delimiter: Buffer
  private readonly maxHeaderBytes: number
  private readonly maxParts: number
  private parts = 0

  constructor(boundary: string, limits: ParserLimits = {}) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1')
    // The body starts with "--boundary" without the CRLF before it: pretend the CRLF was there.
    this.buffer = Buffer.from(crlf)
    this.maxHeaderBytes = limits.maxHeaderBytes ?? 16 * 1024
    this.maxParts = limits.maxParts ?? 20
  }

  get finished(): boolean {
    return this.state === 'done'
  }

  push(chunk: Uint8Array): MultipartEvent[] {
    if (this.state === 'done') return [] // the epilogue is ignored
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk])
    const events: MultipartEvent[] = []
    for (;;) {
      if (this.state === 'preamble') {
        const found = this.buffer.indexOf(this.delimiter)
        if (found < 0) {
          // Keep only what could still be the start of the first boundary.
          const keep = Math.min(this.buffer.length, this.delimiter.length - 1)
          this.buffer = this.buffer.subarray(this.buffer.length - keep)
          return events
        }
        this.buffer = this.buffer.subarray(found + this.delimiter.length)
        this.state = 'after-boundary'
      } else if (this.state === 'after-boundary') {
        // "--" closes the body; otherwise optional spaces (RFC 2046 padding) then CRLF.
        if (this.buffer.length < 2) return events
        if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
          this.state = 'done'
          this.buffer = Buffer.alloc(0)
          return events
        }
        let index = 0
        while (index < this.buffer.length && (this.buffer[index] === 0x20 || this.buffer[index] === 0x09))
          index++
        if (this.buffer.length < index + 2) {
          if (index > 256) throw new MultipartError('malformed', 'spaces after a boundary')
          return events
        }
        if (this.buffer[index] !== 0x0d || this.buffer[index + 1] !== 0x0a)
          throw new MultipartError('malformed', 'a boundary is not followed by a line break')
        this.buffer = this.buffer.subarray(index + 2)
        this.state = 'headers'
      } else if (this.state === 'headers') {
        // A part without headers starts directly with the blank line.
        const found = this.buffer[0] === 0x0d && this.buffer[1] === 0x0a ? -2 : this.buffer.indexOf(headerEnd)
        if (found === -1) {
          if (this.buffer.length > this.maxHeaderBytes)
            throw new MultipartError('header_too_large', 'part headers too large')
          return events
        }
        if (found > this.maxHeaderBytes)
          throw new MultipartError('header_too_large', 'part headers too large')
        const block = found === -2 ? '' : this.buffer.subarray(0, found).toString('utf8')
        this.buffer = this.buffer.subarray(found === -2 ? 2 : found + headerEnd.length)
        if (++this.parts > this.maxParts) throw new MultipartError('too_many_parts', 'too many parts')
        events.push({ kind: 'part', headers: parsePartHeaders(block) })
        this.state = 'body'
      } else if (this.state === 'body') {
        const found = this.buffer.indexOf(this.delimiter)
        if (found < 0) {
          const safe = this.buffer.length - (this.delimiter.length - 1)
          if (safe > 0) {
            events.push({ kind: 'data', bytes: this.buffer.subarray(0, safe) })
            this.buffer = this.buffer.subarray(safe)
          }
          return events
        }
        if (found > 0) events.push({ kind: 'data', bytes: this.buffer.subarray(0, found) })
        events.push({ kind: 'end' })
        this.buffer = this.buffer.subarray(found + this.delimiter.length)
        this.state = 'after-boundary'
      } else return events
    }
  }

  /** Throws when the body stopped before its closing boundary. */
  end(): void {
    if (this.state !== 'done') throw new MultipartError('truncated', 'the form data stops before its end')
  }
}

/** Where a file part's bytes go (a file on disk, in the application). */
export interface FileSink {
  write(bytes: Uint8Array): Promise<void>
  /** The part ended: keep what was written. */
  close(): Promise<void>
  /** Something failed: remove what was written. */
  abort(): Promise<void>
}

export interface MultipartLimits extends ParserLimits {
  /** Largest text field, in bytes. */
  maxFieldBytes?: number
  /** Largest file, in bytes. */
  maxFileBytes?: number
}

export interface MultipartHandlers {
  /** A text field, once whole; may throw to stop the reading (nothing further is read). */
  onField(name: string, value: string): void | Promise<void>
  /** A file part starts: where its bytes go (null: drop them). */
  onFile(headers: PartHeaders): FileSink | null | Promise<FileSink | null>
}

export interface ReceivedFile {
  field: string
  fileName: string
  contentType: string | null
  bytes: number
}

/**
 * Reads a multipart body: fields go to `onField` in their order (so a handler can check a CSRF
 * field before any file part is opened), files to the sinks `onFile` gives. On any error every
 * sink opened is aborted, then the error is thrown.
 */
export async function readMultipart(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  boundary: string,
  handlers: MultipartHandlers,
  limits: MultipartLimits = {},
): Promise<ReceivedFile[]> {
  const maxFieldBytes = limits.maxFieldBytes ?? 64 * 1024
  const maxFileBytes = limits.maxFileBytes ?? Number.POSITIVE_INFINITY
  const parser = new MultipartParser(boundary, limits)
  const opened: FileSink[] = []
  const files: ReceivedFile[] = []
  let current:
    | { kind: 'field'; name: string; chunks: Uint8Array[]; size: number }
    | { kind: 'file'; headers: PartHeaders; sink: FileSink | null; size: number }
    | null = null
  const handle = async (event: MultipartEvent) => {
    if (event.kind === 'part') {
      if (event.headers.fileName === null)
        current = { kind: 'field', name: event.headers.name, chunks: [], size: 0 }
      else {
        const sink = await handlers.onFile(event.headers)
        if (sink) opened.push(sink)
        current = { kind: 'file', headers: event.headers, sink, size: 0 }
      }
      return
    }
    const part = current
    if (!part) throw new MultipartError('malformed', 'bytes outside a part')
    if (event.kind === 'data') {
      part.size += event.bytes.length
      if (part.kind === 'field') {
        if (part.size > maxFieldBytes)
          throw new MultipartError('field_too_large', `field ${part.name} too large`)
        part.chunks.push(event.bytes)
      } else {
        if (part.size > maxFileBytes)
          throw new MultipartError('file_too_large', `file ${part.headers.name} too large`)
        await part.sink?.write(event.bytes)
      }
      return
    }
    current = null
    if (part.kind === 'field') await handlers.onField(part.name, Buffer.concat(part.chunks).toString('utf8'))
    else {
      await part.sink?.close()
      if (part.sink)
        files.push({
          field: part.headers.name,
          fileName: part.headers.fileName ?? '',
          contentType: part.headers.contentType,
          bytes: part.size,
        })
    }
  }
  try {
    const chunks =
      Symbol.asyncIterator in body
        ? (body as AsyncIterable<Uint8Array>)
        : streamChunks(body as ReadableStream<Uint8Array>)
    for await (const chunk of chunks) {
      for (const event of parser.push(chunk)) await handle(event)
      if (parser.finished) break
    }
    parser.end()
  } catch (error) {
    await Promise.all(opened.map((sink) => sink.abort().catch(() => {})))
    throw error
  }
  return files
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      if (value) yield value
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
}
