/**
 * Access restated in SQL: published articles only, what `publishedOrStaff` allows anonymous readers;
 * channels and images are public; no field any role keeps to itself.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { type MediaRow, servedImage } from '../lib/articlePage/assemble'
import type { ChannelListParams } from '../lib/channelList/params'
import { type ListPosition, positionText } from '../lib/channelList/position'
import { categoryJson, imageJson } from './articlePage'
import { readRows } from './readRows'

type Category = { id: number; name: string; slug: string | null; breadcrumbs: { id: string; name: string | null; slug: string | null }[] }
type ListedRow = { id: number; title: string; slug: string | null; summary: string | null; publishedAt: string; category: Category | null; coverImage: MediaRow | null }

export type ChannelListPage = {
  channel: Category
  docs: (Omit<ListedRow, 'coverImage'> & { coverImage: ReturnType<typeof servedImage> | null })[]
  hasNextPage: boolean
  /** The `after` of the next page; null on the last. */
  nextAfter: string | null
}

/** Before every article: the first page. */
const START: ListPosition = { publishedAt: new Date('9999-12-31T23:59:59.999Z'), id: 2_147_483_647 }

/**
 * A page of a channel's published articles (its sub-channels' included), newest first, after a
 * position (keyset): the same articles, in the same order and shape, as the REST find of the channel
 * query with the list `select` at depth 1 (tests/api/channelList.test.ts holds the two side by side),
 * in one statement. Each channel's articles are read from its own index of published articles by
 * time, at most a page from each, so a page 2,000 pages deep reads no more than the first; Payload's
 * find of the same page costs Node several milliseconds for its queries and field walks. Articles
 * without a publication time have no place in the list. Null when there is no such channel.
 */
export async function readChannelList(payload: Payload, { channel, limit, after }: ChannelListParams): Promise<ChannelListPage | null> {
  const { publishedAt, id } = after ?? START
  const at = publishedAt.toISOString()
  const [row] = await readRows(payload, sql`
    with channel as materialized (
      select id, name, slug from categories where slug = ${channel} limit 1
    ), listed as materialized (
      select x.* from (select _parent_id as id from categories_breadcrumbs where slug = ${channel}) c
      cross join lateral (
        select a.id, a.title, a.slug, a.summary, a.published_at, a.category_id, a.cover_image_id from articles a
        where a.category_id = c.id and a._status = 'published' and a.published_at <= ${at}::timestamptz and (a.published_at < ${at}::timestamptz or a.id < ${id}::integer)
        order by a.published_at desc, a.id desc limit ${limit + 1}) x
      order by x.published_at desc, x.id desc limit ${limit + 1}
    )
    select
      (select ${categoryJson('ch')} from channel ch) as channel,
      (select coalesce(json_agg(json_build_object(
          'id', l.id, 'title', l.title, 'slug', l.slug, 'summary', l.summary, 'publishedAt', l.published_at,
          'category', (select ${categoryJson('c')} from categories c where c.id = l.category_id),
          'coverImage', (select ${imageJson('md')} from media md where md.id = l.cover_image_id)
        ) order by l.published_at desc, l.id desc), '[]') from listed l) as docs`)
  if (!row?.channel) return null
  const listed = row.docs as ListedRow[]
  const docs = listed.slice(0, limit).map((doc) => ({
    ...doc,
    publishedAt: new Date(doc.publishedAt).toISOString(),
    coverImage: doc.coverImage && servedImage(doc.coverImage, payload.config.serverURL),
  }))
  const last = docs.at(-1)
  const hasNextPage = listed.length > limit
  return {
    channel: row.channel as Category,
    docs,
    hasNextPage,
    nextAfter: hasNextPage && last ? positionText({ publishedAt: new Date(last.publishedAt), id: last.id }) : null,
  }
}
