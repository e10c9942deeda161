import { z } from 'zod'

/**
 * A path on this site only. Browsers drop tabs and newlines and read "\" as "/", so
 * "/\t/evil.example" or "/\evil.example" would lead elsewhere: no whitespace, control character
 * or backslash anywhere, and never "//" at the start.
 */
export const localPath = z
  .string()
  .max(2000)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^\/(?!\/)[^\s\\\u0000-\u001f\u007f]*$/)

export function safeReturnPath(value: string | undefined, fallback: string): string {
  return value !== undefined && localPath.safeParse(value).success ? value : fallback
}
