import { etagOf, matchesIfNoneMatch } from '../../../../src/lib/http/caching'

describe('etagOf', () => {
  it('is the same for the same bytes and differs for different ones', () => {
    const a = etagOf(new TextEncoder().encode('{"title":"央行"}'))
    expect(a).toBe(etagOf(new TextEncoder().encode('{"title":"央行"}')))
    expect(a).not.toBe(etagOf(new TextEncoder().encode('{"title":"央行 "}')))
    expect(a).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
  })
})

describe('matchesIfNoneMatch', () => {
  const etag = '"abc"'
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abcd"', false],
    ['abc', false],
    ['', false],
  ])('%s → %s', (header, expected) => {
    expect(matchesIfNoneMatch(header, etag)).toBe(expected)
  })
  it('no header never matches', () => expect(matchesIfNoneMatch(undefined, etag)).toBe(false))
})
