/**
 * The benchmark's corpus as another CMS would export it: one JSON Lines record per article, its
 * body as HTML, its comments with it. The benchmark seeds a million articles through the importer's
 * bulk path from these, and the import tests use them as a realistic archive of any size.
 */
import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { once } from 'node:events'

import { jsonLineRecord } from '../../lib/import/jsonl'
import { seededRandom } from '../../lib/seededRandom'
import { DEMO_IMAGES, renderPng } from '../../seed/images'
import type { ArchiveUnit } from '../import/archiveStream'
import { CHANNELS, corpusArticle, corpusAuthors, corpusCommentText, tagNames } from './corpus'

type LexicalNode = { type: string; children?: LexicalNode[]; text?: string; format?: number | string; tag?: string; listType?: string; value?: unknown; fields?: { caption?: string } }

/** Most articles have a few comments and some a dozen: 14 × the cube of a uniform number averages about three. */
const MOST_COMMENTS = 14
/** Pictures the archive's articles use (files named `images/cover-N.png` beside the archive). */
const IMAGES = Object.values(DEMO_IMAGES)
export const ARCHIVE_IMAGES = IMAGES.length
/** Bylines the archive's articles name (the benchmark makes them first, with portraits). */
export const ARCHIVE_AUTHORS = 50

export type CorpusArchiveLine = {
  id: string
  title: string
  summary: string
  source: string
  authors: string[]
  category: string[]
  tags: string[]
  publishedAt: string
  status: 'published'
  html: string
  images: string[]
  comments: { id: string; parent?: string; author: string; body: string; date: string; status: 'approved' }[]
}

export const archiveImagePath = (image: number) => `images/cover-${image + 1}.png`

/** The names the archive's lines refer to: made by the import as it meets them. */
function names() {
  return {
    authors: corpusAuthors(ARCHIVE_AUTHORS).map((author) => author.name),
    tags: tagNames(),
    channels: CHANNELS.flatMap((section) => section.children.map((child) => [section.name, child])),
  }
}
let corpusNames: ReturnType<typeof names> | undefined

/** Article `index` of `total` (the newest first), the same on every run. */
export function corpusArchiveLine(index: number, total: number): CorpusArchiveLine {
  corpusNames ??= names()
  const { authors, tags, channels } = corpusNames
  const article = corpusArticle(index, total, { authors: authors.length, tags: tags.length, channels: channels.length, editors: 1, images: ARCHIVE_IMAGES })
  const state = article.body((image) => image) as unknown as { root: LexicalNode }
  return {
    id: `bench-${index + 1}`,
    title: article.title,
    summary: article.summary,
    source: article.source,
    authors: article.authors.map((i) => authors[i]),
    category: channels[article.channel],
    tags: article.tags.map((i) => tags[i]),
    publishedAt: article.publishedAt,
    status: 'published',
    html: (state.root.children ?? []).map(html).join(''),
    images: [archiveImagePath(article.cover)],
    comments: comments(index, article.publishedAt),
  }
}

/** A few comments on most articles and a dozen on some, about one in seven a reply to an earlier one. */
function comments(index: number, publishedAt: string): CorpusArchiveLine['comments'] {
  const random = commentRandom(index)
  const count = commentCount(random)
  const published = Date.parse(publishedAt)
  return Array.from({ length: count }, (_, n) => {
    const parent = n > 0 && random() < 0.15 ? Math.floor(random() * n) : null
    const { author, body } = corpusCommentText(random)
    return {
      id: `bench-${index + 1}-c${n + 1}`,
      ...(parent === null ? {} : { parent: `bench-${index + 1}-c${parent + 1}` }),
      author,
      body,
      date: new Date(published + (n + 1) * 7 * 60_000).toISOString(),
      status: 'approved' as const,
    }
  })
}

const commentRandom = (index: number) => seededRandom(900_000 + index)
const commentCount = (random: () => number) => Math.floor(random() ** 3 * MOST_COMMENTS)

/** How many comments article `index` has, without making them. */
export const corpusCommentCount = (index: number): number => commentCount(commentRandom(index))

/**
 * Articles `from` to `to` (exclusive) of a corpus of `total` as the importer reads an archive's
 * lines (`unit` counting from 1 at `from`), the first `skip` passed over unread.
 */
export async function* corpusUnits({ from, to, total }: { from: number; to: number; total: number }, skip = 0): AsyncGenerator<ArchiveUnit> {
  for (let index = from; index < to; index++) {
    const unit = index - from + 1
    yield { unit, record: unit <= skip ? null : jsonLineRecord(JSON.stringify(corpusArchiveLine(index, total)), index + 1), bytesRead: unit }
  }
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The corpus's Lexical nodes as the HTML an old CMS would have stored. */
function html(node: LexicalNode): string {
  const inner = () => (node.children ?? []).map(html).join('')
  switch (node.type) {
    case 'text':
      return node.format === 1 ? `<strong>${escape(node.text ?? '')}</strong>` : escape(node.text ?? '')
    case 'paragraph':
      return `<p>${inner()}</p>`
    case 'heading':
      return `<${node.tag}>${inner()}</${node.tag}>`
    case 'quote':
      return `<blockquote>${inner()}</blockquote>`
    case 'list':
      return node.listType === 'number' ? `<ol>${inner()}</ol>` : `<ul>${inner()}</ul>`
    case 'listitem':
      return `<li>${inner()}</li>`
    case 'upload':
      return `<p><img src="${archiveImagePath(node.value as number)}" alt="${escape(node.fields?.caption ?? '')}"></p>`
    default:
      return inner()
  }
}

/** The pictures the archive names, in `dir`. */
export async function writeCorpusImages(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'images'), { recursive: true })
  for (const [index, image] of IMAGES.entries()) await writeFile(path.join(dir, archiveImagePath(index)), await renderPng(image.svg()))
}

/** `archive.jsonl` of `total` articles in `dir`, with the pictures it names; returns the archive's path. */
export async function writeCorpusArchive(dir: string, total: number): Promise<string> {
  await writeCorpusImages(dir)
  const file = path.join(dir, 'archive.jsonl')
  const out = createWriteStream(file)
  for (let index = 0; index < total; index++) {
    if (!out.write(`${JSON.stringify(corpusArchiveLine(index, total))}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return file
}
