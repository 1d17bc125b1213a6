import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isAdmin } from '../../access/isAdmin'
import { isEditorOrModerator, isEditorOrModeratorField } from '../../access/isEditorOrModerator'
import { nobody } from '../../access/nobody'
import { isModeratorUser } from '../../access/roleChecks'
import { ownRequestOrTriager } from '../../access/ownRequestOrTriager'
import { serverWritten } from '../../access/serverWritten'
import { clientAddressField } from '../../fields/adminOnlyPersonalData'
import { changeLog } from '../../fields/changeLog'
import { jsonViewAdmin } from '../../fields/jsonView'
import { labelledSelect } from '../../fields/labelledSelect'
import { requireBoundPhone } from '../../hooks/requireBoundPhone'
import { CORRECTION_FIELD_LABELS, CORRECTION_STATUS_LABELS, ERROR_TYPE_LABELS } from '../../lib/corrections'
import { lookupCorrectionRequest } from './endpoints/lookup'
import { enforceCorrectionWorkflow } from './hooks/enforceCorrectionWorkflow'
import { keepTitle } from './hooks/keepTitle'
import { notifyReporter } from './hooks/notifyReporter'
import { receiveCorrectionRequest, revealLookupToken } from './hooks/receiveCorrectionRequest'
import { ARTICLES_SLUG, CORRECTION_REQUESTS_SLUG, READERS_SLUG, USERS_SLUG } from '../../slugs'

/** Staff who triage: editors, moderators and admins. */
const triagersOnly = { read: isEditorOrModeratorField, create: isEditorOrModeratorField, update: isEditorOrModeratorField }

/**
 * 纠错: anyone reports an error in an article; editors and moderators triage it through the allowed
 * transitions, and an accepted one becomes a correction notice on the article.
 */
