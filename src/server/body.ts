import type { Request } from 'express'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Reads the whole request body, refusing with 413 as soon as it passes `limit` bytes (before reading
 * it at all when Content-Length already says so), so a huge body costs neither memory nor time.
 */
export async function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    throw new HttpError(413, `Request body too large: at most ${limit} bytes`)
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
      reject(new HttpError(413, `Request body too large: at most ${limit} bytes`))
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })
}
