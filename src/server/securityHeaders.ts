import type { RequestHandler } from 'express'
import helmet from 'helmet'

import { contentSecurityPolicy } from '../lib/contentSecurityPolicy'

/**
 * helmet's headers on every response: the Content-Security-Policy (src/lib/contentSecurityPolicy.ts),
 * nosniff, SAMEORIGIN framing, no referrer, and HSTS when the site is served over HTTPS.
 * Resources are marked cross-origin readable: front ends on other origins show the API's images.
 */
export function securityHeaders(options: { production: boolean; publicUrl: string }): RequestHandler {
  const https = options.publicUrl.startsWith('https://')
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy({ production: options.production, https }) },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false } : false,
  })
}
