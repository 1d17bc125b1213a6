/**
 * The portal's public address (PORTAL_URL; by default this server's), for links that leave the page:
 * canonical and Open Graph URLs, the links in readers' emails, feeds, sitemaps and search-engine pushes.
 */
export function portalUrl(): string {
  return (process.env.PORTAL_URL || process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '')
}

/** An article's public page: its canonical URL, wherever it is linked from outside. */
export const articleUrl = (slug: string): string => `${portalUrl()}/articles/${slug}`

/** A channel's public page. */
export const channelUrl = (slug: string): string => `${portalUrl()}/channels/${slug}`
