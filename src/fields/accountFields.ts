import type { Field, FieldAccess } from 'payload'

import { nobody } from '../access/nobody'
import { serverWritten } from '../access/serverWritten'

/**
 * The owner's current password, which a change of their own password must carry. Virtual: never
 * stored, so it reads back empty (read access must stay open, or the admin leaves the field out of
 * its form). The admin shows it on the account holder's own page, beside Payload's "change password".
 */
const currentPasswordField = (collectionSlug: string): Field => ({
  name: 'currentPassword',
  type: 'text',
  virtual: true,
  label: { en: 'Current password', zh: '当前密码' },
  admin: {
    description: { en: 'Needed to change your password.', zh: '修改密码时须填写当前密码。' },
    condition: (data, _siblingData, { operation, user }) =>
      operation === 'update' && user?.collection === collectionSlug && data?.id !== undefined && String(user.id) === String(data.id),
    components: { Field: '/components/CurrentPasswordField#CurrentPasswordField' },
  },
})

/**
 * A new address waiting for its confirmation link, with the link's token (its SHA-256 only) and
 * expiry. Only the server writes them (`guardAuthFields`, the confirm-email endpoint).
 */
function pendingEmailFields(readPendingEmail: FieldAccess): Field[] {
  return [
    {
      name: 'pendingEmail',
      type: 'email',
      label: { en: 'New email (awaiting confirmation)', zh: '新邮箱（待确认）' },
      access: serverWritten(readPendingEmail),
      admin: {
        readOnly: true,
        position: 'sidebar',
        condition: (data) => Boolean(data?.pendingEmail),
        description: { en: 'Takes effect once the link sent to it is opened.', zh: '打开发到新邮箱的确认链接后生效。' },
      },
    },
    { name: 'pendingEmailTokenHash', type: 'text', hidden: true, index: true, access: serverWritten(nobody) },
    { name: 'pendingEmailExpiresAt', type: 'date', hidden: true, access: serverWritten(nobody) },
  ]
}

/**
 * Payload's session list, overriding the field Payload adds (merged by name): its default lets the
 * account holder, and any login of another collection with the same id, read the session ids.
 */
const sessionsNeverRead: Field = {
  name: 'sessions',
  type: 'array',
  access: serverWritten(nobody),
  admin: { disabled: true },
  fields: [],
}

/**
 * The fields every account collection has on top of Payload's own: its email (read and changed by
 * whom the collection says), the current password a change of password asks for, the address waiting
 * for confirmation (read as the email is), and sessions nobody reads.
 */
export function accountFields(collectionSlug: string, email: { read: FieldAccess; update: FieldAccess }): Field[] {
  return [
    { name: 'email', type: 'email', label: { en: 'Email', zh: '邮箱' }, required: true, unique: true, access: email },
    currentPasswordField(collectionSlug),
    ...pendingEmailFields(email.read),
    sessionsNeverRead,
  ]
}
