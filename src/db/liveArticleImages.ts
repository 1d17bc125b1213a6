/**
 * Access restated in SQL: "published" as `publishedOrStaff` gives it to anonymous readers, for
 * `keepLiveImagesToPublishers`: what readers see of an image changes only through a publisher.
 */
import { sql } from '@payloadcms/db-postgres'

export type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }
export type LiveArticle = { id: number; title: string }

/** Enough to name in a message; the rest would not help the person refused. */
const ARTICLES_NAMED = 3

/**
 * Published articles that show any of these images, as their page does (src/db/articlePage.ts):
 * the cover, an image in the body (a Lexical upload node), a byline's avatar. The
 * articles table holds the live version of a published article (its drafts are in its versions).
 * Each way is an index lookup, the body's through `article_body_media_ids` (migration
 * 20261206_213000_live_article_images), so the cost does not grow with the archive.
 */
export async function liveArticlesShowing(executor: Executor, mediaIds: readonly number[]): Promise<LiveArticle[]> {
  const ids = sql.raw(`array[${mediaIds.map(Number).join(',')}]::int[]`)
  // Materialised: the few articles found through the indexes are joined, not every article probed.
  const { rows } = await executor.execute(sql`
    with shown(id) as materialized (
      select id from articles where cover_image_id = any(${ids})
      union
      select r.parent_id from articles_rels r join authors au on au.id = r.authors_id
      where r.path = 'authors' and au.avatar_id = any(${ids})
      union
      select id from articles where _status = 'published' and article_body_media_ids(body) && ${ids})
    select a.id, a.title from shown join articles a on a.id = shown.id
    where a._status = 'published'
    order by a.id
    limit ${ARTICLES_NAMED}`)
  return rows.map((row) => ({ id: Number(row.id), title: String(row.title) }))
}
