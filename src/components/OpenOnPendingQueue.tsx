import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { BeforeListServerProps } from 'payload'

import { hasAnyRole, MODERATOR_ROLES } from '../lib/roles'
import { pendingQueueURL } from './pendingQueue'

/**
 * Opening 评论 from the navigation (the list's address with no query at all) lands a moderator on
 * the pending queue, newest first. Payload has no default filter a person may still change:
 * `baseListFilter` would lock it. Any change the moderator then makes is kept in the address
 * (Payload writes the list's query there, limit and page included), so it is never sent back here.
 * Other staff read comments without their status, so they keep the plain list; list drawers render
 * through a server action (the `Next-Action` header) and are left alone.
 */
export async function OpenOnPendingQueue({ searchParams, payload, user }: Pick<BeforeListServerProps, 'searchParams' | 'payload' | 'user'>) {
  const bareAddress = !searchParams || Object.keys(searchParams).length === 0
  const moderates = hasAnyRole((user as { roles?: string[] } | undefined)?.roles, MODERATOR_ROLES)
  if (bareAddress && moderates && !(await headers()).has('next-action')) redirect(pendingQueueURL(payload.config.routes.admin))
  return null
}
