import type { CollectionConfig } from 'payload'

import { isModerator } from '../access/isModerator'
import { isStaff } from '../access/isStaff'
import { labelledSelect } from '../fields/labelledSelect'
import { SCREENING_WORDS_SLUG } from '../slugs'

export const SCREENING_ACTIONS = {
  reject: { zh: '拒绝', en: 'Reject' },
  review: { zh: '人工审核', en: 'Hold for review' },
  mask: { zh: '打码（**）', en: 'Mask (**)' },
  allow: { zh: '放行（白名单）', en: 'Allow (exception)' },
} as const

/**
 * The word lists every screened text is checked against. `allow` entries are exceptions: phrases
 * that contain a listed word but are fine.
 */
export const ScreeningWords: CollectionConfig<typeof SCREENING_WORDS_SLUG> = {
  slug: SCREENING_WORDS_SLUG,
  // Words screen what is written next; nothing already published changes with them.
  custom: { shownPublicly: () => false },
  labels: { singular: { en: 'Screening word', zh: '敏感词' }, plural: { en: 'Screening words', zh: '敏感词库' } },
  admin: { useAsTitle: 'phrase', defaultColumns: ['phrase', 'action', 'note', 'updatedAt'], group: { en: 'Readers', zh: '读者' } },
  access: { read: isStaff, create: isModerator, update: isModerator, delete: isModerator },
  fields: [
    { name: 'phrase', type: 'text', label: { en: 'Word or phrase', zh: '词语' }, required: true, unique: true, minLength: 1, maxLength: 50 },
    labelledSelect(SCREENING_ACTIONS, {
      name: 'action',
      label: { en: 'Action', zh: '处理方式' },
      required: true,
      defaultValue: 'review',
    }),
    { name: 'note', type: 'text', label: { en: 'Note', zh: '备注' }, maxLength: 200 },
  ],
}
