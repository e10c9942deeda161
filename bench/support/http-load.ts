import autocannon from 'autocannon'
import { cpuTimeMs } from './processes.js'

export interface Load {
  rps: number
  p50: number
  p99: number
  /** Responses 2xx. */
  requests: number
  failures: number
  /** The server's CPU time per answered request, when /proc tells it. */
  cpuMsPerRequest: number | undefined
}

/**
 * autocannon against one URL for `durationSeconds`; with the server's pid, also the server's CPU
 * time per request (from /proc), which hardly depends on what else the machine runs.
 */
export async function load(
  url: string,
  durationSeconds: number,
  connections: number,
  serverPid?: number,
  headers?: Record<string, string>,
): Promise<Load> {
  const cpuBefore = cpuTimeMs(serverPid)
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    timeout: 10,
    ...(headers ? { headers } : {}),
  })
  const cpuAfter = cpuTimeMs(serverPid)
  const answered = result['2xx'] + result.non2xx
  return {
    cpuMsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && answered > 0
        ? (cpuAfter - cpuBefore) / answered
        : undefined,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result['2xx'],
    failures: result.errors + result.timeouts + result.non2xx,
  }
}
