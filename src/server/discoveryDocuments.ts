/**
 * The sitemaps and feeds, each written as it is read: a sitemap of 50,000 articles is sent a batch
 * of rows at a time, and no document of all the articles is ever put together in memory.
 */
import type { Payload } from 'payload'

import {
  articlesPublishedSince,
  channelBySlug,
  channelsAfter,
  firstArticleIdOf,
  firstChannelId,
  channelRangesWithChannels,
  type IdSpan,
  monthArticlesAfter,
  monthRangesWithArticles,
  newestArticles,
  readSitemapBuckets,
  siteName,
  type SitemapRow,
} from '../db/discovery'
import { channelIdsBySlug } from '../db/channelIds'
import { type DiscoveryRoute, discoveryPath } from '../lib/discovery/paths'
import { FEED_SIZE, rssXml } from '../lib/discovery/rss'
import {
  NEWS_SITEMAP_MAX_URLS,
  NEWS_URLSET_START,
  NEWS_WINDOW_HOURS,
  newsUrlXml,
  type SitemapEntry,
  sitemapIndexXml,
  type SitemapPart,
  sitemapPart,
  sitemapParts,
  URLSET_END,
  URLSET_START,
  urlXml,
} from '../lib/discovery/sitemaps'
import { articleUrl, channelUrl, portalUrl } from '../lib/portal/siteUrl'
import { globalTag } from '../lib/responseCache/dependencies'
import { DEFAULT_SITE_NAME } from '../lib/siteSettings/siteName'
import { ARTICLES_SLUG, AUTHORS_SLUG, CATEGORIES_SLUG, SITE_SETTINGS_SLUG } from '../slugs'
import { HttpError } from './body'

export type DiscoveryDocument = {
  /** The response cache's key: the document's one path (and, for the news sitemap, its window). */
  key: string
  /** What the document shows, so the cache forgets it when any of these changes (src/lib/responseCache). */
  tags: string[]
  contentType: string
  /**
   * The document's text, piece by piece. Whatever can make it a 404 is found before the first
   * piece, so that answer (or a failure) is given before anything is sent.
   */
  chunks: () => AsyncGenerator<string>
}

export type DiscoverySettings = { urlsPerSitemap: number }

/** Rows read per query while a sitemap is written. */
const BATCH = 1_000
/** The news sitemap's window moves on in steps: one cached copy per step, not one per request. */
const NEWS_WINDOW_STEP_MS = 10 * 60 * 1000

const SITEMAP_TAGS = [ARTICLES_SLUG, CATEGORIES_SLUG].sort()
const NEWS_TAGS = [ARTICLES_SLUG, globalTag(SITE_SETTINGS_SLUG)].sort()
const FEED_TAGS = [ARTICLES_SLUG, AUTHORS_SLUG, CATEGORIES_SLUG, globalTag(SITE_SETTINGS_SLUG)].sort()
const XML = 'application/xml; charset=utf-8'
const RSS = 'application/rss+xml; charset=utf-8'

const notFound = () => new HttpError(404, { code: 'SITEMAP_NOT_FOUND' })
const absolute = (route: DiscoveryRoute) => `${portalUrl()}${discoveryPath(route)}`

export function discoveryDocument(payload: Payload, route: Exclude<DiscoveryRoute, { kind: 'robots' | 'indexNowKey' }>, settings: DiscoverySettings): DiscoveryDocument {
  const key = `GET ${discoveryPath(route)}`
  const limit = settings.urlsPerSitemap
  switch (route.kind) {
    case 'sitemapIndex':
      return { key, tags: SITEMAP_TAGS, contentType: XML, chunks: () => sitemapIndex(payload, limit) }
    case 'articleSitemap':
      return { key, tags: SITEMAP_TAGS, contentType: XML, chunks: () => articleSitemap(payload, route.month, route.part, limit) }
    case 'channelSitemap':
      return { key, tags: SITEMAP_TAGS, contentType: XML, chunks: () => channelSitemap(payload, route.part, limit) }
    case 'newsSitemap': {
      const windowEnd = new Date(Math.floor(Date.now() / NEWS_WINDOW_STEP_MS) * NEWS_WINDOW_STEP_MS)
      return { key: `${key} ${windowEnd.toISOString()}`, tags: NEWS_TAGS, contentType: XML, chunks: () => newsSitemap(payload, windowEnd) }
    }
    case 'feed':
    case 'channelFeed':
      return { key, tags: FEED_TAGS, contentType: RSS, chunks: () => feed(payload, route) }
  }
}

