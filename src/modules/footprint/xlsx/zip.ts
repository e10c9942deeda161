/**
 * The little of ZIP that XLSX needs (PKWARE APPNOTE 6.3): reading an archive from its central
 * directory, entries stored or deflated, each checked against its CRC-32; writing one with deflate.
 * No zip64, no encryption, no multi-disk archives: such files are refused with a ZipError naming
 * why. Everything is in memory: the readers take small files (see maxEntrySize).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib'

export type ZipErrorCode =
  /** Not a ZIP archive at all. */
  | 'not_zip'
  /** A ZIP archive that is truncated or damaged (bad signature, offsets outside the file, CRC…). */
  | 'corrupt'
  /** A ZIP64 archive (over 4 GB or 65,535 entries), which we do not read. */
  | 'zip64'
  /** Entries encrypted (traditional PKWARE or AES). */
  | 'encrypted'
  /** A compression method other than stored or deflate, or an archive split over several disks. */
  | 'unsupported'
  /** An entry, or all entries read, larger than the limits. */
  | 'too_large'

export class ZipError extends Error {
  readonly code: ZipErrorCode
  constructor(code: ZipErrorCode, message: string) {
    super(message)
    this.name = 'ZipError'
    this.code = code
  }
}

// CRC-32 (ISO 3309, the one of ZIP and PNG), reflected polynomial 0xEDB88320, one table of 256.
const crcTable = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** The CRC-32 of some bytes; pass the previous result as `crc` to continue over several chunks. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0
  for (let index = 0; index < bytes.length; index++)
    c = (crcTable[(c ^ (bytes[index] as number)) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const localHeaderSignature = 0x04034b50
const centralHeaderSignature = 0x02014b50
const endSignature = 0x06054b50
const zip64LocatorSignature = 0x07064b50
const endRecordSize = 22
const maxCommentLength = 0xffff

export interface ZipLimits {
  /** Most entries in the central directory (default 10,000). */
  maxEntries?: number
  /** Largest uncompressed entry that `read` inflates (default 100 MB). */
  maxEntrySize?: number
  /** Largest total of the entries read from one archive (default 200 MB). */
  maxTotalSize?: number
}

export const defaultZipLimits: Required<ZipLimits> = {
  maxEntries: 10_000,
  maxEntrySize: 100 * 1024 * 1024,
  maxTotalSize: 200 * 1024 * 1024,
}

export interface ZipEntryInfo {
  name: string
  /** 0 stored, 8 deflated (others are refused when read). */
  method: number
  compressedSize: number
  size: number
  crc32: number
  encrypted: boolean
}

export interface ZipArchive {
  /** Entries in central directory order (the first of two with the same name). */
  readonly entries: readonly ZipEntryInfo[]
  /** The entry of that exact name, else one whose name differs only in case or in `\` for `/`. */
  entry(name: string): ZipEntryInfo | undefined
  /** The entry's bytes, inflated and checked (size, CRC); undefined when there is no such entry. */
  read(name: string): Uint8Array | undefined
}

const corrupt = (detail: string) => new ZipError('corrupt', `Damaged ZIP archive: ${detail}.`)

/** Opens an archive from its central directory. Entries are inflated when read. */
export function readZip(bytes: Uint8Array, limits: ZipLimits = {}): ZipArchive {
  const { maxEntries, maxEntrySize, maxTotalSize } = { ...defaultZipLimits, ...limits }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const looksLikeZip = bytes.length >= 4 && view.getUint32(0, true) === localHeaderSignature
  const emptyArchive = bytes.length >= 4 && view.getUint32(0, true) === endSignature
  if (!looksLikeZip && !emptyArchive) throw new ZipError('not_zip', 'Not a ZIP archive.')

  // The end of central directory record: the last signature in the final 22 + 65,535 bytes whose
  // comment length reaches the end of the file exactly.
  let end = -1
  const lowest = Math.max(0, bytes.length - endRecordSize - maxCommentLength)
  for (let offset = bytes.length - endRecordSize; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) !== endSignature) continue
    if (offset + endRecordSize + view.getUint16(offset + 20, true) === bytes.length) {
      end = offset
      break
    }
    if (end === -1) end = offset // a comment cut short: keep looking for a better one, else take it
  }
  if (end === -1) throw corrupt('the end of the archive is missing (the file is truncated)')
  if (end >= 20 && view.getUint32(end - 20, true) === zip64LocatorSignature)
    throw new ZipError('zip64', 'ZIP64 archives are not supported.')
  const disk = view.getUint16(end + 4, true)
  const directoryDisk = view.getUint16(end + 6, true)
  const entriesOnDisk = view.getUint16(end + 8, true)
  const entryCount = view.getUint16(end + 10, true)
  const directorySize = view.getUint32(end + 12, true)
  const directoryOffset = view.getUint32(end + 16, true)
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
    throw new ZipError('zip64', 'ZIP64 archives are not supported.')
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount)
    throw new ZipError('unsupported', 'Archives split over several disks are not supported.')
  if (entryCount > maxEntries)
    throw new ZipError('too_large', `The archive has ${entryCount} entries (at most ${maxEntries}).`)
  if (directoryOffset + directorySize > end) throw corrupt('the central directory lies outside the file')

  const entries: ZipEntryInfo[] = []
  const localOffsets = new Map<ZipEntryInfo, number>()
  const byName = new Map<string, ZipEntryInfo>()
  const byLooseName = new Map<string, ZipEntryInfo>()
  const utf8 = new TextDecoder('utf-8')
  let offset = directoryOffset
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== centralHeaderSignature)
      throw corrupt(`central directory entry ${index + 1} is damaged`)
    const flags = view.getUint16(offset + 8, true)
    const method = view.getUint16(offset + 10, true)
    const crc = view.getUint32(offset + 16, true)
    const compressedSize = view.getUint32(offset + 20, true)
    const size = view.getUint32(offset + 24, true)
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const commentLength = view.getUint16(offset + 32, true)
    const localOffset = view.getUint32(offset + 42, true)
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      throw new ZipError('zip64', 'ZIP64 archives are not supported.')
    const nameEnd = offset + 46 + nameLength
    if (nameEnd > end) throw corrupt(`central directory entry ${index + 1} is damaged`)
    // Bit 11 says UTF-8; older tools write CP437, which is ASCII for the names XLSX uses.
    const name = utf8.decode(bytes.subarray(offset + 46, nameEnd))
    const entry: ZipEntryInfo = {
      name,
      method,
      compressedSize,
      size,
      crc32: crc,
      encrypted: (flags & 0x1) !== 0 || method === 99,
    }
    entries.push(entry)
    localOffsets.set(entry, localOffset)
    if (!byName.has(name)) byName.set(name, entry)
    const loose = looseName(name)
    if (!byLooseName.has(loose)) byLooseName.set(loose, entry)
    offset = nameEnd + extraLength + commentLength
  }

  let totalRead = 0
  const entry = (name: string) => byName.get(name) ?? byLooseName.get(looseName(name))
  return {
    entries,
    entry,
    read(name) {
      const found = entry(name)
      if (!found) return undefined
      if (found.encrypted) throw new ZipError('encrypted', `The entry "${found.name}" is encrypted.`)
      if (found.method !== 0 && found.method !== 8)
        throw new ZipError(
          'unsupported',
          `The entry "${found.name}" uses compression method ${found.method} (only stored and deflate are read).`,
        )
      if (found.size > maxEntrySize)
        throw new ZipError(
          'too_large',
          `The entry "${found.name}" is ${found.size} bytes uncompressed (at most ${maxEntrySize}).`,
        )
      if (totalRead + found.size > maxTotalSize)
        throw new ZipError('too_large', `The entries read exceed ${maxTotalSize} bytes uncompressed.`)
      const local = localOffsets.get(found) as number
      if (local + 30 > bytes.length || view.getUint32(local, true) !== localHeaderSignature)
        throw corrupt(`the local header of "${found.name}" is missing`)
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
      if (start + found.compressedSize > bytes.length) throw corrupt(`"${found.name}" is cut short`)
      const stored = bytes.subarray(start, start + found.compressedSize)
      let data: Uint8Array
      if (found.method === 0) {
        if (found.compressedSize !== found.size) throw corrupt(`"${found.name}" has inconsistent sizes`)
        data = stored
      } else {
        try {
          // One byte more than announced, so that a lying size is caught rather than cut.
          data = inflateRawSync(stored, { maxOutputLength: found.size + 1 })
        } catch {
          throw corrupt(`"${found.name}" cannot be decompressed`)
        }
        if (data.length !== found.size) throw corrupt(`"${found.name}" is not the size its header announces`)
      }
      if (crc32(data) !== found.crc32) throw corrupt(`"${found.name}" fails its CRC-32 check`)
      totalRead += found.size
      return data
    },
  }
}

