import type { ParamProblem } from '../api/paginationParams'
import { isValidSlug } from '../slugify'
import type { DiscoveryRoute } from './paths'

export type RouteMatch = { route: DiscoveryRoute } | { problems: ParamProblem[] }

const ARTICLE_SITEMAP = /^\/sitemap-articles-(\d{4})-(\d{2})(?:-(\d+))?\.xml$/
const CHANNEL_SITEMAP = /^\/sitemap-channels(?:-(\d+))?\.xml$/
const CHANNEL_FEED = /^\/channels\/([^/]+)\/rss\.xml$/
const FIXED: Record<string, DiscoveryRoute> = {
  '/robots.txt': { kind: 'robots' },
  '/sitemap.xml': { kind: 'sitemapIndex' },
  '/sitemap-news.xml': { kind: 'newsSitemap' },
  '/rss.xml': { kind: 'feed' },
}
/** A part number in a file name: from 2 (the first part's name has none), and no longer than an id. */
const LATER_PART = /^[2-9]\d{0,8}$|^1\d{1,8}$/

/**
 * The route a request path names, matched on the path exactly as sent: each document has one
 * spelling (`/sitemap.xml`, never `/SITEMAP.xml`, `/sitemap%2Exml`, `//sitemap.xml` or
 * `/sitemap.xml/`), so no other spelling reaches it and none can make the cache keep a second copy.
 * Null when the path is none of them (the portal or a 404 answers it). A path of a document's shape
 * with a value that cannot be (month 13, part 0, a slug no channel could have) names what is wrong.
 *
 * @param indexNowKey the IndexNow key, whose file is served at `/<key>.txt`, when pushing is on
 */
export function discoveryRouteOf(path: string, indexNowKey: string | null): RouteMatch | null {
  const fixed = FIXED[path]
  if (fixed) return { route: fixed }
  if (indexNowKey && path === `/${indexNowKey}.txt`) return { route: { kind: 'indexNowKey' } }
  const articles = ARTICLE_SITEMAP.exec(path)
  if (articles) {
    const [, year, month, part] = articles
    const problems = [...monthProblems(Number(year), Number(month)), ...partProblems(part)]
    return problems.length > 0 ? { problems } : { route: { kind: 'articleSitemap', month: `${year}-${month}`, part: Number(part ?? 1) } }
  }
  const channels = CHANNEL_SITEMAP.exec(path)
  if (channels) {
    const problems = partProblems(channels[1])
    return problems.length > 0 ? { problems } : { route: { kind: 'channelSitemap', part: Number(channels[1] ?? 1) } }
  }
  const feed = CHANNEL_FEED.exec(path)
  if (feed) {
    return isValidSlug(feed[1]) ? { route: { kind: 'channelFeed', slug: feed[1] } } : { problems: [{ path: 'slug', message: { code: 'CHANNEL_SLUG_INVALID' } }] }
  }
  return null
}

/** A month of the years PostgreSQL dates can have (there is no year 0). */
function monthProblems(year: number, month: number): ParamProblem[] {
  return year >= 1 && month >= 1 && month <= 12 ? [] : [{ path: 'month', message: { code: 'SITEMAP_MONTH_INVALID' } }]
}

function partProblems(part: string | undefined): ParamProblem[] {
  return part === undefined || LATER_PART.test(part) ? [] : [{ path: 'part', message: { code: 'SITEMAP_PART_INVALID' } }]
}
