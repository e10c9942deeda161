import { z } from 'zod'

/** A path on this site only: "//host" and "/\host" lead elsewhere, so they are refused. */
export const localPath = z
  .string()
  .regex(/^\/(?![/\\])/)
  .max(2000)

export function safeReturnPath(value: string | undefined, fallback: string): string {
  return value !== undefined && localPath.safeParse(value).success ? value : fallback
}
