/** The paths of the sitemaps and feeds both ways: a request's path read (routes.ts), and each document's written (paths.ts). */
import { type DiscoveryRoute, discoveryPath } from '../../../../src/lib/discovery/paths'
import { discoveryRouteOf } from '../../../../src/lib/discovery/routes'

const KEY = 'a1b2c3d4e5f6a7b8'

describe('the paths of the sitemaps and feeds', () => {
  it.each<[string, DiscoveryRoute]>([
    ['/robots.txt', { kind: 'robots' }],
    ['/sitemap.xml', { kind: 'sitemapIndex' }],
    ['/sitemap-news.xml', { kind: 'newsSitemap' }],
    ['/sitemap-channels.xml', { kind: 'channelSitemap', part: 1 }],
    ['/sitemap-channels-2.xml', { kind: 'channelSitemap', part: 2 }],
    ['/sitemap-articles-2026-11.xml', { kind: 'articleSitemap', month: '2026-11', part: 1 }],
    ['/sitemap-articles-2026-01-12.xml', { kind: 'articleSitemap', month: '2026-01', part: 12 }],
    ['/rss.xml', { kind: 'feed' }],
    ['/channels/hong-guan/rss.xml', { kind: 'channelFeed', slug: 'hong-guan' }],
    [`/${KEY}.txt`, { kind: 'indexNowKey' }],
  ])('%s is one, and the path it is written with', (path, route) => {
    expect(discoveryRouteOf(path, KEY)).toEqual({ route })
    expect(discoveryPath(route, KEY)).toBe(path)
  })

  it.each([
    '/SITEMAP.xml',
    '/Sitemap.xml',
    '/sitemap.XML',
    '/sitemap%2Exml',
    '/sitemap%2exml',
    '/%73itemap.xml',
    '//sitemap.xml',
    '/sitemap.xml/',
    '/./sitemap.xml',
    '/x/../sitemap.xml',
    '/rss.xml/',
    '/RSS.xml',
    '/channels/hong-guan/rss.xml/',
    '/channels/hong-guan//rss.xml',
    '/channels/hong-guan/RSS.xml',
    '/sitemap-articles-2026-1.xml',
    '/sitemap-articles-26-11.xml',
    '/sitemap-articles-2026-11-.xml',
    '/sitemap-articles-2026-11-a.xml',
    '/sitemap-news.xml.gz',
    '/sitemap.xml;x',
    '/robots.txt/',
    `/${KEY.toUpperCase()}.txt`,
    '/sitemap_index.xml',
  ])('%s is none of them: one spelling each, so no other spelling is served or cached', (path) => {
    expect(discoveryRouteOf(path, KEY)).toBeNull()
  })

  it('serves no key file while IndexNow is off', () => {
    expect(discoveryRouteOf(`/${KEY}.txt`, null)).toBeNull()
    expect(discoveryRouteOf('/null.txt', null)).toBeNull()
  })

  it.each([
    ['/sitemap-articles-2026-13.xml', 'month', 'SITEMAP_MONTH_INVALID'],
    ['/sitemap-articles-2026-00.xml', 'month', 'SITEMAP_MONTH_INVALID'],
    ['/sitemap-articles-0000-05.xml', 'month', 'SITEMAP_MONTH_INVALID'],
    ['/sitemap-articles-2026-11-1.xml', 'part', 'SITEMAP_PART_INVALID'],
    ['/sitemap-articles-2026-11-0.xml', 'part', 'SITEMAP_PART_INVALID'],
    ['/sitemap-articles-2026-11-02.xml', 'part', 'SITEMAP_PART_INVALID'],
    ['/sitemap-articles-2026-11-9999999999.xml', 'part', 'SITEMAP_PART_INVALID'],
    ['/sitemap-channels-1.xml', 'part', 'SITEMAP_PART_INVALID'],
    ['/channels/Hong-Guan/rss.xml', 'slug', 'CHANNEL_SLUG_INVALID'],
    ['/channels/hong%2Dguan/rss.xml', 'slug', 'CHANNEL_SLUG_INVALID'],
    ['/channels/%E5%AE%8F%E8%A7%82/rss.xml', 'slug', 'CHANNEL_SLUG_INVALID'],
    ['/channels/..%2F..%2Fetc/rss.xml', 'slug', 'CHANNEL_SLUG_INVALID'],
    [`/channels/${'a'.repeat(81)}/rss.xml`, 'slug', 'CHANNEL_SLUG_INVALID'],
  ])('%s names what is wrong with it (%s)', (path, field, code) => {
    expect(discoveryRouteOf(path, KEY)).toEqual({ problems: [{ path: field, message: { code } }] })
  })

  it('names both the month and the part when both are wrong', () => {
    expect(discoveryRouteOf('/sitemap-articles-2026-13-0.xml', KEY)).toEqual({
      problems: [
        { path: 'month', message: { code: 'SITEMAP_MONTH_INVALID' } },
        { path: 'part', message: { code: 'SITEMAP_PART_INVALID' } },
      ],
    })
  })
})
