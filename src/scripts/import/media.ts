import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'

import { MEDIA_MAX_BYTES } from '../../collections/Media'
import { downloadImage } from '../../lib/import/download'
import { IMAGE_EXTENSIONS, imageTypeOf } from '../../lib/media/imageFiles'
import { imageSourceOf } from '../../lib/import/images'
import { ImportProblem, reasonOf, type Said } from '../../lib/import/problem'
import { asSystem, type ImportContext, PLANNED_ID } from './context'
import { MEDIA_SLUG } from '../../slugs'

/** The media collection's own limit on alt text. */
const MAX_ALT_LENGTH = 300
const DOWNLOAD_TIMEOUT_MS = 20_000

/** A media id, or why the image could not be had (a warning: the article is imported without it). */
export type MediaResult = { mediaId: number } | { failure: Said }

/**
 * Archive images as media, each uploaded once. The media collection keeps no note of where a file
 * came from, so the file name carries it: a hash of the URL (known before downloading, so a
 * re-import downloads nothing it has), or of a local file's content (the same picture under any path).
 */
export function mediaResolver(context: ImportContext) {
  const known = new Map<string, Promise<MediaResult>>()
  const allowPrivate = process.env.IMPORT_ALLOW_PRIVATE_URLS === 'true'

  return (src: string, alt: string): Promise<MediaResult> => {
    let result = known.get(src)
    if (!result) {
      result = mediaFor(context, src, alt, allowPrivate).catch((error: unknown) => ({ failure: reasonOf(error) }))
      known.set(src, result)
    }
    return result
  }
}

async function mediaFor(context: ImportContext, src: string, alt: string, allowPrivate: boolean): Promise<MediaResult> {
  const source = imageSourceOf(src, context.archiveDir)
  const upload = { context, src, alt: (alt || src).slice(0, MAX_ALT_LENGTH) }
  if (source.kind === 'file') {
    const content = await readLocalFile(source.path)
    return uploadOnce({ ...upload, baseName: baseNameOf(content), load: async () => content })
  }
  const limits = { timeoutMs: DOWNLOAD_TIMEOUT_MS, maxBytes: MEDIA_MAX_BYTES, allowPrivate }
  return uploadOnce({ ...upload, baseName: baseNameOf(source.url.href), load: () => downloadImage(source.url, limits) })
}

async function uploadOnce(upload: { context: ImportContext; src: string; alt: string; baseName: string; load: () => Promise<Buffer> }): Promise<MediaResult> {
  const { context, baseName } = upload
  const existing = await findByBaseName(context, baseName)
  if (existing !== null) return { mediaId: existing }
  if (context.dryRun) {
    context.report.created.images.push(upload.src)
    return { mediaId: PLANNED_ID }
  }
  const data = await upload.load()
  const type = imageTypeOf(data)
  if (!type) throw new ImportProblem({ code: 'IMPORT_NOT_AN_IMAGE' })
  const media = await context.payload.create({
    collection: MEDIA_SLUG,
    data: { alt: upload.alt },
    file: { data, mimetype: type.mimeType, name: `${baseName}.${type.extension}`, size: data.length },
    ...asSystem(context),
  })
  context.report.created.images.push(upload.src)
  return { mediaId: media.id }
}

async function readLocalFile(path: string): Promise<Buffer> {
  const { size } = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new ImportProblem({ code: 'IMPORT_NO_SUCH_FILE' }) : error
  })
  if (size > MEDIA_MAX_BYTES) throw new ImportProblem({ code: 'IMPORT_FILE_TOO_LARGE', values: { max: MEDIA_MAX_BYTES } })
  return readFile(path)
}

async function findByBaseName(context: ImportContext, baseName: string): Promise<number | null> {
  const { docs } = await context.payload.find({
    collection: MEDIA_SLUG,
    where: { filename: { in: IMAGE_EXTENSIONS.map((extension) => `${baseName}.${extension}`) } },
    limit: 1,
    pagination: false,
    ...asSystem(context),
  })
  return docs[0]?.id ?? null
}

function baseNameOf(identity: Buffer | string): string {
  return `import-${createHash('sha256').update(identity).digest('hex').slice(0, 24)}`
}
