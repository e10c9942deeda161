import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { hash, verify } from '@node-rs/argon2'

/**
 * argon2id with OWASP's minimum recommended parameters (Password Storage Cheat Sheet: m = 19 MiB,
 * t = 2, p = 1). bench/accounts.bench.ts measures one hash on our machines.
 */
// `algorithm: 2` is Algorithm.Argon2id (a const enum the compiler cannot import under isolated modules).
export const argon2Parameters = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const minimumPasswordLength = 12

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Parameters)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/**
 * A hash of a random password, computed once: checking a password against it when the email is
 * unknown takes as long as a real check, so response times do not reveal who has an account.
 */
let decoyHash: Promise<string> | undefined
export function verifyAgainstDecoy(password: string): Promise<boolean> {
  decoyHash ??= hashPassword(crypto.randomUUID())
  return decoyHash.then((decoy) => verifyPassword(decoy, password))
}

/**
 * Common passwords shipped with the app: the 49,000 most common leaked passwords of
 * @zxcvbn-ts/language-common (MIT), plus French keyboard and word patterns of our own.
 */
const frenchPatterns = [
  'azertyuiop',
  'azertyuiop123',
  'motdepasse',
  'motdepasse123',
  'motdepasse1234',
  'bonjour123456',
  'soleil123456',
]
let commonPasswords: Set<string> | undefined
/** Read on first use, not at start: 49,000 entries the server does not need until someone sets a password. */
function commonPasswordSet(): Set<string> {
  if (!commonPasswords) {
    const require = createRequire(import.meta.url)
    const list = JSON.parse(
      readFileSync(require.resolve('@zxcvbn-ts/language-common/src/passwords.json'), 'utf8'),
    ) as string[]
    commonPasswords = new Set([...list, ...frenchPatterns].map((password) => password.toLowerCase()))
  }
  return commonPasswords
}

export type PasswordProblem = 'tooShort' | 'common' | 'containsEmail'

/** What is wrong with a new password, if anything. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if ([...password].length < minimumPasswordLength) return 'tooShort'
  const lower = password.toLowerCase()
  if (
    commonPasswordSet().has(lower) ||
    /^(.)\1+$/.test(lower) ||
    /^(0123456789|123456789012|abcdefghijkl)/.test(lower)
  )
    return 'common'
  const localPart = email?.split('@')[0]?.toLowerCase()
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) return 'containsEmail'
  return null
}
