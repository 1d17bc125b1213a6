/**
 * Access restated in SQL: published articles only, what `publishedOrStaff` allows anonymous readers
 * (the articles table holds each article's published version; a draft saved over it lives in its
 * versions, and a draft or an unpublished article has `_status` draft); channels, bylines and the
 * site's name, which anyone may read.
 *
 * Everything here reads by index, at a million articles as at a hundred: months and their id ranges
 * by probes of the sitemap indexes (migrations/20261207_130000_sitemap_indexes.ts), a sitemap's
 * articles by keyset on those ranges, never an OFFSET nor a count. Ids are compared as bigint: a
 * part's range may reach past the largest id a serial column holds.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { readRows } from './readRows'

/**
 * An article's month in Beijing time, spelled exactly as the sitemap indexes spell it: PostgreSQL
 * uses an expression index only for the same expression.
 */
const MONTH = sql.raw(`date_trunc('month', a.published_at at time zone 'Asia/Shanghai')`)
const PUBLISHED = sql.raw(`a._status = 'published'`)

/** The first day of a `YYYY-MM` month, as the month expression gives it. */
const monthStart = (month: string) => `${month}-01`

const dateOf = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string | Date))

export type IdRange = { firstId: number; lastId: number; lastModified: Date | null }
export type SitemapBuckets = {
  /** Newest first, `YYYY-MM`. */
  months: (IdRange & { month: string })[]
  channels: IdRange | null
  /** The newest publication time: when the news sitemap last gained an article. */
  newestPublication: Date | null
}

/**
 * What the sitemap index lists: each month with published articles (a walk of the month index, one
 * probe per month), with its first and last article id and its newest change (a probe each), and
 * the channels' id range.
 */
export async function readSitemapBuckets(payload: Payload): Promise<SitemapBuckets> {
  const [months, [channels]] = await Promise.all([
    readRows(payload, sql`
      with recursive months(month) as (
        (select ${MONTH} from articles a where ${PUBLISHED} order by 1 limit 1)
        union all
        select (select ${MONTH} from articles a where ${PUBLISHED} and ${MONTH} > months.month order by 1 limit 1)
        from months where months.month is not null
      )
      select to_char(m.month, 'YYYY-MM') as month,
        (select min(a.id) from articles a where ${PUBLISHED} and ${MONTH} = m.month) as first_id,
        (select max(a.id) from articles a where ${PUBLISHED} and ${MONTH} = m.month) as last_id,
        (select max(a.updated_at) from articles a where ${PUBLISHED} and ${MONTH} = m.month) as last_modified
      from months m where m.month is not null
      order by m.month desc`),
    // A channel's page changes with its newest article as much as with its own name.
    readRows(payload, sql`
      with newest as (select max(a.published_at) as published_at from articles a where ${PUBLISHED})
      select min(c.id) as first_id, max(c.id) as last_id, greatest(max(c.updated_at), (select published_at from newest)) as last_modified,
        (select published_at from newest) as newest_publication
      from categories c`),
  ])
  return {
    months: months.map((row) => ({ month: String(row.month), firstId: Number(row.first_id), lastId: Number(row.last_id), lastModified: dateOf(row.last_modified) })),
    channels: channels.first_id === null ? null : { firstId: Number(channels.first_id), lastId: Number(channels.last_id), lastModified: dateOf(channels.last_modified) },
    newestPublication: dateOf(channels.newest_publication),
  }
}

/** Id ranges `[fromId, toId)` as one parameter: a PostgreSQL array of their bounds, read in pairs. */
const rangesParam = (ranges: readonly IdSpan[]) => `{${ranges.map(({ fromId, toId }) => `{${fromId},${toId}}`).join(',')}}`
export type IdSpan = { fromId: number; toId: number }

/** Of these id ranges, those holding a published article of the month: a probe each, in one statement. */
export async function monthRangesWithArticles(payload: Payload, month: string, ranges: readonly IdSpan[]): Promise<Set<number>> {
  const rows = await readRows(payload, sql`
    select r.bounds[i][1] as from_id from (select ${rangesParam(ranges)}::bigint[] as bounds) r, generate_subscripts(r.bounds, 1) i
    where exists (select 1 from articles a where ${PUBLISHED} and ${MONTH} = ${monthStart(month)}::timestamp and a.id >= r.bounds[i][1] and a.id < r.bounds[i][2])`)
  return new Set(rows.map((row) => Number(row.from_id)))
}

/** Of these id ranges, those holding a channel. */
export async function channelRangesWithChannels(payload: Payload, ranges: readonly IdSpan[]): Promise<Set<number>> {
  const rows = await readRows(payload, sql`
    select r.bounds[i][1] as from_id from (select ${rangesParam(ranges)}::bigint[] as bounds) r, generate_subscripts(r.bounds, 1) i
    where exists (select 1 from categories c where c.id >= r.bounds[i][1] and c.id < r.bounds[i][2])`)
  return new Set(rows.map((row) => Number(row.from_id)))
}

/** The lowest id of a month's published articles (its first sitemap starts there); null for a month without any. */
export async function firstArticleIdOf(payload: Payload, month: string): Promise<number | null> {
  const rows = await readRows(payload, sql`select min(a.id) as first_id from articles a where ${PUBLISHED} and ${MONTH} = ${monthStart(month)}::timestamp`)
  return rows[0].first_id === null ? null : Number(rows[0].first_id)
}