function looseName(name: string): string {
  return name.replaceAll('\\', '/').replace(/^\/+/, '').toLowerCase()
}

export interface ZipWriteEntry {
  name: string
  data: Uint8Array | string
}

export interface ZipWriteOptions {
  /** The entries' modification time (default 1980-01-01 00:00, the DOS epoch: same input, same bytes). */
  modified?: Date
  /** zlib level, 0–9 (default 6). */
  level?: number
}

/** An archive of the entries, in their order; each deflated unless storing it is smaller. */
export function writeZip(entries: readonly ZipWriteEntry[], options: ZipWriteOptions = {}): Uint8Array {
  if (entries.length > 0xfffe) throw new RangeError('Too many entries for a ZIP archive without ZIP64.')
  const { time, date } = dosDateTime(options.modified ?? new Date(1980, 0, 1))
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    const name = encoder.encode(entry.name)
    if (name.length > 0xffff) throw new RangeError(`Entry name too long: ${entry.name.slice(0, 50)}…`)
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data
    const deflated = deflateRawSync(data, { level: options.level ?? 6 })
    const method = deflated.length < data.length ? 8 : 0
    const body = method === 8 ? deflated : data
    const crc = crc32(data)
    if (offset + 30 + name.length + body.length > 0xfffffffe)
      throw new RangeError('Archive too large for ZIP without ZIP64.')

    const local = new DataView(new ArrayBuffer(30))
    local.setUint32(0, localHeaderSignature, true)
    local.setUint16(4, 20, true) // version needed: 2.0 (deflate)
    local.setUint16(6, 0x0800, true) // names in UTF-8
    local.setUint16(8, method, true)
    local.setUint16(10, time, true)
    local.setUint16(12, date, true)
    local.setUint32(14, crc, true)
    local.setUint32(18, body.length, true)
    local.setUint32(22, data.length, true)
    local.setUint16(26, name.length, true)
    local.setUint16(28, 0, true)
    parts.push(new Uint8Array(local.buffer), name, body)

    const header = new DataView(new ArrayBuffer(46))
    header.setUint32(0, centralHeaderSignature, true)
    header.setUint16(4, 20, true) // made by: MS-DOS/FAT attributes, version 2.0
    header.setUint16(6, 20, true)
    header.setUint16(8, 0x0800, true)
    header.setUint16(10, method, true)
    header.setUint16(12, time, true)
    header.setUint16(14, date, true)
    header.setUint32(16, crc, true)
    header.setUint32(20, body.length, true)
    header.setUint32(24, data.length, true)
    header.setUint16(28, name.length, true)
    // extra, comment, disk, internal and external attributes: 0
    header.setUint32(42, offset, true)
    central.push(new Uint8Array(header.buffer), name)
    offset += 30 + name.length + body.length
  }
  const directorySize = central.reduce((sum, part) => sum + part.length, 0)
  const endRecord = new DataView(new ArrayBuffer(endRecordSize))
  endRecord.setUint32(0, endSignature, true)
  endRecord.setUint16(8, entries.length, true)
  endRecord.setUint16(10, entries.length, true)
  endRecord.setUint32(12, directorySize, true)
  endRecord.setUint32(16, offset, true)
  return Buffer.concat([...parts, ...central, new Uint8Array(endRecord.buffer)])
}

/** MS-DOS time and date fields (local time, two-second steps, years 1980–2107). */
function dosDateTime(moment: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, moment.getFullYear()))
  const time = (moment.getHours() << 11) | (moment.getMinutes() << 5) | (moment.getSeconds() >> 1)
  const date = ((year - 1980) << 9) | ((moment.getMonth() + 1) << 5) | moment.getDate()
  return { time, date }
}
