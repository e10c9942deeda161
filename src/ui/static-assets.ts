import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { Hono } from 'hono'
import { publicDir } from '../lib/paths.js'

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

interface Asset {
  body: Buffer
  type: string
  hash: string
}

/** The few static files are read once at start and served from memory with a content hash. */
const assets = new Map<string, Asset>()
for (const name of readdirSync(publicDir)) {
  const type = contentTypes[extname(name)]
  if (!type) continue
  const body = readFileSync(join(publicDir, name))
  assets.set(name, { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) })
}

/** The URL of a static file, versioned by its content so browsers may cache it for a year. */
export function assetUrl(name: string): string {
  const asset = assets.get(name)
  if (!asset) throw new Error(`Unknown static asset ${name}`)
  return `/static/${name}?v=${asset.hash}`
}

// biome-ignore lint/suspicious/noExplicitAny: mounts on any app environment
export function mountStaticAssets(app: Hono<any>): void {
  app.get('/static/:name', (c) => {
    const asset = assets.get(c.req.param('name'))
    if (!asset) return c.notFound()
    const etag = `"${asset.hash}"`
    if (c.req.header('if-none-match') === etag) return c.body(null, 304)
    return c.body(new Uint8Array(asset.body), 200, {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
      etag,
    })
  })
}
