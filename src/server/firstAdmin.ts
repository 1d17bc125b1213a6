import type { Payload } from 'payload'
import { USERS_SLUG } from '../slugs'

/**
 * On an empty database the first admin comes from ADMIN_EMAIL and ADMIN_PASSWORD, so a new
 * deployment is usable without the admin's "create first user" screen being open to the world.
 */
export async function ensureFirstAdmin(payload: Payload, credentials: { email?: string; password?: string }): Promise<void> {
  const { email, password } = credentials
  if (!email || !password) return
  const { totalDocs } = await payload.count({ collection: USERS_SLUG })
  if (totalDocs > 0) return
  await payload.create({
    collection: USERS_SLUG,
    data: { name: '管理员', email, password, roles: ['admin'] },
  })
  payload.logger.info({ email }, 'created the first admin from ADMIN_EMAIL')
}
