import type { CollectionConfig } from 'payload'

import { isPublisher } from '../access/isPublisher'
import { nobody } from '../access/nobody'
import { attemptedEmailField, clientAddressField } from '../fields/adminOnlyPersonalData'
import { jsonViewAdmin } from '../fields/jsonView'
import { AUDIT_LOG_SLUG } from '../slugs'

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'transition',
  'publish',
  'unpublish',
  'override',
  'role-change',
  'login',
  'login-failed',
  'import',
  'reveal-phone',
] as const

/**
 * Who did what to what, when: written by the server only, read by admins and the editor-in-chief
 * (the client's address and a failed login's email by admins only), never editable or deletable
 * through any API (old entries are purged after the retention period).
 */
export const AuditLog: CollectionConfig<typeof AUDIT_LOG_SLUG> = {
  slug: AUDIT_LOG_SLUG,
  labels: { singular: { en: 'Audit entry', zh: '审计记录' }, plural: { en: 'Audit log', zh: '审计日志' } },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'action', 'actorName', 'targetCollection', 'summary'],
    group: { en: 'Administration', zh: '系统管理' },
  },
  access: { read: isPublisher, create: nobody, update: nobody, delete: nobody },
  custom: { shownPublicly: () => false },
  defaultSort: '-at',
  fields: [
    { name: 'at', type: 'date', label: { en: 'When', zh: '时间' }, required: true, index: true },
    {
      name: 'action',
      type: 'select',
      label: { en: 'Action', zh: '操作' },
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((value) => ({ value, label: value })),
    },
    { name: 'actorCollection', type: 'text', label: { en: 'Actor type', zh: '操作者类型' } },
    { name: 'actorId', type: 'text', label: { en: 'Actor id', zh: '操作者编号' }, index: true },
    { name: 'actorName', type: 'text', label: { en: 'Actor', zh: '操作者' } },
    { name: 'targetCollection', type: 'text', label: { en: 'Target type', zh: '对象类型' }, index: true },
    { name: 'targetId', type: 'text', label: { en: 'Target id', zh: '对象编号' }, index: true },
    { name: 'summary', type: 'text', label: { en: 'Summary', zh: '摘要' } },
    { name: 'changes', type: 'json', label: { en: 'Changes', zh: '字段变化' }, admin: jsonViewAdmin },
    clientAddressField(),
    attemptedEmailField(),
  ],
}
