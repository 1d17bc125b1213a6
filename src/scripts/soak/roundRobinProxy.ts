/**
 * A small round-robin load balancer on loopback, for running several instances as one site (the
 * two-instance test, `npm run soak -- --instances 2`): each request goes to the next instance in
 * turn, with X-Forwarded-For as a real balancer adds it (the instances trust loopback). An instance
 * that refuses the connection is skipped for that request, as a balancer's passive health check
 * would: the request never reached it, so sending it to the next one cannot apply a write twice. A
 * request an instance took and then lost (killed mid-answer) is a 502, never retried.
 */
import { createServer, type IncomingMessage, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type RoundRobinProxy = {
  url: string
  /**
   * The instances to balance over, given once they run: they are started knowing the proxy's
   * address, their PUBLIC_URL, as behind a real balancer. Their answer counts start again at zero.
   */
  balance: (instances: string[]) => void
  /** Requests each instance answered, in the order the instances were given. */
  answeredBy: () => number[]
  close: () => Promise<void>
}

/** Errors that mean the instance never took the request. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH'])

export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  let targets: URL[] = []
  let answered: number[] = []
  let next = 0

  const forward = (req: IncomingMessage, body: Buffer, target: URL) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ')
      const outgoing = httpRequest(
        // A connection per request: a pooled one to an instance that has died fails as a reset, which
        // could not be told from a request the instance took.
        { host: target.hostname, port: target.port, method: req.method, path: req.url, agent: false, headers: { ...req.headers, host: target.host, 'x-forwarded-for': forwardedFor } },
        resolve,
      )
      outgoing.on('error', reject)
      outgoing.end(body)
    })

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const first = next++ % targets.length
    for (let tried = 0; tried < targets.length; tried++) {
      const index = (first + tried) % targets.length
      let answer: IncomingMessage
      try {
        answer = await forward(req, body, targets[index])
      } catch (error) {
        if (NOT_CONNECTED.has((error as NodeJS.ErrnoException).code ?? '')) continue
        res.writeHead(502, { 'content-type': 'text/plain' }).end('the instance failed mid-request')
        return
      }
      answered[index]++
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders)
      answer.pipe(res)
      answer.on('error', () => res.destroy())
      return
    }
    res.writeHead(502, { 'content-type': 'text/plain' }).end('no instance is up')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    balance: (instances) => {
      targets = instances.map((instance) => new URL(instance))
      answered = targets.map(() => 0)
    },
    answeredBy: () => [...answered],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
