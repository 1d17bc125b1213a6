import { PORTAL_TIME_ZONE } from '../siteSettings/copyright'

/**
 * Times are stored in UTC and shown as readers in China read them. Formatting happens on the server
 * only, so the page never differs between the server's and the browser's time zone (no hydration
 * mismatch).
 */
const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: PORTAL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function partsOf(iso: string): Record<string, string> | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  return Object.fromEntries(PARTS.formatToParts(date).map((part) => [part.type, part.value]))
}

/** `2026-11-18 17:30` in Asia/Shanghai; an unreadable date gives an empty string. */
export function shanghaiDateTime(iso: string): string {
  const p = partsOf(iso)
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : ''
}

/** `2026-11-18` in Asia/Shanghai. */
export function shanghaiDate(iso: string): string {
  const p = partsOf(iso)
  return p ? `${p.year}-${p.month}-${p.day}` : ''
}
