import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { type Agent, type IncomingHttpHeaders, request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

export { sleep }

/** Every bench talks to servers on this address only. */
export const host = '127.0.0.1'

/** The built server (dist/src/server.js) and the hello-world server (dist/bench/hello-server.js). */
export const serverScript = fileURLToPath(new URL('../../src/server.js', import.meta.url))
export const helloScript = fileURLToPath(new URL('../hello-server.js', import.meta.url))

// ---------------------------------------------------------------------------------------------
// Clean-up: children and temporary folders are registered so that they are removed at the end,
// on error, and on Ctrl-C; asynchronous clean-ups (dropping a PostgreSQL schema) are bounded.

const children = new Set<ChildProcess>()
const tempDirs = new Set<string>()
const asyncCleanups = new Set<() => Promise<void>>()
let hooked = false

function killChildrenNow(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  children.clear()
}

function removeTempDirsNow(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  tempDirs.clear()
}

function hookProcessEvents(): void {
  if (hooked) return
  hooked = true
  process.on('exit', () => {
    killChildrenNow()
    removeTempDirsNow()
  })
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\nbench: ${signal}, cleaning up`)
    killChildrenNow()
    removeTempDirsNow()
    runCleanups().finally(() => process.exit(130))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
}

/** Registers an asynchronous clean-up; returns a function that runs it (once) and unregisters it. */
export function registerCleanup(cleanup: () => Promise<void>): () => Promise<void> {
  hookProcessEvents()
  let done = false
  const once = async () => {
    if (done) return
    done = true
    asyncCleanups.delete(once)
    await cleanup()
  }
  asyncCleanups.add(once)
  return once
}

/** Runs what is left to clean, each bounded to 5 s. */
export async function runCleanups(): Promise<void> {
  killChildrenNow()
  for (const cleanup of [...asyncCleanups]) {
    await Promise.race([
      cleanup().catch((error) => console.error(`bench: clean-up failed: ${error}`)),
      sleep(5000),
    ])
  }
  removeTempDirsNow()
}

export function makeTempDir(prefix: string): string {
  hookProcessEvents()
  const dir = mkdtempSync(join(tmpdir(), prefix))
  tempDirs.add(dir)
  return dir
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  tempDirs.delete(dir)
}

// ---------------------------------------------------------------------------------------------
// Child processes.

export interface Child {
  process: ChildProcess
  /** The last lines it printed (stdout and stderr), for error messages. */
  output(): string
  exited: Promise<void>
  running(): boolean
}

export function requireBuilt(script: string): void {
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`)
}

/** Starts `node <script>` with the given environment; its output is kept (last 4 kB), not shown. */
export function spawnNode(script: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Child {
  hookProcessEvents()
  const child = spawn(process.execPath, [...nodeArgs, script], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let tail = ''
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4096)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      children.delete(child)
      resolve()
    })
    child.once('error', (error) => {
      tail += `\nspawn error: ${error.message}`
      children.delete(child)
      resolve()
    })
  })
  return {
    process: child,
    output: () => tail.trim(),
    exited,
    running: () => child.exitCode === null && child.signalCode === null && children.has(child),
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; never waits more than graceMs + 2 s. */
export async function stopChild(child: Child, graceMs = 5000): Promise<void> {
  if (!child.running()) return
  child.process.kill('SIGTERM')
  await Promise.race([child.exited, sleep(graceMs)])
  if (child.running()) {
    child.process.kill('SIGKILL')
    await Promise.race([child.exited, sleep(2000)])
  }
}

/** The environment of a child server: ours, without any setting that would change what it serves. */
export function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of [
    'DATABASE_URL',
    'PORT',
    'HOST',
    'DATA_DIR',
    'DEMO',
    'LOG_REQUESTS',
    'PUBLIC_URL',
    'NODE_OPTIONS',
  ]) {
    delete env[name]
  }
  return { ...env, HOST: host, ...settings }
}

// ---------------------------------------------------------------------------------------------
// Network.

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, host, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}

export interface HttpAnswer {
  status: number
  body: string
}

/** One GET on a fresh connection, bounded by `timeoutMs`. Only http://127.0.0.1 URLs. */
export function httpGet(url: string, timeoutMs = 2000): Promise<HttpAnswer> {
  const target = new URL(url)
  if (target.protocol !== 'http:' || target.hostname !== host)
    throw new Error(`benches only call http://${host}, not ${url}`)
  return new Promise((resolve, reject) => {
    const req = request(target, { agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      )
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end()
  })
}

export interface HttpResponse extends HttpAnswer {
  headers: IncomingHttpHeaders
}

/**
 * One request with headers and an optional body, bounded by `timeoutMs`; on `agent` (keep-alive)
 * when given, else on a fresh connection. Only http://127.0.0.1 URLs.
 */
export function httpRequest(
  url: string,
  options: {
    method?: string
    headers?: Record<string, string>
    body?: string
    agent?: Agent
    timeoutMs?: number
  } = {},
): Promise<HttpResponse> {
  const target = new URL(url)
  if (target.protocol !== 'http:' || target.hostname !== host)
    throw new Error(`benches only call http://${host}, not ${url}`)
  const timeoutMs = options.timeoutMs ?? 10_000
  const headers: Record<string, string> = { ...options.headers }
  if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body))
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { method: options.method ?? 'GET', headers, agent: options.agent ?? false, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(options.body)
  })
}

/** The cookies a response sets, by name (value only; an emptied cookie has the value ''). */
export function setCookies(response: HttpResponse): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const line of response.headers['set-cookie'] ?? []) {
    const pair = line.split(';')[0] ?? ''
    const equals = pair.indexOf('=')
    if (equals > 0) cookies.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim())
  }
  return cookies
}

/**
 * Polls `url` every `intervalMs` until it answers 200; returns the time it took, measured from
 * `since` (performance.now()). Fails if the child exits or after `timeoutMs`.
 */
export async function waitFor200(
  url: string,
  child: Child,
  options: { since?: number; intervalMs?: number; timeoutMs?: number } = {},
): Promise<number> {
  const since = options.since ?? performance.now()
  const intervalMs = options.intervalMs ?? 10
  const deadline = since + (options.timeoutMs ?? 60_000)
  let last = 'no answer'
  while (performance.now() < deadline) {
    if (!child.running()) throw new Error(`the server exited before answering ${url}:\n${child.output()}`)
    const attempt = performance.now()
    try {
      const answer = await httpGet(url, 1000)
      if (answer.status === 200) return performance.now() - since
      last = `HTTP ${answer.status}`
    } catch (error) {
      last = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    }
    const wait = intervalMs - (performance.now() - attempt)
    if (wait > 0) await sleep(wait)
  }
  throw new Error(`${url} did not answer 200 in time (last: ${last}):\n${child.output()}`)
}

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux): what a process really spent, whatever else runs on the machine.

let clockTicks: number | undefined

function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks =
        Number.parseInt(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 2000 }), 10) || 100
    } catch {
      clockTicks = 100
    }
  }
  return clockTicks
}

/** User + system CPU time of a process in ms, from /proc; undefined where /proc is unavailable. */
export function cpuTimeMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces, inside parentheses): utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return Number.isFinite(ticks) ? (ticks * 1000) / ticksPerSecond() : undefined
  } catch {
    return undefined
  }
}
