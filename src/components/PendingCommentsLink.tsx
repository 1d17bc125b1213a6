import Link from 'next/link'
import type { ServerProps } from 'payload'

import { languageOfCode } from '../lib/i18n/translate'
import { hasAnyRole, MODERATOR_ROLES } from '../lib/roles'
import { COMMENTS_SLUG } from '../slugs'
import { pendingQueueURL } from './pendingQueue'

const LABEL = { zh: '待审核评论', en: 'Pending comments' }

/**
 * At the top of the admin's navigation, for moderators and admins: how many comments wait for
 * them, linking to that queue. Counted on every page the admin renders, so it falls as they work.
 */
export async function PendingCommentsLink({ payload, user, i18n }: ServerProps) {
  if (!hasAnyRole((user as { roles?: string[] } | undefined)?.roles, MODERATOR_ROLES)) return null
  const { totalDocs } = await payload.count({ collection: COMMENTS_SLUG, where: { status: { equals: 'pending' } }, overrideAccess: false, user })
  return (
    <Link className="nav__link" id="nav-pending-comments" href={pendingQueueURL(payload.config.routes.admin)} prefetch={false}>
      <span className="nav__link-label">
        {LABEL[languageOfCode(i18n.language)]}{' '}
        <strong data-testid="pending-comments-count" style={{ marginLeft: '0.25em' }}>
          {totalDocs}
        </strong>
      </span>
    </Link>
  )
}
