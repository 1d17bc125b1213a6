import { randomBytes } from 'node:crypto'

import { createLocalReq, type PayloadRequest } from 'payload'
import type { PoolClient } from 'pg'

import { imageTexts, screenArticle } from '../../collections/Articles/review/screenArticle'
import { screeningRefusal } from '../../collections/Articles/review/reviewRecords'
import { searchTextOf } from '../../db/articleSearch'
import { insertArticles, insertComments, type NewArticleRow, type NewCommentRow, nextIds, saveCheckpoint, storedArticles } from '../../db/bulkArticles'
import type { ArchiveEntry } from '../../lib/import/archive'
import { recordOutcome } from '../../lib/import/report'
import { announceContentChange } from '../../lib/responseCache/changes'
import { firstFreeSlug, slugify } from '../../lib/slugify'
import { poolOf } from '../../server/pool'
import { ARTICLES_SLUG, COMMENTS_SLUG } from '../../slugs'
import type { ArticleData, ArticleImport } from './articles'
import type { ImportContext } from './context'
import { describeError } from './describeError'

/** Articles written per transaction: big enough that a statement per table is cheap, small enough to redo. */
export const BULK_BATCH_SIZE = 500

/** Where a run has got to: the units of its archive done, kept with the batch that finished them. */
export type Checkpoint = { key: string; unitsDone: number }

type Prepared = { entry: ArchiveEntry; data: ArticleData; slugBase: string }

/**
 * The bulk path: new articles (and their comments) written a batch at a time in one transaction,
 * with exactly what Payload's create stores for them (tests/api/importBulk.test.ts compares the two
 * paths row by row). An article already stored, or met twice in one batch, goes the per-article way
 * after the batch. Per article, nothing is audited or announced: the run does that once.
 */
export function bulkWriter(
  context: ImportContext,
  perArticle: { importArticle: (entry: ArchiveEntry) => Promise<ArticleImport>; articleData: (entry: ArchiveEntry) => Promise<ArticleData> },
  importComments: (entry: ArchiveEntry, articleId: number | null) => Promise<void>,
): (entries: ArchiveEntry[], checkpoint: Checkpoint) => Promise<void> {
  const { payload, report } = context
  const pool = poolOf(payload)
  let req: PayloadRequest | undefined

  const fail = (entry: ArchiveEntry, error: unknown) => recordOutcome(report, { at: entry.at, title: entry.article.title, outcome: 'failed', reason: describeError(error) })

  return async (entries, checkpoint) => {
    req ??= await createLocalReq({}, payload)
    const client = await pool.connect()
    let later: ArchiveEntry[] = []
    try {
      const split = await splitNewFromStored(client, context.system, entries)
      later = split.later
      const prepared: Prepared[] = []
      for (const entry of split.fresh) {
        try {
          prepared.push({ entry, data: await perArticle.articleData(entry), slugBase: entry.article.slug ?? slugify(entry.article.title) })
        } catch (error) {
          fail(entry, error)
        }
      }
      const publishable = await screened(req, prepared, fail)
      const slugs = await freeSlugs(client, publishable.map((item) => item.slugBase))
      const now = new Date().toISOString()
      const articleIds = await nextIds(client, ARTICLES_SLUG, publishable.length)
      const versionIds = await nextIds(client, `_${ARTICLES_SLUG}_v`, publishable.length)
      const comments = await commentRows(client, publishable, articleIds, now, report.comments)
      const rows = publishable.map((item, index) => articleRow(item, slugs[index], articleIds[index], versionIds[index], comments.approvedOn.get(articleIds[index]) ?? 0, now))
      await client.query('begin')
      await insertArticles(client, rows, now)
      await insertComments(client, comments.rows, now)
      // With articles left for the per-article path, the batch is done only once they are.
      if (later.length === 0) await saveCheckpoint(client, checkpoint.key, { unitsDone: checkpoint.unitsDone })
      await client.query('commit')
      for (const item of publishable) recordOutcome(report, { at: item.entry.at, title: item.entry.article.title, outcome: 'created' })
    } catch (error) {
      await client.query('rollback').catch(() => {})
      throw error
    } finally {
      client.release()
    }
    await announceContentChange({ tags: [ARTICLES_SLUG, COMMENTS_SLUG] })
    if (later.length === 0) return
    for (const entry of later) {
      try {
        const { outcome, articleId } = await perArticle.importArticle(entry)
        recordOutcome(report, { at: entry.at, title: entry.article.title, outcome })
        await importComments(entry, articleId)
      } catch (error) {
        fail(entry, error)
      }
    }
    const done = await pool.connect()
    try {
      await saveCheckpoint(done, checkpoint.key, { unitsDone: checkpoint.unitsDone })
    } finally {
      done.release()
    }
  }
}

