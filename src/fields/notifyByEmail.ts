import type { CheckboxField } from 'payload'

import { readerSelfOrAdminField } from '../access/readerSelfOrAdmin'

/**
 * A reader's choice to get each of their notices (src/collections/Notifications) by email too. Off
 * until they turn it on; theirs to change (or an admin's, at their request), and only they and
 * admins see it. Mail goes only to a verified address.
 */
export const notifyByEmailField: CheckboxField = {
  name: 'notifyByEmail',
  type: 'checkbox',
  label: { en: 'Email me about replies and moderation', zh: '评论通知邮件' },
  defaultValue: false,
  access: { read: readerSelfOrAdminField, update: readerSelfOrAdminField },
  admin: { position: 'sidebar' },
}
