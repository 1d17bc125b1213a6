import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'
import { isWriter } from '../access/isWriter'
import { slugField } from '../fields/slug'
import { TAGS_SLUG } from '../slugs'

export const Tags: CollectionConfig<typeof TAGS_SLUG> = {
  slug: TAGS_SLUG,
  labels: { singular: { en: 'Tag', zh: '标签' }, plural: { en: 'Tags', zh: '标签' } },
  admin: { useAsTitle: 'name', group: { en: 'Content', zh: '内容' } },
  access: {
    read: anyone,
    create: isWriter,
    update: isEditor,
    delete: isEditor,
  },
  defaultPopulate: { name: true, slug: true },
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', zh: '名称' }, required: true, unique: true, maxLength: 40 },
    slugField('name'),
  ],
}
