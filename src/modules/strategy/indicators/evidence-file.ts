/**
 * Which evidence files are accepted, told by their extension AND their first bytes: a file is
 * served back to other members, so a « rapport.pdf » that is really a web page or a program is
 * refused, whatever the browser claimed. The content type stored (and served) is ours, from the
 * extension, never the one the browser sent. Pure.
 */

/** The largest evidence file accepted. */
export const maxEvidenceBytes = 10 * 1024 * 1024

type Signature = 'pdf' | 'png' | 'jpeg' | 'zip' | 'text' | `odf:${string}`

interface EvidenceType {
  contentType: string
  signature: Signature
}

const odf = (kind: string): EvidenceType => {
  const contentType = `application/vnd.oasis.opendocument.${kind}`
  return { contentType, signature: `odf:${contentType}` }
}
const ooxml = (kind: string): EvidenceType => ({
  contentType: `application/vnd.openxmlformats-officedocument.${kind}`,
  signature: 'zip',
})

export const evidenceTypes: Readonly<Record<string, EvidenceType>> = {
  pdf: { contentType: 'application/pdf', signature: 'pdf' },
  png: { contentType: 'image/png', signature: 'png' },
  jpg: { contentType: 'image/jpeg', signature: 'jpeg' },
  jpeg: { contentType: 'image/jpeg', signature: 'jpeg' },
  odt: odf('text'),
  ods: odf('spreadsheet'),
  odp: odf('presentation'),
  docx: ooxml('wordprocessingml.document'),
  xlsx: ooxml('spreadsheetml.sheet'),
  pptx: ooxml('presentationml.presentation'),
  csv: { contentType: 'text/csv', signature: 'text' },
  txt: { contentType: 'text/plain', signature: 'text' },
}

/** The extensions as the form's `accept` attribute lists them. */
export const evidenceAccept = Object.keys(evidenceTypes)
  .map((extension) => `.${extension}`)
  .join(',')

export type EvidenceCheck =
  | { ok: true; extension: string; contentType: string }
  | { ok: false; problem: 'empty' | 'tooLarge' | 'type' | 'content'; extension?: string }

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))
const pdfMagic = ascii('%PDF-')
const pngMagic = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
const jpegMagic = Uint8Array.of(0xff, 0xd8, 0xff)
/** A ZIP archive's first local file header: OOXML and ODF files are ZIP archives. */
const zipMagic = Uint8Array.of(0x50, 0x4b, 0x03, 0x04)

function startsWith(bytes: Uint8Array, magic: Uint8Array, at = 0): boolean {
  if (bytes.length < at + magic.length) return false
  for (let index = 0; index < magic.length; index++) if (bytes[at + index] !== magic[index]) return false
  return true
}

const littleEndian16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8)
const littleEndian32 = (bytes: Uint8Array, at: number) =>
  littleEndian16(bytes, at) + littleEndian16(bytes, at + 2) * 65536

/**
 * An OpenDocument file: a ZIP whose first entry is `mimetype`, stored uncompressed, holding the
 * document's media type (OpenDocument 1.2, part 3, §3.3). It tells an .odt from an .ods.
 */
function isOpenDocument(bytes: Uint8Array, mediaType: string): boolean {
  if (!startsWith(bytes, zipMagic)) return false
  const nameLength = littleEndian16(bytes, 26)
  const extraLength = littleEndian16(bytes, 28)
  if (nameLength !== 8 || !startsWith(bytes, ascii('mimetype'), 30)) return false
  const expected = ascii(mediaType)
  if (littleEndian32(bytes, 18) !== expected.length) return false
  return startsWith(bytes, expected, 30 + nameLength + extraLength)
}

function matches(bytes: Uint8Array, signature: Signature): boolean {
  if (signature === 'pdf') return startsWith(bytes, pdfMagic)
  if (signature === 'png') return startsWith(bytes, pngMagic)
  if (signature === 'jpeg') return startsWith(bytes, jpegMagic)
  if (signature === 'zip') return startsWith(bytes, zipMagic)
  // Text (CSV, TXT) has no signature: no NUL byte, which no text in an 8-bit encoding or UTF-8 holds
  // and nearly every binary file does.
  if (signature === 'text') return !bytes.includes(0)
  return isOpenDocument(bytes, signature.slice('odf:'.length))
}

/** The lower-case extension of a file name, '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase()
}

export function checkEvidenceFile(fileName: string, bytes: Uint8Array): EvidenceCheck {
  if (bytes.length === 0) return { ok: false, problem: 'empty' }
  if (bytes.length > maxEvidenceBytes) return { ok: false, problem: 'tooLarge' }
  const extension = extensionOf(fileName)
  const type = Object.hasOwn(evidenceTypes, extension) ? evidenceTypes[extension] : undefined
  if (!type) return { ok: false, problem: 'type', extension }
  if (!matches(bytes, type.signature)) return { ok: false, problem: 'content', extension }
  return { ok: true, extension, contentType: type.contentType }
}

/** A file name as shown back to people: no folders, no control characters, bounded. */
export function cleanEvidenceName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'preuve'
}
