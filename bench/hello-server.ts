/**
 * The baseline for the territory-page bench: a bare Hono "hello world" on @hono/node-server,
 * started as a child process with PORT set. Listens on 127.0.0.1 only.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
app.get('/', (c) => c.text('Hello, World!'))

const port = Number.parseInt(process.env.PORT ?? '', 10)
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('hello-server: set PORT')
  process.exit(1)
}
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => {
  console.log(`hello-server: listening on 127.0.0.1:${info.port}`)
})
const stop = () => server.close(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
