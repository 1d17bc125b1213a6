import type { ParamProblem } from '../api/paginationParams'
import { positiveInteger } from '../runtime/envNumbers'

/** Search parameters as the API receives them (query string or GraphQL arguments), checked. */
export type SearchParams = { q: string; category?: number; tag?: number; from?: Date; to?: Date; page: number; limit: number }
export type ParamCheck = { ok: true; value: SearchParams } | ({ ok: false } & ParamProblem)

export const MAX_QUERY_LENGTH = 200
export const MAX_SEARCH_LIMIT = 50

export function parseSearchParams(input: Record<string, unknown>): ParamCheck {
  const q = input.q === undefined || input.q === null ? '' : input.q
  if (typeof q !== 'string') return { ok: false, path: 'q', message: { code: 'TEXT_EXPECTED' } }
  if (q.length > MAX_QUERY_LENGTH) return { ok: false, path: 'q', message: { code: 'TEXT_TOO_LONG', values: { max: MAX_QUERY_LENGTH } } }
  const value: SearchParams = { q: q.trim(), page: 1, limit: 10 }
  for (const [name, min, max] of [['page', 1, 10_000], ['limit', 1, MAX_SEARCH_LIMIT], ['category', 1, Number.MAX_SAFE_INTEGER], ['tag', 1, Number.MAX_SAFE_INTEGER]] as const) {
    const raw = input[name]
    if (raw === undefined || raw === null || raw === '') continue
    const number = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : NaN
    if (!Number.isInteger(number) || number < min || number > max) return { ok: false, path: name, message: { code: 'WHOLE_NUMBER_BETWEEN', values: { min, max } } }
    value[name] = number
  }
  for (const name of ['from', 'to'] as const) {
    const raw = input[name]
    if (raw === undefined || raw === null || raw === '') continue
    const date = typeof raw === 'string' ? new Date(raw) : null
    if (!date || Number.isNaN(date.getTime())) return { ok: false, path: name, message: { code: 'DATE_EXPECTED', values: { example: '2026-11-01' } } }
    value[name] = date
  }
  return { ok: true, value }
}

const DEFAULT_SEARCH_TOTAL_LIMIT = 1_000

/**
 * SEARCH_TOTAL_LIMIT: matches counted exactly, at most 100,000; past it `totalDocs` is a lower bound.
 * Counting them all was most of a common word's search, and nobody reads the thousandth page.
 */
export function searchTotalLimitFrom(env: Record<string, string | undefined>): number {
  return positiveInteger(env.SEARCH_TOTAL_LIMIT, DEFAULT_SEARCH_TOTAL_LIMIT, 100_000)
}
