/**
 * The Content-Security-Policy for every response, admin and portal alike. Next.js (the admin and
 * the server-rendered portal) writes inline scripts for hydration and inline styles, so those are
 * allowed; nothing may come from other origins (so the admin shows server-written JSON as text rather
 * than load Monaco from a CDN, src/components/JsonView.tsx), no plugin, no <base> rewrite, no framing by
 * other sites, no form posting elsewhere. Development mode also needs
 * `eval` and a websocket for hot reload; production never allows them. JSON-LD blocks
 * (`<script type="application/ld+json">`) are data, not script, and need nothing. Images alone may
 * also come from `imageOrigin`: the CDN or bucket the uploads are served from (S3_PUBLIC_URL).
 */
export function contentSecurityPolicy(options: { production: boolean; https: boolean; imageOrigin?: string }): Record<string, string[]> {
  const { production } = options
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'self'"],
    'form-action': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(production ? [] : ["'unsafe-eval'"])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(options.imageOrigin ? [options.imageOrigin] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(production ? [] : ['ws:', 'wss:'])],
    'media-src': ["'self'", 'data:', 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'"],
    'manifest-src': ["'self'"],
    ...(options.https ? { 'upgrade-insecure-requests': [] } : {}),
  }
}
