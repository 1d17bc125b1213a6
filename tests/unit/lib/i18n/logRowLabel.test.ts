import { logRowLabel, logTime } from '../../../../src/lib/i18n/logRowLabel'

describe('logTime', () => {
  it('shows a stored UTC time in Beijing time, as each language writes a date', () => {
    expect(logTime('2026-12-06T19:18:00.000Z', 'zh')).toBe('2026年12月7日 03:18')
    expect(logTime('2026-12-06T19:18:00.000Z', 'en')).toBe('7 Dec 2026, 03:18')
  })

  it('gives nothing for what is not a time', () => {
    for (const value of [null, undefined, '', 'soon', {}]) expect(logTime(value, 'zh')).toBe('')
  })
})

describe('logRowLabel', () => {
  const at = '2026-12-06T19:18:00.000Z'

  it('reads when · who · field: from → to', () => {
    expect(logRowLabel({ at, by: '赵审核', field: '状态', from: '待审核', to: '已通过' }, 'zh')).toBe('2026年12月7日 03:18 · 赵审核 · 状态：待审核 → 已通过')
    expect(logRowLabel({ at, by: 'Zhao', field: 'Status', from: 'Pending', to: 'Approved' }, 'en')).toBe('7 Dec 2026, 03:18 · Zhao · Status: Pending → Approved')
  })

  it('puts the action before the change, and leaves out a change that moved nothing', () => {
    expect(logRowLabel({ at, by: '王总编', action: '审核通过', from: '待审核', to: '已通过' }, 'zh')).toBe('2026年12月7日 03:18 · 王总编 · 审核通过 · 待审核 → 已通过')
    expect(logRowLabel({ at, by: '王总编', action: '发布', from: '已通过', to: '已通过' }, 'zh')).toBe('2026年12月7日 03:18 · 王总编 · 发布')
  })

  it('marks an empty side of a change, and skips what the entry does not know', () => {
    expect(logRowLabel({ at: null, by: null, field: '暂停至', from: '', to: '2026年12月8日 00:00' }, 'zh')).toBe('暂停至：— → 2026年12月8日 00:00')
  })
})
