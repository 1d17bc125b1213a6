import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { lexicalToPlainText } from '../../lib/corrections'
import { highlightSnippet, searchWords, toTsQuery } from '../../lib/search'

type SqlQuery = ReturnType<typeof sql>
type Executor = { execute: (query: SqlQuery) => Promise<{ rows: Record<string, unknown>[] }> }
type Adapter = { drizzle: Executor; sessions?: Record<string, { db: Executor }> }

/** The request's transaction when there is one, so index rows commit (or roll back) with the article. */
async function executorFor(payload: Payload, req?: Partial<PayloadRequest>): Promise<Executor> {
  const adapter = payload.db as unknown as Adapter
  const transactionID = req?.transactionID ? await req.transactionID : null
  return (transactionID && adapter.sessions?.[String(transactionID)]?.db) || adapter.drizzle
}

const words = (text: string | null | undefined) => searchWords(text ?? '').join(' ')

/**
 * Brings one article's search row in line with its published version: indexed while published,
 * removed when not (or when gone).
 */
export async function indexArticle(payload: Payload, id: number, req?: Partial<PayloadRequest>): Promise<void> {
  const article = await payload.findByID({
    collection: 'articles',
    id,
    depth: 0,
    draft: false,
    disableErrors: true,
    overrideAccess: true,
    select: { title: true, summary: true, body: true, publishedAt: true, _status: true },
    req,
  })
  const db = await executorFor(payload, req)
  if (!article || article._status !== 'published') {
    await db.execute(sql`delete from article_search where article_id = ${id}`)
    return
  }
  const body = lexicalToPlainText(article.body)
  const plain = [article.title, article.summary, body].filter(Boolean).join('\n')
  await db.execute(sql`
    insert into article_search (article_id, plain_text, published_at, vector, updated_at)
    values (
      ${id},
      ${plain},
      ${article.publishedAt ?? null},
      setweight(to_tsvector('simple', ${words(article.title)}), 'A')
        || setweight(to_tsvector('simple', ${words(article.summary)}), 'B')
        || setweight(to_tsvector('simple', ${words(body)}), 'C'),
      now()
    )
    on conflict (article_id) do update set plain_text = excluded.plain_text, published_at = excluded.published_at, vector = excluded.vector, updated_at = now()`)
}

export type SearchFilters = { q: string; category?: number; tag?: number; from?: Date; to?: Date; page: number; limit: number }
export type SearchHit = { id: number; title: string; slug: string | null; summary: string | null; publishedAt: string | null; snippet: string; rank: number }
export type SearchPage = { docs: SearchHit[]; page: number; limit: number; totalDocs: number; totalPages: number }

/**
 * Published articles matching every word of the query (as prefixes, so a single character finds
 * the words it starts), ranked by where the words occur (title before summary before body) and
 * then by date, with a highlighted snippet. A query with no words finds nothing, without error.
 */
export async function searchArticles(payload: Payload, filters: SearchFilters): Promise<SearchPage> {
  const { page, limit } = filters
  const tsQuery = toTsQuery(filters.q)
  if (!tsQuery) return { docs: [], page, limit, totalDocs: 0, totalPages: 0 }
  const conditions: SqlQuery[] = []
  if (filters.category !== undefined) {
    conditions.push(sql`exists (select 1 from articles a where a.id = h.article_id and a.category_id in (
      with recursive tree as (
        select id from categories where id = ${filters.category}
        union all select c.id from categories c join tree t on c.parent_id = t.id
      ) select id from tree))`)
  }
  if (filters.tag !== undefined) {
    conditions.push(sql`exists (select 1 from articles_rels r where r.parent_id = h.article_id and r.path = 'tags' and r.tags_id = ${filters.tag})`)
  }
  if (filters.from) conditions.push(sql`h.published_at >= ${filters.from.toISOString()}`)
  if (filters.to) conditions.push(sql`h.published_at <= ${filters.to.toISOString()}`)
  // The index holds published articles only (indexArticle keeps it so): matches need no join to check.
  const hits = sql`article_search_hits(to_tsquery('simple', ${tsQuery})) h ${conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}`
  const db = (payload.db as unknown as Adapter).drizzle
  // One pass over the matches: ranking them already visits every one, so the total comes with it
  // (a separate count would match every row a second time). Titles and the snippet's text are read
  // only for the rows of the page.
  const rows = await db.execute(sql`
    with ranked as (
      select h.article_id, h.published_at, h.rank, count(*) over () as total
      from ${hits}
      order by h.rank desc, h.published_at desc nulls last, h.article_id desc
      limit ${limit} offset ${(page - 1) * limit}
    )
    select ranked.*, a.title, a.slug, a.summary, s.plain_text
    from ranked join articles a on a.id = ranked.article_id join article_search s on s.article_id = ranked.article_id
    order by ranked.rank desc, ranked.published_at desc nulls last, ranked.article_id desc`)
  const queryWords = searchWords(filters.q)
  // A page past the end has no rows to carry the total: count it then (rare, and cheap to allow).
  const totalDocs =
    rows.rows.length > 0
      ? Number(rows.rows[0].total)
      : Number((await db.execute(sql`select count(*)::int as total from ${hits}`)).rows[0]?.total ?? 0)
  return {
    docs: rows.rows.map((row) => ({
      id: Number(row.article_id),
      title: String(row.title),
      slug: (row.slug as string | null) ?? null,
      summary: (row.summary as string | null) ?? null,
      publishedAt: row.published_at ? new Date(row.published_at as string).toISOString() : null,
      snippet: highlightSnippet(String(row.plain_text), queryWords),
      rank: Number(row.rank),
    })),
    page,
    limit,
    totalDocs,
    totalPages: Math.ceil(totalDocs / limit),
  }
}

/** Every published article's row, rebuilt; `onProgress` hears how far it got. */
export async function rebuildSearchIndex(payload: Payload, onProgress: (done: number, total: number) => void): Promise<number> {
  const { docs } = await payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, select: {}, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  const db = (payload.db as unknown as Adapter).drizzle
  await db.execute(sql`delete from article_search where article_id not in (select id from articles where _status = 'published')`)
  let done = 0
  for (const { id } of docs) {
    await indexArticle(payload, id)
    onProgress(++done, docs.length)
  }
  return done
}