/**
 * The batch's articles that are new, and the rest: those stored already (by original id within the
 * system, else by slug unless that one came from another original, as `findExisting` matches them)
 * and those repeating an earlier one of the batch.
 */
async function splitNewFromStored(client: PoolClient, system: string, entries: ArchiveEntry[]): Promise<{ fresh: ArchiveEntry[]; later: ArchiveEntry[] }> {
  const slugOf = (entry: ArchiveEntry) => entry.article.slug ?? slugify(entry.article.title)
  const originalIds = entries.flatMap((entry) => (entry.article.originalId ? [entry.article.originalId] : []))
  const stored = await storedArticles(client, system, originalIds, entries.map(slugOf).filter((slug) => slug !== ''))
  const storedOriginals = new Set(stored.filter((row) => row.system === system).map((row) => row.originalId))
  const storedSlugs = new Map(stored.map((row) => [row.slug, row]))
  const seenOriginals = new Set<string>()
  const seenSlugs = new Set<string>()
  const fresh: ArchiveEntry[] = []
  const later: ArchiveEntry[] = []
  for (const entry of entries) {
    const { originalId } = entry.article
    const slug = slugOf(entry)
    const sameSlug = slug === '' ? undefined : storedSlugs.get(slug)
    const matchesStored = (originalId !== undefined && storedOriginals.has(originalId)) || (sameSlug !== undefined && (!originalId || !sameSlug.originalId))
    const repeats = (originalId !== undefined && seenOriginals.has(originalId)) || (!originalId && slug !== '' && seenSlugs.has(slug))
    if (matchesStored || repeats) later.push(entry)
    else fresh.push(entry)
    if (originalId) seenOriginals.add(originalId)
    if (slug !== '') seenSlugs.add(slug)
  }
  return { fresh, later }
}

/** Published articles pass the word lists as a publish would (`guardPublication`); a refused one fails. */
async function screened(req: PayloadRequest, prepared: Prepared[], fail: (entry: ArchiveEntry, error: unknown) => void): Promise<Prepared[]> {
  const texts = await imageTexts(req, prepared.map((item) => item.data))
  const passed: Prepared[] = []
  for (const item of prepared) {
    if (item.data._status === 'published') {
      const refusal = screeningRefusal(req, await screenArticle(req, item.data, texts), undefined)
      if (refusal) {
        fail(item.entry, refusal)
        continue
      }
    }
    passed.push(item)
  }
  return passed
}

/**
 * Each article's slug as the slug field would make it: its own or its title's pinyin, numbered when
 * taken (by a stored article or an earlier one of the batch); none when the title gives none.
 */
