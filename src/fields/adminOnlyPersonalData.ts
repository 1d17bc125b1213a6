import type { TextField } from 'payload'

import { isAdminField } from '../access/isAdmin'
import { serverWritten } from '../access/serverWritten'

/**
 * Personal data only admins read (a client's address, the email a failed login tried), written only
 * by the server. Payload's field read access also governs `where` and `sort`, so nobody else can
 * query by it or order by it either. Marked so the audit trail leaves it out of its change lists.
 */
function adminOnlyText(name: string, label: TextField['label']): TextField {
  return {
    name,
    type: 'text',
    label,
    access: serverWritten(isAdminField),
    admin: { readOnly: true },
    custom: { adminOnlyPersonalData: true },
  }
}

/** The client's IP address, as the Express server saw it. */
export const clientAddressField = (): TextField => adminOnlyText('ip', { en: 'IP address', zh: 'IP 地址' })

/** The email a failed login tried. */
export const attemptedEmailField = (): TextField => adminOnlyText('attemptedEmail', { en: 'Email tried', zh: '尝试的邮箱' })

/** The top-level fields of a collection that hold such data. */
export const adminOnlyPersonalDataFields = (fields: readonly { custom?: Record<string, unknown> }[]): string[] =>
  fields.flatMap((field) => (field.custom?.adminOnlyPersonalData === true && 'name' in field ? [field.name as string] : []))
