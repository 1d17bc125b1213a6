/**
 * Fills a migrated, empty database with the benchmark corpus through Payload's Local API in this
 * process, so every save runs the collections' real hooks (slugs, breadcrumbs, the 责任编辑's name,
 * the search index, comment counts) without HTTP in the way. Saves run several at a time: the
 * hooks' JavaScript and PostgreSQL then keep both cores busy.
 */
import { randomBytes } from 'node:crypto'

import { getPayload, type Payload } from 'payload'

import { DEMO_IMAGES, renderPng } from '../../seed/images'
import { closePayload } from '../../server/pool'
import { CHANNELS, corpusArticle, corpusAuthors, corpusComments, corpusReaders, tagNames } from './corpus'
import { progressBar } from './progress'
import { ARTICLES_SLUG, AUTHORS_SLUG, AVATARS_SLUG, CATEGORIES_SLUG, COMMENTS_SLUG, MEDIA_SLUG, READERS_SLUG, TAGS_SLUG, USERS_SLUG } from '../../slugs'

const CONCURRENCY = 8
const AUTHORS = 50
const READERS = 200
const EDITORS = 4
const AUTHOR_AVATARS = 10
const READER_AVATARS = 10
/** Approved comments per article, on average (3,000 for 10,000 articles). */
const COMMENTS_PER_ARTICLE = 0.3
const PASSWORD = 'bench-password-123'

/** What a finished seed of `articles` articles leaves: --reuse compares it with the database. */
export function corpusSizeFor(articles: number): { articles: number; comments: number } {
  return { articles, comments: Math.round(articles * COMMENTS_PER_ARTICLE) }
}

export type SeedReport = {
  articles: number
  comments: number
  readers: number
  /** Seconds per phase, and in all. */
  seconds: { setup: number; articles: number; comments: number; total: number }
}

type Refs = {
  editors: number[]
  channels: number[]
  tags: number[]
  authors: number[]
  images: number[]
  readers: number[]
}

export async function seedCorpus(env: { databaseUrl: string; mediaDir: string }, articleCount: number): Promise<SeedReport> {
  const payload = await payloadFor(env)
  try {
    const started = Date.now()
    const refs = await seedReferences(payload)
    const setup = (Date.now() - started) / 1000
    const articles = await seedArticles(payload, refs, articleCount)
    const comments = await seedComments(payload, refs, articles.ids)
    return {
      articles: articles.ids.length,
      comments: comments.count,
      readers: refs.readers.length,
      seconds: { setup, articles: articles.seconds, comments: comments.seconds, total: (Date.now() - started) / 1000 },
    }
  } finally {
    await closePayload(payload)
  }
}

/** Payload's config reads its environment when it loads, so that is set first. */
async function payloadFor(env: { databaseUrl: string; mediaDir: string }): Promise<Payload> {
  process.env.DATABASE_URL = env.databaseUrl
  process.env.MEDIA_DIR = env.mediaDir
  process.env.MAIL_DIR = `${env.mediaDir}/mail`
  process.env.PAYLOAD_SECRET = randomBytes(32).toString('hex')
  process.env.DATABASE_POOL_SIZE = String(CONCURRENCY + 2)
  process.env.LOG_LEVEL ??= 'warn'
  const { default: config } = await import('../../../payload.config')
  return getPayload({ config })
}

async function inParallel<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      await work(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker))
}

/**
 * Two saves racing for the same generated slug both see it free, and one fails on the unique
 * index; saved again, it gets the next number, as an editor's would.
 */
async function withSlugRetry<T>(save: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await save()
    } catch (error) {
      if (attempt >= 3 || !/slug/i.test(JSON.stringify((error as { data?: unknown }).data ?? (error as Error).message))) throw error
    }
  }
}

async function seedReferences(payload: Payload): Promise<Refs> {
  const tagList = tagNames()
  process.stderr.write(`seeding staff, channels, ${tagList.length} tags, images, ${AUTHORS} authors and ${READERS} readers…\n`)
  const editors = await createEditors(payload)
  const channels = await createChannels(payload)
  const tags: number[] = []
  for (const name of tagList) tags.push((await payload.create({ collection: TAGS_SLUG, data: { name } })).id)
  const images = await createCovers(payload)
  const authors = await createAuthors(payload)
  const readers = await createReaders(payload)
  return { editors, channels, tags, authors, images, readers }
}

async function createEditors(payload: Payload): Promise<number[]> {
  const ids: number[] = []
  for (let i = 1; i <= EDITORS; i++) {
    const user = await payload.create({
      collection: USERS_SLUG,
      data: { name: `编辑${i}号`, email: `editor${i}@bench.newsroom`, password: PASSWORD, roles: i === 1 ? ['editor-in-chief'] : ['editor'] },
    })
    ids.push(user.id)
  }
  return ids
}

/** The leaf channels, where articles go; each section's breadcrumbs come from its saved parent. */
async function createChannels(payload: Payload): Promise<number[]> {
  const leaves: number[] = []
  for (const section of CHANNELS) {
    const parent = await payload.create({ collection: CATEGORIES_SLUG, data: { name: section.name } })
    for (const name of section.children) {
      leaves.push((await payload.create({ collection: CATEGORIES_SLUG, data: { name, parent: parent.id } })).id)
    }
  }
  return leaves
}