export async function firstChannelId(payload: Payload): Promise<number | null> {
  const rows = await readRows(payload, sql`select min(id) as first_id from categories`)
  return rows[0].first_id === null ? null : Number(rows[0].first_id)
}

export type SitemapRow = { id: number; slug: string; lastModified: Date }

/** The next `limit` published articles of a month after id `afterId` and below `toId`, by id. */
export async function monthArticlesAfter(payload: Payload, month: string, afterId: number, toId: number, limit: number): Promise<SitemapRow[]> {
  const rows = await readRows(payload, sql`
    select a.id, a.slug, a.updated_at from articles a
    where ${PUBLISHED} and ${MONTH} = ${monthStart(month)}::timestamp and a.id > ${afterId}::bigint and a.id < ${toId}::bigint and a.slug is not null
    order by a.id limit ${limit}`)
  return rows.map((row) => ({ id: Number(row.id), slug: String(row.slug), lastModified: dateOf(row.updated_at)! }))
}

/**
 * The next `limit` channels after id `afterId` and below `toId`, by id, each changed when it or its
 * newest article (its sub-channels' included) last changed: one probe of the channel list index per
 * channel under it.
 */
export async function channelsAfter(payload: Payload, afterId: number, toId: number, limit: number): Promise<SitemapRow[]> {
  const rows = await readRows(payload, sql`
    select c.id, c.slug, greatest(c.updated_at, max(newest.published_at)) as last_modified
    from categories c
    left join categories_breadcrumbs under on under.slug = c.slug
    left join lateral (select max(a.published_at) as published_at from articles a where ${PUBLISHED} and a.category_id = under._parent_id) newest on true
    where c.id > ${afterId}::bigint and c.id < ${toId}::bigint and c.slug is not null
    group by c.id order by c.id limit ${limit}`)
  return rows.map((row) => ({ id: Number(row.id), slug: String(row.slug), lastModified: dateOf(row.last_modified)! }))
}

export type NewsRow = { slug: string; title: string; publishedAt: Date }

/** Published articles of the news window, newest first, at most `limit`. */
export async function articlesPublishedSince(payload: Payload, since: Date, limit: number): Promise<NewsRow[]> {
  const rows = await readRows(payload, sql`
    select a.slug, a.title, a.published_at from articles a
    where ${PUBLISHED} and a.published_at >= ${since.toISOString()}::timestamptz and a.slug is not null
    order by a.published_at desc, a.id desc limit ${limit}`)
  return rows.map((row) => ({ slug: String(row.slug), title: String(row.title ?? ''), publishedAt: dateOf(row.published_at)! }))
}

export type FeedRow = {
  id: number
  slug: string
  title: string
  summary: string | null
  publishedAt: Date
  updatedAt: Date
  authors: string[]
  channelPath: string | null
}

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * The newest `limit` published articles, of the given channels when named (a channel and those
 * under it). Planned for its channels each time, not prepared once: the newest of a small channel
 * are found through the channel list index, those of a section of several busy ones by walking
 * the publication times, and one plan cannot be right for both.
 */
export async function newestArticles(payload: Payload, limit: number, channelIds?: readonly number[]): Promise<FeedRow[]> {
  const inChannels = channelIds ? sql`and a.category_id in ${[...channelIds]}` : sql``
  const { rows } = await (payload.db as unknown as { drizzle: Executor }).drizzle.execute(sql`
    select a.id, a.slug, a.title, a.summary, a.published_at, a.updated_at,
      (select coalesce(json_agg(au.name order by r."order"), '[]') from articles_rels r join authors au on au.id = r.authors_id
        where r.parent_id = a.id and r.path = 'authors') as authors,
      (select string_agg(crumb.name, '/' order by crumb._order) from categories_breadcrumbs crumb where crumb._parent_id = a.category_id) as channel_path
    from articles a
    where ${PUBLISHED} and a.published_at is not null and a.slug is not null ${inChannels}
    order by a.published_at desc, a.id desc limit ${limit}`)
  return rows.map((row) => ({
    id: Number(row.id),
    slug: String(row.slug),
    title: String(row.title ?? ''),
    summary: (row.summary as string | null) ?? null,
    publishedAt: dateOf(row.published_at)!,
    updatedAt: dateOf(row.updated_at)!,
    authors: (row.authors as string[]).filter((name) => typeof name === 'string'),
    channelPath: (row.channel_path as string | null) ?? null,
  }))
}

export type FeedChannelRow = { id: number; name: string; slug: string; path: string }

/** A channel by its slug, with its path of names from the root (`财经/宏观`). */
export async function channelBySlug(payload: Payload, slug: string): Promise<FeedChannelRow | null> {
  const rows = await readRows(payload, sql`
    select c.id, c.name, c.slug,
      (select string_agg(crumb.name, '/' order by crumb._order) from categories_breadcrumbs crumb where crumb._parent_id = c.id) as path
    from categories c where c.slug = ${slug} limit 1`)
  const [row] = rows
  return row ? { id: Number(row.id), name: String(row.name), slug: String(row.slug), path: String(row.path ?? row.name) } : null
}

/** The site's name as its settings give it, null before anyone has saved them. */
export async function siteName(payload: Payload): Promise<string | null> {
  const rows = await readRows(payload, sql`select site_name from site_settings order by id limit 1`)
  return (rows[0]?.site_name as string | undefined) ?? null
}
