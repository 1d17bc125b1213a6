import fc from 'fast-check'

import { checkLikeAttempt, commentIdFrom, commentIdsFrom, DEFAULT_LIKE_RATE_LIMITS, likeRateLimitsFrom, MAX_LIKED_IDS } from '../../../../src/lib/comments/likes'
import { MemoryRateLimitStore } from '../../../../src/lib/http/rateLimit'

describe('commentIdFrom', () => {
  it('reads decimal digits as the id they name', () => {
    expect(commentIdFrom('1')).toBe(1)
    expect(commentIdFrom('0042')).toBe(42)
    expect(commentIdFrom(String(2 ** 31 - 1))).toBe(2 ** 31 - 1)
  })

  it('refuses what no id is spelled as, even when Number() would take it', () => {
    for (const segment of ['', ' 1', '1 ', '1e0', '0x1', '0b1', '-1', '+1', '1.0', '１', 'abc', 'Infinity', 'NaN', '123456789012345678901', undefined, 1, null]) {
      expect([segment, commentIdFrom(segment)]).toEqual([segment, null])
    }
  })

  it('takes an id no comment can have (0, past the integer column) as well-formed and absent', () => {
    expect(commentIdFrom('0')).toBe(0)
    expect(commentIdFrom(String(2 ** 31))).toBe(0)
    expect(commentIdFrom('99999999999999999999')).toBe(0)
  })

  it('gives back every id in the column as it was written', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (id) => commentIdFrom(String(id)) === id))
  })
})

describe('commentIdsFrom', () => {
  it('reads a comma-separated list once each, dropping ids no comment can have', () => {
    expect(commentIdsFrom('3,1,3,0,2')).toEqual([3, 1, 2])
    expect(commentIdsFrom('0')).toEqual([])
    expect(commentIdsFrom(Array.from({ length: MAX_LIKED_IDS }, (_, i) => i + 1).join(','))).toHaveLength(MAX_LIKED_IDS)
  })

  it('refuses a list with any malformed id, an empty one, or too many', () => {
    for (const list of [null, undefined, '', '1,,2', '1,abc', '1, 2', '1,2,', Array.from({ length: MAX_LIKED_IDS + 1 }, (_, i) => i + 1).join(',')]) {
      expect([list, commentIdsFrom(list)]).toEqual([list, null])
    }
  })
})

describe('likeRateLimitsFrom', () => {
  it('reads whole numbers, 0 meaning no limit, and keeps the defaults for anything else', () => {
    expect(likeRateLimitsFrom({})).toEqual(DEFAULT_LIKE_RATE_LIMITS)
    expect(likeRateLimitsFrom({ LIKE_RATE_LIMIT_PER_READER: '5', LIKE_RATE_LIMIT_PER_ADDRESS: '0', LIKE_RATE_WINDOW_SECONDS: '60' })).toEqual({ perReader: 5, perAddress: 0, windowMs: 60_000 })
    expect(likeRateLimitsFrom({ LIKE_RATE_LIMIT_PER_READER: 'lots', LIKE_RATE_LIMIT_PER_ADDRESS: '-1', LIKE_RATE_WINDOW_SECONDS: '0' })).toEqual(DEFAULT_LIKE_RATE_LIMITS)
  })
})

describe('checkLikeAttempt', () => {
  const limits = { perReader: 3, perAddress: 5, windowMs: 60_000 }

  it("refuses a reader past their allowance from any address, and no one else", async () => {
    const store = new MemoryRateLimitStore(() => 0)
    for (let i = 0; i < 3; i++) expect((await checkLikeAttempt(store, limits, { reader: 1, address: `10.0.0.${i}` })).allowed).toBe(true)
    expect(await checkLikeAttempt(store, limits, { reader: 1, address: '10.0.0.9' })).toMatchObject({ allowed: false, retryAfterSeconds: 60 })
    expect((await checkLikeAttempt(store, limits, { reader: 2, address: '10.0.0.9' })).allowed).toBe(true)
  })

  it('refuses an address past its allowance whichever readers send from it', async () => {
    const store = new MemoryRateLimitStore(() => 0)
    for (let i = 0; i < 5; i++) expect((await checkLikeAttempt(store, limits, { reader: i, address: '192.0.2.1' })).allowed).toBe(true)
    expect((await checkLikeAttempt(store, limits, { reader: 99, address: '192.0.2.1' })).allowed).toBe(false)
    expect((await checkLikeAttempt(store, limits, { reader: 99, address: '192.0.2.2' })).allowed).toBe(true)
  })

  it('tells the longer wait when both allowances are spent', async () => {
    let now = 0
    const store = new MemoryRateLimitStore(() => now)
    for (let i = 0; i < 5; i++) await checkLikeAttempt(store, limits, { reader: 'a', address: '192.0.2.3' })
    now = 30_000
    // The address's window ends at 60 s; this reader's starts now, and ends at 90 s.
    for (let i = 0; i < 3; i++) await checkLikeAttempt(store, limits, { reader: 'b', address: '192.0.2.3' })
    expect(await checkLikeAttempt(store, limits, { reader: 'b', address: '192.0.2.3' })).toMatchObject({ allowed: false, retryAfterSeconds: 60 })
  })

  it('lets everything through when both limits are 0', async () => {
    const store = new MemoryRateLimitStore()
    const open = { perReader: 0, perAddress: 0, windowMs: 60_000 }
    for (let i = 0; i < 50; i++) expect((await checkLikeAttempt(store, open, { reader: 1, address: '192.0.2.4' })).allowed).toBe(true)
  })
})
