import type { StaffRole } from '../lib/roles'

/**
 * Demo logins. They exist only in demo mode (embedded database, no DATABASE_URL): a shared, published
 * password is acceptable there and nowhere else.
 */
export const DEMO_PASSWORD = 'newsroom-demo'

export const DEMO_ADMIN = { email: 'admin@newsroom.demo', password: DEMO_PASSWORD } as const

export type StaffKey = 'chief' | 'editorA' | 'editorB' | 'reporter' | 'moderator'

export type DemoStaffMember = {
  key: StaffKey
  email: string
  password: string
  name: string
  roles: StaffRole[]
}

/** One account per newsroom role (the admin is DEMO_ADMIN), for trying the permissions out. */
export const DEMO_STAFF: readonly DemoStaffMember[] = [
  { key: 'chief', email: 'chief@newsroom.demo', password: DEMO_PASSWORD, name: '周明远', roles: ['editor-in-chief'] },
  { key: 'editorA', email: 'editor1@newsroom.demo', password: DEMO_PASSWORD, name: '许清', roles: ['editor'] },
  { key: 'editorB', email: 'editor2@newsroom.demo', password: DEMO_PASSWORD, name: '韩立川', roles: ['editor'] },
  { key: 'reporter', email: 'reporter@newsroom.demo', password: DEMO_PASSWORD, name: '林晓舟', roles: ['reporter'] },
  { key: 'moderator', email: 'moderator@newsroom.demo', password: DEMO_PASSWORD, name: '苏雨桐', roles: ['moderator'] },
]
