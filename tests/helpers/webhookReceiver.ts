import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type ReceivedWebhook = { path: string; headers: IncomingHttpHeaders; body: string; json: any; at: number }

/**
 * A local webhook receiver that records every request and answers by path: `/down…` always 500,
 * `/flaky…` 500 twice then 200, `/hang…` never (the sender's time-out ends it), anything else 200.
 * `delay(path, ms)` makes that path answer only after `ms` (`Infinity`: never) from then on.
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = []
  const sockets = new Set<Socket>()
  const delays = new Map<string, number>()
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const path = req.url ?? '/'
      let json: unknown = null
      try {
        json = JSON.parse(body)
      } catch {
        // kept as text: the test that looks at it fails on its own
      }
      received.push({ path, headers: req.headers, body, json, at: Date.now() })
      const delay = delays.get(path) ?? 0
      if (path.startsWith('/hang') || delay === Infinity) return
      const count = received.filter((r) => r.path === path).length
      const status = path.startsWith('/down') || (path.startsWith('/flaky') && count <= 2) ? 500 : 200
      setTimeout(() => res.writeHead(status).end(), delay)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    at: (path: string) => received.filter((r) => r.path === path),
    /** Attempts at one delivery, by its `X-Newsroom-Delivery` header. */
    attemptsAt: (delivery: string) => received.filter((r) => r.headers['x-newsroom-delivery'] === delivery).length,
    delay: (path: string, ms: number) => void delays.set(path, ms),
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
