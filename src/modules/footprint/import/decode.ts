/**
 * Bytes → text, chunk by chunk. UTF-8 is checked as it goes: a file whose first bytes were plain
 * ASCII but that turns out not to be UTF-8 further on (a Windows-1252 "É" on line 50,000) is read
 * as Windows-1252 from the first chunk that is not valid UTF-8 on.
 */
import { isUtf8 } from 'node:buffer'
import type { TextEncoding } from './types.js'

// Windows-1252's 0x80–0x9F (Node's TextDecoder reads that range as Latin-1 control characters).
const windows1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/** Decodes Windows-1252 (the "ANSI" of French Windows, a superset of Latin-1). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  return latin1.replace(/[\u0080-\u009f]/g, (char) => windows1252High[char.charCodeAt(0) - 0x80] as string)
}

/** How many bytes at the end of `bytes` start a UTF-8 sequence that the next chunk completes. */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  const length = bytes.length
  for (let back = 1; back <= Math.min(3, length); back++) {
    const byte = bytes[length - back] as number
    if ((byte & 0xc0) === 0x80) continue // continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return needed > back ? back : 0
  }
  return 0
}

export class ChunkDecoder {
  private encoding: TextEncoding
  private pending: Uint8Array = new Uint8Array(0)
  private readonly utf16?: TextDecoder
  /** True once a UTF-8 guess turned out wrong and the rest is read as Windows-1252. */
  switched = false

  constructor(encoding: TextEncoding) {
    this.encoding = encoding
    if (encoding === 'utf-16le' || encoding === 'utf-16be') this.utf16 = new TextDecoder(encoding)
  }

  get currentEncoding(): TextEncoding {
    return this.encoding
  }

  decode(chunk: Uint8Array, final = false): string {
    if (this.utf16) return this.utf16.decode(chunk, { stream: !final })
    if (this.encoding === 'windows-1252') return decodeWindows1252(chunk)
    let bytes = chunk
    if (this.pending.length > 0) {
      bytes = new Uint8Array(this.pending.length + chunk.length)
      bytes.set(this.pending, 0)
      bytes.set(chunk, this.pending.length)
    }
    const tail = final ? 0 : incompleteUtf8Tail(bytes)
    const complete = tail > 0 ? bytes.subarray(0, bytes.length - tail) : bytes
    this.pending = tail > 0 ? bytes.slice(bytes.length - tail) : new Uint8Array(0)
    if (isUtf8(complete)) {
      return Buffer.from(complete.buffer, complete.byteOffset, complete.byteLength).toString('utf8')
    }
    this.encoding = 'windows-1252'
    this.switched = true
    const rest = decodeWindows1252(complete) + decodeWindows1252(this.pending)
    this.pending = new Uint8Array(0)
    return rest
  }
}
