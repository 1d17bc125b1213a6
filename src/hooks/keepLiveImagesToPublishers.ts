import { sql } from '@payloadcms/db-postgres'
import { APIError, type CollectionBeforeOperationHook, type Where } from 'payload'

import { isPublisherUser } from '../access/roleChecks'

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }
type LiveArticle = { id: number; title: string }

/** The code a refusal carries, for clients to tell it from other 403s. */
export const LIVE_IMAGE_REFUSAL_CODE = 'MEDIA_SHOWN_BY_LIVE_ARTICLE'
/** Enough to name in a message; the rest would not help the person refused. */
const ARTICLES_NAMED = 3

/**
 * Published articles that show any of these images, as their page does (src/collections/Articles/
 * articlePage.ts): the cover, an image in the body (a Lexical upload node), a byline's avatar. The
 * articles table holds the live version of a published article (its drafts are in its versions).
 * Each way is an index lookup, the body's through `article_body_media_ids` (migration
 * 20261206_213000_live_article_images), so the cost does not grow with the archive.
 */
async function liveArticlesShowing(executor: Executor, mediaIds: readonly number[]): Promise<LiveArticle[]> {
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

/**
 * An image a published article shows changes (file, alt text, caption, any field) or goes only
 * through a publisher: otherwise a reporter's edit would reach readers without approval or
 * publish-time screening. Anyone else is refused with a 403 naming the article. Judged before
 * Payload touches the stored files, which it replaces before any later hook runs.
 */
export const keepLiveImagesToPublishers: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if ((operation !== 'update' && operation !== 'delete') || isPublisherUser(req.user)) return args
  const { id, where, overrideAccess } = args as { id?: number | string; where?: Where; overrideAccess?: boolean }
  // The server's own work (the Local API without a user's access) is not a person's edit.
  if (overrideAccess) return args
  const mediaIds =
    id !== undefined
      ? [Number(id)]
      : (await req.payload.find({ collection: collection.slug, where, depth: 0, pagination: false, select: {}, overrideAccess: true, req })).docs.map((doc) => Number(doc.id))
  const ids = mediaIds.filter(Number.isSafeInteger)
  if (ids.length === 0) return args
  const articles = await liveArticlesShowing((req.payload.db as unknown as { drizzle: Executor }).drizzle, ids)
  if (articles.length === 0) return args
  const named = articles.map(({ id: articleId, title }) => `「${title}」(#${articleId})`).join('、')
  throw new APIError(
    `此图片用于已发布的文章${named}，只有总编或管理员可以${operation === 'delete' ? '删除' : '修改'}它 ` +
      `(this image is shown by the published article${articles.length > 1 ? 's' : ''} ${named}: only the editor-in-chief or an admin may ${operation === 'delete' ? 'delete' : 'change'} it)`,
    403,
    { code: LIVE_IMAGE_REFUSAL_CODE, articles },
    true,
  )
}
