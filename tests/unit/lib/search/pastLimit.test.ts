import { SearchesPastLimit } from '../../../../src/lib/search'

describe('SearchesPastLimit', () => {
  let now = 0
  const clock = () => now
  beforeEach(() => (now = 0))

  it('remembers a search for its time, then forgets it', () => {
    const searches = new SearchesPastLimit(1_000, 10, clock)
    searches.add('白酒')
    now = 999
    expect(searches.has('白酒')).toBe(true)
    now = 1_000
    expect(searches.has('白酒')).toBe(false)
    expect(searches.has('光伏')).toBe(false)
  })

  it('keeps at most its number of searches, dropping the one added longest ago', () => {
    const searches = new SearchesPastLimit(1_000, 2, clock)
    searches.add('a')
    searches.add('b')
    // Added again: now the newest.
    searches.add('a')
    searches.add('c')
    expect(['a', 'b', 'c'].map((key) => searches.has(key))).toEqual([true, false, true])
  })

  it('forgets everything at once', () => {
    const searches = new SearchesPastLimit(1_000, 10, clock)
    searches.add('a')
    searches.add('b')
    searches.forgetAll()
    expect(['a', 'b'].map((key) => searches.has(key))).toEqual([false, false])
  })
})
