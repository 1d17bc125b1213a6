import type { ParamProblem } from '../api/paginationParams'
import { isValidSlug } from '../slugify'
import { type ListPosition, parsePosition } from './position'

export const CHANNEL_LIST_DEFAULT_LIMIT = 20
export const CHANNEL_LIST_MAX_LIMIT = 50

export type ChannelListParams = { channel: string; limit: number; after: ListPosition | null }

/** The channel's slug, `limit` (1 to 50, 20 when absent) and `after` (a page's `nextAfter`; the first page when absent). */
export function parseChannelListParams(channel: unknown, query: Record<string, unknown>): { params: ChannelListParams } | { problems: ParamProblem[] } {
  const problems: ParamProblem[] = []
  if (typeof channel !== 'string' || !isValidSlug(channel)) problems.push({ path: 'channel', message: { code: 'CHANNEL_SLUG_INVALID' } })
  const { limit, after } = query
  const count = limit === undefined ? CHANNEL_LIST_DEFAULT_LIMIT : typeof limit === 'string' && /^\d{1,3}$/.test(limit) ? Number(limit) : Number.NaN
  if (!(count >= 1 && count <= CHANNEL_LIST_MAX_LIMIT)) problems.push({ path: 'limit', message: { code: 'WHOLE_NUMBER_BETWEEN', values: { min: 1, max: CHANNEL_LIST_MAX_LIMIT } } })
  const position = after === undefined || after === '' ? null : parsePosition(after)
  if (after !== undefined && after !== '' && !position) problems.push({ path: 'after', message: { code: 'LIST_POSITION_INVALID' } })
  if (problems.length > 0) return { problems }
  return { params: { channel: channel as string, limit: count, after: position } }
}
