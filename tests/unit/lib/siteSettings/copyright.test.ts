import { copyrightEndYear, copyrightNotice, currentYearIn, PORTAL_TIME_ZONE } from '../../../../src/lib/siteSettings/copyright'

describe('copyrightEndYear', () => {
  it('follows the calendar in Asia/Shanghai', () => {
    expect(PORTAL_TIME_ZONE).toBe('Asia/Shanghai')
  })

  it('is the current year in Shanghai when no end year is fixed', () => {
    const now = new Date('2026-06-15T12:00:00Z')
    expect(copyrightEndYear(null, now)).toBe(2026)
    expect(copyrightEndYear(undefined, now)).toBe(2026)
  })

  it('is already the next year in Shanghai on 31 December 16:30 UTC (00:30 on 1 January, UTC+8)', () => {
    expect(copyrightEndYear(null, new Date('2026-12-31T16:30:00Z'))).toBe(2027)
    expect(copyrightEndYear(null, new Date('2026-12-31T16:00:00Z'))).toBe(2027)
    expect(copyrightEndYear(null, new Date('2026-12-31T15:59:59Z'))).toBe(2026)
  })

  it('uses the given time zone, not the server\'s: the same instant is still the old year in UTC', () => {
    // 1 January 2027 00:30 in Shanghai is 31 December 2026 in UTC and in New York.
    const now = new Date('2026-12-31T16:30:00Z')
    expect(currentYearIn('UTC', now)).toBe(2026)
    expect(currentYearIn('America/New_York', now)).toBe(2026)
    expect(currentYearIn('Asia/Shanghai', now)).toBe(2027)
  })

  it('uses the current time when none is given', () => {
    const expected = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
    expect(copyrightEndYear(null)).toBe(expected)
  })

  it('keeps a fixed end year whatever the date', () => {
    expect(copyrightEndYear(2023, new Date('2026-12-31T16:30:00Z'))).toBe(2023)
    expect(copyrightEndYear(2030, new Date('2026-06-15T12:00:00Z'))).toBe(2030)
  })
})

describe('copyrightNotice', () => {
  it('shows the year range and holder', () => {
    expect(copyrightNotice({ holder: '楚天财经网', startYear: 2000, endYear: 2026 })).toBe('Copyright © 2000 - 2026 楚天财经网 All Rights Reserved.')
  })

  it('shows a single year when start and end agree', () => {
    expect(copyrightNotice({ holder: '楚天财经网', startYear: 2026, endYear: 2026 })).toBe('Copyright © 2026 楚天财经网 All Rights Reserved.')
  })

  it('shows the end year alone when there is no start year', () => {
    expect(copyrightNotice({ holder: '楚天财经网', startYear: null, endYear: 2026 })).toBe('Copyright © 2026 楚天财经网 All Rights Reserved.')
    expect(copyrightNotice({ holder: '楚天财经网', endYear: 2026 })).toBe('Copyright © 2026 楚天财经网 All Rights Reserved.')
  })

  it('leaves the holder out, without a double space, when there is none', () => {
    expect(copyrightNotice({ startYear: 2000, endYear: 2026 })).toBe('Copyright © 2000 - 2026 All Rights Reserved.')
    expect(copyrightNotice({ holder: null, startYear: 2000, endYear: 2026 })).toBe('Copyright © 2000 - 2026 All Rights Reserved.')
    expect(copyrightNotice({ holder: '', startYear: 2000, endYear: 2026 })).toBe('Copyright © 2000 - 2026 All Rights Reserved.')
  })

  it('matches the reference footer format, with this year instead of a stale one', () => {
    const notice = copyrightNotice({ startYear: 2000, endYear: copyrightEndYear(null, new Date('2025-03-20T10:19:18Z')) })
    expect(notice).toBe('Copyright © 2000 - 2025 All Rights Reserved.')
  })
})
