import type { IncomingMessage, ServerResponse } from 'node:http'

import { headersWithCors, type SanitizedConfig } from 'payload'

export type AddCorsHeaders = (req: IncomingMessage, res: ServerResponse) => void

/**
 * Payload's CORS headers (its own `headersWithCors`, so the rules are the same) for answers Payload
 * does not send itself: those from the response cache. Without them a browser front end on an
 * allowed origin could read a page only until it was cached. What Payload sends depends only on
 * whether the request's Origin is allowed, so each allowed origin's headers are worked out once.
 */
export function corsHeaders(cors: SanitizedConfig['cors']): AddCorsHeaders {
  const known = new Map<string, [string, string][]>()
  const headersFor = (origin: string): [string, string][] => {
    const request = { payload: { config: { cors } }, headers: new Headers(origin ? { origin } : {}) }
    return [...headersWithCors({ headers: new Headers(), req: request as never }).entries()]
  }
  const anyOrigin = headersFor('')
  const everyOriginAllowed = anyOrigin.some(([name]) => name === 'access-control-allow-origin')
  return (req, res) => {
    const origin = req.headers.origin
    let headers = origin ? known.get(origin) : undefined
    if (origin && !headers && !everyOriginAllowed) {
      headers = headersFor(origin)
      // Only allowed origins are remembered: a stream of made-up ones cannot grow the map.
      if (headers.some(([name]) => name === 'access-control-allow-origin')) known.set(origin, headers)
    }
    for (const [name, value] of headers ?? anyOrigin) res.setHeader(name, value)
  }
}
