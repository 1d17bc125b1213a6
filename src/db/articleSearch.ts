/**
 * Access restated in SQL: published articles only, what `publishedOrStaff` allows anonymous readers.
 * The index holds a row per published article and no other (`indexArticle` removes it when the
 * article is unpublished or deleted), and the details a hit shows are read from the published row.
 */
import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'

import { lexicalToPlainText } from '../lib/corrections'
import { highlightSnippet, SearchesPastLimit, SEGMENTATION, SNIPPET_RADIUS, searchTotalLimitFrom, searchWords, toTsQuery } from '../lib/search'
import type { Article } from '../payload-types'
import { ARTICLES_SLUG } from '../slugs'
import { inTransaction } from './inTransaction'
import { readRows } from './readRows'
import { type Executor, executorFor, type SqlQuery } from './requestExecutor'


const words = (text: string | null | undefined) => searchWords(text ?? '').join(' ')

/** What the search row is made of, read from the published version. */
const INDEXED_FIELDS = { title: true, summary: true, body: true, publishedAt: true, _status: true } as const
type IndexedArticle = Pick<Article, 'id' | 'title' | 'summary' | 'body' | 'publishedAt'>

/**
 * Brings one article's search row in line with its published version: indexed while published,
 * removed when not (or when gone).
 */
export async function indexArticle(payload: Payload, id: number, req?: Partial<PayloadRequest>): Promise<void> {
  const article = await payload.findByID({ collection: ARTICLES_SLUG, id, depth: 0, draft: false, disableErrors: true, overrideAccess: true, select: INDEXED_FIELDS, req })
  const db = await executorFor(payload, req)
  if (!article || article._status !== 'published') {
    await db.execute(sql`delete from article_search where article_id = ${id}`)
    pastLimit.forgetAll()
    return
  }
  await writeSearchRow(db, article)
}

export type SearchText = { plain: string; title: string; summary: string; body: string }

/** What an article's search row is made of: its text, and the words of each part as jieba cuts them. */
export function searchTextOf(article: Pick<Article, 'title' | 'summary' | 'body'>): SearchText {
  const body = lexicalToPlainText(article.body)
  return {
    plain: [article.title, article.summary, body].filter(Boolean).join('\n'),
    title: words(article.title),
    summary: words(article.summary),
    body: words(body),
  }
}

async function writeSearchRow(db: Executor, article: IndexedArticle): Promise<void> {
  const text = searchTextOf(article)
  await db.execute(sql`
    insert into article_search (article_id, plain_text, published_at, vector, segmentation, updated_at)
    values (
      ${article.id},
      ${text.plain},
      ${article.publishedAt ?? null},
      setweight(to_tsvector('simple', ${text.title}), 'A')
        || setweight(to_tsvector('simple', ${text.summary}), 'B')
        || setweight(to_tsvector('simple', ${text.body}), 'C'),
      ${SEGMENTATION},
      now()
    )
    on conflict (article_id) do update set plain_text = excluded.plain_text, published_at = excluded.published_at, vector = excluded.vector,
      segmentation = excluded.segmentation, updated_at = now()`)
}

export type SearchFilters = { q: string; category?: number; tag?: number; from?: Date; to?: Date; page: number; limit: number }
/** `rank` 1: every word is in the title or summary; 0: the body was needed. */
export type SearchHit = { id: number; title: string; slug: string | null; summary: string | null; publishedAt: string | null; snippet: string; rank: number }
/** `totalDocsExact` false: there are more than `totalDocs` matches (SEARCH_TOTAL_LIMIT). */
export type SearchPage = { docs: SearchHit[]; page: number; limit: number; totalDocs: number; totalDocsExact: boolean; totalPages: number; hasNextPage: boolean }

const TOTAL_LIMIT = searchTotalLimitFrom(process.env)
/** Five minutes: how long "more than SEARCH_TOTAL_LIMIT matches" may outlast an edit on another instance. */
const pastLimit = new SearchesPastLimit(5 * 60_000, 10_000)

/**
 * The filters as conditions on a search row `h` (its `article_id` and `published_at`): those on its
 * date, which a walk newest first takes as the range it walks, and the others.
 */
