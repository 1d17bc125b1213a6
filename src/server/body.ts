import type { Request } from 'express'

import type { Message } from '../lib/i18n/translate'

/** A client's error found before Payload sees the request, answered in the client's language. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly refusal: Message,
  ) {
    super(refusal.code)
  }
}

/** Bodies already read, so a middleware that looked at one (the login limiter) leaves it for the handler. */
const bodiesRead = new WeakMap<Request, Promise<Buffer>>()

/**
 * Reads the whole request body, refusing with 413 as soon as it passes `limit` bytes (before reading
 * it at all when Content-Length already says so), so a huge body costs neither memory nor time.
 * A second call for the same request answers what the first one read.
 */
export function readBody(req: Request, limit: number): Promise<Buffer> {
  let body = bodiesRead.get(req)
  if (!body) {
    body = readBodyOnce(req, limit)
    bodiesRead.set(req, body)
  }
  return body
}

async function readBodyOnce(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    throw new HttpError(413, { code: 'BODY_TOO_LARGE', values: { limit } })
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }
      // Keep draining what the client still sends so the 413 can be written on an intact socket.
      req.off('data', onData)
      req.resume()
      reject(new HttpError(413, { code: 'BODY_TOO_LARGE', values: { limit } }))
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })
}
