import type { CollectionConfig } from 'payload'

import { canCreateArticle } from '../../access/canCreateArticle'
import { canEditArticle } from '../../access/canEditArticle'
import { isPublisher } from '../../access/isPublisher'
import { isStaff, isStaffField } from '../../access/isStaff'
import { isStaffUser } from '../../access/roleChecks'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { serverWritten } from '../../access/serverWritten'
import { articleBodyEditor } from '../../fields/articleBodyEditor'
import { labelledSelect } from '../../fields/labelledSelect'
import { inNewsroomTime } from '../../fields/newsroomTime'
import { slugField } from '../../fields/slug'
import { hideDeniedRecords } from '../../hooks/hideDeniedRecords'
import { FEATURED_COMMENTS_SHOWN } from '../../lib/articlePage/assemble'
import { CORRECTION_KIND_LABELS, CORRECTION_NOTICE_LABELS, correctionJsonLd } from '../../lib/corrections'
import { ARTICLE_FIELD_LABELS } from '../../lib/review/articleHits'
import { EDITOR_ROLES } from '../../lib/roles'
import { articlePageEndpoint } from './endpoints/articlePage'
import { channelListEndpoint } from './endpoints/channelList'
import { hotArticlesEndpoint } from './endpoints/hotArticles'
import { issuePreviewToken, previewEndpoints, previewUrl } from './endpoints/preview'
import { reviewEndpoints } from './endpoints/review'
import { scheduleEndpoints } from './endpoints/schedule'
import { reviewFields } from './reviewFields'
import { copyResponsibleEditorName } from './hooks/copyResponsibleEditorName'
import { emitArticleDeletedWebhooks, emitArticleWebhooks, rememberLiveArticle } from './hooks/emitArticleWebhooks'
import { channelQueryByIds } from './hooks/channelQueryByIds'
import { keepApprovedCommentCount } from './hooks/keepApprovedCommentCount'
import { keepNonPublishersToDrafts } from './hooks/keepNonPublishersToDrafts'
import { keepSearchIndexCurrent } from './hooks/keepSearchIndexCurrent'
import { populatePublishedAt } from './hooks/populatePublishedAt'
import { selectPublishedAtTimeZone } from './hooks/selectPublishedAtTimeZone'
import { guardPublication, resetApprovalOnEdit } from './review/guardPublication'
import { keepCreator } from './hooks/keepCreator'
import { refuseForeignCorrectionRequests } from './hooks/refuseForeignCorrectionRequests'
import { refuseUnsafeLinks } from './hooks/refuseUnsafeLinks'
import { ARTICLES_SLUG, AUTHORS_SLUG, CATEGORIES_SLUG, COMMENTS_SLUG, CORRECTION_REQUESTS_SLUG, MEDIA_SLUG, TAGS_SLUG, USERS_SLUG } from '../../slugs'

/** Kept versions per article: enough for a busy story's whole life of edits. */
export const MAX_VERSIONS_PER_ARTICLE = 100

