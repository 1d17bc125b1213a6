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

/**
 * Rows per statement. PostgreSQL builds a whole JSON document in memory before it reads the first
 * row, and the smaller the document the faster it goes: 500 benchmark articles (7.7 MB of JSON) were
 * read in 280 ms as one document, in 107 ms as documents of 50 and in 75 ms as documents of 25.
 */
const ARTICLES_PER_STATEMENT = 25
const COMMENTS_PER_STATEMENT = 100
const SMALL_ROWS_PER_STATEMENT = 500

/**
 * Runs `text` for `rows`, a few at a time, each time with the rows as one JSON document (`$1`) read
 * back by `jsonb_to_recordset`: PostgreSQL parses it in C, where a parameter array per column would
 * be escaped element by element in Node. The statement is prepared once per connection (`name`), as
 * it runs dozens of times a batch.
 */
async function insertAsJson(client: PoolClient, name: string, text: string, rows: readonly object[], rowsPerStatement: number, values: unknown[] = []): Promise<void> {
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    await client.query({ name: `bulk-import-${name}`, text, values: [JSON.stringify(rows.slice(start, start + rowsPerStatement)), ...values] })
  }
}

/** The articles and their search rows, then their versions, relations and review history. */
export async function insertArticles(client: PoolClient, articles: readonly NewArticleRow[], now: string): Promise<void> {
  if (articles.length === 0) return
  const rows = articles.map((a) => ({
    id: a.id,
    title: a.title,
    slug: a.slug,
    summary: a.summary,
    source: a.source,
    category_id: a.categoryId,
    cover_image_id: a.coverImageId,
    body: a.body ?? null,
    published_at: a.publishedAt,
    status: a.status,
    review_state: a.reviewState,
    system: a.importedFromSystem,
    original_id: a.importedFromOriginalId,
    approved_comment_count: a.approvedCommentCount,
    plain: a.search?.plain ?? null,
    title_words: a.search?.title ?? null,
    summary_words: a.search?.summary ?? null,
    body_words: a.search?.body ?? null,
  }))
  await insertAsJson(
    client,
    'articles',
    `with u as materialized (
       select * from jsonb_to_recordset($1::jsonb) as u(id int, title varchar, slug varchar, summary varchar, source varchar, category_id int,
         cover_image_id int, body jsonb, published_at timestamptz, status text, review_state text, system varchar, original_id varchar, approved_comment_count numeric,
         plain text, title_words text, summary_words text, body_words text)
     ),
     main as (
       insert into articles (id, title, slug, summary, source, category_id, cover_image_id, body, published_at, _status, review_state,
         imported_from_system, imported_from_original_id, approved_comment_count, created_at, updated_at)
       select u.id, u.title, u.slug, u.summary, u.source, u.category_id, u.cover_image_id, u.body, u.published_at, u.status::enum_articles_status,
         u.review_state::enum_articles_review_state, u.system, u.original_id, u.approved_comment_count, $2, $2 from u
     )
     -- The same row indexArticle writes (src/db/articleSearch.ts), for the published ones.
     insert into article_search (article_id, plain_text, published_at, vector, segmentation, updated_at)
     select u.id, u.plain, u.published_at,
       setweight(to_tsvector('simple', u.title_words), 'A') || setweight(to_tsvector('simple', u.summary_words), 'B') || setweight(to_tsvector('simple', u.body_words), 'C'),
       $3, now()
     from u where u.plain is not null`,
    rows,
    ARTICLES_PER_STATEMENT,
    [now, SEGMENTATION],
  )
  await insertVersions(client, articles, now)
  await insertRelations(client, articles)
  await insertHistory(client, articles)
}

/**
 * Each article's version, the article as first saved, read back from the rows just written: the body
 * is copied as stored, compressed, where writing it from the document compressed it a second time.
 * Its comment count stays the one it was created with (none), as the per-article path leaves it.
 */
