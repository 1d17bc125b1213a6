import { rfc822Date } from './dates'
import { XML_DECLARATION, xmlElement, xmlText } from './xml'

/** A feed carries the newest articles, as many as a reader's app shows at once. */
export const FEED_SIZE = 50

export type FeedChannel = { title: string; link: string; description: string; selfUrl: string }

export type FeedItem = {
  id: number
  title: string
  link: string
  summary: string | null
  publishedAt: Date
  updatedAt: Date
  /** The bylines' names, in order. */
  authors: readonly string[]
  /** The channel's path from the root: `财经/宏观`, the hierarchy RSS 2.0 writes with slashes. */
  category: string | null
}

/**
 * A stable item id that is not a link (`isPermaLink="false"`): an article keeps it when its slug
 * changes, so a reader's app does not show it again as new. The site's host keeps it apart from
 * other sites' items in an aggregator.
 */
export const articleGuid = (id: number, siteHost: string): string => `article-${id}@${siteHost}`

/**
 * RSS 2.0: the channel's required title, link and description, then each item's title, link,
 * summary as `description`, bylines, channel as `category`, `pubDate` and `guid`. Bylines go in
 * `dc:creator`, as the RSS Advisory Board recommends: RSS's own `author` must be an email address,
 * and bylines have none (nor would one be published).
 */
export function rssXml(channel: FeedChannel, items: readonly FeedItem[], siteHost: string): string {
  const newest = items.reduce<Date | null>((latest, item) => (!latest || item.updatedAt > latest ? item.updatedAt : latest), null)
  const head = [
    xmlElement('title', channel.title),
    xmlElement('link', channel.link),
    xmlElement('description', channel.description),
    xmlElement('language', 'zh-cn'),
    newest ? xmlElement('lastBuildDate', rfc822Date(newest)) : '',
    `<atom:link href="${xmlText(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ]
  const entries = items.map((item) =>
    [
      '<item>',
      xmlElement('title', item.title),
      xmlElement('link', item.link),
      item.summary ? xmlElement('description', item.summary) : '',
      ...item.authors.map((name) => xmlElement('dc:creator', name)),
      item.category ? xmlElement('category', item.category) : '',
      xmlElement('pubDate', rfc822Date(item.publishedAt)),
      `<guid isPermaLink="false">${xmlText(articleGuid(item.id, siteHost))}</guid>`,
      '</item>\n',
    ].join(''),
  )
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">\n',
    `<channel>${head.join('')}\n`,
    ...entries,
    '</channel>\n</rss>\n',
  ].join('')
}
