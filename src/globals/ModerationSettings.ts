import type { GlobalConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { isModerator } from '../access/isModerator'
import { DEFAULT_MODERATION_SETTINGS } from '../lib/moderation'
import { MODERATION_SETTINGS_SLUG } from '../slugs'

const positiveInteger = (max: number) => (value: null | number | undefined) =>
  value === null || value === undefined || (Number.isInteger(value) && value >= 0 && value <= max) || `0 – ${max}`

const numberField = (name: keyof typeof DEFAULT_MODERATION_SETTINGS, zh: string, en: string, max: number) => ({
  name,
  type: 'number' as const,
  label: { zh, en },
  defaultValue: DEFAULT_MODERATION_SETTINGS[name] as number,
  validate: positiveInteger(max),
})

/** How strictly comments are screened; empty fields fall back to the defaults in src/lib/moderation. */
export const ModerationSettings: GlobalConfig<typeof MODERATION_SETTINGS_SLUG> = {
  slug: MODERATION_SETTINGS_SLUG,
  custom: { shownPublicly: false },
  label: { en: 'Comment moderation', zh: '评论审核设置' },
  admin: { group: { en: 'Readers', zh: '读者' } },
  access: { read: isModerator, update: isAdmin },
  fields: [
    {
      name: 'mode',
      type: 'select',
      label: { en: 'Mode', zh: '审核模式' },
      defaultValue: DEFAULT_MODERATION_SETTINGS.mode,
      options: [
        { value: 'pre', label: { en: 'Pre-moderate new commenters', zh: '新读者先审后发' } },
        { value: 'post', label: { en: 'Post-moderation', zh: '先发后审' } },
        { value: 'all', label: { en: 'Pre-moderate every comment', zh: '全部先审后发' } },
      ],
    },
    numberField('newCommenterHold', '新读者前几条评论需审核', 'Hold a new reader’s first N comments', 100),
    numberField('maxLinks', '最多链接数（超出则审核）', 'Links allowed before holding', 50),
    numberField('readerIntervalSeconds', '同一读者两次评论最短间隔（秒）', 'Seconds between one reader’s comments', 3600),
    numberField('ipLimit', '同一 IP 在时间窗内最多评论数', 'Comments per IP per window', 10_000),
    numberField('ipWindowSeconds', 'IP 时间窗（秒）', 'IP window (seconds)', 86_400),
    numberField('repeatWindowSeconds', '重复评论检测时间窗（秒）', 'Repeat-post window (seconds)', 86_400),
  ],
}
