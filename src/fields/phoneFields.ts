import type { Field, FieldAccess } from 'payload'

import { nobody } from '../access/nobody'
import { serverWritten } from '../access/serverWritten'

/**
 * 后台实名: a reader's bound mobile number, written only by the phone endpoints
 * (src/db/readerPhones.ts). The masked form and the binding time are read by `read` (the reader and
 * moderators); the keyed hash and the ciphertext by nobody, through any API, at any depth. All of
 * them are marked as personal data the audit trail leaves out of its change lists.
 */
export function phoneFields(read: FieldAccess): Field[] {
  const personal = { adminOnlyPersonalData: true }
  return [
    {
      name: 'phoneMasked',
      type: 'text',
      label: { en: 'Mobile number', zh: '手机号' },
      access: serverWritten(read),
      custom: personal,
      admin: { readOnly: true, position: 'sidebar', description: { en: 'Masked. An admin can show it in full below, with a reason that goes into the audit log.', zh: '已打码。管理员可在下方填写理由后查看完整号码，查看记录写入审计日志。' } },
    },
    { name: 'phoneVerifiedAt', type: 'date', label: { en: 'Mobile number verified', zh: '手机号验证时间' }, access: serverWritten(read), custom: personal, admin: { readOnly: true, position: 'sidebar' } },
    // An admin's audited reading of the whole number: a button, never a field anyone types into.
    { name: 'phoneReveal', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/RevealPhone#RevealPhone' } } },
    { name: 'phoneHash', type: 'text', hidden: true, index: true, access: serverWritten(nobody), custom: personal },
    { name: 'phoneCiphertext', type: 'text', hidden: true, access: serverWritten(nobody), custom: personal },
  ]
}
