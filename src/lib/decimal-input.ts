/**
 * Prepares a number typed the French way for z.coerce.number(): "58 000 000" and "1 234,5"
 * (spaces, no-break spaces, decimal comma); an empty field becomes undefined.
 */
export function decimalInput(value: unknown): unknown {
  if (typeof value !== 'string') return value
  if (value.trim() === '') return undefined
  return value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')
}
