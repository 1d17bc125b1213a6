/**
 * The portal's public address (PORTAL_URL; by default this server's), for links that leave the page:
 * canonical and Open Graph URLs, and the links in readers' emails.
 */
export function portalUrl(): string {
  return (process.env.PORTAL_URL || process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '')
}
