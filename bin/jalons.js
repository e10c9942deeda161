#!/usr/bin/env node
// `npx jalons …`: runs the compiled command line; builds it first on a fresh checkout.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const entry = join(root, 'dist', 'src', 'cli', 'jalons.js')
if (!existsSync(entry)) {
  process.stderr.write('jalons: first run, compiling (npm run build)…\n')
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
await import(pathToFileURL(entry).href)
