import type { Access } from 'payload'

import { isEditorUser, isPublisherUser, isWriterUser } from './roleChecks'

/**
 * Publishing (writing `_status: "published"`, which Payload also asks about before scheduling and
 * restoring) is for the editor-in-chief and admins. Otherwise editors edit any article, a reporter
 * only the articles they created.
 */
export const canEditArticle: Access = ({ req, data }) => {
  if (isPublisherUser(req.user)) return true
  if (data?._status === 'published') return false
  if (isEditorUser(req.user)) return true
  if (isWriterUser(req.user)) return { createdBy: { equals: req.user!.id } }
  return false
}
