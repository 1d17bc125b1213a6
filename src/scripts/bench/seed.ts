/**
 * Fills a migrated database with the benchmark corpus as a portal moving to the newsroom would:
 * bylines, channels and tags through Payload's Local API (so their hooks make the slugs and
 * breadcrumbs), then the articles and their comments through the importer's bulk path
 * (src/scripts/import/bulk.ts), the way a million-article archive comes in.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'

import { getLocalI18n, getPayload, type Payload } from 'payload'

import { emptyReport } from '../../lib/import/report'
import { renderPng } from '../../seed/images'
import { closePayload } from '../../server/pool'
import { importInBulk } from '../import/bulkRun'
import { CHANNELS, corpusAuthors, tagNames } from './corpus'
import { ARCHIVE_AUTHORS, corpusCommentCount, corpusUnits, writeCorpusImages } from './corpusArchive'
import { query } from './database'
import { progressBar } from './progress'
import { AUTHORS_SLUG, CATEGORIES_SLUG, MEDIA_SLUG, TAGS_SLUG, USERS_SLUG } from '../../slugs'

const EDITORS = 4
const AUTHOR_AVATARS = 10
/** One in this many top-level comments is a moderator's pick (精彩评论), as on a busy portal. */
const FEATURED_ONE_IN = 10
export const BENCH_PASSWORD = 'bench-password-123'
export const benchEditorEmail = (n: number) => `editor${n}@bench.newsroom`

/** What a finished seed of `articles` articles leaves: --reuse compares it with the database. */
export function corpusSizeFor(articles: number): { articles: number; comments: number } {
  let comments = 0
  for (let index = 0; index < articles; index++) comments += corpusCommentCount(index)
  return { articles, comments }
}

export type SeedReport = {
  articles: number
  comments: number
  /** Seconds for the bylines, channels and tags, for the bulk import, and in all. */
  seconds: { setup: number; import: number; total: number }
}

export type Seeder = {
  /**
   * Articles `from` to `to` (exclusive) of a corpus of `total`, the newest first: a growing
   * benchmark seeds 10,000, measures, then adds the next 90,000, and so on.
   */
  seed: (range: { from: number; to: number; total: number }) => Promise<SeedReport>
  close: () => Promise<void>
}

/** Where the bulk import keeps its place in a stage's seed (payload_kv), until the stage is done. */
export const seedKey = (range: { from: number; to: number; total: number }) => `newsroom:bench:${range.from}-${range.to}-of-${range.total}`

/** One Payload in this process for every stage's seed: Payload keeps its instance, and a closed one's pool for good. */
export async function openSeeder(env: { databaseUrl: string; mediaDir: string }): Promise<Seeder> {
  const payload = await payloadFor(env)
  const seed = async (range: { from: number; to: number; total: number }): Promise<SeedReport> => {
    const started = Date.now()
    if (range.from === 0) await seedReferences(payload)
    const setup = (Date.now() - started) / 1000
    const archiveDir = path.join(env.mediaDir, 'archive')
    await writeCorpusImages(archiveDir)
    const report = emptyReport({ file: 'benchmark corpus', format: 'jsonl', system: 'bench', dryRun: false })
    const progress = progressBar('articles', range.to - range.from)
    let done = 0
    await importInBulk(
      { payload, dryRun: false, system: 'bench', archiveDir, report, i18n: await getLocalI18n({ config: payload.config, language: 'en' }) },
      { key: seedKey(range), units: (skip) => corpusUnits(range, skip) },
      {
        progress: (units) => {
          progress.tick(units - done)
          done = units
        },
      },
    )
    const importSeconds = progress.done()
    if (report.outcomes.failed > 0) throw new Error(`the corpus import failed for ${report.outcomes.failed} articles: ${JSON.stringify(report.articles.slice(0, 3))}`)
    await pickFeaturedComments(env.databaseUrl)
    return { articles: report.outcomes.created, comments: report.comments.created, seconds: { setup, import: importSeconds, total: (Date.now() - started) / 1000 } }
  }
  return { seed, close: () => closePayload(payload) }
}

/** Payload's config reads its environment when it loads, so that is set first. */
async function payloadFor(env: { databaseUrl: string; mediaDir: string }): Promise<Payload> {
  process.env.DATABASE_URL = env.databaseUrl
  process.env.MEDIA_DIR = env.mediaDir
  process.env.MAIL_DIR = `${env.mediaDir}/mail`
  process.env.PAYLOAD_SECRET = randomBytes(32).toString('hex')
  process.env.LOG_LEVEL ??= 'warn'
  const { default: config } = await import('../../../payload.config')
  return getPayload({ config })
}

/** An archive has no 精彩评论: moderators pick them afterwards, here one top-level comment in ten. */
async function pickFeaturedComments(databaseUrl: string): Promise<void> {
  await query(databaseUrl, `update comments set featured = true where parent_id is null and status = 'approved' and id % ${FEATURED_ONE_IN} = 0 and not featured`)
}

/** Staff, and the bylines (with portraits and biographies), channels and tags the archive names. */
async function seedReferences(payload: Payload): Promise<void> {
  const tagList = tagNames()
  process.stderr.write(`seeding staff, channels, ${tagList.length} tags and ${ARCHIVE_AUTHORS} authors…\n`)
  await createEditors(payload)
  await createChannels(payload)
  for (const name of tagList) await payload.create({ collection: TAGS_SLUG, data: { name } })
  await createAuthors(payload)
}

async function createEditors(payload: Payload): Promise<number[]> {
  const ids: number[] = []
  for (let i = 1; i <= EDITORS; i++) {
    const user = await payload.create({
      collection: USERS_SLUG,
      data: { name: `编辑${i}号`, email: benchEditorEmail(i), password: BENCH_PASSWORD, roles: i === 1 ? ['editor-in-chief'] : ['editor'] },
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
  for (const [index, author] of corpusAuthors(ARCHIVE_AUTHORS).entries()) {
    // Staff reporters have a portrait; contributors often do not.
    const avatar = index % 5 < 2 ? avatars[index % avatars.length] : undefined
    ids.push((await payload.create({ collection: AUTHORS_SLUG, data: { ...author, avatar } })).id)
  }
  return ids
}
