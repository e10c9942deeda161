/** One changed field of an audit entry, ready to read. */
export interface FieldChange {
  field: string
  before: string
  after: string
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {}
  try {
    const value = JSON.parse(json) as unknown
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value }
  } catch {
    return { value: json }
  }
}

function show(field: string, value: unknown, format: (euros: number) => string): string {
  if (value === undefined || value === null) return '∅'
  // Money is stored in cents (decision 002): shown in euros.
  if (field.endsWith('_cents') && typeof value === 'number') return format(value / 100)
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/**
 * Turns an entry's before/after JSON into the fields that changed, in a stable order, with money
 * in euros. Fields equal on both sides are left out; a creation or deletion lists every field.
 */
export function formatChange(
  before: string | null,
  after: string | null,
  formatEuros: (euros: number) => string,
): FieldChange[] {
  const old = parse(before)
  const now = parse(after)
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])]
  return fields
    .filter((field) => JSON.stringify(old[field]) !== JSON.stringify(now[field]))
    .map((field) => ({
      field: field.replace(/_cents$/, ''),
      before: show(field, old[field], formatEuros),
      after: show(field, now[field], formatEuros),
    }))
}
