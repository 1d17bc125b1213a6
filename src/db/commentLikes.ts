/**
 * Access restated in SQL: a like is given to or taken from an approved comment, not deleted, on a
 * published article only, what `approvedOrOwnOrStaff` shows every reader (anything else is absent to the
 * reader who asks, its author included); the liker is the reader the endpoint authenticated.
 * Nothing here reads who liked a comment: only whether the asking reader did.
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

/**
 * Where a comment's likes stand after a reader's like or unlike (`changed`: whether this request
 * changed them), or null when there is no approved comment of that id.
 */
export type LikeState = { likeCount: number; liked: boolean; changed: boolean }

/*
 * The change is one statement, so one transaction: the row's primary key refuses a second like from
 * the same reader however the requests race, and the trigger on comment_likes moves the count in
 * the same transaction (migrations/20261207_133937_comment_likes.ts). The count is read once that
 * has committed, as it stands then: a statement's own snapshot would not show its trigger's change,
 * nor likes committed while it waited for the comment's row.
 */
const approved = `target as (
    select c.id from comments c join articles a on a.id = c.article_id
    where c.id = $1 and c.status = 'approved' and c.deleted_at is null and a._status = 'published'
  )`
const LIKE = `with ${approved}, added as (
    insert into comment_likes (comment_id, reader_id) select id, $2 from target on conflict do nothing returning comment_id
  ) select (select count(*)::int from target) as found, (select count(*)::int from added) as changed`
const UNLIKE = `with ${approved}, removed as (
    delete from comment_likes where comment_id in (select id from target) and reader_id = $2 returning comment_id
  ) select (select count(*)::int from target) as found, (select count(*)::int from removed) as changed`
const COUNT = `select like_count::int as like_count from comments where id = $1`

async function changeLike(payload: Payload, statement: string, liked: boolean, commentId: number, readerId: number): Promise<LikeState | null> {
  const { pool } = payload.db as unknown as PostgresAdapter
  const outcome = await pool.query<{ found: number; changed: number }>(statement, [commentId, readerId])
  if (outcome.rows[0]?.found !== 1) return null
  const counted = await pool.query<{ like_count: number }>(COUNT, [commentId])
  return { likeCount: counted.rows[0]?.like_count ?? 0, liked, changed: outcome.rows[0].changed === 1 }
}

export const likeComment = (payload: Payload, commentId: number, readerId: number) => changeLike(payload, LIKE, true, commentId, readerId)

export const unlikeComment = (payload: Payload, commentId: number, readerId: number) => changeLike(payload, UNLIKE, false, commentId, readerId)

/** Which of these comments the reader likes, of those they may see (one primary-key lookup each). */
export async function commentsLikedBy(payload: Payload, readerId: number, commentIds: number[]): Promise<number[]> {
  const { rows } = await (payload.db as unknown as PostgresAdapter).pool.query<{ id: number }>(
    `select l.comment_id as id from comment_likes l
       join comments c on c.id = l.comment_id join articles a on a.id = c.article_id
     where l.comment_id = any($1::int[]) and l.reader_id = $2 and c.status = 'approved' and c.deleted_at is null and a._status = 'published'
     order by l.comment_id`,
    [commentIds, readerId],
  )
  return rows.map((row) => row.id)
}
