import type { ParamProblem } from '../api/paginationParams'
import { isValidSlug } from '../slugify'

/** The windows 热门 ranks over, in hours: views older than the longest are not kept. */
export const HOT_WINDOWS = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 } as const
export type HotWindow = keyof typeof HOT_WINDOWS

export const HOT_DEFAULT_LIMIT = 10
export const HOT_MAX_LIMIT = 50

export type HotParams = { window: HotWindow; channel: string | null; limit: number }

/** `window` (24h, 7d or 30d; 24h when absent), `channel` (a channel's slug, its sub-channels included) and `limit` (1 to 50). */
export function parseHotParams(query: Record<string, unknown>): { params: HotParams } | { problems: ParamProblem[] } {
  const { window = '24h', channel, limit } = query
  const problems: ParamProblem[] = []
  if (typeof window !== 'string' || !Object.hasOwn(HOT_WINDOWS, window)) problems.push({ path: 'window', message: { code: 'HOT_WINDOW_INVALID' } })
  if (channel !== undefined && (typeof channel !== 'string' || !isValidSlug(channel))) problems.push({ path: 'channel', message: { code: 'CHANNEL_SLUG_INVALID' } })
  const count = limit === undefined ? HOT_DEFAULT_LIMIT : typeof limit === 'string' && /^\d{1,3}$/.test(limit) ? Number(limit) : Number.NaN
  if (!(count >= 1 && count <= HOT_MAX_LIMIT)) problems.push({ path: 'limit', message: { code: 'HOT_LIMIT_INVALID', values: { max: HOT_MAX_LIMIT } } })
  if (problems.length > 0) return { problems }
  return { params: { window: window as HotWindow, channel: (channel as string | undefined) ?? null, limit: count } }
}
