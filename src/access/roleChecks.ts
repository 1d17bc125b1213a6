import type { PayloadRequest } from 'payload'

import { EDITOR_ROLES, hasAnyRole, MODERATOR_ROLES, PUBLISHER_ROLES, type StaffRole, WRITER_ROLES } from '../lib/roles'
import { READERS_SLUG, USERS_SLUG } from '../slugs'

type User = PayloadRequest['user']

export const isStaffUser = (user: User): boolean => user?.collection === USERS_SLUG

const userHasRole = (user: User, wanted: readonly StaffRole[]): boolean =>
  isStaffUser(user) && hasAnyRole((user as { roles?: string[] }).roles, wanted)

export const isAdminUser = (user: User): boolean => userHasRole(user, ['admin'])
export const isPublisherUser = (user: User): boolean => userHasRole(user, PUBLISHER_ROLES)
export const isEditorUser = (user: User): boolean => userHasRole(user, EDITOR_ROLES)
export const isWriterUser = (user: User): boolean => userHasRole(user, WRITER_ROLES)
export const isModeratorUser = (user: User): boolean => userHasRole(user, MODERATOR_ROLES)
export const isReaderUser = (user: User): boolean => user?.collection === READERS_SLUG
