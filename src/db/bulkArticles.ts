/**
 * States no access rule: the archive importer's bulk path, run by an operator, writes what
 * Payload's create would store for new articles and their comments, a batch at a time, in SQL (one
 * statement per table for the whole batch). What each row holds is decided by the caller
 * (src/scripts/import/bulk.ts); tests/api/importBulk.test.ts holds the result against Payload's own.
 */
import type { PoolClient } from 'pg'

import { SEGMENTATION } from '../lib/search'
import type { SearchText } from './articleSearch'

export type ArticleHistoryRow = { id: string; action: string; from: string | null; to: string; at: string }

export type NewArticleRow = {
  id: number
  versionId: number
  title: string
  slug: string | null
  summary: string | null
  source: string | null
  categoryId: number | null
  coverImageId: number | null
  body: unknown
  publishedAt: string | null
  status: 'published' | 'draft'
  reviewState: string
  importedFromSystem: string | null
  importedFromOriginalId: string | null
  approvedCommentCount: number
  authors: number[]
  tags: number[]
  history: ArticleHistoryRow[]
  /** The search row's words, for a published article. */
  search: SearchText | null
}

export type NewCommentRow = {
  id: number
  articleId: number
  parentId: number | null
  body: string
  displayName: string | null
  status: string
  ip: string | null
  originalId: string
  createdAt: string
  replyCount: number
}

/** `count` values of a sequence, taken now: rows written with them can refer to each other. */
export async function nextIds(client: PoolClient, table: string, count: number): Promise<number[]> {
  if (count === 0) return []
  const { rows } = await client.query<{ id: string }>(`select nextval(pg_get_serial_sequence($1, 'id')) as id from generate_series(1, $2)`, [table, count])
  return rows.map((row) => Number(row.id))
}

const column = <T, V>(rows: readonly T[], pick: (row: T) => V): V[] => rows.map(pick)
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value))

/** The articles, their relations, review history, version and search rows. */
export async function insertArticles(client: PoolClient, articles: readonly NewArticleRow[], now: string): Promise<void> {
  if (articles.length === 0) return
  const main = [
    column(articles, (a) => a.id),
    column(articles, (a) => a.title),
    column(articles, (a) => a.slug),
    column(articles, (a) => a.summary),
    column(articles, (a) => a.source),
    column(articles, (a) => a.categoryId),
    column(articles, (a) => a.coverImageId),
    column(articles, (a) => json(a.body)),
    column(articles, (a) => a.publishedAt),
    column(articles, (a) => a.status),
    column(articles, (a) => a.reviewState),
    column(articles, (a) => a.importedFromSystem),
    column(articles, (a) => a.importedFromOriginalId),
  ]
  const fields = `u.title, u.slug, u.summary, u.source, u.category_id, u.cover_image_id, u.body, u.published_at`
  const fromUnnest = `from unnest($1::int[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::int[], $7::int[], $8::jsonb[], $9::timestamptz[],
      $10::text[], $11::text[], $12::varchar[], $13::varchar[], $14::numeric[]) as u(id, title, slug, summary, source, category_id, cover_image_id, body, published_at,
      status, review_state, system, original_id, approved_comment_count)`
  await client.query(
    `insert into articles (id, title, slug, summary, source, category_id, cover_image_id, body, published_at, _status, review_state,
       imported_from_system, imported_from_original_id, approved_comment_count, created_at, updated_at)
     select u.id, ${fields}, u.status::enum_articles_status, u.review_state::enum_articles_review_state, u.system, u.original_id, u.approved_comment_count, $15, $15
     ${fromUnnest}`,
    [...main, column(articles, (a) => a.approvedCommentCount), now],
  )
  // The version is the article as first saved: its comment count is the one it was created with.
  await client.query(
    `insert into _articles_v (id, parent_id, version_title, version_slug, version_summary, version_source, version_category_id, version_cover_image_id, version_body,
       version_published_at, version__status, version_review_state, version_imported_from_system, version_imported_from_original_id,
       version_created_at, version_updated_at, created_at, updated_at, latest, autosave)
     select v.id, u.id, ${fields}, u.status::enum__articles_v_version_status, u.review_state::enum__articles_v_version_review_state, u.system, u.original_id,
       $15, $15, $15, $15, true, false
     ${fromUnnest} join unnest($16::int[], $1::int[]) as v(id, parent_id) on v.parent_id = u.id`,
    [...main, column(articles, () => 0), now, column(articles, (a) => a.versionId)],
  )
  await insertRelations(client, articles)
  await insertHistory(client, articles)
  await insertSearchRows(client, articles.filter((a) => a.search !== null))
}

async function insertRelations(client: PoolClient, articles: readonly NewArticleRow[]): Promise<void> {
  const rows = articles.flatMap((a) => [
    ...a.authors.map((id, index) => ({ articleId: a.id, versionId: a.versionId, order: index + 1, path: 'authors', authorId: id, tagId: null })),
    ...a.tags.map((id, index) => ({ articleId: a.id, versionId: a.versionId, order: index + 1, path: 'tags', authorId: null, tagId: id })),
  ])
  if (rows.length === 0) return
  const values = [column(rows, (r) => r.order), column(rows, (r) => r.path), column(rows, (r) => r.authorId), column(rows, (r) => r.tagId)]
  const shape = `unnest($1::int[], $2::varchar[], $3::int[], $4::int[], $5::int[]) as u("order", path, authors_id, tags_id, parent_id)`
  await client.query(`insert into articles_rels ("order", parent_id, path, authors_id, tags_id) select u."order", u.parent_id, u.path, u.authors_id, u.tags_id from ${shape}`, [
    ...values,
    column(rows, (r) => r.articleId),
  ])
  await client.query(
    `insert into _articles_v_rels ("order", parent_id, path, authors_id, tags_id) select u."order", u.parent_id, 'version.' || u.path, u.authors_id, u.tags_id from ${shape}`,
    [...values, column(rows, (r) => r.versionId)],
  )
}

