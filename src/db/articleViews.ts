/**
 * Access restated in SQL: views count for published articles only, and 热门 lists published
 * articles only, what `publishedOrStaff` allows anonymous readers; a count is public.
 */
import { sql } from '@payloadcms/db-postgres'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { HOT_WINDOWS, type HotParams } from '../lib/views/hotParams'
import { HotRankings } from '../lib/views/hotRankings'
import { HOUR_MS, type ViewRow } from '../lib/views/pendingViews'
import { channelIdsBySlug } from './channelIds'
import { readRows } from './readRows'

/** How long the hourly counts are kept: the longest 热门 window, and a day to spare. */
export const VIEW_HOURS_KEPT_DAYS = 31

const poolOf = (payload: Payload) => (payload.db as unknown as PostgresAdapter).pool

export type HotArticle = { id: number; title: string; slug: string | null; publishedAt: string | null; views: number }

/** The rankings this process serves, read again once it has written new views. */
const hotRankings = new HotRankings<HotArticle[]>()

/**
 * Adds views to the hourly and total counts in one statement, for the rows' articles that are
 * published (a view of a draft, a gone article or a made-up id counts nowhere); 热门 is read afresh
 * when next asked for.
 */
export async function addViews(payload: Payload, rows: readonly ViewRow[]): Promise<void> {
  if (rows.length === 0) return
  await poolOf(payload).query(
    `with v as (
       select v.article_id, v.hour, v.views from unnest($1::int[], $2::timestamptz[], $3::int[]) as v(article_id, hour, views)
       join articles a on a.id = v.article_id and a._status = 'published'
     ), hours as (
       insert into article_view_hours (article_id, hour, views) select article_id, hour, views from v
       on conflict (article_id, hour) do update set views = article_view_hours.views + excluded.views
     )
     insert into article_view_totals (article_id, views) select article_id, sum(views) from v group by article_id
     on conflict (article_id) do update set views = article_view_totals.views + excluded.views`,
    [rows.map((row) => row.articleId), rows.map((row) => row.hour.toISOString()), rows.map((row) => row.views)],
  )
  hotRankings.viewsWritten()
}

export async function forgetOldViewHours(payload: Payload, now: Date): Promise<void> {
  await poolOf(payload).query(`delete from article_view_hours where hour < $1`, [new Date(now.getTime() - VIEW_HOURS_KEPT_DAYS * 86_400_000).toISOString()])
}


/**
 * 热门 as asked: the ranking `hotRankings` holds, else read; null when the channel asked for does not
 * exist. REST and GraphQL answer from here.
 */
export async function hotArticles(payload: Payload, { window, channel, limit }: HotParams): Promise<HotArticle[] | null> {
  const channelIds = channel === null ? null : ((await channelIdsBySlug(payload, [channel])).get(channel) ?? [])
  if (channelIds?.length === 0) return null
  const since = new Date(Date.now() - HOT_WINDOWS[window] * HOUR_MS)
  return hotRankings.get(`${window}:${channel ?? ''}:${limit}`, () => readHotArticles(payload, { since, channelIds, limit }))
}

/** The most read published articles since `since`, of the given channels (all when null; never an empty list). */
async function readHotArticles(payload: Payload, query: { since: Date; channelIds: number[] | null; limit: number }): Promise<HotArticle[]> {
  const inChannels = query.channelIds === null ? sql`true` : sql`a.category_id in ${query.channelIds}`
  const rows = await readRows(
    payload,
    sql`select a.id, a.title, a.slug, a.published_at, sum(h.views)::bigint as views
      from article_view_hours h join articles a on a.id = h.article_id and a._status = 'published'
      where h.hour >= ${query.since.toISOString()}::timestamptz and ${inChannels}
      group by a.id order by views desc, a.id desc limit ${query.limit}`,
  )
  return rows.map((row) => ({
    id: Number(row.id),
    title: String(row.title),
    slug: (row.slug as string | null) ?? null,
    publishedAt: row.published_at === null ? null : new Date(row.published_at as string).toISOString(),
    views: Number(row.views),
  }))
}
