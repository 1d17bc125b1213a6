/** Staff roles. `users.roles` stores these values; the API and the admin use them as they are. */
export const STAFF_ROLES = ['admin', 'editor-in-chief', 'editor', 'reporter', 'moderator'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const STAFF_ROLE_LABELS: Record<StaffRole, { en: string; zh: string }> = {
  admin: { en: 'Administrator', zh: '管理员' },
  'editor-in-chief': { en: 'Editor-in-chief', zh: '总编' },
  editor: { en: 'Editor', zh: '编辑' },
  reporter: { en: 'Reporter', zh: '记者' },
  moderator: { en: 'Moderator', zh: '审核员' },
}

/** Who may publish, unpublish, schedule and delete articles, and edit site settings. */
export const PUBLISHER_ROLES: readonly StaffRole[] = ['admin', 'editor-in-chief']
/** Who may edit any article (as a draft unless also a publisher). */
export const EDITOR_ROLES: readonly StaffRole[] = ['admin', 'editor-in-chief', 'editor']
/** Who works the comment queues, verifies professions and suspends readers. */
export const MODERATOR_ROLES: readonly StaffRole[] = ['admin', 'moderator']
/** Who may write articles at all. */
export const WRITER_ROLES: readonly StaffRole[] = [...EDITOR_ROLES, 'reporter']

export function hasAnyRole(roles: readonly string[] | null | undefined, wanted: readonly StaffRole[]): boolean {
  return Array.isArray(roles) && roles.some((role) => (wanted as readonly string[]).includes(role))
}
