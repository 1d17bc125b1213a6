import { parseHotParams } from '../../../src/lib/views/hotParams'
import { HotRankings } from '../../../src/lib/views/hotRankings'
import { HOUR_MS, PendingViews } from '../../../src/lib/views/pendingViews'

describe('PendingViews', () => {
  it('holds one row per article and hour, and hands them over once', () => {
    const pending = new PendingViews(10)
    const at = new Date('2026-12-07T08:59:59.999Z')
    for (let i = 0; i < 5; i++) pending.add(1, at)
    pending.add(1, new Date(at.getTime() + 1))
    pending.add(2, at)
    expect(pending.take()).toEqual([
      { articleId: 1, hour: new Date('2026-12-07T08:00:00.000Z'), views: 5 },
      { articleId: 1, hour: new Date('2026-12-07T09:00:00.000Z'), views: 1 },
      { articleId: 2, hour: new Date('2026-12-07T08:00:00.000Z'), views: 1 },
    ])
    expect(pending.take()).toEqual([])
  })

  it('refuses a new row when full, still counting the rows it holds, and takes back a failed write', () => {
    const pending = new PendingViews(2)
    const at = new Date(10 * HOUR_MS)
    expect([pending.add(1, at), pending.add(2, at), pending.add(3, at), pending.add(1, at)]).toEqual([true, true, false, true])
    const rows = pending.take()
    pending.add(1, at)
    pending.putBack(rows)
    expect(pending.take()).toEqual([
      { articleId: 1, hour: at, views: 3 },
      { articleId: 2, hour: at, views: 1 },
    ])
  })
})

describe('parseHotParams', () => {
  it('takes the window, channel and limit, with defaults', () => {
    expect(parseHotParams({})).toEqual({ params: { window: '24h', channel: null, limit: 10 } })
    expect(parseHotParams({ window: '30d', channel: 'cai-jing', limit: '50' })).toEqual({ params: { window: '30d', channel: 'cai-jing', limit: 50 } })
  })

  it.each([
    [{ window: '1y' }, ['window']],
    [{ window: ['24h'] }, ['window']],
    [{ window: 'constructor' }, ['window']],
    [{ channel: 'Cai Jing' }, ['channel']],
    [{ channel: { equals: 'x' } }, ['channel']],
    [{ limit: '0' }, ['limit']],
    [{ limit: '51' }, ['limit']],
    [{ limit: '1e1' }, ['limit']],
    [{ window: 'x', limit: '-1' }, ['window', 'limit']],
  ])('names each value it cannot take: %j', (query, paths) => {
    const parsed = parseHotParams(query)
    expect('problems' in parsed && parsed.problems.map((problem) => problem.path)).toEqual(paths)
  })
})

describe('HotRankings', () => {
  it('reads a ranking again after a minute or once new views are written, not before', async () => {
    let now = 0
    const rankings = new HotRankings<number>(() => now)
    let reads = 0
    const read = () => Promise.resolve(++reads)
    expect(await rankings.get('24h', read)).toBe(1)
    now = 59_000
    expect(await rankings.get('24h', read)).toBe(1)
    rankings.viewsWritten()
    expect(await rankings.get('24h', read)).toBe(2)
    now = 120_000
    expect(await rankings.get('24h', read)).toBe(3)
    expect(await rankings.get('7d', read)).toBe(4)
  })

  it('does not keep a failed read', async () => {
    const rankings = new HotRankings<number>(() => 0)
    await expect(rankings.get('24h', () => Promise.reject(new Error('down')))).rejects.toThrow('down')
    expect(await rankings.get('24h', () => Promise.resolve(7))).toBe(7)
  })
})