export const CorrectionRequests: CollectionConfig<typeof CORRECTION_REQUESTS_SLUG> = {
  slug: CORRECTION_REQUESTS_SLUG,
  // Requests are private; what readers see of them is the notice added to the article.
  custom: { shownPublicly: () => false },
  labels: { singular: { en: 'Correction request', zh: '纠错' }, plural: { en: 'Correction requests', zh: '纠错' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'article', 'readerName', 'assignee', 'createdAt'],
    // The title quotes the start of the passage; the search box finds words anywhere in it.
    listSearchableFields: ['title', 'quote'],
    group: { en: 'Content', zh: '内容' },
    description: {
      en: 'Queues: filter by status; by article and error type. Status changes follow the allowed transitions.',
      zh: '按状态分队列处理，可按文章和错误类型筛选；状态只能按规定流转。',
    },
  },
  access: {
    create: anyone,
    read: ownRequestOrTriager,
    update: isEditorOrModerator,
    delete: isAdmin,
  },
  endpoints: [lookupCorrectionRequest],
  hooks: {
    beforeOperation: [requireBoundPhone()],
    beforeChange: [receiveCorrectionRequest, enforceCorrectionWorkflow],
    afterChange: [keepTitle, revealLookupToken, notifyReporter],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { en: 'Title', zh: '标题' },
      access: serverWritten(),
      admin: { readOnly: true, description: { en: 'Number · day received · error type · passage', zh: '编号 · 提交日期 · 错误类型 · 原文' } },
    },
    { name: 'article', type: 'relationship', relationTo: ARTICLES_SLUG, label: CORRECTION_FIELD_LABELS.article, required: true, index: true, maxDepth: 0, access: { update: nobody } },
    labelledSelect(ERROR_TYPE_LABELS, {
      name: 'errorType',
      label: { en: 'Error type', zh: '错误类型' },
      required: true,
      index: true,
      access: { update: isEditorOrModeratorField },
    }),
    { name: 'quote', type: 'textarea', label: CORRECTION_FIELD_LABELS.quote, required: true, maxLength: 1000, access: { update: nobody } },
    { name: 'suggestion', type: 'textarea', label: CORRECTION_FIELD_LABELS.suggestion, maxLength: 2000, access: { update: nobody } },
    { name: 'explanation', type: 'textarea', label: CORRECTION_FIELD_LABELS.explanation, maxLength: 2000, access: { update: nobody } },
    { name: 'reporterName', type: 'text', label: CORRECTION_FIELD_LABELS.reporterName, maxLength: 50, access: { read: isEditorOrModeratorField, update: nobody } },
    { name: 'reporterEmail', type: 'email', label: { en: 'Reporter email', zh: '提交人邮箱' }, access: { read: isEditorOrModeratorField, update: nobody } },
    {
      name: 'website',
      type: 'text',
      virtual: true,
      label: CORRECTION_FIELD_LABELS.website,
      admin: { hidden: true },
      access: { read: nobody },
    },
    {
      // Written from the reader's account (`refreshReaderNameOnCorrectionRequests` follows a rename), so
      // editors, who may not open readers' accounts, see who sent it.
      name: 'readerName',
      type: 'text',
      label: { en: 'Reader', zh: '读者' },
      access: serverWritten(isEditorOrModeratorField),
      admin: { readOnly: true },
    },
    {
      name: 'reader',
      type: 'relationship',
      relationTo: READERS_SLUG,
      label: { en: "Reader's account", zh: '读者账号' },
      maxDepth: 0,
      access: serverWritten(isEditorOrModeratorField),
      admin: {
        readOnly: true,
        // Shown, listed and filtered by only to those who may open readers' accounts; the rest see `readerName`.
        condition: (_data, _siblingData, { user }) => isModeratorUser(user),
        disableListColumn: true,
        disableListFilter: true,
      },
    },
    labelledSelect(CORRECTION_STATUS_LABELS, {
      name: 'status',
      label: CORRECTION_FIELD_LABELS.status,
      required: true,
      defaultValue: 'new',
      index: true,
      access: { create: nobody, update: isEditorOrModeratorField },
      admin: { position: 'sidebar' },
    }),
    { name: 'assignee', type: 'relationship', relationTo: USERS_SLUG, label: { en: 'Assignee', zh: '处理人' }, access: triagersOnly, admin: { position: 'sidebar' } },
    { name: 'replyToReporter', type: 'textarea', label: { en: 'Reply to the reporter', zh: '回复提交人' }, maxLength: 2000, access: { create: nobody, update: isEditorOrModeratorField } },
    { name: 'internalNotes', type: 'textarea', label: { en: 'Internal notes', zh: '内部备注' }, maxLength: 5000, access: triagersOnly },
    {
      name: 'noNoticeReason',
      type: 'text',
      label: CORRECTION_FIELD_LABELS.noNoticeReason,
      maxLength: 500,
      access: triagersOnly,
      admin: { description: { en: 'Required to mark as corrected without a notice on the article.', zh: '若标记为已更正但文章无更正说明，须填写理由。' } },
    },
    {
      name: 'statusNote',
      type: 'text',
      label: { en: 'Note for the history', zh: '状态变更备注' },
      virtual: true,
      access: triagersOnly,
      // Payload shows virtual fields read-only unless told otherwise; this one is typed into and logged.
      admin: { position: 'sidebar', readOnly: false },
    },
    { name: 'quoteFound', type: 'checkbox', label: { en: 'Quote found in the article', zh: '原文可在文章中找到' }, access: serverWritten(isEditorOrModeratorField), admin: { readOnly: true, position: 'sidebar' } },
    { name: 'normalisedQuote', type: 'text', index: true, access: serverWritten(isEditorOrModeratorField), admin: { hidden: true } },
    {
      name: 'duplicateOf',
      type: 'relationship',
      relationTo: CORRECTION_REQUESTS_SLUG,
      label: { en: 'Duplicate of', zh: '重复于' },
      maxDepth: 0,
      access: { read: isEditorOrModeratorField, create: nobody, update: isEditorOrModeratorField },
      admin: { position: 'sidebar' },
    },
    { name: 'screening', type: 'json', label: { en: 'Screening', zh: '筛查结果' }, access: serverWritten(isEditorOrModeratorField), admin: jsonViewAdmin },
    { name: 'lookupTokenHash', type: 'text', index: true, access: serverWritten(nobody), admin: { hidden: true } },
    clientAddressField(),
    changeLog({ name: 'history', label: { en: 'History', zh: '处理记录' }, read: isEditorOrModeratorField }, { changes: 'status', note: true }),
  ],
}
