import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'
import { isWriter } from '../access/isWriter'
import { checkUploadedImage } from '../hooks/checkUploadedImage'
import { keepLiveImagesToPublishers } from '../hooks/keepLiveImagesToPublishers'
import { IMAGE_MIME_TYPES, MEDIA_IMAGE_SIZES } from '../lib/media/imageFiles'
import { mediaDirectory } from '../lib/media/mediaDirectory'
import { MEDIA_SLUG } from '../slugs'

/** Uploads larger than this are refused with a 413 before any processing. */
export const MEDIA_MAX_BYTES = 10 * 1024 * 1024

export const Media: CollectionConfig<typeof MEDIA_SLUG> = {
  slug: MEDIA_SLUG,
  labels: { singular: { en: 'Media', zh: '媒体' }, plural: { en: 'Media', zh: '媒体库' } },
  admin: { group: { en: 'Content', zh: '内容' } },
  access: {
    read: anyone,
    create: isWriter,
    update: isWriter,
    delete: isEditor,
  },
  hooks: { beforeOperation: [keepLiveImagesToPublishers, checkUploadedImage] },
  // What an article, byline or list shows of an image: never the upload bookkeeping (mime type, focal point…).
  defaultPopulate: {
    alt: true,
    caption: true,
    credit: true,
    // Payload builds `url` from the file name: without it a populated image's url is null.
    filename: true,
    url: true,
    width: true,
    height: true,
    sizes: {
      thumbnail: { url: true, width: true, height: true, filename: true },
      card: { url: true, width: true, height: true, filename: true },
      hero: { url: true, width: true, height: true, filename: true },
    },
  },
  upload: {
    staticDir: mediaDirectory(),
    mimeTypes: IMAGE_MIME_TYPES,
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    imageSizes: MEDIA_IMAGE_SIZES,
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: { en: 'Alt text', zh: '替代文字' },
      required: true,
      maxLength: 300,
    },
    { name: 'caption', type: 'text', label: { en: 'Caption', zh: '图片说明' }, maxLength: 500 },
    { name: 'credit', type: 'text', label: { en: 'Credit', zh: '图片来源' }, maxLength: 120 },
  ],
}
