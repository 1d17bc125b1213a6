import type { ParamProblem } from '../api/paginationParams'
import { isValidSlug } from '../slugify'

export const CHANNEL_LIST_DEFAULT_LIMIT = 20
export const CHANNEL_LIST_MAX_LIMIT = 50

/** Where a page of a channel's list starts: after the article published at `publishedAt` with id `id`. */
export type ListPosition = { publishedAt: Date; id: number }
export type ChannelListParams = { channel: string; limit: number; after: ListPosition | null }

/** A position as `nextAfter` gives it: the last article's publication time (ISO, UTC) and id. */
const POSITION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)~([1-9]\d{0,9})$/
const MAX_ID = 2_147_483_647

export const positionText = (position: ListPosition) => `${position.publishedAt.toISOString()}~${position.id}`

export function parsePosition(text: unknown): ListPosition | null {
  const match = typeof text === 'string' ? POSITION.exec(text) : null
  if (!match) return null
  const publishedAt = new Date(match[1])
  const id = Number(match[2])
  return Number.isNaN(publishedAt.getTime()) || id > MAX_ID ? null : { publishedAt, id }
}

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
