import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'

import { isPrivateAddress } from './privateAddresses'

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
    if (redirects === MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`)
    current = new URL(location, current)
  }
}

function get(url: URL, limits: DownloadLimits, signal: AbortSignal): Promise<http.IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new Error(`${url.protocol} addresses are not fetched`))
  // Connections to an address literal skip the look-up, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, '')
  if (!limits.allowPrivate && isIP(literal) !== 0 && isPrivateAddress(literal)) {
    return Promise.reject(new Error(`${url.hostname} is not a public address`))
  }
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.get(url, { signal, lookup: limits.allowPrivate ? undefined : publicOnlyLookup, headers: { 'user-agent': 'newsroom-import' } }, resolve)
    request.on('error', reject)
  })
}

/** DNS resolution that fails when any address a name resolves to is not public. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0)
    const refused = addresses.find((entry) => isPrivateAddress(entry.address))
    if (refused) return callback(new Error(`${hostname} resolves to ${refused.address}, not a public address`), '', 0)
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses)
    callback(null, addresses[0].address, addresses[0].family)
  })
}

async function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (response.statusCode !== 200) {
    response.resume()
    throw new Error(`HTTP ${response.statusCode}`)
  }
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy()
    throw new Error(`larger than ${maxBytes} bytes`)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) {
      response.destroy()
      throw new Error(`larger than ${maxBytes} bytes`)
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
