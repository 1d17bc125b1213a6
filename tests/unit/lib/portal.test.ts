import { isOwnReadToken, newOwnReadToken } from '../../../src/lib/portal/ownReads'
import { cursorParam, listCursor, pageNumber, safeHref, safeReturnPath } from '../../../src/lib/portal/links'
import { snippetParts } from '../../../src/lib/portal/snippet'
import { shanghaiDate, shanghaiDateTime } from '../../../src/lib/portal/time'

describe('portal time', () => {
  it('shows UTC instants as Asia/Shanghai wall time, across the date line', () => {
    expect(shanghaiDateTime('2026-11-18T09:30:00.000Z')).toBe('2026-11-18 17:30')
    expect(shanghaiDateTime('2026-12-31T16:05:00Z')).toBe('2027-01-01 00:05')
    expect(shanghaiDate('2026-11-29T17:58:59.547Z')).toBe('2026-11-30')
    expect(shanghaiDateTime('not a date')).toBe('')
  })
})

describe('portal links', () => {
  it.each([
    ['https://www.pbc.gov.cn/', 'https://www.pbc.gov.cn/'],
    ['mailto:tips@example.com', 'mailto:tips@example.com'],
    ['tel:+861012345678', 'tel:+861012345678'],
    ['/articles/a', '/articles/a'],
    ['#section', '#section'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['java\nscript:alert(1)', null],
    ['&#106;avascript:alert(1)', null],
    ['', null],
    [42, null],
  ])('%p → %p', (href, expected) => {
    expect(safeHref(href)).toBe(expected)
  })

  it('returns only to paths on this site after a login', () => {
    expect(safeReturnPath('/articles/a#comments')).toBe('/articles/a#comments')
    expect(safeReturnPath('/search?q=a')).toBe('/search?q=a')
    // Browsers drop tabs and newlines from a URL: `/\t/evil.example` would go to //evil.example.
    for (const path of ['https://evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\r\\evil.example', undefined, ['/a']]) {
      expect(safeReturnPath(path)).toBe('/')
    }
  })

  it('reads page numbers, anything odd being page 1', () => {
    expect(pageNumber('3')).toBe(3)
    expect(pageNumber(['2', '5'])).toBe(2)
    for (const value of ['0', '-1', '1.5', 'abc', '', undefined, '99999999']) expect(pageNumber(value)).toBe(1)
  })

  it('reads a list cursor as written by the pager, and nothing else', () => {
    const cursor = { publishedAt: '2024-04-12T01:30:00.000Z', id: 123 }
    expect(listCursor(cursorParam(cursor))).toEqual(cursor)
    expect(listCursor([cursorParam(cursor), 'x'])).toEqual(cursor)
    for (const value of ['2024-04-12~1', '2024-04-12T01:30:00.000Z~0', '2024-04-12T01:30:00.000Z~1 or 1=1', '2024-13-45T01:30:00.000Z~1', 'x', '', undefined]) {
      expect(listCursor(value)).toBeNull()
    }
  })
})

describe('search snippets', () => {
  it('splits marks from text and unescapes the rest, so nothing is injected as HTML', () => {
    expect(snippetParts('央行宣布<mark>降准</mark> &lt;b&gt;x&lt;/b&gt; &amp; <mark>银行</mark>…')).toEqual([
      { text: '央行宣布', marked: false },
      { text: '降准', marked: true },
      { text: ' <b>x</b> & ', marked: false },
      { text: '银行', marked: true },
      { text: '…', marked: false },
    ])
    expect(snippetParts('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>', marked: false }])
  })
})

describe('isOwnReadToken', () => {
  const token = newOwnReadToken()
  it('accepts only this process’s token, as a single header value', () => {
    expect(isOwnReadToken(token, token)).toBe(true)
    expect(isOwnReadToken(newOwnReadToken(), token)).toBe(false)
    expect(isOwnReadToken(token.slice(1), token)).toBe(false)
    expect(isOwnReadToken('', token)).toBe(false)
    expect(isOwnReadToken(undefined, token)).toBe(false)
    expect(isOwnReadToken([token], token)).toBe(false)
  })
})
