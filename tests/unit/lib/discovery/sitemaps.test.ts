import { XMLParser, XMLValidator } from 'fast-xml-parser'

import {
  NEWS_URLSET_START,
  newsUrlXml,
  sitemapIndexXml,
  sitemapPart,
  sitemapParts,
  URLSET_END,
  URLSET_START,
  urlXml,
} from '../../../../src/lib/discovery/sitemaps'

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['url', 'sitemap'].includes(name) }).parse(xml)

describe('splitting a bucket into sitemaps of at most `limit` URLs', () => {
  it('is one part when the ids span no more than the limit', () => {
    expect(sitemapParts(7, 7, 3)).toEqual([{ part: 1, fromId: 7, toId: 10 }])
    expect(sitemapParts(7, 9, 3)).toEqual([{ part: 1, fromId: 7, toId: 10 }])
  })

  it('starts a part every `limit` ids from the first, the last part holding the last id', () => {
    expect(sitemapParts(7, 10, 3)).toEqual([
      { part: 1, fromId: 7, toId: 10 },
      { part: 2, fromId: 10, toId: 13 },
    ])
    expect(sitemapParts(1, 100, 25).map(({ part, fromId, toId }) => [part, fromId, toId])).toEqual([
      [1, 1, 26],
      [2, 26, 51],
      [3, 51, 76],
      [4, 76, 101],
    ])
  })

  it('puts every id between the first and the last in exactly one part, and no part spans more than the limit', () => {
    for (const [firstId, lastId, limit] of [
      [1, 1, 1],
      [1, 2, 1],
      [5, 49, 7],
      [100, 1000, 50_000],
      [3, 200_003, 50_000],
    ]) {
      const parts = sitemapParts(firstId, lastId, limit)
      for (const { fromId, toId } of parts) expect(toId - fromId).toBe(limit)
      for (const id of [firstId, lastId, Math.floor((firstId + lastId) / 2)]) {
        expect(parts.filter(({ fromId, toId }) => id >= fromId && id < toId)).toHaveLength(1)
      }
      expect(parts[0].fromId).toBe(firstId)
      expect(parts.at(-1)!.toId).toBeGreaterThan(lastId)
      expect(parts.at(-1)!.fromId).toBeLessThanOrEqual(lastId)
    }
  })

  it('finds a part by its number from the bucket\'s first id alone, as a request for that file does', () => {
    for (const part of sitemapParts(11, 95, 10)) expect(sitemapPart(11, part.part, 10)).toEqual(part)
  })
})

describe('sitemap XML', () => {
  it('is an index of sitemaps with absolute locations and W3C lastmods', () => {
    const xml = sitemapIndexXml([
      { loc: 'https://www.example.com/sitemap-news.xml', lastmod: null },
      { loc: 'https://www.example.com/sitemap-articles-2026-11.xml?a=1&b=2', lastmod: new Date('2026-11-18T09:30:00Z') },
    ])
    expect(XMLValidator.validate(xml)).toBe(true)
    const index = parse(xml).sitemapindex
    expect(index['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(index.sitemap).toEqual([
      { loc: 'https://www.example.com/sitemap-news.xml' },
      { loc: 'https://www.example.com/sitemap-articles-2026-11.xml?a=1&b=2', lastmod: '2026-11-18T17:30:00+08:00' },
    ])
  })

  it('writes a urlset piece by piece', () => {
    const xml = URLSET_START + urlXml({ loc: 'https://www.example.com/articles/a', lastmod: new Date('2026-11-18T09:30:00Z') }) + URLSET_END
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(parse(xml).urlset.url).toEqual([{ loc: 'https://www.example.com/articles/a', lastmod: '2026-11-18T17:30:00+08:00' }])
  })

  it('writes a Google News entry with the publication, its language, the date and a hostile title', () => {
    const entry = newsUrlXml(
      { loc: 'https://www.example.com/articles/a', title: '央行]]><降准> & \u0001正文', publishedAt: new Date('2026-11-18T09:30:00Z') },
      { name: '楚天财经网 & Co', language: 'zh-cn' },
    )
    const xml = NEWS_URLSET_START + entry + URLSET_END
    expect(XMLValidator.validate(xml)).toBe(true)
    const urlset = parse(xml).urlset
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
    expect(urlset.url[0]).toEqual({
      loc: 'https://www.example.com/articles/a',
      'news:news': {
        'news:publication': { 'news:name': '楚天财经网 & Co', 'news:language': 'zh-cn' },
        'news:publication_date': '2026-11-18T17:30:00+08:00',
        'news:title': '央行]]><降准> & 正文',
      },
    })
  })
})
