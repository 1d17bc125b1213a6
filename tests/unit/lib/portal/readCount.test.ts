import { readCount } from '../../../../src/lib/portal/readCount'

describe('readCount', () => {
  it.each([
    [0, '0'],
    [9_999, '9999'],
    [10_000, '1万'],
    [12_345, '1.2万'],
    [19_999, '1.9万'],
    [99_999_999, '9999.9万'],
    [123_456_789, '1.2亿'],
  ])('prints %d as %s', (count, shown) => expect(readCount(count)).toBe(shown))
})
