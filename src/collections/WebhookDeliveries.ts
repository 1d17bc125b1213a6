import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { nobody } from '../access/nobody'
import { jsonViewAdmin } from '../fields/jsonView'
import { labelledSelect } from '../fields/labelledSelect'
import { SEARCH_ENGINE_LABELS } from '../lib/discovery/searchEnginePush'
import { DELIVERY_STATUS_LABELS } from '../lib/webhooks/delivery'
import { WEBHOOK_EVENT_LABELS } from '../lib/webhooks/events'
import { WEBHOOKS_SLUG, WEBHOOK_DELIVERIES_SLUG } from '../slugs'

/**
 * The delivery log: one record per event sent to a webhook, or per new article pushed to a search
 * engine, written only by the server (the emitting hooks and the `deliverWebhook` job), read by
 * admins to see what a receiver got and answered.
 */
export const WebhookDeliveries: CollectionConfig<typeof WEBHOOK_DELIVERIES_SLUG> = {
  slug: WEBHOOK_DELIVERIES_SLUG,
  // The log is admin-only: no public response shows it.
  custom: { shownPublicly: () => false },
  labels: { singular: { en: 'Webhook delivery', zh: 'Webhook 推送记录' }, plural: { en: 'Webhook deliveries', zh: 'Webhook 推送记录' } },
  admin: {
    useAsTitle: 'event',
    // The list's search box matches text; the title, a select, cannot be matched that way.
    listSearchableFields: ['deliveryId', 'url', 'error'],
    defaultColumns: ['event', 'webhook', 'searchEngine', 'status', 'responseCode', 'attempts', 'lastAttemptAt', 'createdAt'],
    group: { en: 'Administration', zh: '系统管理' },
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'deliveryId',
      type: 'text',
      label: { en: 'Delivery id (sent as x-newsroom-delivery)', zh: '推送编号（x-newsroom-delivery）' },
      required: true,
      unique: true,
    },
    { name: 'webhook', type: 'relationship', relationTo: WEBHOOKS_SLUG, label: { en: 'Webhook', zh: 'Webhook' }, index: true, maxDepth: 0 },
    labelledSelect(SEARCH_ENGINE_LABELS, {
      name: 'searchEngine',
      label: { en: 'Search engine', zh: '搜索引擎' },
      admin: { description: { en: 'Set on a push of new articles to a search engine (no webhook).', zh: '向搜索引擎推送新文章时填写（此时没有 Webhook）。' } },
    }),
    labelledSelect(WEBHOOK_EVENT_LABELS, {
      name: 'event',
      label: { en: 'Event', zh: '事件' },
      required: true,
    }),
    { name: 'url', type: 'text', label: { en: 'Sent to', zh: '发送地址' }, required: true },
    labelledSelect(DELIVERY_STATUS_LABELS, {
      name: 'status',
      label: { en: 'Status', zh: '状态' },
      required: true,
      defaultValue: 'pending',
      index: true,
    }),
    { name: 'attempts', type: 'number', label: { en: 'Attempts', zh: '尝试次数' }, defaultValue: 0 },
    { name: 'responseCode', type: 'number', label: { en: 'Response code', zh: '响应状态码' } },
    { name: 'error', type: 'text', label: { en: 'Last error', zh: '最近错误' } },
    { name: 'lastAttemptAt', type: 'date', label: { en: 'Last attempt', zh: '最近尝试时间' } },
    { name: 'deliveredAt', type: 'date', label: { en: 'Delivered at', zh: '送达时间' } },
    { name: 'requestBody', type: 'json', label: { en: 'Body sent', zh: '推送内容' }, admin: jsonViewAdmin },
  ],
}
