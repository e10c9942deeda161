import { spawn } from 'node:child_process'
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Prints a standalone HTML page to PDF with the machine's Chromium (`--headless --print-to-pdf`),
 * spawned as a child process: no library, the same browser the browser tests use. Each print gets
 * its own temporary folder (the page, a throwaway profile, the PDF), removed afterwards whatever
 * happens. The page must need nothing from the network: the documents carry their CSS inline.
 *
 * Chromium is heavy (a few hundred MB and a core while it prints), so at most `maxConcurrentPrints`
 * run at once; the others wait their turn in a queue.
 */

export const maxConcurrentPrints = 2
export const printTimeoutMs = 60_000

export class ChromiumUnavailable extends Error {
  constructor(readonly path: string) {
    super(`Chromium not found or not executable at ${path}`)
  }
}

export class PrintFailed extends Error {}

export function chromiumAvailable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

let running = 0
const waiting: (() => void)[] = []

/** A finished print hands its place straight to the next one waiting, so none can jump the queue. */
async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  if (running < maxConcurrentPrints) running++
  else await new Promise<void>((resolve) => waiting.push(resolve))
  try {
    return await task()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

/** Flags: print and quit, touching nothing outside the temporary folder and calling no server. */
function chromiumArguments(folder: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-pdf-header-footer',
    '--no-first-run',
    '--disable-extensions',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-dev-shm-usage',
    `--user-data-dir=${join(folder, 'profile')}`,
    `--print-to-pdf=${join(folder, 'out.pdf')}`,
    pathToFileURL(join(folder, 'doc.html')).href,
  ]
}

function runChromium(path: string, folder: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that a timeout ends Chromium's helpers (renderer, GPU…) too.
    const child = spawn(path, chromiumArguments(folder), {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000)
    })
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
      reject(new PrintFailed(`Chromium did not finish printing within ${timeoutMs / 1000} s`))
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new PrintFailed(`Chromium could not start: ${error.message}`))
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else
        reject(
          new PrintFailed(
            `Chromium exited with ${signal ?? `code ${code}`}: ${stderr.split('\n').slice(-3).join(' ')}`,
          ),
        )
    })
  })
}

/** The PDF of the page, as bytes. Throws ChromiumUnavailable, or PrintFailed (timeout, crash). */
export async function printPdf(
  html: string,
  options: { chromiumPath: string; timeoutMs?: number },
): Promise<Buffer> {
  if (!chromiumAvailable(options.chromiumPath)) throw new ChromiumUnavailable(options.chromiumPath)
  return inTurn(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'jalons-print-'))
    try {
      writeFileSync(join(folder, 'doc.html'), html, 'utf8')
      await runChromium(options.chromiumPath, folder, options.timeoutMs ?? printTimeoutMs)
      const pdf = readFileSync(join(folder, 'out.pdf'))
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PrintFailed('Chromium wrote no PDF')
      return pdf
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new PrintFailed('Chromium wrote no PDF')
      throw error
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
}

/** Pages of a PDF printed by Chromium (Skia writes one `/Type /Page` object per page). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
}