async function insertHistory(client: PoolClient, articles: readonly NewArticleRow[]): Promise<void> {
  const rows = articles.flatMap((a) => a.history.map((entry, index) => ({ ...entry, order: index + 1, articleId: a.id, versionId: a.versionId })))
  if (rows.length === 0) return
  const values = [
    column(rows, (r) => r.order),
    column(rows, (r) => r.id),
    column(rows, (r) => r.action),
    column(rows, (r) => r.from),
    column(rows, (r) => r.to),
    column(rows, (r) => r.at),
  ]
  const shape = `unnest($1::int[], $2::varchar[], $3::text[], $4::varchar[], $5::varchar[], $6::timestamptz[], $7::int[]) as u("order", id, action, "from", "to", at, parent_id)`
  await client.query(
    `insert into articles_review_history (_order, _parent_id, id, action, "from", "to", at)
     select u."order", u.parent_id, u.id, u.action::enum_articles_review_history_action, u."from", u."to", u.at from ${shape}`,
    [...values, column(rows, (r) => r.articleId)],
  )
  await client.query(
    `insert into _articles_v_version_review_history (_order, _parent_id, _uuid, action, "from", "to", at)
     select u."order", u.parent_id, u.id, u.action::enum__articles_v_version_review_history_action, u."from", u."to", u.at from ${shape}`,
    [...values, column(rows, (r) => r.versionId)],
  )
}

/** The same row `indexArticle` writes (src/db/articleSearch.ts), for many articles. */
async function insertSearchRows(client: PoolClient, articles: readonly NewArticleRow[]): Promise<void> {
  if (articles.length === 0) return
  await client.query(
    `insert into article_search (article_id, plain_text, published_at, vector, segmentation, updated_at)
     select u.id, u.plain, u.published_at,
       setweight(to_tsvector('simple', u.title), 'A') || setweight(to_tsvector('simple', u.summary), 'B') || setweight(to_tsvector('simple', u.body), 'C'),
       $7, now()
     from unnest($1::int[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[]) as u(id, plain, published_at, title, summary, body)`,
    [
      column(articles, (a) => a.id),
      column(articles, (a) => a.search!.plain),
      column(articles, (a) => a.publishedAt),
      column(articles, (a) => a.search!.title),
      column(articles, (a) => a.search!.summary),
      column(articles, (a) => a.search!.body),
      SEGMENTATION,
    ],
  )
}

export async function insertComments(client: PoolClient, comments: readonly NewCommentRow[], now: string): Promise<void> {
  if (comments.length === 0) return
  await client.query(
    `insert into comments (id, article_id, parent_id, body, commenter_display_name, status, ip, original_id, created_at, reply_count, updated_at)
     select u.id, u.article_id, u.parent_id, u.body, u.display_name, u.status::enum_comments_status, u.ip, u.original_id, u.created_at, u.reply_count, $11
     from unnest($1::int[], $2::int[], $3::int[], $4::varchar[], $5::varchar[], $6::text[], $7::varchar[], $8::varchar[], $9::timestamptz[], $10::numeric[])
       as u(id, article_id, parent_id, body, display_name, status, ip, original_id, created_at, reply_count)`,
    [
      column(comments, (c) => c.id),
      column(comments, (c) => c.articleId),
      column(comments, (c) => c.parentId),
      column(comments, (c) => c.body),
      column(comments, (c) => c.displayName),
      column(comments, (c) => c.status),
      column(comments, (c) => c.ip),
      column(comments, (c) => c.originalId),
      column(comments, (c) => c.createdAt),
      column(comments, (c) => c.replyCount),
      now,
    ],
  )
}

/** Articles already stored under these original ids (of `system`) or slugs: the bulk path leaves them to the per-article one. */
export async function storedArticles(
  client: PoolClient,
  system: string,
  originalIds: readonly string[],
  slugs: readonly string[],
): Promise<{ id: number; slug: string | null; originalId: string | null; system: string | null }[]> {
  const { rows } = await client.query<{ id: number; slug: string | null; original_id: string | null; system: string | null }>(
    `select id, slug, imported_from_original_id as original_id, imported_from_system as system from articles
     where (imported_from_system = $1 and imported_from_original_id = any($2::varchar[])) or slug = any($3::varchar[])`,
    [system, originalIds, slugs],
  )
  return rows.map((row) => ({ id: row.id, slug: row.slug, originalId: row.original_id, system: row.system }))
}

/** The import's place in its archive, kept in Payload's key-value table inside the batch's transaction. */
export async function saveCheckpoint(client: PoolClient, key: string, data: object): Promise<void> {
  await client.query(`insert into payload_kv (key, data) values ($1, $2) on conflict (key) do update set data = excluded.data`, [key, JSON.stringify(data)])
}

export async function readCheckpoint<T>(client: PoolClient, key: string): Promise<T | null> {
  const { rows } = await client.query<{ data: T }>(`select data from payload_kv where key = $1`, [key])
  return rows[0]?.data ?? null
}

export async function dropCheckpoint(client: PoolClient, key: string): Promise<void> {
  await client.query(`delete from payload_kv where key = $1`, [key])
}
