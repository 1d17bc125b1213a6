import helmet from 'helmet'

import { contentSecurityPolicy } from '../lib/http/contentSecurityPolicy'
import type { PlainHandler } from './plainHttp'

/**
 * helmet's headers on every response: the Content-Security-Policy (src/lib/http/contentSecurityPolicy.ts),
 * nosniff, SAMEORIGIN framing, no referrer, and HSTS when the site is served over HTTPS.
 * Resources are marked cross-origin readable: front ends on other origins show the API's images.
 * The headers depend only on the configuration, so helmet runs once and its answer is replayed:
 * on a cached read, helmet itself would be a twentieth of the cost.
 */
export function securityHeaders(options: { production: boolean; publicUrl: string; imageOrigin?: string }): PlainHandler {
  const https = options.publicUrl.startsWith('https://')
  const headers = headersSetBy(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy({ production: options.production, https, imageOrigin: options.imageOrigin }) },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      strictTransportSecurity: https ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false } : false,
    }),
  )
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value)
    next()
  }
}

function headersSetBy(middleware: ReturnType<typeof helmet>): [string, string][] {
  const headers = new Map<string, string>()
  const response = {
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  }
  let called = false
  middleware({} as never, response as never, (error?: unknown) => {
    if (error) throw error
    called = true
  })
  if (!called) throw new Error('helmet did not finish synchronously')
  return [...headers]
}
