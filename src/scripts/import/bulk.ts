import { randomBytes } from 'node:crypto'

import { createLocalReq, type PayloadRequest } from 'payload'
import type { PoolClient } from 'pg'

import { imageTexts, screenArticle } from '../../collections/Articles/review/screenArticle'
import { currentScreener } from '../../hooks/currentScreener'
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

/**
 * Preparing a batch is synchronous work (parsing, converting, segmenting, screening) done while
 * other batches are written: every few articles it lets the event loop send the writers' next
 * statements, or PostgreSQL would sit idle until the whole batch was ready.
 */
const letWritersIn = (index: number) => (index % 10 === 9 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined)

/** Where a run has got to: the units of its archive done, kept with the batch that finished them. */
export type Checkpoint = { key: string; unitsDone: number }

type Prepared = { entry: ArchiveEntry; data: ArticleData; slugBase: string }

/** The slug an article asks for: its own, else its title's pinyin (empty when the title gives none). */
const slugBaseOf = (entry: ArchiveEntry) => entry.article.slug ?? slugify(entry.article.title)

/** A batch ready to write: its rows, and what is left to the per-article path once they are in. */
export type PreparedBatch = { rows: NewArticleRow[]; comments: NewCommentRow[]; created: ArchiveEntry[]; later: ArchiveEntry[]; keys: BatchKeys; checkpoint: Checkpoint }

/** The original ids and slugs a batch claims: a batch prepared while it is written must not claim them again. */
export type BatchKeys = { originalIds: Set<string>; slugs: Set<string> }
const noKeys = (): BatchKeys => ({ originalIds: new Set(), slugs: new Set() })
const allKeys = (batches: Iterable<BatchKeys>): BatchKeys => {
  const union = noKeys()
  for (const keys of batches) {
    for (const id of keys.originalIds) union.originalIds.add(id)
    for (const slug of keys.slugs) union.slugs.add(slug)
  }
  return union
}

/**
 * The bulk path: new articles (and their comments) written a batch at a time in one transaction,
 * with exactly what Payload's create stores for them (tests/api/importBulk.test.ts compares the two
 * paths row by row). An article already stored, or met twice in one batch, goes the per-article way
 * after the batch. Per article, nothing is audited or announced: the run does that once.
 *
 * A batch is prepared (parsed, converted, screened: Node's work) while earlier ones are written
 * (PostgreSQL's), and several may be written at once, each on its own connection; each commits
 * only after the one before it, so the place a run has reached only ever moves forward.
 */