function filterConditions(filters: SearchFilters): { dates: SqlQuery[]; others: SqlQuery[] } {
  const dates: SqlQuery[] = []
  const others: SqlQuery[] = []
  if (filters.category !== undefined) {
    others.push(sql`exists (select 1 from articles a where a.id = h.article_id and a.category_id in (
      with recursive tree as (
        select id from categories where id = ${filters.category}
        union all select c.id from categories c join tree t on c.parent_id = t.id
      ) select id from tree))`)
  }
  if (filters.tag !== undefined) {
    others.push(sql`exists (select 1 from articles_rels r where r.parent_id = h.article_id and r.path = 'tags' and r.tags_id = ${filters.tag})`)
  }
  if (filters.from) dates.push(sql`h.published_at >= ${filters.from.toISOString()}`)
  if (filters.to) dates.push(sql`h.published_at <= ${filters.to.toISOString()}`)
  return { dates, others }
}

/** The order within a tier. */
const newestFirst = (alias: string) => sql.raw(`${alias}.published_at desc nulls last, ${alias}.article_id desc`)

/**
 * How many of the newest articles a tier's walk tests, for each row it needs, before it turns to the
 * GIN index: a word that does not fill the page among them is rare enough that gathering all its
 * matches costs less. Testing a title and summary (in the row) takes under a microsecond, a body
 * (out of line) about six. The length is rounded up to a power of two, so there are a few statement
 * texts (each planned once per connection), and is at most `most`: past it, a deep page gathers.
 */
const walkLength = (need: number, perRow: number, most: number) => Math.min(most, 2 ** Math.ceil(Math.log2(need * perRow)))
const HEADLINE_WALK = { perRow: 64, most: 16_384 }
const BODY_WALK = { perRow: 16, most: 4_096 }

/**
 * The first `$need` rows (`article_id`, `published_at`) of a tier, newest first, found by walking
 * the newest `walk` articles (`article_search_published_at_idx`) and testing each with `test`; and
 * `enough`, whether the walk found them all. When it did not, `gin` (every row of the tier, from the
 * GIN index) is gathered instead, and the tier is `walk` or `gin`: the statement's one plan serves
 * both a word every third article has and a word of a few, which the plan cannot tell apart.
 */
const tierCtes = (options: { walk: number; need: number; test: SqlQuery; gin: SqlQuery; dates: SqlQuery[]; others: SqlQuery[] }) => {
  const { dates, others } = options
  const within = dates.length > 0 ? sql`where ${sql.join(dates, sql` and `)}` : sql``
  return sql`
    walk as materialized (
      select h.article_id, h.published_at from (
        select h.article_id, h.published_at, h.rank_vector, h.vector from article_search h ${within}
        order by ${newestFirst('h')} limit ${sql.raw(String(options.walk))}) h
      where ${sql.join([options.test, ...others], sql` and `)}
      limit ${options.need}),
    walked as materialized (select count(*) >= ${options.need} as enough from walk),
    gin as materialized (select h.article_id, h.published_at from (${options.gin}) h where not (select enough from walked) ${sql.join(
      [...dates, ...others].map((condition) => sql`and ${condition}`),
      sql` `,
    )}),
    tier as (select * from walk where (select enough from walked) union all select * from gin)`
}

/**
 * A page of search rows (`article_id`, `published_at`, `rank`) with what a hit shows of each. The
 * snippet of a first-tier hit starts in its title or summary, which open its text: only as much of
 * the text is read as the snippet can reach (PostgreSQL decompresses just that much), and
 * `text_continues` says whether there is more. Each hit is looked up on its own (`limit 1`), so the
 * statement's one plan (readRows) suits every page size.
 */
const withDetails = (rows: SqlQuery) => sql`
  select r.article_id, r.published_at, r.rank, d.title, d.slug, d.summary, d.text, d.text_continues
  from (${rows}) r cross join lateral (
    select a.title, a.slug, a.summary, t.text, octet_length(s.plain_text) > octet_length(t.text) as text_continues
    from articles a join article_search s on s.article_id = a.id
    cross join lateral (select case when r.rank = 1
      then left(s.plain_text, char_length(a.title) + coalesce(char_length(a.summary), 0) + ${2 + 2 * SNIPPET_RADIUS})
      else s.plain_text end as text) t
    where a.id = r.article_id limit 1) d`

/**
 * Published articles matching every word of the query (as prefixes, so a single character finds
 * the words it starts), in two tiers, each newest first: every word in the title or summary, then
 * the rest; with a highlighted snippet. A query with no words finds nothing, without error.
 *
 * Nothing is ranked, and a page of a common word reads no more articles than it takes to fill it:
 * each tier walks the articles newest first and stops at the page's last match, and only a word too
 * rare to fill the page among the newest articles gathers its matches from the GIN indexes
 * (migration 20261207_050000_search_walks_by_date). Matches are counted up to the limit, a common
 * word's along the newest articles too (20261207_190000_search_counts_newest_first), and a search
 * whose matches passed the limit is not counted again for a while (`SearchesPastLimit`). A page
 * within the first tier is one query.
 */