async function* sitemapIndex(payload: Payload, limit: number): AsyncGenerator<string> {
  const buckets = await readSitemapBuckets(payload)
  const entries: SitemapEntry[] = [{ loc: absolute({ kind: 'newsSitemap' }), lastmod: buckets.newestPublication }]
  if (buckets.channels) {
    const { firstId, lastId, lastModified } = buckets.channels
    const parts = await partsWithUrls(sitemapParts(firstId, lastId, limit), (ranges) => channelRangesWithChannels(payload, ranges))
    for (const { part } of parts) entries.push({ loc: absolute({ kind: 'channelSitemap', part }), lastmod: lastModified })
  }
  for (const { month, firstId, lastId, lastModified } of buckets.months) {
    const parts = await partsWithUrls(sitemapParts(firstId, lastId, limit), (ranges) => monthRangesWithArticles(payload, month, ranges))
    for (const { part } of parts) entries.push({ loc: absolute({ kind: 'articleSitemap', month, part }), lastmod: lastModified })
  }
  yield sitemapIndexXml(entries)
}

/**
 * The parts that hold a URL: the first and the last do by construction (they hold the bucket's first
 * and last id); those between, which only ids spread out by an import or deletions leave, are asked.
 */
async function partsWithUrls(parts: SitemapPart[], rangesWithUrls: (ranges: IdSpan[]) => Promise<Set<number>>): Promise<SitemapPart[]> {
  const between = parts.slice(1, -1)
  if (between.length === 0) return parts
  const held = await rangesWithUrls(between)
  return [parts[0], ...between.filter(({ fromId }) => held.has(fromId)), parts[parts.length - 1]]
}

function articleSitemap(payload: Payload, month: string, part: number, limit: number): AsyncGenerator<string> {
  return urlset({
    firstId: () => firstArticleIdOf(payload, month),
    part: (firstId) => sitemapPart(firstId, part, limit),
    rowsAfter: (afterId, toId) => monthArticlesAfter(payload, month, afterId, toId, BATCH),
    urlOf: articleUrl,
  })
}

function channelSitemap(payload: Payload, part: number, limit: number): AsyncGenerator<string> {
  return urlset({
    firstId: () => firstChannelId(payload),
    part: (firstId) => sitemapPart(firstId, part, limit),
    rowsAfter: (afterId, toId) => channelsAfter(payload, afterId, toId, BATCH),
    urlOf: channelUrl,
  })
}

/** A sitemap part, its rows read by keyset (after the last id sent) a batch at a time; a 404 when it holds none. */
async function* urlset(bucket: {
  /** The bucket's lowest id, where its first part starts; null when it is empty. */
  firstId: () => Promise<number | null>
  part: (firstId: number) => SitemapPart
  rowsAfter: (afterId: number, toId: number) => Promise<SitemapRow[]>
  urlOf: (slug: string) => string
}): AsyncGenerator<string> {
  const firstId = await bucket.firstId()
  if (firstId === null) throw notFound()
  const { fromId, toId } = bucket.part(firstId)
  let rows = await bucket.rowsAfter(fromId - 1, toId)
  if (rows.length === 0) throw notFound()
  yield URLSET_START
  for (;;) {
    yield rows.map((row) => urlXml({ loc: bucket.urlOf(row.slug), lastmod: row.lastModified })).join('')
    if (rows.length < BATCH) break
    rows = await bucket.rowsAfter(rows[rows.length - 1].id, toId)
  }
  yield URLSET_END
}

/** Google News's sitemap: the articles of the window ending at `windowEnd` (and any since), with the site's name. */
async function* newsSitemap(payload: Payload, windowEnd: Date): AsyncGenerator<string> {
  const since = new Date(windowEnd.getTime() - NEWS_WINDOW_HOURS * 3_600_000)
  const [name, articles] = await Promise.all([siteName(payload), articlesPublishedSince(payload, since, NEWS_SITEMAP_MAX_URLS)])
  const publication = { name: name ?? DEFAULT_SITE_NAME, language: 'zh-cn' }
  const entries = articles.map((article) => newsUrlXml({ loc: articleUrl(article.slug), title: article.title, publishedAt: article.publishedAt }, publication))
  yield `${NEWS_URLSET_START}${entries.join('')}${URLSET_END}`
}

/** The site's newest articles, or a channel's with its sub-channels' (as the portal's channel page lists them). */
async function* feed(payload: Payload, route: Extract<DiscoveryRoute, { kind: 'feed' | 'channelFeed' }>): AsyncGenerator<string> {
  const channel = route.kind === 'channelFeed' ? await channelBySlug(payload, route.slug) : null
  if (route.kind === 'channelFeed' && !channel) throw new HttpError(404, { code: 'CHANNEL_NOT_FOUND' })
  const channelIds = channel ? ((await channelIdsBySlug(payload, [channel.slug])).get(channel.slug) ?? [channel.id]) : undefined
  const [name, articles] = await Promise.all([siteName(payload), newestArticles(payload, FEED_SIZE, channelIds)])
  const site = name ?? DEFAULT_SITE_NAME
  const about = channel
    ? { title: `${channel.name} - ${site}`, link: channelUrl(channel.slug), description: `${site}「${channel.path}」频道的最新文章` }
    : { title: site, link: `${portalUrl()}/`, description: `${site}的最新文章` }
  const items = articles.map((article) => ({ ...article, link: articleUrl(article.slug), category: article.channelPath }))
  yield rssXml({ ...about, selfUrl: absolute(route) }, items, new URL(portalUrl()).host)
}
