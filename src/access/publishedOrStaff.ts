import type { Access, Where } from 'payload'

import { PREVIEW_ARTICLE_CONTEXT } from '../lib/publishing/previewTokens'
import { isStaffUser } from './roleChecks'

/**
 * Staff read everything; everyone else only what is published (never a draft, nor unpublished
 * changes), except the one article a verified preview token names (set by the preview endpoint).
 */
export const publishedOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  const published: Where = { _status: { equals: 'published' } }
  const previewId = req.context?.[PREVIEW_ARTICLE_CONTEXT]
  return typeof previewId === 'number' ? { or: [published, { id: { equals: previewId } }] } : published
}