async function createCovers(payload: Payload): Promise<number[]> {
  const ids: number[] = []
  for (const image of Object.values(DEMO_IMAGES)) {
    const data = await renderPng(image.svg())
    const media = await payload.create({
      collection: MEDIA_SLUG,
      data: { alt: image.alt, caption: image.caption, credit: image.credit },
      file: { data, mimetype: 'image/png', name: image.filename, size: data.length },
    })
    ids.push(media.id)
  }
  return ids
}

function portraitSvg(hue: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192"><rect width="192" height="192" fill="#f4f1ea"/><circle cx="96" cy="96" r="80" fill="hsl(${hue},55%,45%)"/><circle cx="96" cy="80" r="30" fill="#fff" opacity="0.85"/><rect x="46" y="120" width="100" height="44" rx="22" fill="#fff" opacity="0.85"/></svg>`
}

async function createAuthors(payload: Payload): Promise<number[]> {
  const avatars: number[] = []
  for (let i = 0; i < AUTHOR_AVATARS; i++) {
    const data = await renderPng(portraitSvg(i * 36))
    const media = await payload.create({
      collection: MEDIA_SLUG,
      data: { alt: '作者头像' },
      file: { data, mimetype: 'image/png', name: `author-${i}.png`, size: data.length },
    })
    avatars.push(media.id)
  }
  const ids: number[] = []
  for (const [index, author] of corpusAuthors(AUTHORS).entries()) {
    // Staff reporters have a portrait; contributors often do not.
    const avatar = index % 5 < 2 ? avatars[index % avatars.length] : undefined
    ids.push((await payload.create({ collection: AUTHORS_SLUG, data: { ...author, avatar } })).id)
  }
  return ids
}

async function createReaders(payload: Payload): Promise<number[]> {
  const avatars: number[] = []
  for (let i = 0; i < READER_AVATARS; i++) {
    const data = await renderPng(portraitSvg(i * 36 + 18))
    const avatar = await payload.create({
      collection: AVATARS_SLUG,
      data: { alt: '读者头像' },
      file: { data, mimetype: 'image/png', name: `reader-${i}.png`, size: data.length },
    })
    avatars.push(avatar.id)
  }
  const readers = corpusReaders(READERS)
  const ids: number[] = new Array(readers.length)
  await inParallel(readers, async (reader, index) => {
    const created = await payload.create({
      collection: READERS_SLUG,
      data: {
        email: `reader${index + 1}@readers.bench.newsroom`,
        password: PASSWORD,
        displayName: reader.displayName,
        avatar: index % 3 === 0 ? avatars[index % avatars.length] : undefined,
        profession: reader.profession,
        professionVerified: reader.verified,
        status: 'active',
        // Verified already: no email to follow.
        ...({ _verified: true } as object),
      },
      disableVerificationEmail: true,
    })
    ids[index] = created.id
  })
  return ids
}

async function seedArticles(payload: Payload, refs: Refs, count: number): Promise<{ ids: number[]; seconds: number }> {
  const sizes = { authors: refs.authors.length, tags: refs.tags.length, channels: refs.channels.length, editors: refs.editors.length, images: refs.images.length }
  const ids: number[] = new Array(count)
  const progress = progressBar('articles', count)
  await inParallel(Array.from({ length: count }, (_, i) => i), async (index) => {
    const article = corpusArticle(index, count, sizes)
    const editor = refs.editors[article.editor]
    const created = await withSlugRetry(() =>
      payload.create({
        collection: ARTICLES_SLUG,
        data: {
          title: article.title,
          summary: article.summary,
          source: article.source,
          authors: article.authors.map((i) => refs.authors[i]),
          responsibleEditor: editor,
          category: refs.channels[article.channel],
          tags: article.tags.map((i) => refs.tags[i]),
          coverImage: refs.images[article.cover],
          body: article.body((image) => refs.images[image]),
          allowComments: true,
          publishedAt: article.publishedAt,
          // The Local API has no logged-in user for the creator hook to record.
          createdBy: editor,
          _status: 'published',
        },
      }),
    )
    ids[index] = created.id
    progress.tick()
  })
  return { ids, seconds: progress.done() }
}

/**
 * Approved comments, as moderators leave them. Server code's comments skip the reader pipeline but
 * still get the commenter's public profile and recount the article's approved comments; one
 * article's comments are written in order (replies need their parent, and concurrent recounts of one
 * article could each miss the other's comment).
 */
async function seedComments(payload: Payload, refs: Refs, articleIds: number[]): Promise<{ count: number; seconds: number }> {
  const threads = corpusComments(corpusSizeFor(articleIds.length).comments, articleIds.length, refs.readers.length)
  const total = threads.reduce((sum, thread) => sum + thread.length, 0)
  const progress = progressBar('comments', total)
  await inParallel(threads, async (thread) => {
    const ids: number[] = []
    for (const comment of thread) {
      const created = await payload.create({
        collection: COMMENTS_SLUG,
        data: {
          article: articleIds[comment.article],
          reader: refs.readers[comment.reader],
          parent: comment.repliesTo === null ? undefined : ids[comment.repliesTo],
          body: comment.body,
          status: 'approved',
          featured: comment.featured,
          screening: [{ rule: 'seed', message: { code: 'SCREENING_BENCHMARK_CONTENT' } }],
        },
      })
      ids.push(created.id)
      progress.tick()
    }
  })
  return { count: total, seconds: progress.done() }
}
