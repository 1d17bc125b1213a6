import type { Field } from 'payload'

import { isStaffField } from '../../access/isStaff'
import { serverWritten } from '../../access/serverWritten'
import { logRowLabel } from '../../fields/changeLog'
import { jsonViewAdmin } from '../../fields/jsonView'
import { labelledSelect } from '../../fields/labelledSelect'
import { REVIEW_HISTORY_ACTION_LABELS, REVIEW_STATE_LABELS } from '../../lib/review/states'
import { USERS_SLUG } from '../../slugs'

/** Written only by the server (the review endpoint and the publishing hooks), read only by staff. */
const staffReadServerWritten = serverWritten(isStaffField)

/**
 * The review workflow's record on the article: where it stands, who approved it, every transition
 * with its note, an editor-in-chief's override of words held for review, and where an imported
 * article came from.
 */
export const reviewFields: Field[] = [
  {
    // The transitions are buttons, never a field anyone types into.
    name: 'reviewActions',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/components/ReviewPanel#ReviewPanel' } },
  },
  labelledSelect(REVIEW_STATE_LABELS, {
    name: 'reviewState',
    label: { en: 'Review', zh: '审核状态' },
    defaultValue: 'draft',
    index: true,
    access: staffReadServerWritten,
    admin: { position: 'sidebar', readOnly: true },
  }),
  {
    name: 'approvedBy',
    type: 'relationship',
    relationTo: USERS_SLUG,
    label: { en: 'Approved by', zh: '审核人' },
    access: staffReadServerWritten,
    admin: { position: 'sidebar', readOnly: true },
  },
  { name: 'approvedAt', type: 'date', label: { en: 'Approved at', zh: '审核时间' }, access: staffReadServerWritten, admin: { position: 'sidebar', readOnly: true } },
  {
    name: 'reviewHistory',
    type: 'array',
    label: { en: 'Review history', zh: '审核记录' },
    access: staffReadServerWritten,
    // Its entries move the review state: `from` and `to` are `reviewState` values.
    admin: { readOnly: true, initCollapsed: true, components: { RowLabel: logRowLabel('reviewState') } },
    fields: [
      labelledSelect(REVIEW_HISTORY_ACTION_LABELS, { name: 'action', label: { en: 'Action', zh: '操作' }, required: true }),
      { name: 'from', type: 'text', label: { en: 'From', zh: '原状态' } },
      { name: 'to', type: 'text', label: { en: 'To', zh: '新状态' } },
      { name: 'by', type: 'relationship', relationTo: USERS_SLUG, label: { en: 'By', zh: '操作人' } },
      { name: 'at', type: 'date', label: { en: 'When', zh: '时间' }, required: true },
      { name: 'note', type: 'textarea', label: { en: 'Note', zh: '备注' }, maxLength: 2000 },
    ],
  },
  {
    name: 'screeningOverride',
    type: 'group',
    label: { en: 'Screening override', zh: '敏感词放行' },
    access: staffReadServerWritten,
    admin: { readOnly: true, condition: (data) => Boolean(data?.screeningOverride?.reason) },
    fields: [
      { name: 'words', type: 'json', label: { en: 'Words let through', zh: '放行词语' }, admin: jsonViewAdmin },
      { name: 'reason', type: 'textarea', label: { en: 'Reason', zh: '理由' } },
      { name: 'by', type: 'relationship', relationTo: USERS_SLUG, label: { en: 'By', zh: '操作人' } },
      { name: 'at', type: 'date', label: { en: 'When', zh: '时间' } },
    ],
  },
  {
    name: 'importedFrom',
    type: 'group',
    label: { en: 'Imported from', zh: '导入来源' },
    access: staffReadServerWritten,
    admin: { readOnly: true, condition: (data) => Boolean(data?.importedFrom?.originalId) },
    fields: [
      { name: 'system', type: 'text', label: { en: 'System', zh: '来源系统' } },
      { name: 'originalId', type: 'text', label: { en: 'Original id', zh: '原始编号' }, index: true },
    ],
  },
]
