import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Steps that run both as Express middleware and ahead of Express (src/server/cache/cachedReads.ts), so
 * they take Node's own request and response. `locals` is Express's; set ahead of it, Express keeps it.
 */
export type PlainResponse = ServerResponse & { locals?: Record<string, unknown> }
/** Express's request has `originalUrl`; ahead of Express, `url` is still what the client asked for. */
export type PlainRequest = IncomingMessage & { originalUrl?: string }
export type PlainHandler = (req: IncomingMessage, res: PlainResponse, next: () => void) => void | Promise<void>

/** A JSON answer written without Express (`res.json`), for steps that may run ahead of it. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.end(JSON.stringify(body))
}

/** The response's `locals`, made when a step ahead of Express is the first to need it. */
export const localsOf = (res: PlainResponse): Record<string, unknown> => (res.locals ??= Object.create(null) as Record<string, unknown>)
