import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { adminTrashes } from '../../access/adminTrashes'
import { isAdminField } from '../../access/isAdmin'
import { isModerator, isModeratorField } from '../../access/isModerator'
import { nobody } from '../../access/nobody'
import { moderatorsOrSelf, moderatorsOrSelfField } from '../../access/moderatorsOrSelf'
import { readerSelfOrAdminField } from '../../access/readerSelfOrAdmin'
import { isModeratorUser } from '../../access/roleChecks'
import { accountFields } from '../../fields/accountFields'
import { changeLog } from '../../fields/changeLog'
import { labelledSelect } from '../../fields/labelledSelect'
import { notifyByEmailField } from '../../fields/notifyByEmail'
import { phoneFields } from '../../fields/phoneFields'
import { enforcePasswordRules } from '../../hooks/enforcePasswordRules'
import { announceHeldEmail, applyAccountWritePlan, guardAuthFields } from '../../hooks/guardAuthFields'
import { hideDeniedRecords } from '../../hooks/hideDeniedRecords'
import { LOGIN_LOCKOUT, loginCookies } from '../../lib/accounts/loginPolicy'
import { PROFESSIONS, READER_STATUSES } from '../../lib/accounts/readers'
import { confirmEmailEndpoint } from '../Users/confirmEmail'
import { passwordResetEmail, verificationEmail } from './emails'
import { phoneEndpoints } from './endpoints/phone'
import { logReaderModeration } from './hooks/logReaderModeration'
import { refreshCommenterOnComments } from './hooks/refreshCommenterOnComments'
import { refreshReaderNameOnCorrectionRequests } from './hooks/refreshReaderNameOnCorrectionRequests'
import { AVATARS_SLUG, READERS_SLUG } from '../../slugs'

export { READERS_SLUG }

const moderatorsOnly = { read: moderatorsOrSelfField, create: isModeratorField, update: isModeratorField }

/** Readers' accounts, apart from staff logins: they sign up themselves, comment and report errors. */
export const Readers: CollectionConfig<typeof READERS_SLUG> = {
  slug: READERS_SLUG,
  labels: { singular: { en: 'Reader', zh: '读者' }, plural: { en: 'Readers', zh: '读者' } },
  // A deleted account goes to the trash (it can no longer log in) and is kept there for
  // RECORD_RETENTION_DAYS (互联网跟帖评论服务管理规定: 六个月), then purged.
  trash: true,
  auth: {
    verify: verificationEmail,
    forgotPassword: { ...passwordResetEmail, expiration: 60 * 60 * 1000 },
    ...LOGIN_LOCKOUT,
    tokenExpiration: 7 * 24 * 60 * 60,
    cookies: loginCookies(process.env.PUBLIC_URL),
  },
  admin: {
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'email', 'profession', 'professionVerified', 'status'],
    group: { en: 'Readers', zh: '读者' },
  },
  access: {
    create: anyone,
    read: moderatorsOrSelf,
    update: moderatorsOrSelf,
    delete: adminTrashes,
    admin: nobody,
    unlock: isModerator,
  },
  hooks: {
    beforeOperation: [enforcePasswordRules, guardAuthFields],
    beforeChange: [applyAccountWritePlan, logReaderModeration],
    afterChange: [refreshCommenterOnComments, refreshReaderNameOnCorrectionRequests, announceHeldEmail],
    afterRead: [hideDeniedRecords(['moderationLog'], isModeratorUser)],
  },
  endpoints: [confirmEmailEndpoint(READERS_SLUG), ...phoneEndpoints],
  fields: [
    ...accountFields(READERS_SLUG, { read: moderatorsOrSelfField, update: readerSelfOrAdminField }),
    // Payload's own lets any logged-in account set it, a reader signing someone else up included.
    { name: '_verified', type: 'checkbox', access: { create: isAdminField, update: isAdminField } },
    { name: 'displayName', type: 'text', label: { en: 'Display name', zh: '昵称' }, required: true, minLength: 1, maxLength: 30 },
    { name: 'avatar', type: 'upload', relationTo: AVATARS_SLUG, label: { en: 'Avatar', zh: '头像' } },
    labelledSelect(PROFESSIONS, {
      name: 'profession',
      label: { en: 'Profession (claimed)', zh: '职业（自述）' },
    }),
    {
      name: 'professionVerified',
      type: 'checkbox',
      label: { en: 'Profession verified', zh: '职业已认证' },
      defaultValue: false,
      access: moderatorsOnly,
      admin: { position: 'sidebar' },
    },
    labelledSelect(READER_STATUSES, {
      name: 'status',
      label: { en: 'Status', zh: '状态' },
      defaultValue: 'active',
      required: true,
      access: moderatorsOnly,
      admin: { position: 'sidebar' },
    }),
    {
      name: 'suspendedUntil',
      type: 'date',
      label: { en: 'Suspended until', zh: '暂停至' },
      access: moderatorsOnly,
      admin: { position: 'sidebar', condition: (data) => data?.status === 'suspended' },
    },
    notifyByEmailField,
    ...phoneFields(moderatorsOrSelfField),
    changeLog({ name: 'moderationLog', label: { en: 'Moderation log', zh: '处理记录' }, read: isModeratorField }, { changes: 'fields' }),
  ],
}
