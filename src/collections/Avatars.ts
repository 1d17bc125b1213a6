import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isModeratorField } from '../access/isModerator'
import { isModeratorUser, isReaderUser, isStaffUser } from '../access/roleChecks'
import { serverWritten } from '../access/serverWritten'
import { checkUploadedImage } from '../hooks/checkUploadedImage'
import { IMAGE_MIME_TYPES } from '../lib/media/imageFiles'
import { mediaDirectory } from '../lib/media/mediaDirectory'
import { AVATARS_SLUG, READERS_SLUG } from '../slugs'

/**
 * Readers' profile pictures, apart from the newsroom's media library: readers may upload here and
 * nowhere else, and only a small square is ever shown.
 */
export const Avatars: CollectionConfig<typeof AVATARS_SLUG> = {
  slug: AVATARS_SLUG,
  labels: { singular: { en: 'Avatar', zh: '头像' }, plural: { en: 'Reader avatars', zh: '读者头像' } },
  admin: { group: { en: 'Readers', zh: '读者' } },
  access: {
    read: anyone,
    create: ({ req }) => isReaderUser(req.user) || isStaffUser(req.user),
    update: ({ req }) => isModeratorUser(req.user) || (isReaderUser(req.user) && { owner: { equals: req.user!.id } }),
    delete: ({ req }) => isModeratorUser(req.user) || (isReaderUser(req.user) && { owner: { equals: req.user!.id } }),
  },
  hooks: {
    beforeOperation: [checkUploadedImage],
    beforeChange: [
      ({ data, operation, req }) => {
        if (operation === 'create' && isReaderUser(req.user)) data.owner = req.user!.id
        return data
      },
    ],
  },
  upload: {
    staticDir: path.join(mediaDirectory(), 'avatars'),
    mimeTypes: IMAGE_MIME_TYPES,
    imageSizes: [{ name: 'small', width: 96, height: 96, position: 'centre' }],
    adminThumbnail: 'small',
  },
  fields: [
    { name: 'alt', type: 'text', label: { en: 'Alt text', zh: '替代文字' }, maxLength: 100 },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: READERS_SLUG,
      label: { en: 'Uploaded by', zh: '上传者' },
      access: serverWritten(isModeratorField),
      admin: { readOnly: true },
    },
  ],
}
