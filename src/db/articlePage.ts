/**
 * Access restated in SQL: published articles only, what `publishedOrStaff` allows anonymous readers
 * (no preview: previews go through Payload); featured comments only once approved, what
 * `approvedOrOwnOrStaff` allows them; no field any role keeps to itself (the fields' `access.read`).
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { type ArticlePageRow, assembleArticlePage, FEATURED_COMMENTS_SHOWN } from '../lib/articlePage/assemble'
import { MEDIA_IMAGE_SIZES } from '../lib/media/imageFiles'
import { readRows } from './readRows'

const image = (alias: string) =>
  sql.raw(`json_build_object('id', ${alias}.id, 'alt', ${alias}.alt, 'caption', ${alias}.caption, 'credit', ${alias}.credit,
    'url', ${alias}.url, 'filename', ${alias}.filename, 'width', ${alias}.width, 'height', ${alias}.height,
    'sizes', json_build_object(${MEDIA_IMAGE_SIZES.map(({ name: size }) => `'${size}', json_build_object('url', ${alias}.sizes_${size}_url, 'width', ${alias}.sizes_${size}_width, 'height', ${alias}.sizes_${size}_height, 'filename', ${alias}.sizes_${size}_filename)`).join(', ')}))`)

/** Ids in a Lexical body (jsonb) found by a JSON path, as integers. */
const idsInBody = (path: string) => sql.raw(`(select (v #>> '{}')::int from jsonb_path_query(a.body, '${path}') v where v #>> '{}' ~ '^[0-9]{1,9}$')`)
const BODY_IMAGES = idsInBody('strict $.** ? (@.type == "upload" && @.relationTo == "media").value')
const BODY_LINKS = idsInBody('strict $.** ? (@.type == "link" && @.fields.linkType == "internal" && @.fields.doc.relationTo == "articles").fields.doc.value')

/**
 * The published article page by slug in one statement, everything it shows built by PostgreSQL:
 * Payload's find with the page's `select` takes seven queries and walks every field in Node, which
 * made an uncached page cost as much as Payload's whole default find.
 *
 * What the public may read is stated here, as the collections' access rules give it to an anonymous
 * reader: the published version only (the main table holds it: drafts of a published article live
 * in its versions), featured comments only once approved, and no field any role keeps to itself.
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
    )
    select
      json_build_object(
        'id', a.id, 'title', a.title, 'slug', a.slug, 'summary', a.summary, 'source', a.source,
        'responsibleEditorName', a.responsible_editor_name, 'publishedAt', a.published_at, 'updatedAt', a.updated_at,
        'allowComments', a.allow_comments, 'approvedCommentCount', a.approved_comment_count, 'body', a.body,
        'coverImageId', a.cover_image_id
      ) as article,
      (select coalesce(json_agg(json_build_object('id', b.id, 'name', b.name, 'slug', b.slug, 'title', b.title, 'avatarId', b.avatar_id) order by b."order"), '[]')
        from bylines b) as authors,
      (select json_build_object('id', c.id, 'name', c.name, 'slug', c.slug, 'breadcrumbs', (
          select coalesce(json_agg(json_build_object('id', crumb.id, 'name', crumb.name, 'slug', crumb.slug) order by crumb._order), '[]')
          from categories_breadcrumbs crumb where crumb._parent_id = c.id))
        from categories c where c.id = a.category_id) as category,
      (select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'slug', t.slug) order by r."order"), '[]')
        from articles_rels r join tags t on t.id = r.tags_id where r.parent_id = a.id and r.path = 'tags') as tags,
      (select coalesce(json_agg(json_build_object('id', k.id, 'date', k.date, 'kind', k.kind, 'text', k.text, 'request', k.request_id) order by k._order), '[]')
        from articles_corrections k where k._parent_id = a.id) as corrections,
      (select coalesce(json_agg(json_build_object('id', m.id, 'body', m.body, 'createdAt', m.created_at, 'likeCount', m.like_count, 'commenter', json_build_object(
            'displayName', m.commenter_display_name, 'avatarUrl', m.commenter_avatar_url,
            'profession', m.commenter_profession, 'professionLabel', m.commenter_profession_label)) order by m.created_at desc), '[]')
        from (select * from comments where article_id = a.id and featured and status = 'approved' order by created_at desc limit ${FEATURED_COMMENTS_SHOWN + 1}) m) as featured_comments,
      (select coalesce(json_agg(${image('md')}), '[]') from media md
        where md.id = a.cover_image_id or md.id in (select avatar_id from bylines) or md.id in ${BODY_IMAGES}) as media,
      (select coalesce(json_agg(json_build_object('id', l.id, 'title', l.title, 'slug', l.slug)), '[]') from articles l
        where l._status = 'published' and l.id in ${BODY_LINKS}) as links
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
    } as ArticlePageRow,
    payload.config.serverURL,
  )
}
