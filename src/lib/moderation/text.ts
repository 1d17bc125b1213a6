/** Zero-width characters are invisible: trimmed at the ends like spaces, and no way to make a repeat look new. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g
const EDGE_BLANKS = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g

/** Trims whitespace (including the ideographic space) and zero-width characters from both ends. */
export function trimComment(text: string): string {
  return text.replace(EDGE_BLANKS, '')
}

/** Length in code points: `'😀'.length` is 2, but a reader sees one character. */
export function codePointLength(text: string): number {
  let length = 0
  for (const _ of text) length++
  return length
}

/** Text normalisation used for repeat detection (NFKC, lower-case, whitespace collapsed, trimmed). */
export function normaliseForRepeat(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim()
}

/**
 * Top-level domains a bare domain must end in. Without a list, `3.5`, `e.g.`, `node.js` and
 * `report.pdf` would all count as links; with it, a rare name outside the list goes uncounted,
 * which only means one link fewer towards the limit.
 */
const TOP_LEVEL_DOMAINS = [
  'com', 'net', 'org', 'info', 'biz', 'edu', 'gov', 'mobi', 'asia', 'io', 'co', 'ai', 'me', 'tv', 'cc',
  'cn', 'hk', 'tw', 'mo', 'sg', 'jp', 'kr', 'uk', 'us', 'eu', 'de', 'fr', 'ru', 'au', 'ca',
  'xyz', 'top', 'vip', 'club', 'site', 'online', 'shop', 'store', 'app', 'dev', 'tech', 'wang', 'ren', 'fun', 'icu',
  '中国', '中國', '公司', '网络', '网址', '在线', '商城', '香港', '台湾',
]

/**
 * Punctuation that ends a URL in Chinese text. It is full-width, and NFKC would turn `，` into a
 * `,` that a URL may contain, so it becomes a space before normalising.
 */
const CJK_BOUNDARIES = /[\u3000-\u3001\u3003-\u303f\uff01\uff02\uff07-\uff09\uff0c\uff1b\uff1c\uff1e\uff1f\uff3b\uff3d\uff5b-\uff60\uff62-\uff65\u2018\u2019\u201c\u201d\u2026]/g
/** `example。com` is a common way around link filters; between Latin labels `。` is a dot. */
const IDEOGRAPHIC_DOT_IN_HOST = /(?<=[a-z0-9-])\u3002(?=[a-z])/g
const URL = /https?:\/\/(?:(?!https?:\/\/)[^\s"'<>\u3002])+/g
// A label is all Latin or all Chinese: Chinese text runs straight into a domain (`关注sina.com.cn和bbs.example.cn`).
const LABEL = '(?:[a-z0-9-]+|\\p{Script=Han}+)'
const WWW_HOST = new RegExp(`www\\.${LABEL}(?:\\.${LABEL})*`, 'gu')
// The lookbehinds start a match only where a label starts: a long run of Chinese is tried once, not once per character.
const FIRST_LABEL = '(?:(?<![a-z0-9-])[a-z0-9-]+|(?<!\\p{Script=Han})\\p{Script=Han}+)'
const BARE_DOMAIN = new RegExp(`${FIRST_LABEL}\\.(?:${LABEL}\\.)*(?:${TOP_LEVEL_DOMAINS.join('|')})(?![a-z0-9-])`, 'gu')

/**
 * Counts links: http(s):// URLs, www. hosts and bare domains like example.com / 例子.cn.
 * Full-width letters and dots (`ｅｘａｍｐｌｅ．ｃｏｍ`, `example。com`) count as their ASCII forms.
 * Chinese characters right after a URL stay part of it (`https://zh.wikipedia.org/wiki/股票` is one
 * link); Chinese punctuation and spaces end it. An e-mail address counts: its domain is as much an
 * advertisement as a link is.
 */
export function countLinks(text: string): number {
  let rest = text
    .replace(CJK_BOUNDARIES, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(IDEOGRAPHIC_DOT_IN_HOST, '.')
  let count = 0
  // Each pass blanks what it counted, so a URL's host is not counted again as a bare domain.
  for (const pattern of [URL, WWW_HOST, BARE_DOMAIN]) {
    rest = rest.replace(pattern, () => {
      count++
      return ' '
    })
  }
  return count
}

