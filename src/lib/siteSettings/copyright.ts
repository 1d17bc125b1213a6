/** Copyright years follow the calendar in China, not the server's timezone. */
export const PORTAL_TIME_ZONE = 'Asia/Shanghai'

export function currentYearIn(timeZone: string, now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(now))
}

/**
 * The end year a footer shows: the fixed one when an editor set it, else the current year, so a
 * footer never goes stale the way `2000 - 2023` did on a 2025 page.
 */
export function copyrightEndYear(fixedEndYear: number | null | undefined, now: Date = new Date()): number {
  return fixedEndYear ?? currentYearIn(PORTAL_TIME_ZONE, now)
}

/** `Copyright © 2000 - 2026 Holder All Rights Reserved.` (a single year when start and end agree). */
export function copyrightNotice(args: {
  holder?: string | null
  startYear?: number | null
  endYear: number
}): string {
  const { holder, startYear, endYear } = args
  const years = startYear && startYear < endYear ? `${startYear} - ${endYear}` : `${endYear}`
  return ['Copyright ©', years, holder, 'All Rights Reserved.'].filter(Boolean).join(' ')
}
