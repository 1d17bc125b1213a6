import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { articleGuid, type FeedItem, rssXml } from '../../../../src/lib/discovery/rss'

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['item', 'dc:creator'].includes(name) }).parse(xml)

const channel = { title: '楚天财经网', link: 'https://www.example.com/', description: '楚天财经网的最新文章', selfUrl: 'https://www.example.com/rss.xml' }
const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
  id: 12,
  title: '央行宣布降准',
  link: 'https://www.example.com/articles/yang-hang-xuan-bu-jiang-zhun',
  summary: '降准的背景与影响。',
  publishedAt: new Date('2026-11-18T09:30:00Z'),
  updatedAt: new Date('2026-11-19T02:00:00Z'),
  authors: ['宋一禾', '林晓舟'],
  category: '财经/宏观',
  ...overrides,
})

describe('an RSS 2.0 feed', () => {
  it('has the channel elements RSS 2.0 requires, its language, the newest change and a link to itself', () => {
    const rss = parse(rssXml(channel, [item(), item({ id: 13, updatedAt: new Date('2026-11-20T00:00:00Z') })], 'www.example.com')).rss
    expect(rss['@_version']).toBe('2.0')
    const { title, link, description, language, lastBuildDate } = rss.channel
    expect({ title, link, description, language, lastBuildDate }).toEqual({ ...channel, selfUrl: undefined, language: 'zh-cn', lastBuildDate: 'Fri, 20 Nov 2026 08:00:00 +0800' })
    expect(rss.channel['atom:link']).toEqual({ '@_href': 'https://www.example.com/rss.xml', '@_rel': 'self', '@_type': 'application/rss+xml' })
  })

  it('gives each item its title, link, summary, bylines, channel path, RFC 822 date and a stable guid', () => {
    const [entry] = parse(rssXml(channel, [item()], 'www.example.com')).rss.channel.item
    expect(entry).toEqual({
      title: '央行宣布降准',
      link: 'https://www.example.com/articles/yang-hang-xuan-bu-jiang-zhun',
      description: '降准的背景与影响。',
      'dc:creator': ['宋一禾', '林晓舟'],
      category: '财经/宏观',
      pubDate: 'Wed, 18 Nov 2026 17:30:00 +0800',
      guid: { '#text': 'article-12@www.example.com', '@_isPermaLink': 'false' },
    })
  })

  it('leaves out what an article lacks, and is still a feed without items', () => {
    const [entry] = parse(rssXml(channel, [item({ summary: null, authors: [], category: null })], 'www.example.com')).rss.channel.item
    expect(Object.keys(entry).sort()).toEqual(['guid', 'link', 'pubDate', 'title'])
    const empty = rssXml(channel, [], 'www.example.com')
    expect(XMLValidator.validate(empty)).toBe(true)
    expect(parse(empty).rss.channel.item).toBeUndefined()
    expect(parse(empty).rss.channel.lastBuildDate).toBeUndefined()
  })

  it('stays well-formed with a hostile title, summary and byline, which read back without their control characters', () => {
    const hostile = '央行]]><script>alert(1)</script> & "降准" \u0001\u0008\u001f\ud800 <![CDATA[x]]>'
    const xml = rssXml(channel, [item({ title: hostile, summary: hostile, authors: [hostile], category: hostile })], 'www.example.com')
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).not.toContain('<script>')
    const [entry] = parse(xml).rss.channel.item
    const expected = '央行]]><script>alert(1)</script> & "降准"  <![CDATA[x]]>'
    expect([entry.title, entry.description, entry['dc:creator'][0], entry.category]).toEqual([expected, expected, expected, expected])
  })
})

describe('articleGuid', () => {
  it('names the article by its id and the site, not by its slug', () => {
    expect(articleGuid(12, 'www.example.com')).toBe('article-12@www.example.com')
  })
})
