/**
 * What search engines and feed readers fetch from the site's root, outside the API, and the one path
 * of each, which the portal's pages also name for the feeds they advertise.
 */
export type DiscoveryRoute =
  | { kind: 'robots' }
  | { kind: 'indexNowKey' }
  | { kind: 'sitemapIndex' }
  | { kind: 'newsSitemap' }
  | { kind: 'channelSitemap'; part: number }
  /** `month` is `YYYY-MM`, in Beijing time. */
  | { kind: 'articleSitemap'; month: string; part: number }
  | { kind: 'feed' }
  | { kind: 'channelFeed'; slug: string }

/** The one path of each document: what the sitemap index and robots.txt name, and what the cache keys. */
export function discoveryPath(route: DiscoveryRoute, indexNowKey: string | null = null): string {
  const part = (n: number) => (n > 1 ? `-${n}` : '')
  switch (route.kind) {
    case 'robots':
      return '/robots.txt'
    case 'indexNowKey':
      return `/${indexNowKey}.txt`
    case 'sitemapIndex':
      return '/sitemap.xml'
    case 'newsSitemap':
      return '/sitemap-news.xml'
    case 'channelSitemap':
      return `/sitemap-channels${part(route.part)}.xml`
    case 'articleSitemap':
      return `/sitemap-articles-${route.month}${part(route.part)}.xml`
    case 'feed':
      return '/rss.xml'
    case 'channelFeed':
      return `/channels/${route.slug}/rss.xml`
  }
}
