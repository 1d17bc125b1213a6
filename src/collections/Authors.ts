import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'
import { isPublisher } from '../access/isPublisher'
import { isStaffField } from '../access/isStaff'
import { slugField } from '../fields/slug'
import { AUTHORS_SLUG, MEDIA_SLUG, USERS_SLUG } from '../slugs'

/** Public byline profiles: a contributor need not have a login, and a login need not write. */
export const Authors: CollectionConfig<typeof AUTHORS_SLUG> = {
  slug: AUTHORS_SLUG,
  labels: { singular: { en: 'Author', zh: '作者' }, plural: { en: 'Authors', zh: '作者' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'title', 'slug'], group: { en: 'Content', zh: '内容' } },
  access: {
    read: anyone,
    create: isEditor,
    update: isEditor,
    delete: isPublisher,
  },
  defaultPopulate: { name: true, slug: true, title: true, avatar: true },
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', zh: '姓名' }, required: true, maxLength: 60 },
    slugField('name'),
    { name: 'avatar', type: 'upload', relationTo: MEDIA_SLUG, label: { en: 'Avatar', zh: '头像' } },
    {
      name: 'title',
      type: 'text',
      label: { en: 'Title', zh: '头衔' },
      maxLength: 60,
      admin: { description: { en: 'e.g. contributing writer', zh: '例如：特约撰稿人' } },
    },
    { name: 'bio', type: 'textarea', label: { en: 'Biography', zh: '简介' }, maxLength: 2000 },
    {
      name: 'user',
      type: 'relationship',
      relationTo: USERS_SLUG,
      label: { en: 'Staff account', zh: '员工账号' },
      access: { read: isStaffField },
    },
  ],
}
