/**
 * What accounts cost: a password check, a sign-in, a session lookup.
 *
 * 1. argon2id with `argon2Parameters`: one hash and one verify, in this process, one at a time,
 *    after 2 warm-ups; median and p95 over BENCH_HASHES (20) of each.
 * 2. Sign-ins per second over HTTP: the built server (node dist/src/server.js, NODE_ENV=production,
 *    DEMO=true, fresh DATA_DIR; a bench user is inserted with insertUser + hashPassword before it
 *    starts) and BENCH_SIGNIN_CLIENTS (8) clients here, each looping GET /connexion (for the CSRF
 *    cookie) then POST /connexion with valid credentials, for BENCH_SIGNIN_DURATION (10) s; 303
 *    answers are counted. Never a wrong password: failures lock the account (throttle.ts).
 * 3. Session lookup: findSession in this process on a fresh SQLite file holding 10,000 other
 *    sessions, BENCH_LOOKUPS (5,000) lookups after 500 warm-up; target p95 ≤ 2 ms. Then GET /
 *    anonymous and GET / signed in (the session cookie of a real sign-in), autocannon with
 *    BENCH_CONNECTIONS (50) for BENCH_SESSION_DURATION (5) s each after a 1 s warm-up, with the
 *    server's CPU time per request: their difference is what the session costs a page.
 * Every request goes to 127.0.0.1; the child server and the temporary folders are removed.
 */
import { Agent } from 'node:http'
import { availableParallelism } from 'node:os'
import { prepareDatabase } from '../src/bootstrap.js'
import { loadConfig } from '../src/config.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { randomToken, sha256 } from '../src/lib/secrets.js'
import { insertUser } from '../src/modules/accounts/accounts.queries.js'
import { csrfCookie, csrfField } from '../src/modules/accounts/csrf.middleware.js'
import { argon2Parameters, hashPassword, verifyPassword } from '../src/modules/accounts/passwords.js'
import {
  createSession,
  findSession,
  sessionCookie,
  sessionLifetimeMs,
} from '../src/modules/accounts/sessions.js'
import { freshSqlite } from './support/databases.js'
import { type Load, load } from './support/http-load.js'
import {
  type Child,
  cpuTimeMs,
  freePort,
  host,
  httpRequest,
  makeTempDir,
  removeTempDir,
  requireBuilt,
  serverEnv,
  serverScript,
  setCookies,
  sleep,
  spawnNode,
  stopChild,
  waitFor200,
} from './support/processes.js'
import {
  envInteger,
  type Figure,
  heading,
  isMainModule,
  median,
  ms,
  note,
  percentile,
  report,
  runAlone,
  seconds,
} from './support/report.js'

const bench = 'accounts'
const lookupTargetP95Ms = 2
const lookupWarmUp = 500
const otherSessions = 10_000
/** Bounds on the measured loops, whatever the counts asked for. */
const maxHashingMs = 60_000
const maxLookupMs = 60_000

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b)
const rate = (value: number) => value.toFixed(1)

// ---------------------------------------------------------------------------------------------
// 1. One hash, one verify.

async function timeEach(count: number, step: () => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < 2; index++) await step()
  const times: number[] = []
  const deadline = performance.now() + maxHashingMs
  while (times.length < count && performance.now() < deadline) {
    const started = performance.now()
    await step()
    times.push(performance.now() - started)
  }
  return times
}