export async function searchArticles(payload: Payload, filters: SearchFilters): Promise<SearchPage> {
  const { page, limit } = filters
  const queryWords = searchWords(filters.q)
  const tsQuery = toTsQuery(queryWords)
  if (!tsQuery) return { docs: [], page, limit, totalDocs: 0, totalDocsExact: true, totalPages: 0, hasNextPage: false }
  // Parsed once per statement (a subquery), not once per article a walk tests.
  const query = sql`(select to_tsquery('simple', ${tsQuery}))`
  const { dates, others } = filterConditions(filters)
  const conditions = [...dates, ...others]
  const offset = (page - 1) * limit
  // A row more than the page: past the count's limit, it tells whether another page follows.
  const wanted = limit + 1
  const filtered = (rows: SqlQuery) => (conditions.length > 0 ? sql`${rows} where ${sql.join(conditions, sql` and `)}` : rows)
  // One more than the limit, to tell whether there are more.
  const countUpTo = TOTAL_LIMIT + 1
  const countKey = JSON.stringify([tsQuery, filters.category, filters.tag, filters.from, filters.to])
  const knownPastLimit = pastLimit.has(countKey)
  // Without filters, the total's own count (article_search_count_up_to) walks the newest articles
  // first, which costs a common word less than counting its title and summary matches from the GIN index.
  const headlineCount =
    conditions.length > 0 ? sql`(select count(*) from (${filtered(sql`select 1 from article_search_headline_matches(${query}) h`)} limit ${countUpTo}) m)` : sql`0`
  const total =
    conditions.length > 0
      ? sql`(select count(*) from (${filtered(sql`select 1 from article_search_matches(${query}) h`)} limit ${countUpTo}) m)`
      : sql`article_search_count_up_to(${query}, ${countUpTo})`
  // The first tier's page and the total in one query; the second tier only when the page reaches it,
  // which it does only when the first tier was gathered whole (and so counted). When the first
  // tier alone passes the limit, the matches are not counted.
  const first = await readRows(payload, sql`
    with ${tierCtes({ walk: walkLength(offset + wanted, HEADLINE_WALK.perRow, HEADLINE_WALK.most), need: offset + wanted, test: sql`h.rank_vector @@ ${query}`, gin: sql`select * from article_search_headline_matches(${query})`, dates, others })},
    counts as materialized (select case when w.enough then null else (select count(*) from gin) end as headline_total,
      case when ${knownPastLimit}::boolean or w.enough and ${offset + wanted}::integer >= ${countUpTo}::integer then ${countUpTo}
        when w.enough then ${headlineCount} else (select least(count(*), ${countUpTo}) from gin) end as headline_up_to
      from walked w),
    totals as materialized (select c.headline_total, case when c.headline_up_to >= ${countUpTo} then ${countUpTo} else ${total} end as total from counts c)
    select t.headline_total, t.total, d.*
    from totals t
    left join (${withDetails(sql`select h.article_id, h.published_at, 1 as rank from tier h order by ${newestFirst('h')} limit ${wanted} offset ${offset}`)}) d on true
    order by ${newestFirst('d')}`)
  const counted = Number(first[0].total)
  const totalDocsExact = counted <= TOTAL_LIMIT
  if (!totalDocsExact) pastLimit.add(countKey)
  const totalDocs = totalDocsExact ? counted : TOTAL_LIMIT
  let rows = first.filter((row) => row.article_id !== null)
  const enough = totalDocsExact ? limit : wanted
  // Short of the page, the first tier was gathered whole: its count is exact.
  const headlineTotal = first[0].headline_total === null ? null : Number(first[0].headline_total)
  if (headlineTotal !== null && rows.length < enough && (!totalDocsExact || offset + rows.length < totalDocs)) {
    const bodyOffset = Math.max(0, offset - headlineTotal)
    const count = enough - rows.length
    const second = await readRows(payload, sql`
      with ${tierCtes({
        // An exact total is within the limit: gathering the matches costs less than walking for them.
        walk: totalDocsExact ? 0 : walkLength(bodyOffset + count, BODY_WALK.perRow, BODY_WALK.most),
        need: bodyOffset + count,
        test: sql`not h.rank_vector @@ ${query} and h.vector @@ ${query}`,
        gin: sql`select * from article_search_matches(${query}) m where m.article_id not in (select article_id from article_search_headline_matches(${query}))`,
        dates,
        others,
      })}
      ${withDetails(sql`select h.article_id, h.published_at, 0 as rank from tier h order by ${newestFirst('h')} limit ${count} offset ${bodyOffset}`)}
      order by ${newestFirst('r')}`)
    rows = [...rows, ...second]
  }
  const anotherPage = rows.length > limit
  rows = rows.slice(0, limit)
  return {
    docs: rows.map((row) => ({
      id: Number(row.article_id),
      title: String(row.title),
      slug: (row.slug as string | null) ?? null,
      summary: (row.summary as string | null) ?? null,
      publishedAt: row.published_at ? new Date(row.published_at as string).toISOString() : null,
      snippet: highlightSnippet(String(row.text), queryWords, SNIPPET_RADIUS, row.text_continues === true),
      rank: Number(row.rank),
    })),
    page,
    limit,
    totalDocs,
    totalDocsExact,
    totalPages: Math.ceil(totalDocs / limit),
    hasNextPage: totalDocsExact ? offset + rows.length < totalDocs : anotherPage,
  }
}

