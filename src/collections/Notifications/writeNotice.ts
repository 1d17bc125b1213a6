import type { PayloadRequest } from 'payload'

import { afterCommit } from '../../db/afterCommit'
import { commentPath, type NoticeDue, noticeEmail, type NoticeText } from '../../lib/notifications'
import { portalUrl } from '../../lib/portal/siteUrl'
import { NOTIFICATIONS_SLUG, READERS_SLUG } from '../../slugs'

export type NoticeContent = NoticeText & {
  articleId: number | null
  articleSlug: string
  commentId: number
  inReplyTo?: number | null
}

/**
 * Writes the notice a comment's change calls for, inside that change's transaction (a change rolled
 * back tells nobody), unless one with its key exists already. A reader who asked for emails and whose
 * address is verified also gets one, sent once the change has committed.
 */
export async function writeNotice(req: PayloadRequest, due: NoticeDue, content: NoticeContent): Promise<void> {
  // Two decisions on one comment at once cannot both get here first: the second waits for the first's lock
  // on the comment's row, and its count then sees the first's notice. The unique key is the backstop.
  const { totalDocs } = await req.payload.count({ collection: NOTIFICATIONS_SLUG, where: { key: { equals: due.key } }, overrideAccess: true, req })
  if (totalDocs > 0) return
  await req.payload.create({
    collection: NOTIFICATIONS_SLUG,
    data: {
      reader: due.readerId,
      kind: due.kind,
      outcome: due.outcome ?? null,
      article: content.articleId,
      articleTitle: content.articleTitle,
      articleSlug: content.articleSlug,
      comment: content.commentId,
      commentExcerpt: content.commentExcerpt,
      inReplyTo: content.inReplyTo ?? null,
      replierName: content.replierName ?? null,
      key: due.key,
    },
    overrideAccess: true,
    req,
  })
  const reader = await req.payload.findByID({
    collection: READERS_SLUG,
    id: due.readerId,
    depth: 0,
    select: { email: true, _verified: true, notifyByEmail: true },
    disableErrors: true,
    overrideAccess: true,
    req,
  })
  const to = reader?.email
  if (!to || reader.notifyByEmail !== true || reader._verified !== true) return
  const mail = noticeEmail(content, `${portalUrl()}${commentPath(content.articleSlug, content.commentId)}`)
  await afterCommit(req, 'notification email', () => req.payload.sendEmail({ to, ...mail }))
}
