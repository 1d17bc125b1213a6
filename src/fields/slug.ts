import type { CollectionSlug, TextField } from 'payload'
import { ValidationError } from 'payload'

import { firstFreeSlug, isValidSlug, slugify } from '../lib/slugify'

const SLUG_RULE = '只能包含小写字母、数字和连字符，最长 80 个字符 (lower-case letters, digits and hyphens only, at most 80)'

/**
 * A unique, URL-safe slug. Left empty, it is made from `sourceField` (Chinese becomes pinyin) and
 * numbered when already taken; typed in, it must be lower-case letters, digits and hyphens.
 */
export function slugField(sourceField = 'title'): TextField {
  return {
    name: 'slug',
    type: 'text',
    label: { en: 'Slug', zh: '网址别名' },
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: {
        en: `Leave empty to generate from the ${sourceField === 'title' ? 'title' : 'name'} (pinyin).`,
        zh: `留空则按${sourceField === 'title' ? '标题' : '名称'}自动生成（拼音）。`,
      },
    },
    validate: (value: null | string | undefined) => !value || isValidSlug(value) || SLUG_RULE,
    hooks: {
      beforeValidate: [
        async ({ value, data, originalDoc, req, collection }) => {
          if (typeof value === 'string' && value.trim() !== '') {
            // Checked here as well as in `validate`: drafts skip validation, and a draft's slug is already its URL.
            if (!isValidSlug(value.trim())) {
              throw new ValidationError({ collection: collection?.slug, errors: [{ path: 'slug', message: SLUG_RULE }], req })
            }
            return value.trim()
          }
          const source = data?.[sourceField] ?? originalDoc?.[sourceField]
          if (typeof source !== 'string' || !collection) return value
          const base = slugify(source)
          if (!base) return value
          const ownId = originalDoc?.id
          return firstFreeSlug(base, async (candidate) => {
            const { totalDocs } = await req.payload.count({
              collection: collection.slug as CollectionSlug,
              where: {
                and: [{ slug: { equals: candidate } }, ...(ownId ? [{ id: { not_equals: ownId } }] : [])],
              },
              req,
              overrideAccess: true,
            })
            return totalDocs > 0
          })
        },
      ],
    },
  }
}
