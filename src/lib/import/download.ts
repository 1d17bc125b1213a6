import http from 'node:http'
import https from 'node:https'

import { assertPublicLiteral, NotPublicAddress, publicOnlyLookup } from '../net/publicAddresses'
import { ImportProblem } from './problem'

export type DownloadLimits = {
  timeoutMs: number
  maxBytes: number
  /** Loopback and private addresses too (IMPORT_ALLOW_PRIVATE_URLS=true): for an intranet archive, or tests. */
  allowPrivate: boolean
}

const MAX_REDIRECTS = 3

/**
 * Fetches an image over HTTP(S) within a time and size limit. Unless allowed, an address that is
 * not public is refused where the connection is made, for the address actually connected to (so a
 * name that resolves to 127.0.0.1, or changes between two look-ups, gets nowhere), and again at
 * every redirect.
 */
export async function downloadImage(url: URL, limits: DownloadLimits): Promise<Buffer> {
  const signal = AbortSignal.timeout(limits.timeoutMs)
  let current = url
  for (let redirects = 0; ; redirects++) {
    const response = await get(current, limits, signal)
    const location = response.statusCode && response.statusCode >= 300 && response.statusCode < 400 ? response.headers.location : undefined
    if (!location) return readBody(response, limits.maxBytes)
    response.resume()
    if (redirects === MAX_REDIRECTS) throw new ImportProblem({ code: 'IMPORT_TOO_MANY_REDIRECTS', values: { max: MAX_REDIRECTS } })
    current = new URL(location, current)
  }
}

async function get(url: URL, limits: DownloadLimits, signal: AbortSignal): Promise<http.IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ImportProblem({ code: 'IMPORT_SCHEME_REFUSED', values: { scheme: url.protocol } })
  const client = url.protocol === 'https:' ? https : http
  try {
    if (!limits.allowPrivate) assertPublicLiteral(url)
    return await new Promise((resolve, reject) => {
      const request = client.get(url, { signal, lookup: limits.allowPrivate ? undefined : publicOnlyLookup, headers: { 'user-agent': 'newsroom-import' } }, resolve)
      request.on('error', reject)
    })
  } catch (error) {
    if (!(error instanceof NotPublicAddress)) throw error
    const { host, address } = error
    throw new ImportProblem(address === null ? { code: 'IMPORT_ADDRESS_NOT_PUBLIC', values: { host } } : { code: 'IMPORT_HOST_RESOLVES_PRIVATE', values: { host, address } })
  }
}

async function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (response.statusCode !== 200) {
    response.resume()
    throw new ImportProblem({ code: 'IMPORT_HTTP_STATUS', values: { status: response.statusCode ?? '?' } })
  }
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy()
    throw new ImportProblem({ code: 'IMPORT_FILE_TOO_LARGE', values: { max: maxBytes } })
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) {
      response.destroy()
      throw new ImportProblem({ code: 'IMPORT_FILE_TOO_LARGE', values: { max: maxBytes } })
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
