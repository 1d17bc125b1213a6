import type { Message } from '../i18n/translate'

/**
 * Payload passes `page`, `limit` and `depth` to the database as they come; a negative page is a
 * 500 there. These bounds turn such values into a 400 naming the parameter.
 */
const BOUNDS: Readonly<Record<string, { min: number; max: number }>> = {
  page: { min: 1, max: 1_000_000 },
  limit: { min: 0, max: 10_000 },
  depth: { min: 0, max: 10 },
}

/** A value of a request that cannot be served, named by its path, with what is wrong with it. */
export type ParamProblem = { path: string; message: Message }

/** The parameters out of bounds: strings as a query string carries them, or numbers (GraphQL's arguments). */
export function paginationParamProblems(params: Readonly<Record<string, unknown>>): ParamProblem[] {
  const problems: ParamProblem[] = []
  for (const [name, { min, max }] of Object.entries(BOUNDS)) {
    const value = params[name]
    if (value === undefined) continue
    const whole = typeof value === 'number' ? Number.isInteger(value) : typeof value === 'string' && /^\d{1,9}$/.test(value)
    if (!whole || Number(value) < min || Number(value) > max) {
      problems.push({ path: name, message: { code: 'WHOLE_NUMBER_BETWEEN', values: { min, max } } })
    }
  }
  return problems
}

/**
 * The most rows a page of a collection's find may start after (`(page - 1) × limit`). PostgreSQL reads
 * and drops every row before a page's first (OFFSET), and a deep page of a busy channel meant tens of
 * thousands of them per request; deeper lists are read by keyset instead (docs/api.md, "Deep pages").
 */
export const MAX_PAGE_OFFSET = 10_000
/** Payload's page size when a find names none. */
const PAYLOAD_DEFAULT_LIMIT = 10

/** `page` when it starts a page deeper than `MAX_PAGE_OFFSET`, for a find given as Payload parses it. */
export function pageDepthProblems({ page, limit }: { page?: unknown; limit?: unknown }): ParamProblem[] {
  if (typeof page !== 'number' || page <= 1) return []
  const pageSize = typeof limit === 'number' ? limit : PAYLOAD_DEFAULT_LIMIT
  if (pageSize === 0 || (page - 1) * pageSize <= MAX_PAGE_OFFSET) return []
  const maxPage = Math.floor(MAX_PAGE_OFFSET / pageSize) + 1
  return [{ path: 'page', message: { code: 'PAGE_TOO_DEEP', values: { maxPage, limit: pageSize, maxOffset: MAX_PAGE_OFFSET } } }]
}
