import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { ownNotificationsOrAdmin } from '../../access/ownNotificationsOrAdmin'
import { serverWritten } from '../../access/serverWritten'
import { labelledSelect } from '../../fields/labelledSelect'
import { MODERATION_OUTCOME_LABELS, NOTIFICATION_KIND_LABELS } from '../../lib/notifications'
import { notificationEndpoints } from './endpoints/read'
import { ARTICLES_SLUG, COMMENTS_SLUG, NOTIFICATIONS_SLUG, READERS_SLUG } from '../../slugs'

/**
 * 通知: what a reader is told about their comments, written by the server only when a comment's
 * status changes (`noticeCommentDecision`). The reader lists their own, counts the unread and marks
 * them read (`POST /api/notifications/read`); admins may read them, to help a reader; nobody writes
 * them through the API. They go with the reader's account and with the comment they are about.
 */
export const Notifications: CollectionConfig<typeof NOTIFICATIONS_SLUG> = {
  slug: NOTIFICATIONS_SLUG,
  // Each one is its reader's: no public response shows any.
  custom: { shownPublicly: () => false },
  labels: { singular: { en: 'Notification', zh: '通知' }, plural: { en: 'Notifications', zh: '通知' } },
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'commentExcerpt',
    defaultColumns: ['reader', 'kind', 'outcome', 'articleTitle', 'commentExcerpt', 'readAt', 'createdAt'],
    group: { en: 'Readers', zh: '读者' },
    description: { en: 'What readers were told about their comments. Read-only.', zh: '读者收到的评论通知，只读。' },
  },
  access: { read: ownNotificationsOrAdmin, create: nobody, update: nobody, delete: nobody },
  endpoints: notificationEndpoints,
  fields: [
    { name: 'reader', type: 'relationship', relationTo: READERS_SLUG, label: { en: 'Reader', zh: '读者' }, required: true, index: true, maxDepth: 0, access: serverWritten() },
    labelledSelect(NOTIFICATION_KIND_LABELS, { name: 'kind', label: { en: 'Kind', zh: '类型' }, required: true, access: serverWritten() }),
    labelledSelect(MODERATION_OUTCOME_LABELS, {
      name: 'outcome',
      label: { en: 'Outcome', zh: '审核结果' },
      access: serverWritten(),
      admin: { condition: (data) => data?.kind === 'moderation' },
    }),
    { name: 'article', type: 'relationship', relationTo: ARTICLES_SLUG, label: { en: 'Article', zh: '文章' }, maxDepth: 0, access: serverWritten() },
    // As they were when the notice was written: the notice still reads right if the article is renamed or taken down.
    { name: 'articleTitle', type: 'text', label: { en: 'Article title', zh: '文章标题' }, access: serverWritten() },
    { name: 'articleSlug', type: 'text', label: { en: 'Article slug', zh: '文章别名' }, access: serverWritten() },
    {
      // The reader's own comment that was decided, or the reply to it that was published.
      name: 'comment',
      type: 'relationship',
      relationTo: COMMENTS_SLUG,
      label: { en: 'Comment', zh: '评论' },
      maxDepth: 0,
      access: serverWritten(),
    },
    { name: 'commentExcerpt', type: 'text', label: { en: 'Comment', zh: '评论摘要' }, access: serverWritten() },
    {
      name: 'inReplyTo',
      type: 'relationship',
      relationTo: COMMENTS_SLUG,
      label: { en: 'In reply to', zh: '被回复的评论' },
      maxDepth: 0,
      access: serverWritten(),
      admin: { condition: (data) => data?.kind === 'reply' },
    },
    { name: 'replierName', type: 'text', label: { en: 'Replied by', zh: '回复者' }, access: serverWritten(), admin: { condition: (data) => data?.kind === 'reply' } },
    // Set by `POST /api/notifications/read`; empty while unread.
    { name: 'readAt', type: 'date', label: { en: 'Read at', zh: '已读时间' }, index: true, access: serverWritten() },
    {
      // One notice per event (see NoticeDue.key in src/lib/notifications): the unique index refuses a second.
      name: 'key',
      type: 'text',
      unique: true,
      access: { read: nobody, create: nobody, update: nobody },
      admin: { hidden: true },
    },
  ],
}