export function bulkImporter(
  context: ImportContext,
  perArticle: { importArticle: (entry: ArchiveEntry) => Promise<ArticleImport>; articleData: (entry: ArchiveEntry) => Promise<ArticleData> },
  importComments: (entry: ArchiveEntry, articleId: number | null) => Promise<void>,
) {
  const { payload, report } = context
  const pool = poolOf(payload)
  let req: PayloadRequest | undefined
  const beingWritten = new Set<BatchKeys>()

  const fail = (entry: ArchiveEntry, error: unknown) => recordOutcome(report, { at: entry.at, title: entry.article.title, outcome: 'failed', reason: describeError(error) })

  const prepare = async (entries: ArchiveEntry[], checkpoint: Checkpoint): Promise<PreparedBatch> => {
    req ??= await createLocalReq({ req: { i18n: context.i18n } }, payload)
    // Taken before the database is read: a batch that commits meanwhile is in one or the other.
    const inFlight = allKeys(beingWritten)
    const client = await pool.connect()
    try {
      const { fresh, later, keys } = await splitNewFromStored(client, context.system, entries, inFlight)
      const prepared: Prepared[] = []
      for (const [index, { entry, slugBase }] of fresh.entries()) {
        await letWritersIn(index)
        try {
          prepared.push({ entry, data: await perArticle.articleData(entry), slugBase })
        } catch (error) {
          fail(entry, error)
        }
      }
      const publishable = await screened(req, prepared, fail)
      const slugs = await freeSlugs(client, publishable.map((item) => item.slugBase), inFlight.slugs)
      for (const slug of slugs) if (slug) keys.slugs.add(slug)
      const now = new Date().toISOString()
      const articleIds = await nextIds(client, ARTICLES_SLUG, publishable.length)
      const versionIds = await nextIds(client, `_${ARTICLES_SLUG}_v`, publishable.length)
      const comments = await commentRows(client, publishable, articleIds, now, report.comments)
      const rows: NewArticleRow[] = []
      for (const [index, item] of publishable.entries()) {
        await letWritersIn(index)
        rows.push(articleRow(item, slugs[index], articleIds[index], versionIds[index], comments.approvedOn.get(articleIds[index]) ?? 0, now))
      }
      return { rows, comments: comments.rows, created: publishable.map((item) => item.entry), later, keys, checkpoint }
    } finally {
      client.release()
    }
  }

  /**
   * Imports a prepared batch: writes it, committing once `before` (the batch before it, done) has
   * (when that one failed, this one is rolled back), then counts it, announces it and hands the
   * articles it left over to the per-article path. Others may be prepared and written meanwhile.
   */
  const importBatch = async (batch: PreparedBatch, before: Promise<void>): Promise<void> => {
    beingWritten.add(batch.keys)
    try {
      await writeBatch(batch, before)
    } finally {
      beingWritten.delete(batch.keys)
    }
    for (const entry of batch.created) recordOutcome(report, { at: entry.at, title: entry.article.title, outcome: 'created' })
    await announceContentChange({ tags: [ARTICLES_SLUG, COMMENTS_SLUG] })
    if (batch.later.length > 0) await importLater(batch)
  }

  const writeBatch = async (batch: PreparedBatch, before: Promise<void>): Promise<void> => {
    const client = await pool.connect()
    const now = new Date().toISOString()
    try {
      await client.query('begin')
      // A batch lost to a crash is lost with its checkpoint, and redone by the next run: no need to wait for the disk.
      await client.query('set local synchronous_commit = off')
      await insertArticles(client, batch.rows, now)
      await insertComments(client, batch.comments, now)
      await before
      // With articles left for the per-article path, the batch is done only once they are.
      if (batch.later.length === 0) await saveCheckpoint(client, batch.checkpoint.key, { unitsDone: batch.checkpoint.unitsDone })
      await client.query('commit')
    } catch (error) {
      await client.query('rollback').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  /** The batch's articles left to the per-article path, then its place in the archive. */
  const importLater = async (batch: PreparedBatch): Promise<void> => {
    for (const entry of batch.later) {
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
      await saveCheckpoint(done, batch.checkpoint.key, { unitsDone: batch.checkpoint.unitsDone })
    } finally {
      done.release()
    }
  }

  return { prepare, importBatch }
}

/**
 * The batch's articles that are new, and the rest: those stored already (by original id within the
 * system, else by slug unless that one came from another original, as `findExisting` matches them)
 * and those repeating an earlier one of the batch.
 */
async function splitNewFromStored(
  client: PoolClient,
  system: string,
  entries: ArchiveEntry[],
  inFlight: BatchKeys,
): Promise<{ fresh: { entry: ArchiveEntry; slugBase: string }[]; later: ArchiveEntry[]; keys: BatchKeys }> {
  const bases = entries.map(slugBaseOf)
  const originalIds = entries.flatMap((entry) => (entry.article.originalId ? [entry.article.originalId] : []))
  const stored = await storedArticles(client, system, originalIds, bases.filter((slug) => slug !== ''))
  const storedOriginals = new Set(stored.filter((row) => row.system === system).map((row) => row.originalId))
  const storedSlugs = new Map(stored.map((row) => [row.slug, row]))
  const keys = noKeys()
  const fresh: { entry: ArchiveEntry; slugBase: string }[] = []
  const later: ArchiveEntry[] = []
  for (const [index, entry] of entries.entries()) {
    const { originalId } = entry.article
    const slug = bases[index]
    const sameSlug = slug === '' ? undefined : storedSlugs.get(slug)
    const matchesStored = (originalId !== undefined && storedOriginals.has(originalId)) || (sameSlug !== undefined && (!originalId || !sameSlug.originalId))
    const claimed = (keys: BatchKeys) => (originalId !== undefined && keys.originalIds.has(originalId)) || (!originalId && slug !== '' && keys.slugs.has(slug))
    if (matchesStored || claimed(keys) || claimed(inFlight)) later.push(entry)
    else fresh.push({ entry, slugBase: slug })
    if (originalId) keys.originalIds.add(originalId)
    if (slug !== '') keys.slugs.add(slug)
  }
  return { fresh, later, keys }
}

/** Published articles pass the word lists as a publish would (`guardPublication`); a refused one fails. */
async function screened(req: PayloadRequest, prepared: Prepared[], fail: (entry: ArchiveEntry, error: unknown) => void): Promise<Prepared[]> {
  const texts = await imageTexts(req, prepared.map((item) => item.data))
  const screener = await currentScreener(req)
  const passed: Prepared[] = []
  for (const [index, item] of prepared.entries()) {
    await letWritersIn(index)
    if (item.data._status === 'published') {
      const refusal = screeningRefusal(req, await screenArticle(req, item.data, texts, screener), undefined)
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
 * taken (stored, claimed by the batch being written, or by an earlier one of this batch); none when
 * the title gives none. The plain slugs are looked up together; a numbered one only when needed.
 */
async function freeSlugs(client: PoolClient, bases: string[], claimed: ReadonlySet<string>): Promise<(string | null)[]> {
  const wanted = [...new Set(bases.filter((base) => base !== ''))]
  const { rows } = await client.query<{ slug: string }>(`select slug from articles where slug = any($1::varchar[])`, [wanted])
  const looked = new Set(wanted)
  const taken = new Set([...rows.map((row) => row.slug), ...claimed])
  const isTaken = async (candidate: string) => {
    if (taken.has(candidate) || looked.has(candidate)) return taken.has(candidate)
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
