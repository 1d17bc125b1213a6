import { type CollectionBeforeOperationHook, type CollectionSlug, ValidationError } from 'payload'

import { imageTypeOf, safeUploadName } from '../lib/media/imageFiles'

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
  if (!type) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'file', message: '只接受 JPEG、PNG、WebP、GIF 或 AVIF 图片 (only JPEG, PNG, WebP, GIF and AVIF images are accepted)' }],
    })
  }
  file.mimetype = type.mimeType
  file.name = safeUploadName(file.name, type)
}
