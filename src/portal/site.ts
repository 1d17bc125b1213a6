/** The portal's public address, for canonical links and Open Graph URLs. */
export function siteUrl(): string {
  return (process.env.PORTAL_URL || process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '')
}
