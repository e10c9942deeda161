import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 32 random bytes, URL-safe: session cookies, mailed tokens, CSRF tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens are stored hashed: whoever reads the database cannot use them. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/** Compares two secrets in a time that does not depend on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest()
  const right = createHash('sha256').update(b).digest()
  return timingSafeEqual(left, right) && a.length === b.length
}
