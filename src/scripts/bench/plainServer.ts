/**
 * The benchmark's baseline (bundled to dist/bench-plain-server.mjs, started by the benchmark): a
 * bare Express app that answers every request with one response held in memory, the same bytes and
 * headers the newsroom sent. Whatever the newsroom does beyond this is the cost of being a CMS.
 * It is told the response over IPC, and answers with the port it listens on.
 */
import express from 'express'

export type CapturedResponse = { status: number; headers: Record<string, string>; bodyBase64: string }

process.once('message', (message) => {
  const response = message as CapturedResponse
  const body = Buffer.from(response.bodyBase64, 'base64')
  const app = express()
  app.disable('x-powered-by')
  app.disable('etag')
  app.all('/{*path}', (_req, res) => {
    res.status(response.status).set(response.headers).set('content-length', String(body.length)).end(body)
  })
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address()
    process.send!({ port: typeof address === 'object' && address ? address.port : 0 })
  })
  // As the newsroom's server: keep-alive connections outlive the benchmark's pauses.
  server.keepAliveTimeout = 65_000
})
