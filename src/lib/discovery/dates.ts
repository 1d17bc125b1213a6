/**
 * Dates in feeds and sitemaps, written in Beijing time (UTC+8 all year since 1991), the time the
 * newsroom and its readers keep; either form names the same instant whatever the reader's zone.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** The date's fields as a clock in Beijing shows them. */
function beijing(date: Date) {
  const shifted = new Date(date.getTime() + BEIJING_OFFSET_MS)
  return {
    year: pad(shifted.getUTCFullYear(), 4),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`,
  }
}

/** RSS 2.0's date (RFC 822, with the four-digit year RFC 1123 brought): `Wed, 18 Nov 2026 17:30:00 +0800`. */
export function rfc822Date(date: Date): string {
  const { year, month, day, weekday, time } = beijing(date)
  return `${DAYS[weekday]}, ${pad(day)} ${MONTHS[month]} ${year} ${time} +0800`
}

/** The sitemaps' W3C datetime, to the second: `2026-11-18T17:30:00+08:00`. */
export function w3cDateTime(date: Date): string {
  const { year, month, day, time } = beijing(date)
  return `${year}-${pad(month + 1)}-${pad(day)}T${time}+08:00`
}
