import type { CollectionBeforeOperationHook, CollectionSlug } from 'payload'

import { fieldRefusal } from '../i18n/requestMessages'
import { imageTypeOf, safeUploadName } from '../lib/media/imageFiles'

const FILE_LABEL = { zh: '文件', en: 'File' } as const

/**
 * An upload is judged by its content, never by the name or type the client gave: anything but a
 * JPEG, PNG, WebP, GIF or AVIF image (SVG, HTML, a script renamed `.png`) is a 400 naming `file`,
 * before Payload stores anything. What is accepted is stored under a safe name with the extension
 * and type its content has, so a file is never served as something it is not.
 */
export function checkUploadedImage<TSlug extends CollectionSlug>({ collection, operation, req }: Parameters<CollectionBeforeOperationHook<TSlug>>[0]): void {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return
  const file = req.file
  const type = Buffer.isBuffer(file.data) ? imageTypeOf(file.data) : null
  if (!type) throw fieldRefusal(req, collection.slug, { path: 'file', label: FILE_LABEL }, { code: 'UPLOAD_NOT_AN_IMAGE' })
  file.mimetype = type.mimeType
  file.name = safeUploadName(file.name, type)
}