async function freeSlugs(client: PoolClient, bases: string[]): Promise<(string | null)[]> {
  const wanted = bases.filter((base) => base !== '')
  const { rows } = await client.query<{ slug: string }>(`select slug from articles where slug = any($1::varchar[])`, [wanted])
  const taken = new Set(rows.map((row) => row.slug))
  const isTaken = async (candidate: string) => {
    if (taken.has(candidate)) return true
    const { rowCount } = await client.query(`select 1 from articles where slug = $1`, [candidate])
    return (rowCount ?? 0) > 0
  }
  const slugs: (string | null)[] = []
  for (const base of bases) {
    if (base === '') {
      slugs.push(null)
      continue
    }
    const slug = await firstFreeSlug(base, isTaken)
    taken.add(slug)
    slugs.push(slug)
  }
  return slugs
}

const relationIds = (value: unknown): number[] => (Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [])
const relationIdOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null)

/** Payload's ids for array rows: 24 hex digits, as an ObjectId's. */
const arrayRowId = () => randomBytes(12).toString('hex')

/**
 * What Payload's create stores for the import's data: the defaults (`draft` review state, comments
 * allowed), the publication time of an undated published article (`populatePublishedAt`), and the
 * `publish` step in its review history (`guardPublication`; the import's approval is the old site's).
 */
function articleRow(item: Prepared, slug: string | null, id: number, versionId: number, approvedComments: number, now: string): NewArticleRow {
  const { data } = item
  const published = data._status === 'published'
  const publishedAt = data.publishedAt ?? (published ? now : null)
  const text = { title: data.title, summary: data.summary ?? null, body: data.body ?? null }
  return {
    id,
    versionId,
    title: data.title,
    slug,
    summary: data.summary ?? null,
    source: data.source ?? null,
    categoryId: relationIdOrNull(data.category),
    coverImageId: relationIdOrNull(data.coverImage),
    body: data.body ?? null,
    publishedAt,
    status: published ? 'published' : 'draft',
    reviewState: data.reviewState ?? 'draft',
    importedFromSystem: data.importedFrom?.system ?? null,
    importedFromOriginalId: data.importedFrom?.originalId ?? null,
    approvedCommentCount: approvedComments,
    authors: relationIds(data.authors),
    tags: relationIds(data.tags),
    history: published ? [{ id: arrayRowId(), action: 'publish', from: 'approved', to: 'approved', at: now }] : [],
    search: published ? searchTextOf(text) : null,
  }
}

/**
 * The new articles' comments as `commentImporter` writes them: each after the one it replies to
 * (an unknown parent makes it a top-level comment), a repeated original id skipped; with each
 * article's approved count and each comment's approved replies, which the comment hooks recount.
 */
async function commentRows(
  client: PoolClient,
  items: Prepared[],
  articleIds: number[],
  now: string,
  counts: { created: number; skipped: number },
): Promise<{ rows: NewCommentRow[]; approvedOn: Map<number, number> }> {
  const total = items.reduce((sum, item) => sum + item.entry.article.comments.length, 0)
  const ids = await nextIds(client, COMMENTS_SLUG, total)
  const rows: NewCommentRow[] = []
  const approvedOn = new Map<number, number>()
  items.forEach((item, index) => {
    const articleId = articleIds[index]
    const byOriginal = new Map<string, NewCommentRow>()
    for (const comment of item.entry.article.comments) {
      if (byOriginal.has(comment.originalId)) {
        counts.skipped++
        continue
      }
      const parent = comment.parent === undefined ? undefined : byOriginal.get(comment.parent)
      const row: NewCommentRow = {
        id: ids[rows.length],
        articleId,
        parentId: parent?.id ?? null,
        body: comment.body,
        displayName: comment.author || null,
        status: comment.status,
        ip: comment.ip ?? null,
        originalId: comment.originalId,
        createdAt: comment.createdAt?.toISOString() ?? now,
        replyCount: 0,
      }
      if (comment.status === 'approved') {
        approvedOn.set(articleId, (approvedOn.get(articleId) ?? 0) + 1)
        if (parent) parent.replyCount++
      }
      byOriginal.set(comment.originalId, row)
      rows.push(row)
      counts.created++
    }
  })
  return { rows, approvedOn }
}
