import type { CollectionConfig } from 'payload'

import { adminOrSelf, adminOrSelfField } from '../../access/adminOrSelf'
import { isAdmin, isAdminField } from '../../access/isAdmin'
import { isStaff } from '../../access/isStaff'
import { accountFields } from '../../fields/accountFields'
import { labelledSelect } from '../../fields/labelledSelect'
import { enforcePasswordRules } from '../../hooks/enforcePasswordRules'
import { announceHeldEmail, applyAccountWritePlan, guardAuthFields } from '../../hooks/guardAuthFields'
import { LOGIN_LOCKOUT, loginCookies } from '../../lib/accounts/loginPolicy'
import { STAFF_ROLE_LABELS } from '../../lib/roles'
import { confirmEmailEndpoint } from './confirmEmail'
import { renameResponsibleEditor } from './hooks/renameResponsibleEditor'
import { MEDIA_SLUG, USERS_SLUG } from '../../slugs'

export const Users: CollectionConfig<typeof USERS_SLUG> = {
  slug: USERS_SLUG,
  labels: { singular: { en: 'Staff user', zh: '员工账号' }, plural: { en: 'Staff users', zh: '员工账号' } },
  auth: {
    ...LOGIN_LOCKOUT,
    tokenExpiration: 8 * 60 * 60,
    cookies: loginCookies(process.env.PUBLIC_URL),
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: { en: 'Administration', zh: '系统管理' },
  },
  access: {
    admin: ({ req }) => req.user?.collection === USERS_SLUG,
    create: isAdmin,
    read: isStaff,
    update: adminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  defaultPopulate: { name: true, avatar: true },
  hooks: {
    beforeOperation: [enforcePasswordRules, guardAuthFields],
    beforeChange: [applyAccountWritePlan],
    afterChange: [renameResponsibleEditor, announceHeldEmail],
  },
  endpoints: [confirmEmailEndpoint(USERS_SLUG)],
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { en: 'Name', zh: '姓名' },
      required: true,
      maxLength: 60,
    },
    ...accountFields(USERS_SLUG, { read: adminOrSelfField, update: adminOrSelfField }),
    labelledSelect(STAFF_ROLE_LABELS, {
      name: 'roles',
      label: { en: 'Roles', zh: '角色' },
      hasMany: true,
      required: true,
      defaultValue: ['reporter'],
      saveToJWT: true,
      access: { create: isAdminField, update: isAdminField },
    }),
    {
      name: 'avatar',
      type: 'upload',
      relationTo: MEDIA_SLUG,
      label: { en: 'Avatar', zh: '头像' },
    },
  ],
  timestamps: true,
}
