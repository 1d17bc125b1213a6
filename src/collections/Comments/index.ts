import type { CollectionConfig, FieldAccess } from 'payload'

import { approvedOrOwnOrStaff } from '../../access/approvedOrOwnOrStaff'
import { adminTrashes } from '../../access/adminTrashes'
import { isModerator, isModeratorField } from '../../access/isModerator'
import { isReader } from '../../access/isReader'
import { nobody } from '../../access/nobody'
import { serverWritten } from '../../access/serverWritten'
import { hideDeniedRecords } from '../../hooks/hideDeniedRecords'
import { requireBoundPhone } from '../../hooks/requireBoundPhone'
import { isModeratorUser, isReaderUser } from '../../access/roleChecks'
import { clientAddressField } from '../../fields/adminOnlyPersonalData'
import { ipRegionField } from '../../fields/ipRegion'
import { changeLog } from '../../fields/changeLog'
import { labelledSelect } from '../../fields/labelledSelect'
import { COMMENT_FIELD_LABELS, COMMENT_STATUS_LABELS, FEATURED_LABEL } from '../../lib/moderation'
import { commentLikeEndpoints } from './endpoints/like'
import { reportComment } from './endpoints/report'
import { countAfterDelete, countApprovedComments } from './hooks/countApprovedComments'
import { emitCommentWebhooks } from './hooks/emitCommentWebhooks'
import { logModeration } from './hooks/logModeration'
import { moderateNewComment } from './hooks/moderateNewComment'
import { notifyReaders } from './hooks/notifyReaders'
import { stampIpRegion } from './hooks/stampIpRegion'
import type { Comment } from '../../payload-types'
import { ARTICLES_SLUG, COMMENTS_SLUG, READERS_SLUG } from '../../slugs'

/** Moderation data: moderators and admins only, never the public or the commenter. */
const moderatorsRead = serverWritten(isModeratorField)
const ownerOrModerator: FieldAccess = ({ req, doc }) =>
  isModeratorUser(req.user) || (isReaderUser(req.user) && String(req.user!.id) === String(typeof doc?.reader === 'object' ? doc?.reader?.id : doc?.reader))

/**
 * Readers' comments. Every new one passes the moderation pipeline (src/lib/moderation), which may
 * refuse it or decide its status; moderators then approve, reject, mark spam and feature (精彩评论).
 */
