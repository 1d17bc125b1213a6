/**
 * Access restated in SQL: published articles only, what `publishedOrStaff` allows anonymous readers
 * (no preview: previews go through Payload); featured comments only once approved, what
 * `approvedOrOwnOrStaff` allows them; no field any role keeps to itself (the fields' `access.read`).
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { type ArticlePageRow, assembleArticlePage, FEATURED_COMMENTS_SHOWN, RELATED_SHOWN } from '../lib/articlePage/assemble'
import { ipRegionEnabledFrom } from '../lib/comments/ipRegion'
import { MEDIA_IMAGE_SIZES } from '../lib/media/imageFiles'
import { readRows } from './readRows'

/** A media row as JSON, as Payload populates it for the public (its URLs finished by `servedImage`). */
export const imageJson = (alias: string) =>
  sql.raw(`json_build_object('id', ${alias}.id, 'alt', ${alias}.alt, 'caption', ${alias}.caption, 'credit', ${alias}.credit,
    'url', ${alias}.url, 'filename', ${alias}.filename, 'width', ${alias}.width, 'height', ${alias}.height,
    'sizes', json_build_object(${MEDIA_IMAGE_SIZES.map(({ name: size }) => `'${size}', json_build_object('url', ${alias}.sizes_${size}_url, 'width', ${alias}.sizes_${size}_width, 'height', ${alias}.sizes_${size}_height, 'filename', ${alias}.sizes_${size}_filename)`).join(', ')}))`)

/** A channel as JSON, with its breadcrumbs, as Payload populates it for the public. */
export const categoryJson = (alias: string) =>
  sql.raw(`json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'slug', ${alias}.slug, 'breadcrumbs', (
    select coalesce(json_agg(json_build_object('id', crumb.id, 'name', crumb.name, 'slug', crumb.slug) order by crumb._order), '[]')
    from categories_breadcrumbs crumb where crumb._parent_id = ${alias}.id))`)

/** Ids in a Lexical body (jsonb) found by a JSON path, as integers. */
const idsInBody = (path: string) => sql.raw(`(select (v #>> '{}')::int from jsonb_path_query(a.body, '${path}') v where v #>> '{}' ~ '^[0-9]{1,9}$')`)
const BODY_IMAGES = idsInBody('strict $.** ? (@.type == "upload" && @.relationTo == "media").value')
const BODY_LINKS = idsInBody('strict $.** ? (@.type == "link" && @.fields.linkType == "internal" && @.fields.doc.relationTo == "articles").fields.doc.value')

/** A comment's IP属地, unless COMMENT_IP_REGION=off keeps it from everyone (the field's read access). */
const IP_REGION = sql.raw(ipRegionEnabledFrom(process.env) ? `, 'ipRegion', m.ip_region` : '')

/** Another article as a page links to it: 相关阅读, 上一篇 and 下一篇. */
const teaserOf = (alias: string) => `json_build_object('id', ${alias}.id, 'title', ${alias}.title, 'slug', ${alias}.slug, 'publishedAt', ${alias}.published_at)`
const teaser = (alias: string) => sql.raw(teaserOf(alias))

/** How many of the page's tags, and of each tag's newest articles, 相关阅读 weighs. */
const RELATED_TAGS = 5
const RELATED_PER_TAG = 12
/** How many of the newest articles a page with too few related by topic searches for similar titles. */
const RELATED_TITLE_WALK = 2000

/**
 * 相关阅读, as CTEs of the page statement (after `a`, the article): first by topic, the newest few
 * of each of its tags, two points for each tag they share and one for sharing its channel, most
 * points first; then, when those are fewer than a page shows, the newest articles whose title or
 * summary shares a word with its title (PostgreSQL's rank of the match first). Each part reads a
 * bounded number of index entries, however many articles a tag or a word has.
 */
const RELATED_ARTICLES = sql.raw(`related_sources as materialized (
      select tagged.parent_id as id
      from (select r.tags_id from articles_rels r where r.parent_id = (select id from a) and r.path = 'tags' and r.tags_id is not null order by r."order" limit ${RELATED_TAGS}) t
      cross join lateral (select r.parent_id from articles_rels r where r.tags_id = t.tags_id and r.parent_id <> (select id from a) order by r.parent_id desc limit ${RELATED_PER_TAG}) tagged
    ), related_by_topic as materialized (
      select ra.id, ra.title, ra.slug, ra.published_at, (2 * count(*) + case when ra.category_id = (select category_id from a) then 1 else 0 end)::float8 as score
      from related_sources rs join articles ra on ra.id = rs.id and ra._status = 'published'
      group by ra.id order by score desc, ra.published_at desc, ra.id desc limit ${RELATED_SHOWN}
    ), title_words as materialized (
      select (select string_agg('''' || replace(replace(word, '\\', '\\\\'), '''', '''''') || '''', ' | ') from unnest(tsvector_to_array(ts_filter(s.rank_vector, '{a}'))) word)::tsquery as query
      from article_search s where s.article_id = (select id from a) and (select count(*) from related_by_topic) < ${RELATED_SHOWN}
    ), related_by_title as materialized (
      select ra.id, ra.title, ra.slug, ra.published_at, ts_rank(recent.rank_vector, (select query from title_words))::float8 as score
      from (select s.article_id, s.rank_vector from article_search s order by s.published_at desc nulls last, s.article_id desc limit ${RELATED_TITLE_WALK}) recent
      join articles ra on ra.id = recent.article_id and ra._status = 'published'
      where (select query from title_words) is not null and recent.article_id <> (select id from a) and recent.rank_vector @@ (select query from title_words)
      order by score desc, ra.published_at desc limit ${RELATED_SHOWN}
    )`)