/** Published articles matching `where`, in id order, with what their search rows are made of. */
const publishedToIndex = (payload: Payload, where: Where, options: { limit?: number; pagination?: boolean; req?: PayloadRequest }) =>
  payload.find({
    collection: ARTICLES_SLUG,
    where: { and: [{ _status: { equals: 'published' } }, where] },
    select: INDEXED_FIELDS,
    sort: 'id',
    depth: 0,
    draft: false,
    overrideAccess: true,
    ...options,
  })

/** Published articles read per query while the whole index is rebuilt. */
const REBUILD_BATCH = 500

/**
 * Every published article's row, rebuilt, reading the articles a batch at a time in id order (from
 * the last id done, so an article published or unpublished meanwhile shifts no batch); `onProgress`
 * hears how far it got.
 */
export async function rebuildSearchIndex(payload: Payload, onProgress: (done: number, total: number) => void): Promise<number> {
  const db = await executorFor(payload)
  await db.execute(sql`delete from article_search where article_id not in (select id from articles where _status = 'published')`)
  pastLimit.forgetAll()
  let done = 0
  for (let lastId = 0; ; ) {
    const { docs, totalDocs, hasNextPage } = await publishedToIndex(payload, { id: { greater_than: lastId } }, { limit: REBUILD_BATCH })
    // This batch's query counts the articles from it on.
    const total = done + totalDocs
    for (const article of docs) {
      await writeSearchRow(db, article)
      onProgress(++done, total)
    }
    if (!hasNextPage || docs.length === 0) return done
    lastId = docs[docs.length - 1].id
  }
}

/** Rows re-indexed per transaction when they were cut an earlier way. */
const OUTDATED_BATCH = 200

/** How many search rows were cut an earlier way than `SEGMENTATION`. */
export async function countOutdatedSearchRows(payload: Payload): Promise<number> {
  const db = await executorFor(payload)
  const { rows } = await db.execute(sql`select count(*) as outdated from article_search where segmentation < ${SEGMENTATION}`)
  return Number(rows[0].outdated)
}

/**
 * Re-indexes, in one transaction, a batch of the search rows that were cut an earlier way than
 * `SEGMENTATION`, from their articles' published versions; returns how many (0: none is left to
 * take). Each row stays locked until the batch commits, so a save of its article waits and then
 * writes its own version last. Rows that another instance's batch or a save holds are skipped: both
 * write them the current way.
 */
export async function reindexOutdatedSearchRows(payload: Payload): Promise<number> {
  const req = await createLocalReq({}, payload)
  return inTransaction(req, async () => {
    const db = await executorFor(payload, req)
    const { rows } = await db.execute(sql`
      select article_id from article_search where segmentation < ${SEGMENTATION}
      order by article_id limit ${OUTDATED_BATCH} for update skip locked`)
    const ids = rows.map((row) => Number(row.article_id))
    if (ids.length === 0) return 0
    const { docs } = await publishedToIndex(payload, { id: { in: ids } }, { pagination: false, req })
    for (const article of docs) await writeSearchRow(db, article)
    const published = new Set(docs.map((article) => article.id))
    const gone = ids.filter((id) => !published.has(id))
    if (gone.length > 0) {
      await db.execute(sql`delete from article_search where article_id in ${gone}`)
      pastLimit.forgetAll()
    }
    return ids.length
  })
}
