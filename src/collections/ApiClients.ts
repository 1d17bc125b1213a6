import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { API_CLIENTS_SLUG } from '../slugs'

/** A front end's default allowance, well above what one address may send. */
export const DEFAULT_CLIENT_REQUESTS_PER_MINUTE = 6000

/**
 * Front ends that read the API from their servers (SSR, static builds). A key identifies the front
 * end and gives it its own rate limit; it grants nothing else: requests made with it are served
 * exactly as an anonymous reader's (the server strips the key before Payload sees the request), so
 * a leaked key can read only what is public anyway. Revoked by unticking "Enable API key" or deleting.
 */
export const ApiClients: CollectionConfig<typeof API_CLIENTS_SLUG> = {
  slug: API_CLIENTS_SLUG,
  labels: { singular: { en: 'API client', zh: 'API 客户端' }, plural: { en: 'API clients', zh: 'API 客户端' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'requestsPerMinute', 'enableAPIKey', 'updatedAt'],
    group: { en: 'Administration', zh: '系统管理' },
    description: {
      en: 'Send the key as `Authorization: api-clients API-Key <key>`.',
      zh: '请求时带上 `Authorization: api-clients API-Key <密钥>`。',
    },
  },
  auth: { useAPIKey: true, disableLocalStrategy: true },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', zh: '名称' }, required: true, unique: true, maxLength: 80 },
    { name: 'description', type: 'textarea', label: { en: 'Used by', zh: '用途' }, maxLength: 500 },
    {
      name: 'requestsPerMinute',
      type: 'number',
      label: { en: 'Requests per minute', zh: '每分钟请求上限' },
      required: true,
      defaultValue: DEFAULT_CLIENT_REQUESTS_PER_MINUTE,
      min: 1,
      max: 1_000_000,
      admin: { step: 100 },
    },
  ],
}