/**
 * 上一篇 or 下一篇: the article of the page's channel just before or after it, by publication time
 * then id. Asked as equalities on the channel's index (an article of the same time, else the nearest
 * time's): asked as a range in that order, PostgreSQL may read the index of every channel's times
 * instead, through all the others' articles to find a small channel's next one.
 */
function neighbour(direction: 'previous' | 'next') {
  const [beyond, nearest, idOrder] = direction === 'previous' ? ['<', 'max', 'desc'] : ['>', 'min', 'asc']
  const inChannel = (alias: string) => `${alias}.category_id = a.category_id and ${alias}._status = 'published'`
  const at = (time: string, idCondition: string) =>
    `(select ${teaserOf('n')} from articles n where ${inChannel('n')} and n.published_at = ${time}${idCondition} order by n.id ${idOrder} limit 1)`
  return sql.raw(
    `coalesce(${at('a.published_at', ` and n.id ${beyond} a.id`)}, ${at(`(select ${nearest}(t.published_at) from articles t where ${inChannel('t')} and t.published_at ${beyond} a.published_at)`, '')})`,
  )
}

/**
 * The published article page by slug in one statement, everything it shows built by PostgreSQL:
 * Payload's find with the page's `select` takes seven queries and walks every field in Node, which
 * made an uncached page cost as much as Payload's whole default find.
 *
 * What the public may read is stated here, as the collections' access rules give it to an anonymous
 * reader: the published version only (the main table holds it: drafts of a published article live
 * in its versions), featured comments only once approved and while not deleted, and no field any role
 * keeps to itself.
 * tests/api/articlePage.test.ts compares the answer with Payload's own, so the two cannot drift.
 */
export async function readArticlePage(payload: Payload, slug: string) {
  const rows = await readRows(payload, sql`
    with a as materialized (
      select * from articles where slug = ${slug} and _status = 'published' limit 1
    ), bylines as materialized (
      select au.id, au.name, au.slug, au.title, au.avatar_id, r."order"
      from articles_rels r join authors au on au.id = r.authors_id
      where r.parent_id = (select id from a) and r.path = 'authors'
    ), ${RELATED_ARTICLES}
    select
      json_build_object(
        'id', a.id, 'title', a.title, 'slug', a.slug, 'summary', a.summary, 'source', a.source,
        'responsibleEditorName', a.responsible_editor_name, 'publishedAt', a.published_at, 'updatedAt', a.updated_at,
        'allowComments', a.allow_comments, 'approvedCommentCount', a.approved_comment_count, 'body', a.body,
        'coverImageId', a.cover_image_id
      ) as article,
      (select coalesce(json_agg(json_build_object('id', b.id, 'name', b.name, 'slug', b.slug, 'title', b.title, 'avatarId', b.avatar_id) order by b."order"), '[]')
        from bylines b) as authors,
      (select ${categoryJson('c')} from categories c where c.id = a.category_id) as category,
      (select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'slug', t.slug) order by r."order"), '[]')
        from articles_rels r join tags t on t.id = r.tags_id where r.parent_id = a.id and r.path = 'tags') as tags,
      (select coalesce(json_agg(json_build_object('id', k.id, 'date', k.date, 'kind', k.kind, 'text', k.text, 'request', k.request_id) order by k._order), '[]')
        from articles_corrections k where k._parent_id = a.id) as corrections,
      (select coalesce(json_agg(json_build_object('id', m.id, 'body', m.body, 'createdAt', m.created_at, 'likeCount', m.like_count, 'deletedAt', m.deleted_at, 'commenter', json_build_object(
            'displayName', m.commenter_display_name, 'avatarUrl', m.commenter_avatar_url,
            'profession', m.commenter_profession, 'professionLabel', m.commenter_profession_label)${IP_REGION}) order by m.created_at desc), '[]')
        from (select * from comments where article_id = a.id and featured and status = 'approved' and deleted_at is null order by created_at desc limit ${FEATURED_COMMENTS_SHOWN + 1}) m) as featured_comments,
      (select coalesce(json_agg(${imageJson('md')}), '[]') from media md
        where md.id = a.cover_image_id or md.id in (select avatar_id from bylines) or md.id in ${BODY_IMAGES}) as media,
      (select coalesce(json_agg(json_build_object('id', l.id, 'title', l.title, 'slug', l.slug)), '[]') from articles l
        where l._status = 'published' and l.id in ${BODY_LINKS}) as links,
      (select coalesce(json_agg(${teaser('x')} order by x.tier, x.score desc, x.published_at desc, x.id desc), '[]') from (
        select * from (select *, 0 as tier from related_by_topic union all select *, 1 from related_by_title where id not in (select id from related_by_topic)) both_tiers
        order by tier, score desc, published_at desc, id desc limit ${sql.raw(String(RELATED_SHOWN))}) x) as related,
      (select coalesce(sum(v.views), 0) from article_view_totals v where v.article_id = a.id) as views,
      ${neighbour('previous')} as previous,
      ${neighbour('next')} as next
    from a`)
  const [row] = rows
  if (!row) return null
  return assembleArticlePage(
    {
      article: row.article,
      authors: row.authors,
      category: row.category,
      tags: row.tags,
      corrections: row.corrections,
      featuredComments: row.featured_comments,
      media: row.media,
      links: row.links,
      related: row.related,
      views: Number(row.views),
      previous: row.previous,
      next: row.next,
    } as ArticlePageRow,
    payload.config.serverURL,
  )
}
