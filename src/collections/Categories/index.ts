import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isEditor } from '../../access/isEditor'
import { isPublisher } from '../../access/isPublisher'
import { serverWritten } from '../../access/serverWritten'
import { slugField } from '../../fields/slug'
import { PARENT_CHANNEL_LABEL } from '../../lib/categories/tree'
import { buildBreadcrumbs } from './hooks/buildBreadcrumbs'
import { refreshDescendantBreadcrumbs } from './hooks/refreshDescendantBreadcrumbs'
import { refuseDeletingUsedChannels } from './hooks/refuseDeletingUsedChannels'
import { CATEGORIES_SLUG } from '../../slugs'

/**
 * Channels: a tree, each carrying its breadcrumb path from the root so readers need one query, and
 * named by that path wherever the admin lists or picks one (财经 > 宏观: two channels may share a name).
 */
export const Categories: CollectionConfig<typeof CATEGORIES_SLUG> = {
  slug: CATEGORIES_SLUG,
  labels: { singular: { en: 'Channel', zh: '频道' }, plural: { en: 'Channels', zh: '频道' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', 'parent'], group: { en: 'Content', zh: '内容' } },
  access: {
    read: anyone,
    create: isEditor,
    update: isEditor,
    delete: isPublisher,
  },
  defaultPopulate: { name: true, slug: true, breadcrumbs: true },
  hooks: {
    beforeChange: [buildBreadcrumbs],
    afterChange: [refreshDescendantBreadcrumbs],
    beforeDelete: [refuseDeletingUsedChannels],
  },
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', zh: '名称' }, required: true, maxLength: 40 },
    slugField('name'),
    {
      name: 'title',
      type: 'text',
      label: { en: 'Path', zh: '完整路径' },
      access: serverWritten(),
      admin: { readOnly: true, description: { en: 'Parent channels and this one, kept current.', zh: '上级频道与本频道，自动更新。' } },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: CATEGORIES_SLUG,
      label: PARENT_CHANNEL_LABEL,
      index: true,
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      admin: { position: 'sidebar' },
    },
    {
      name: 'breadcrumbs',
      type: 'array',
      label: { en: 'Breadcrumb path', zh: '面包屑路径' },
      admin: { readOnly: true, description: { en: 'From the root channel to this one.', zh: '从根频道到本频道。' } },
      access: serverWritten(),
      fields: [
        { name: 'name', type: 'text', label: { en: 'Name', zh: '名称' } },
        { name: 'slug', type: 'text', label: { en: 'Slug', zh: '网址别名' } },
      ],
    },
  ],
}
