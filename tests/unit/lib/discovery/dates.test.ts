import { rfc822Date, w3cDateTime } from '../../../../src/lib/discovery/dates'

/** RFC 822 as RSS 2.0 uses it, with a four-digit year and a numeric zone. */
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/

describe('rfc822Date', () => {
  it('writes the instant in Beijing time, with its weekday and +0800', () => {
    expect(rfc822Date(new Date('2026-11-18T09:30:00.000Z'))).toBe('Wed, 18 Nov 2026 17:30:00 +0800')
  })

  it('moves to the next day (and weekday, month, year) in Beijing when UTC is still on the day before', () => {
    expect(rfc822Date(new Date('2026-12-31T16:00:00.000Z'))).toBe('Fri, 01 Jan 2027 00:00:00 +0800')
    expect(rfc822Date(new Date('2024-02-28T20:15:09.999Z'))).toBe('Thu, 29 Feb 2024 04:15:09 +0800')
  })

  it('names the same instant as the date it was given, every day of a leap year', () => {
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(2024, 0, 1, 13, 5, 7) + day * 86_400_000)
      const written = rfc822Date(date)
      expect(written).toMatch(RFC_822)
      expect(new Date(written).getTime()).toBe(date.getTime())
    }
  })
})

describe('w3cDateTime', () => {
  it('writes the instant in Beijing time to the second, with +08:00', () => {
    expect(w3cDateTime(new Date('2026-11-18T09:30:00.999Z'))).toBe('2026-11-18T17:30:00+08:00')
    expect(w3cDateTime(new Date('2026-10-31T16:00:00.000Z'))).toBe('2026-11-01T00:00:00+08:00')
  })

  it('pads the year to four digits (an archive can reach back before the year 1000)', () => {
    expect(w3cDateTime(new Date('0999-06-01T00:00:00.000Z'))).toBe('0999-06-01T08:00:00+08:00')
  })

  it('reads back as the same instant, to the second', () => {
    const date = new Date('2026-03-08T23:59:59.000Z')
    expect(new Date(w3cDateTime(date)).getTime()).toBe(date.getTime())
  })
})