export const Comments: CollectionConfig<typeof COMMENTS_SLUG> = {
  slug: COMMENTS_SLUG,
  // Only approved comments reach readers, until deleted; the response cache ignores changes to the others.
  custom: { shownPublicly: (doc: object) => (doc as Comment).status === 'approved' && !(doc as Comment).deletedAt },
  // Deleting moves a comment to the trash, out of the public's sight at once; its record stays there
  // for RECORD_RETENTION_DAYS (互联网跟帖评论服务管理规定: 六个月), then the purge job deletes it.
  trash: true,
  labels: { singular: { en: 'Comment', zh: '评论' }, plural: { en: 'Comments', zh: '评论' } },
  // Newest first, in the admin's list as in the API, unless a sort is asked for.
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['body', 'commenter', 'article', 'screening', 'reportCount', 'likeCount', 'status', 'featured', 'createdAt'],
    group: { en: 'Readers', zh: '读者' },
    listSearchableFields: ['body'],
    description: {
      en: 'Moderators land on the pending queue, newest first; change the filter for the other statuses or for reports > 0. Tick several rows to approve, reject, mark as spam or feature them together.',
      zh: '审核员打开即为待审核队列（最新在前）；改筛选条件可查看其他状态或“被举报次数 > 0”的评论。勾选多条可批量通过、拒绝、标为垃圾评论或设为精彩评论。',
    },
    components: {
      beforeList: ['/components/OpenOnPendingQueue#OpenOnPendingQueue'],
      beforeListTable: ['/components/CommentBulkActions#CommentBulkActions'],
    },
  },
  access: {
    read: approvedOrOwnOrStaff,
    create: isReader,
    update: isModerator,
    delete: adminTrashes,
  },
  defaultPopulate: { body: true, commenter: true, createdAt: true, likeCount: true, ipRegion: true },
  endpoints: [reportComment, ...commentLikeEndpoints],
  hooks: {
    beforeOperation: [requireBoundPhone()],
    beforeChange: [moderateNewComment, stampIpRegion, logModeration],
    afterChange: [countApprovedComments, emitCommentWebhooks, notifyReaders],
    afterRead: [hideDeniedRecords(['reports', 'moderationLog'], isModeratorUser)],
    afterDelete: [countAfterDelete],
  },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: ARTICLES_SLUG,
      label: COMMENT_FIELD_LABELS.article,
      required: true,
      index: true,
      maxDepth: 0,
      access: { update: nobody },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: COMMENTS_SLUG,
      label: COMMENT_FIELD_LABELS.parent,
      index: true,
      maxDepth: 0,
      access: { update: nobody },
    },
    {
      name: 'body',
      type: 'textarea',
      label: COMMENT_FIELD_LABELS.body,
      required: true,
      maxLength: 2000,
      access: { update: nobody },
    },
    {
      name: 'commenter',
      type: 'group',
      label: { en: 'Commenter', zh: '评论者' },
      admin: { readOnly: true, components: { Cell: '/components/Commenter#CommenterCell' } },
      access: serverWritten(),
      fields: [
        { name: 'displayName', type: 'text', label: { en: 'Name', zh: '昵称' } },
        { name: 'avatarUrl', type: 'text', label: { en: 'Avatar', zh: '头像' } },
        {
          // The code readers' API answers with; the admin shows its name.
          name: 'profession',
          type: 'text',
          label: { en: 'Verified profession', zh: '认证职业' },
          admin: { components: { Field: '/components/Commenter#ProfessionField', Cell: '/components/Commenter#ProfessionCell' } },
        },
        { name: 'professionLabel', type: 'text', label: { en: 'Profession shown', zh: '职业显示' } },
      ],
    },
    { name: 'replyCount', type: 'number', label: { en: 'Replies', zh: '回复数' }, defaultValue: 0, admin: { readOnly: true }, access: serverWritten() },
    {
      // Kept by the database itself, from the comment_likes rows (see the comment_likes migration), so
      // it stays exact under concurrent likes and costs a hot page one column read.
      name: 'likeCount',
      type: 'number',
      label: { en: 'Likes', zh: '点赞数' },
      defaultValue: 0,
      admin: { readOnly: true },
      access: serverWritten(),
    },
    labelledSelect(COMMENT_STATUS_LABELS, {
      name: 'status',
      label: { en: 'Status', zh: '状态' },
      required: true,
      defaultValue: 'pending',
      index: true,
      access: { read: ownerOrModerator, create: isModeratorField, update: isModeratorField },
      admin: { position: 'sidebar' },
    }),
    {
      name: 'featured',
      type: 'checkbox',
      label: FEATURED_LABEL,
      defaultValue: false,
      index: true,
      access: { create: isModeratorField, update: isModeratorField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'moderationNote',
      type: 'text',
      label: { en: 'Note for the log', zh: '处理备注' },
      virtual: true,
      access: { read: isModeratorField, create: isModeratorField, update: isModeratorField },
      admin: {
        position: 'sidebar',
        // Payload shows virtual fields read-only unless told otherwise; this one is typed into and logged.
        readOnly: false,
        description: { en: 'Saved with this change in the moderation log.', zh: '随本次处理写入处理记录。' },
      },
    },
    {
      name: 'reader',
      type: 'relationship',
      relationTo: READERS_SLUG,
      label: { en: 'Reader', zh: '读者' },
      index: true,
      maxDepth: 0,
      access: serverWritten(ownerOrModerator),
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'screening',
      type: 'json',
      label: { en: 'Screening', zh: '筛查结果' },
      access: moderatorsRead,
      admin: { readOnly: true, components: { Field: '/components/ScreeningSummary#ScreeningField', Cell: '/components/ScreeningSummary#ScreeningCell' } },
    },
    { name: 'maskedOriginal', type: 'textarea', label: { en: 'Original before masking', zh: '屏蔽前原文' }, access: moderatorsRead, admin: { readOnly: true } },
    clientAddressField(),
    ipRegionField(),
    {
      // With the article, how a re-import of an archive finds the comment it brought (see docs/operations.md).
      name: 'originalId',
      type: 'text',
      label: { en: 'Original id', zh: '原始编号' },
      index: true,
      access: moderatorsRead,
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.originalId) },
    },
    { name: 'reportCount', type: 'number', label: { en: 'Reports', zh: '被举报次数' }, defaultValue: 0, index: true, access: moderatorsRead, admin: { readOnly: true } },
    {
      name: 'reports',
      type: 'array',
      label: { en: 'Reports', zh: '举报' },
      access: moderatorsRead,
      admin: { readOnly: true },
      fields: [
        { name: 'reason', type: 'text', label: { en: 'Reason', zh: '理由' } },
        { name: 'reader', type: 'relationship', relationTo: READERS_SLUG, label: { en: 'Reader', zh: '读者' } },
        { name: 'at', type: 'date', label: { en: 'When', zh: '时间' } },
      ],
    },
    changeLog({ name: 'moderationLog', label: { en: 'Moderation log', zh: '处理记录' }, read: isModeratorField }, { changes: 'fields', note: true }),
  ],
}
