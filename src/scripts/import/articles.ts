import { isDeepStrictEqual } from 'node:util'

import type { Where } from 'payload'

import type { ArchiveArticle, ArchiveEntry } from '../../lib/import/archive'
import { type BodyImage, type ImagePlacement, parseBody } from '../../lib/import/htmlToLexical'
import { comparableBody } from '../../lib/import/lexicalBody'
import type { Message } from '../../lib/i18n/translate'
import type { Outcome } from '../../lib/import/report'
import { firstFreeSlug, slugify } from '../../lib/slugify'
import type { Article } from '../../payload-types'
import { asSystem, type ImportContext } from './context'
import { mediaResolver } from './media'
import { taxonomyResolver } from './taxonomy'
import { ARTICLES_SLUG } from '../../slugs'

/** The fields an import writes: only what the source gives, so nothing an editor added is wiped. */
export type ArticleData = Pick<Article, 'title'> &
  Partial<Pick<Article, 'slug' | 'summary' | 'source' | 'authors' | 'category' | 'tags' | 'coverImage' | 'body' | 'publishedAt' | '_status' | 'reviewState' | 'importedFrom'>>

/** What became of an article, and its id: null when a dry run would have created it. */
export type ArticleImport = { outcome: Outcome; articleId: number | null }

/**
 * Imports one archive article: matched by its original id (within the system), else by its slug;
 * created when new, updated when the source differs from what is stored, skipped when it does not.
 * Throws with the reason when the article cannot be written.
 */
export async function articleImporter(context: ImportContext): Promise<{
  importArticle: (entry: ArchiveEntry) => Promise<ArticleImport>
  /** What the import writes of an article, its images uploaded and its bylines, channel and tags made. */
  articleData: (entry: ArchiveEntry) => Promise<ArticleData>
}> {
  const taxonomy = taxonomyResolver(context)
  const mediaFor = mediaResolver(context)
  const warn = (at: Message, reason: Message) => context.report.warnings.push({ at, reason })

  const imagePlacement = async (image: BodyImage, at: Message): Promise<ImagePlacement> => {
    const result = await mediaFor(image.src, image.alt)
    if ('mediaId' in result) return result
    const link = webAddress(image.src)
    warn(at, { code: link ? 'IMPORT_IMAGE_LINKED' : 'IMPORT_IMAGE_LEFT_OUT', values: { src: image.src, reason: result.failure } })
    return link ? { link } : null
  }

  /** The HTML body, with the images after the cover placed at its end. */
  const body = async ({ at, article }: ArchiveEntry): Promise<Article['body'] | undefined> => {
    const html = article.html + article.images.slice(1).map((src) => `<img src="${escapeAttribute(src)}" alt="">`).join('')
    if (html.trim() === '') return undefined
    const parsed = parseBody(html)
    const placements = new Map<string, ImagePlacement>()
    for (const image of parsed.images) {
      if (!placements.has(image.src)) placements.set(image.src, await imagePlacement({ src: image.src, alt: image.alt || article.title }, at))
    }
    return parsed.toLexical((src) => placements.get(src) ?? null) as unknown as Article['body']
  }

  const coverImage = async ({ at, article }: ArchiveEntry): Promise<number | undefined> => {
    if (article.images.length === 0) return undefined
    const result = await mediaFor(article.images[0], article.title)
    if ('mediaId' in result) return result.mediaId
    warn(at, { code: 'IMPORT_COVER_LEFT_OUT', values: { src: article.images[0], reason: result.failure } })
    return undefined
  }

  const articleData = async (entry: ArchiveEntry): Promise<ArticleData> => {
    const { article } = entry
    return withoutUndefined({
      title: article.title,
      slug: article.slug,
      summary: article.summary,
      source: article.source,
      authors: article.authors.length > 0 ? await taxonomy.authorIds(article.authors) : undefined,
      category: article.categoryPath.length > 0 ? await taxonomy.categoryId(article.categoryPath) : undefined,
      tags: article.tags.length > 0 ? await taxonomy.tagIds(article.tags) : undefined,
      coverImage: await coverImage(entry),
      body: await body(entry),
      publishedAt: article.publishedAt?.toISOString(),
      _status: article.status,
      // The workflow's approval is the old system's: the article was already out there.
      reviewState: article.status === 'published' ? 'approved' : undefined,
      importedFrom: article.originalId ? { system: context.system, originalId: article.originalId } : undefined,
    })
  }

  const importArticle = async (entry: ArchiveEntry): Promise<ArticleImport> => {
    const data = await articleData(entry)
    const slug = entry.article.slug ?? slugify(entry.article.title)
    const existing = await findExisting(context, entry.article, slug)
    if (!existing) return { outcome: 'created', articleId: context.dryRun ? null : await create(context, data, slug) }
    if (isUnchanged(existing, data)) return { outcome: 'skipped', articleId: existing.id }
    if (!context.dryRun) await context.payload.update({ collection: ARTICLES_SLUG, id: existing.id, data, ...asSystem(context) })
    return { outcome: 'updated', articleId: existing.id }
  }
  return { importArticle, articleData }
}

/**
 * The stored article this one is: the one imported with the same original id from the same
 * system, else the one with its slug, unless that one was imported as another original.
 */
async function findExisting(context: ImportContext, article: ArchiveArticle, slug: string): Promise<Article | null> {
  if (article.originalId) {
    const imported = await findArticle(context, {
      and: [{ 'importedFrom.system': { equals: context.system } }, { 'importedFrom.originalId': { equals: article.originalId } }],
    })
    if (imported) return imported
  }
  if (slug === '') return null
  const sameSlug = await findArticle(context, { slug: { equals: slug } })
  return sameSlug && (!article.originalId || !sameSlug.importedFrom?.originalId) ? sameSlug : null
}

async function findArticle(context: ImportContext, where: Where): Promise<Article | null> {
  const { docs } = await context.payload.find({ collection: ARTICLES_SLUG, where, limit: 1, pagination: false, ...asSystem(context) })
  return docs[0] ?? null
}

/** A slug another article holds (one imported as another original) is numbered, as the admin does. */
async function create(context: ImportContext, data: ArticleData, slug: string): Promise<number> {
  const taken = async (candidate: string) => (await context.payload.count({ collection: ARTICLES_SLUG, where: { slug: { equals: candidate } }, overrideAccess: true })).totalDocs > 0
  const freeSlug = slug === '' ? undefined : await firstFreeSlug(slug, taken)
  return (await context.payload.create({ collection: ARTICLES_SLUG, data: { ...data, slug: freeSlug }, ...asSystem(context) })).id
}

function isUnchanged(existing: Article, data: ArticleData): boolean {
  return Object.entries(data).every(([field, value]) => isDeepStrictEqual(comparable(field, existing[field as keyof Article]), comparable(field, value)))
}

function comparable(field: string, value: unknown): unknown {
  if (field === 'body') return comparableBody(value)
  if (field === 'publishedAt') return value ? new Date(value as string).getTime() : null
  if (field === 'importedFrom') {
    const origin = value as Article['importedFrom']
    return { system: origin?.system ?? null, originalId: origin?.originalId ?? null }
  }
  return value ?? null
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T
}

/** An image's address on the web (`//host/…` read as https), or null for a path. */
function webAddress(src: string): string | null {
  return /^(https?:)?\/\//i.test(src) ? new URL(src, 'https://protocol-relative.invalid').href : null
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
}