export const Articles: CollectionConfig<typeof ARTICLES_SLUG> = {
  slug: ARTICLES_SLUG,
  labels: { singular: { en: 'Article', zh: '文章' }, plural: { en: 'Articles', zh: '文章' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', 'responsibleEditor', 'reviewState', '_status', 'publishedAt'],
    // The list reads only the columns shown: ten articles' bodies were most of its time and its answer.
    enableListViewSelectAPI: true,
    group: { en: 'Content', zh: '内容' },
    components: { edit: { SaveDraftButton: '/components/SaveDraftButton#SaveDraftButton' } },
    // The admin's preview button opens the draft in the front end through a signed, expiring link.
    preview: (doc, { req }) => previewUrl(req.payload.config.serverURL, issuePreviewToken(req, Number(doc.id)).token),
  },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: canCreateArticle,
    update: canEditArticle,
    delete: isPublisher,
  },
  versions: {
    // Autosave, and 保存草稿 beside it (Payload hides that button under autosave unless asked).
    drafts: { autosave: { interval: 2000, showSaveDraftButton: true }, schedulePublish: true },
    maxPerDoc: MAX_VERSIONS_PER_ARTICLE,
  },
  endpoints: [articlePageEndpoint, channelListEndpoint, hotArticlesEndpoint, ...previewEndpoints, ...reviewEndpoints, ...scheduleEndpoints],
  hooks: {
    beforeOperation: [keepNonPublishersToDrafts, channelQueryByIds, selectPublishedAtTimeZone],
    beforeValidate: [refuseUnsafeLinks],
    beforeChange: [refuseForeignCorrectionRequests, keepCreator, copyResponsibleEditorName, populatePublishedAt, resetApprovalOnEdit, guardPublication, rememberLiveArticle],
    afterChange: [keepSearchIndexCurrent, emitArticleWebhooks],
    afterDelete: [emitArticleDeletedWebhooks],
    afterRead: [hideDeniedRecords(['reviewHistory'], isStaffUser)],
  },
  fields: [
    { name: 'title', type: 'text', label: ARTICLE_FIELD_LABELS.title, required: true, maxLength: 200 },
    slugField('title'),
    { name: 'summary', type: 'textarea', label: ARTICLE_FIELD_LABELS.summary, maxLength: 500 },
    {
      name: 'source',
      type: 'text',
      label: ARTICLE_FIELD_LABELS.source,
      maxLength: 100,
      admin: { description: { en: 'The outlet or person the story comes from.', zh: '稿件来源：媒体或个人。' } },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: AUTHORS_SLUG,
      hasMany: true,
      label: { en: 'Bylines', zh: '作者署名' },
      admin: { description: { en: 'In the order they are shown.', zh: '按显示顺序排列。' } },
    },
    {
      name: 'responsibleEditor',
      type: 'relationship',
      relationTo: USERS_SLUG,
      label: { en: 'Responsible editor', zh: '责任编辑' },
      filterOptions: { roles: { in: [...EDITOR_ROLES] } },
      access: { read: isStaffField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'responsibleEditorName',
      type: 'text',
      label: { en: 'Responsible editor (shown)', zh: '责任编辑（显示）' },
      admin: { position: 'sidebar', readOnly: true },
      access: serverWritten(),
    },
    {
      name: 'category',
      type: 'relationship',
      relationTo: CATEGORIES_SLUG,
      label: { en: 'Channel', zh: '频道' },
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'tags',
      type: 'relationship',
      relationTo: TAGS_SLUG,
      hasMany: true,
      label: { en: 'Tags', zh: '标签' },
      admin: { position: 'sidebar' },
    },
    { name: 'coverImage', type: 'upload', relationTo: MEDIA_SLUG, label: { en: 'Cover image', zh: '封面图' } },
    { name: 'body', type: 'richText', label: ARTICLE_FIELD_LABELS.body, editor: articleBodyEditor },
    {
      name: 'publishedAt',
      type: 'date',
      label: { en: 'Published at', zh: '发布时间' },
      index: true,
      timezone: inNewsroomTime,
      admin: {
        position: 'sidebar',
        description: { en: 'Set at first publication when empty.', zh: '留空则在首次发布时自动填写。' },
      },
    },
    {
      name: 'allowComments',
      type: 'checkbox',
      label: { en: 'Allow comments', zh: '允许评论' },
      defaultValue: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'corrections',
      type: 'array',
      label: CORRECTION_NOTICE_LABELS.corrections,
      labels: { singular: CORRECTION_NOTICE_LABELS.notice, plural: CORRECTION_NOTICE_LABELS.corrections },
      admin: { description: { en: 'Shown at the end of the article once it is published.', zh: '文章发布后显示在文末。' } },
      fields: [
        { name: 'date', type: 'date', label: { en: 'Date', zh: '日期' }, required: true, defaultValue: () => new Date().toISOString() },
        labelledSelect(CORRECTION_KIND_LABELS, {
          name: 'kind',
          label: { en: 'Kind', zh: '类型' },
          required: true,
          defaultValue: 'correction',
        }),
        { name: 'text', type: 'textarea', label: { en: 'Notice (public)', zh: '说明文字（公开）' }, required: true, maxLength: 2000 },
        {
          name: 'request',
          type: 'relationship',
          relationTo: CORRECTION_REQUESTS_SLUG,
          label: CORRECTION_NOTICE_LABELS.request,
          maxDepth: 0,
          // This article's own requests only (`refuseForeignCorrectionRequests` holds every route to it); a new article has none.
          filterOptions: ({ id }) => (id ? { article: { equals: id } } : false),
        },
      ],
    },
    {
      name: 'correctionsJsonLd',
      type: 'json',
      label: { en: 'schema.org corrections', zh: '结构化更正数据' },
      virtual: true,
      admin: { readOnly: true, hidden: true },
      hooks: { afterRead: [({ siblingData }) => correctionJsonLd(siblingData.corrections ?? [])] },
    },
    {
      // 精彩评论 come with the article itself (REST and GraphQL), so its page needs no second request.
      name: 'featuredComments',
      type: 'join',
      collection: COMMENTS_SLUG,
      on: 'article',
      // Only featured ones, not deleted; the comments' own read access keeps the public to approved comments.
      where: { featured: { equals: true }, deletedAt: { exists: false } },
      defaultLimit: FEATURED_COMMENTS_SHOWN,
      defaultSort: '-createdAt',
      maxDepth: 1,
      label: { en: 'Featured comments', zh: '精彩评论' },
    },
    {
      name: 'approvedCommentCount',
      type: 'number',
      label: { en: 'Approved comments', zh: '已通过评论数' },
      defaultValue: 0,
      access: serverWritten(),
      hooks: { beforeChange: [keepApprovedCommentCount] },
      admin: { position: 'sidebar', readOnly: true },
    },
    ...reviewFields,
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: USERS_SLUG,
      label: { en: 'Created by', zh: '创建人' },
      access: serverWritten(isStaffField),
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