async function passwordFigures(): Promise<{ figures: Figure[]; verifyMedianMs: number }> {
  const count = envInteger('BENCH_HASHES', 20, 3, 1000)
  const { memoryCost, timeCost, parallelism } = argon2Parameters
  note(
    `argon2id m = ${memoryCost} KiB, t = ${timeCost}, p = ${parallelism}; ${count} of each, one at a time, after 2 warm-ups`,
  )
  const password = `${randomToken()}-bench`
  const hashes = sorted(await timeEach(count, () => hashPassword(password)))
  const stored = await hashPassword(password)
  let wrong = 0
  const verifies = sorted(
    await timeEach(count, async () => {
      if (!(await verifyPassword(stored, password))) wrong++
    }),
  )
  if (wrong > 0) throw new Error(`verifyPassword refused the right password ${wrong} times`)
  const verifyMedianMs = median(verifies)
  return {
    verifyMedianMs,
    figures: [
      report({
        bench,
        database: '-',
        measure: `one password hash, median / p95 of ${hashes.length}`,
        value: `${ms(median(hashes))} / ${ms(percentile(hashes, 95))}`,
      }),
      report({
        bench,
        database: '-',
        measure: `one password verify, median / p95 of ${verifies.length}`,
        value: `${ms(verifyMedianMs)} / ${ms(percentile(verifies, 95))}`,
      }),
    ],
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Sign-ins over HTTP.

interface Credentials {
  email: string
  password: string
}

interface SignInAttempt {
  /** 303 on success; otherwise the status, or the step that failed. */
  outcome: string
  /** The session cookie's value, on success. */
  session?: string
  csrf?: string
}

/** GET /connexion for the CSRF cookie, then POST /connexion with it, as a browser does. */
async function signInOnce(base: string, credentials: Credentials, agent?: Agent): Promise<SignInAttempt> {
  const form = await httpRequest(`${base}/connexion`, { agent })
  if (form.status !== 200) return { outcome: `GET /connexion ${form.status}` }
  const csrf = setCookies(form).get(csrfCookie)
  if (!csrf) return { outcome: `GET /connexion without a ${csrfCookie} cookie` }
  const answer = await httpRequest(`${base}/connexion`, {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${csrfCookie}=${csrf}` },
    body: new URLSearchParams({ ...credentials, [csrfField]: csrf }).toString(),
  })
  if (answer.status !== 303) return { outcome: `POST /connexion ${answer.status}` }
  const session = setCookies(answer).get(sessionCookie)
  if (!session) return { outcome: `POST /connexion 303 without a ${sessionCookie} cookie` }
  return { outcome: '303', session, csrf }
}

async function signInFigures(
  base: string,
  server: Child,
  credentials: Credentials,
  verifyMedianMs: number,
): Promise<Figure[]> {
  const clients = envInteger('BENCH_SIGNIN_CLIENTS', 8, 1, 64)
  const duration = envInteger('BENCH_SIGNIN_DURATION', 10, 1, 120)
  note(`${clients} clients, each GET /connexion then POST /connexion, for ${duration} s`)

  const outcomes = new Map<string, number>()
  const latencies: number[] = []
  const cpuBefore = cpuTimeMs(server.process.pid)
  const started = performance.now()
  const deadline = started + duration * 1000
  await Promise.all(
    Array.from({ length: clients }, async () => {
      // One keep-alive connection per client, as one browser.
      const agent = new Agent({ keepAlive: true, maxSockets: 1 })
      try {
        while (performance.now() < deadline) {
          const begun = performance.now()
          let outcome: string
          try {
            outcome = (await signInOnce(base, credentials, agent)).outcome
          } catch (error) {
            outcome = (error as NodeJS.ErrnoException).code ?? (error as Error).message
          }
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
          if (outcome !== '303') break // something is wrong: this client stops rather than insists
          latencies.push(performance.now() - begun)
        }
      } finally {
        agent.destroy()
      }
    }),
  )
  const elapsed = performance.now() - started
  const cpuAfter = cpuTimeMs(server.process.pid)
  if (!server.running()) throw new Error(`the server exited during the sign-ins:\n${server.output()}`)

  const succeeded = outcomes.get('303') ?? 0
  const failures = [...outcomes].filter(([outcome]) => outcome !== '303')
  const perSecond = succeeded / (elapsed / 1000)
  const cpuPerSignIn =
    cpuBefore !== undefined && cpuAfter !== undefined && succeeded > 0
      ? (cpuAfter - cpuBefore) / succeeded
      : undefined
  const times = sorted(latencies)
  const cores = availableParallelism()
  note(
    `${succeeded} × 303 in ${seconds(elapsed)}${failures.length > 0 ? `; failures: ${failures.map(([outcome, count]) => `${count} × ${outcome}`).join(', ')}` : ', no failure'}`,
  )
  note(
    `ceiling if the verify were all the work: ${cores} cores ÷ ${ms(verifyMedianMs)} ≈ ${rate((cores * 1000) / verifyMedianMs)} sign-ins/s`,
  )
  return [
    report({
      bench,
      database: 'SQLite',
      measure: `sign-ins/s over HTTP (${clients} clients, GET + POST /connexion)`,
      value: `${rate(perSecond)}${failures.length > 0 ? ` (${failures.reduce((sum, [, count]) => sum + count, 0)} failures)` : ''}`,
    }),
    report({
      bench,
      database: 'SQLite',
      measure: 'one sign-in (GET + POST) latency p50 / p95',
      value: `${ms(median(times))} / ${ms(percentile(times, 95))}`,
    }),
    ...(cpuPerSignIn === undefined
      ? []
      : [
          report({
            bench,
            database: 'SQLite',
            measure: 'server CPU per sign-in',
            value: `${ms(cpuPerSignIn)} (≈ ${rate(1000 / cpuPerSignIn)} sign-ins/s per core)`,
          }),
        ]),
  ]
}

// ---------------------------------------------------------------------------------------------
// 3a. findSession in this process.

async function lookupFigures(): Promise<Figure[]> {
  const lookups = envInteger('BENCH_LOOKUPS', 5000, 100, 100_000)
  const database = await freshSqlite()
  try {
    const { db } = database.handle
    await migrateToLatest(db)
    const passwordHash = await hashPassword(randomToken())
    const userIds: number[] = []
    for (let index = 0; index < 100; index++) {
      userIds.push(
        await insertUser(db, {
          email: `lookup-${index}@bench.example.org`,
          name: `Bench ${index}`,
          passwordHash,
        }),
      )
    }
    const now = Date.now()
    const rows = Array.from({ length: otherSessions }, (_, index) => ({
      id: sha256(randomToken()),
      user_id: userIds[index % userIds.length] as number,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: new Date(now + sessionLifetimeMs).toISOString(),
      user_agent: 'bench',
      active_workspace_id: null,
    }))
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < rows.length; start += 500)
        await trx
          .insertInto('sessions')
          .values(rows.slice(start, start + 500))
          .execute()
    })
    const secret = await createSession(db, userIds[0] as number, 'bench')
    if (!(await findSession(db, secret))) throw new Error('findSession did not find the session just created')
    note(
      `findSession on SQLite (${otherSessions} other sessions), ${lookupWarmUp} warm-up then ${lookups} lookups`,
    )

    for (let index = 0; index < lookupWarmUp; index++) await findSession(db, secret)
    const times: number[] = []
    const deadline = performance.now() + maxLookupMs
    while (times.length < lookups && performance.now() < deadline) {
      const started = performance.now()
      const found = await findSession(db, secret)
      times.push(performance.now() - started)
      if (!found) throw new Error('the session disappeared during the lookups')
    }
    const ordered = sorted(times)
    const p95 = percentile(ordered, 95)
    return [
      report({
        bench,
        database: 'SQLite',
        measure: `findSession p50 / p95 / p99 (${ordered.length} lookups)`,
        value: `${ms(percentile(ordered, 50))} / ${ms(p95)} / ${ms(percentile(ordered, 99))}`,
      }),
      report({
        bench,
        database: 'SQLite',
        measure: 'findSession p95',
        value: ms(p95),
        target: `≤ ${ms(lookupTargetP95Ms)}`,
        met: p95 <= lookupTargetP95Ms,
      }),
    ]
  } finally {
    await database.dispose()
  }
}

// ---------------------------------------------------------------------------------------------
// 3b. A page anonymous and signed in.

async function pageFigures(base: string, server: Child, csrf: string, session: string): Promise<Figure[]> {
  const duration = envInteger('BENCH_SESSION_DURATION', 5, 1, 60)
  const connections = envInteger('BENCH_CONNECTIONS', 50, 1, 1000)
  // Both send the CSRF cookie a browser has, so that only the session differs.
  const anonymous = { cookie: `${csrfCookie}=${csrf}` }
  const signedIn = { cookie: `${csrfCookie}=${csrf}; ${sessionCookie}=${session}` }

  const check = async (headers: Record<string, string>, signedInExpected: boolean) => {
    const answer = await httpRequest(`${base}/`, { headers, timeoutMs: 5000 })
    if (answer.status !== 200) throw new Error(`GET / answered HTTP ${answer.status}`)
    if (answer.body.includes('action="/deconnexion"') !== signedInExpected)
      throw new Error(`GET / was ${signedInExpected ? 'not ' : ''}signed in`)
    if (setCookies(answer).has(sessionCookie)) throw new Error('GET / touched the session cookie')
    return Buffer.byteLength(answer.body)
  }
  const anonymousBytes = await check(anonymous, false)
  const signedInBytes = await check(signedIn, true)
  note(`GET /, ${connections} connections, 1 s warm-up then ${duration} s each`)

  const measure = async (label: string, headers: Record<string, string>, bytes: number): Promise<Load> => {
    await load(`${base}/`, 1, connections, undefined, headers)
    const result = await load(`${base}/`, duration, connections, server.process.pid, headers)
    const cpu =
      result.cpuMsPerRequest === undefined ? '' : `; server CPU ${ms(result.cpuMsPerRequest)}/request`
    note(
      `${label}: ${Math.round(result.rps)} req/s, p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, ${result.requests} × 200, ${result.failures} failures, ${bytes} bytes${cpu}`,
    )
    return result
  }
  const anon = await measure('GET / anonymous', anonymous, anonymousBytes)
  const auth = await measure('GET / signed in', signedIn, signedInBytes)
  const failures = (result: Load) => (result.failures > 0 ? ` (${result.failures} failures)` : '')
  const cpu = (result: Load) => (result.cpuMsPerRequest === undefined ? '?' : ms(result.cpuMsPerRequest))
  const figures = [
    report({
      bench,
      database: 'SQLite',
      measure: 'GET / req/s, anonymous / signed in',
      value: `${Math.round(anon.rps)}${failures(anon)} / ${Math.round(auth.rps)}${failures(auth)} (${((100 * auth.rps) / anon.rps - 100).toFixed(1)} %)`,
    }),
    report({
      bench,
      database: 'SQLite',
      measure: 'GET / latency p50 / p99, anonymous; signed in',
      value: `${ms(anon.p50)} / ${ms(anon.p99)}; ${ms(auth.p50)} / ${ms(auth.p99)}`,
    }),
  ]
  if (anon.cpuMsPerRequest !== undefined && auth.cpuMsPerRequest !== undefined) {
    figures.push(
      report({
        bench,
        database: 'SQLite',
        measure: 'GET / server CPU per request, anonymous / signed in (difference)',
        value: `${cpu(anon)} / ${cpu(auth)} (${auth.cpuMsPerRequest >= anon.cpuMsPerRequest ? '+' : ''}${ms(auth.cpuMsPerRequest - anon.cpuMsPerRequest)})`,
      }),
    )
  }
  return figures
}

// ---------------------------------------------------------------------------------------------

export async function run(): Promise<Figure[]> {
  heading('Accounts: password hashing, sign-ins, session lookup')
  requireBuilt(serverScript)
  const figures: Figure[] = []

  const passwords = await passwordFigures()
  figures.push(...passwords.figures)

  const dataDir = makeTempDir('jalons-bench-accounts-')
  let server: Child | undefined
  try {
    const settings = { NODE_ENV: 'production', DATA_DIR: dataDir, DEMO: 'true' }
    const preparing = performance.now()
    const credentials: Credentials = { email: 'bench@jalons.example.org', password: `${randomToken()}-bench` }
    const { handle } = await prepareDatabase(loadConfig(serverEnv({ ...settings, PORT: '0' })))
    try {
      await insertUser(handle.db, {
        email: credentials.email,
        name: 'Bench',
        passwordHash: await hashPassword(credentials.password),
      })
    } finally {
      await handle.close()
    }
    note(`data folder prepared (demo, bench user) in ${seconds(performance.now() - preparing)}`)

    const port = await freePort()
    const base = `http://${host}:${port}`
    server = spawnNode(serverScript, serverEnv({ ...settings, PORT: String(port) }))
    await waitFor200(`${base}/healthz`, server, { timeoutMs: 60_000 })

    // A few sign-ins first: they check the flow and warm the server up; the last one's session
    // cookie is the signed-in visitor of part 3.
    let first: SignInAttempt | undefined
    for (let index = 0; index < 3; index++) {
      first = await signInOnce(base, credentials)
      if (first.outcome !== '303') throw new Error(`a warm-up sign-in failed: ${first.outcome}`)
    }
    const { session, csrf } = first as SignInAttempt
    if (!session || !csrf) throw new Error('the warm-up sign-in gave no cookies')

    figures.push(...(await signInFigures(base, server, credentials, passwords.verifyMedianMs)))
    await sleep(500) // let the last hashes of the sign-in run drain
    figures.push(...(await lookupFigures()))
    figures.push(...(await pageFigures(base, server, csrf, session)))
    return figures
  } finally {
    if (server) await stopChild(server)
    removeTempDir(dataDir)
  }
}

if (isMainModule(import.meta.url)) await runAlone(run)