async function insertVersions(client: PoolClient, articles: readonly NewArticleRow[], now: string): Promise<void> {
  await client.query({
    name: 'bulk-import-versions',
    text: `insert into _articles_v (id, parent_id, version_title, version_slug, version_summary, version_source, version_category_id, version_cover_image_id, version_body,
         version_published_at, version__status, version_review_state, version_imported_from_system, version_imported_from_original_id,
         version_created_at, version_updated_at, created_at, updated_at, latest, autosave)
       select v.version_id, a.id, a.title, a.slug, a.summary, a.source, a.category_id, a.cover_image_id, a.body, a.published_at,
         a._status::text::enum__articles_v_version_status, a.review_state::text::enum__articles_v_version_review_state, a.imported_from_system, a.imported_from_original_id,
         $3, $3, $3, $3, true, false
       from unnest($1::int[], $2::int[]) as v(article_id, version_id) join articles a on a.id = v.article_id`,
    values: [articles.map((a) => a.id), articles.map((a) => a.versionId), now],
  })
}

async function insertRelations(client: PoolClient, articles: readonly NewArticleRow[]): Promise<void> {
  const rows = articles.flatMap((a) => [
    ...a.authors.map((id, index) => ({ article_id: a.id, version_id: a.versionId, order: index + 1, path: 'authors', authors_id: id, tags_id: null })),
    ...a.tags.map((id, index) => ({ article_id: a.id, version_id: a.versionId, order: index + 1, path: 'tags', authors_id: null, tags_id: id })),
  ])
  if (rows.length === 0) return
  await insertAsJson(
    client,
    'relations',
    `with u as materialized (
       select * from jsonb_to_recordset($1::jsonb) as u(article_id int, version_id int, "order" int, path varchar, authors_id int, tags_id int)
     ),
     main as (insert into articles_rels ("order", parent_id, path, authors_id, tags_id) select u."order", u.article_id, u.path, u.authors_id, u.tags_id from u)
     insert into _articles_v_rels ("order", parent_id, path, authors_id, tags_id) select u."order", u.version_id, 'version.' || u.path, u.authors_id, u.tags_id from u`,
    rows,
    SMALL_ROWS_PER_STATEMENT,
  )
}

async function insertHistory(client: PoolClient, articles: readonly NewArticleRow[]): Promise<void> {
  const rows = articles.flatMap((a) => a.history.map((entry, index) => ({ ...entry, order: index + 1, article_id: a.id, version_id: a.versionId })))
  if (rows.length === 0) return
  await insertAsJson(
    client,
    'history',
    `with u as materialized (
       select * from jsonb_to_recordset($1::jsonb) as u(article_id int, version_id int, "order" int, id varchar, action text, "from" varchar, "to" varchar, at timestamptz)
     ),
     main as (
       insert into articles_review_history (_order, _parent_id, id, action, "from", "to", at)
       select u."order", u.article_id, u.id, u.action::enum_articles_review_history_action, u."from", u."to", u.at from u
     )
     insert into _articles_v_version_review_history (_order, _parent_id, _uuid, action, "from", "to", at)
     select u."order", u.version_id, u.id, u.action::enum__articles_v_version_review_history_action, u."from", u."to", u.at from u`,
    rows,
    SMALL_ROWS_PER_STATEMENT,
  )
}

export async function insertComments(client: PoolClient, comments: readonly NewCommentRow[], now: string): Promise<void> {
  if (comments.length === 0) return
  const rows = comments.map((c) => ({
    id: c.id,
    article_id: c.articleId,
    parent_id: c.parentId,
    body: c.body,
    display_name: c.displayName,
    status: c.status,
    ip: c.ip,
    original_id: c.originalId,
    created_at: c.createdAt,
    reply_count: c.replyCount,
  }))
  await insertAsJson(
    client,
    'comments',
    `insert into comments (id, article_id, parent_id, body, commenter_display_name, status, ip, original_id, created_at, reply_count, updated_at)
     select u.id, u.article_id, u.parent_id, u.body, u.display_name, u.status::enum_comments_status, u.ip, u.original_id, u.created_at, u.reply_count, $2
     from jsonb_to_recordset($1::jsonb) as u(id int, article_id int, parent_id int, body varchar, display_name varchar, status text, ip varchar, original_id varchar,
       created_at timestamptz, reply_count numeric)`,
    rows,
    COMMENTS_PER_STATEMENT,
    [now],
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
