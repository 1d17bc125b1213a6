import { formatAdminURL } from 'payload/shared'

import { COMMENTS_SLUG } from '../slugs'

/** The moderator's queue in the admin: the comments still pending, newest first (a filter they may change). */
export const pendingQueueURL = (adminRoute: string): string =>
  formatAdminURL({ adminRoute, path: `/collections/${COMMENTS_SLUG}?where[status][equals]=pending&sort=-createdAt` })
