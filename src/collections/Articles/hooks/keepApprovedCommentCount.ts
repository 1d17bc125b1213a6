import type { FieldHook } from 'payload'

import type { Article } from '../../../payload-types'
import { approvedCommentsOn } from '../../Comments/hooks/countApprovedComments'

/**
 * Comments update the count on the live row only; a draft saved before a comment was approved still
 * holds the old count, and publishing it would write that back. So every save counts afresh.
 */
export const keepApprovedCommentCount: FieldHook<Article, number | null | undefined> = async ({ originalDoc, req }) =>
  originalDoc?.id ? approvedCommentsOn(originalDoc.id, req) : 0
