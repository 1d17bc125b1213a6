import { w3cDateTime } from './dates'
import { XML_DECLARATION, xmlElement } from './xml'

/** The sitemap protocol's limit on one file's URLs (Google's and Baidu's alike). */
export const MAX_URLS_PER_SITEMAP = 50_000
/** Google News takes articles of the last two days from a news sitemap, at most 1,000 of them. */
export const NEWS_WINDOW_HOURS = 48
export const NEWS_SITEMAP_MAX_URLS = 1_000

/** One file of a bucket (a month's articles, the channels): the ids from `fromId` up to, not including, `toId`. */
export type SitemapPart = { part: number; fromId: number; toId: number }

/**
 * Part `part` (from 1) of a bucket whose lowest id is `firstId`: a range of `limit` ids, which can
 * hold no more than `limit` URLs however sparse the ids are.
 */
export function sitemapPart(firstId: number, part: number, limit: number): SitemapPart {
  const fromId = firstId + (part - 1) * limit
  return { part, fromId, toId: fromId + limit }
}

/**
 * Every part a bucket may need, from its lowest and highest id: the split into files of at most
 * `limit` URLs without counting the bucket's rows (two index probes where a count reads them all).
 * The first part holds `firstId` and the last `lastId`; one in between may turn out empty.
 */
export function sitemapParts(firstId: number, lastId: number, limit: number): SitemapPart[] {
  const count = Math.floor((lastId - firstId) / limit) + 1
  return Array.from({ length: count }, (_, index) => sitemapPart(firstId, index + 1, limit))
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

export type SitemapEntry = { loc: string; lastmod: Date | null }

const lastmodXml = (lastmod: Date | null) => (lastmod ? xmlElement('lastmod', w3cDateTime(lastmod)) : '')

export function sitemapIndexXml(entries: readonly SitemapEntry[]): string {
  const sitemaps = entries.map(({ loc, lastmod }) => `<sitemap>${xmlElement('loc', loc)}${lastmodXml(lastmod)}</sitemap>\n`)
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${sitemaps.join('')}</sitemapindex>\n`
}

/** A sitemap is written as it is read: its start, one entry per URL, its end. */
export const URLSET_START = `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n`
export const NEWS_URLSET_START = `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n`
export const URLSET_END = '</urlset>\n'

export const urlXml = ({ loc, lastmod }: SitemapEntry): string => `<url>${xmlElement('loc', loc)}${lastmodXml(lastmod)}</url>\n`

/** The publication Google News files an article under: the site's name, and its language. */
export type NewsPublication = { name: string; language: string }

export function newsUrlXml(article: { loc: string; title: string; publishedAt: Date }, publication: NewsPublication): string {
  const source = `<news:publication>${xmlElement('news:name', publication.name)}${xmlElement('news:language', publication.language)}</news:publication>`
  const news = `<news:news>${source}${xmlElement('news:publication_date', w3cDateTime(article.publishedAt))}${xmlElement('news:title', article.title)}</news:news>`
  return `<url>${xmlElement('loc', article.loc)}${news}</url>\n`
}
