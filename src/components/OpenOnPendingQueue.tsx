import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { BeforeListServerProps } from 'payload'

import { pendingQueueURL } from './pendingQueue'

/**
 * Opening 评论 from the navigation (the list's address with no query at all) lands on the pending
 * queue, newest first. Payload has no default filter a person may still change: `baseListFilter`
 * would lock it. Any change the moderator then makes is kept in the address (Payload writes the
 * list's query there, limit and page included), so it is never sent back here. List drawers
 * render through a server action (the `Next-Action` header) and are left alone.
 */
export async function OpenOnPendingQueue({ searchParams, payload }: Pick<BeforeListServerProps, 'searchParams' | 'payload'>) {
  const bareAddress = !searchParams || Object.keys(searchParams).length === 0
  if (bareAddress && !(await headers()).has('next-action')) redirect(pendingQueueURL(payload.config.routes.admin))
  return null
}
