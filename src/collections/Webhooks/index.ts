import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { isAdmin, isAdminField } from '../../access/isAdmin'
import { serverWritten } from '../../access/serverWritten'
import { labelledSelect } from '../../fields/labelledSelect'
import { say } from '../../i18n/requestMessages'
import { WEBHOOK_EVENT_LABELS } from '../../lib/webhooks/events'
import { checkWebhookDestination, WEBHOOK_ALLOW_PRIVATE_URLS } from '../../lib/webhooks/url'
import { clearTimeOutOnNewUrl } from './hooks/clearTimeOutOnNewUrl'
import { fillSecret } from './hooks/fillSecret'
import { WEBHOOKS_SLUG } from '../../slugs'

const validUrl: TextFieldSingleValidation = async (value, { req }) => {
  const check = await checkWebhookDestination(value, { allowPrivate: WEBHOOK_ALLOW_PRIVATE_URLS })
  return check.ok || say(req, check.message)
}

/**
 * Front ends' receivers (a CDN purge, a static rebuild): each gets a signed POST for the events it
 * subscribes to, delivered by the `deliverWebhook` job and logged in `webhook-deliveries`.
 */
export const Webhooks: CollectionConfig<typeof WEBHOOKS_SLUG> = {
  slug: WEBHOOKS_SLUG,
  // Admin-only configuration: no public response shows it.
  custom: { shownPublicly: () => false },
  labels: { singular: { en: 'Webhook', zh: 'Webhook' }, plural: { en: 'Webhooks', zh: 'Webhook' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'active', 'timedOutAt'],
    group: { en: 'Administration', zh: '系统管理' },
    description: {
      en: 'Each delivery is a POST signed with the secret (HMAC-SHA256, see docs/api.md), retried with backoff and logged under Webhook deliveries.',
      zh: '每次推送为 POST 请求，以密钥签名（HMAC-SHA256，见 docs/api.md），失败后按退避重试，记录见“Webhook 推送记录”。',
    },
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: { beforeChange: [fillSecret, clearTimeOutOnNewUrl] },
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', zh: '名称' }, required: true, maxLength: 100 },
    { name: 'url', type: 'text', label: { en: 'URL', zh: '接收地址' }, required: true, validate: validUrl },
    labelledSelect(WEBHOOK_EVENT_LABELS, {
      name: 'events',
      hasMany: true,
      required: true,
      label: { en: 'Events', zh: '事件' },
    }),
    {
      name: 'secret',
      type: 'text',
      label: { en: 'Signing secret', zh: '签名密钥' },
      maxLength: 200,
      access: { read: isAdminField },
      admin: { description: { en: 'Left empty, a random one is generated.', zh: '留空则自动生成随机密钥。' } },
    },
    { name: 'active', type: 'checkbox', label: { en: 'Active', zh: '启用' }, defaultValue: true, admin: { position: 'sidebar' } },
    {
      name: 'timedOutAt',
      type: 'date',
      label: { en: 'Last time-out', zh: '最近超时' },
      // Written by the delivery job only.
      access: serverWritten(),
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: {
          en: 'When an attempt last got no answer within the time-out. While set, deliveries to this webhook go through the slow lane, where they hold up no other webhook; the next answer in time, or a new URL, clears it.',
          zh: '最近一次推送在超时时限内未获响应的时间。有此时间时，推送走慢速队列，不拖慢其他 Webhook；此后按时收到任何响应或更换接收地址即清除。',
        },
      },
    },
  ],
}
