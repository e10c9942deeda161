export interface Page<T> {
  items: T[]
  page: number
  pageSize: number
  total: number
  pageCount: number
}

export function toPage<T>(items: T[], page: number, pageSize: number, total: number): Page<T> {
  return { items, page, pageSize, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize
}
