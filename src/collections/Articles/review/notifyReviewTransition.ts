import type { PayloadRequest, Where } from 'payload'

import { escapeHtml, mailPage } from '../../../lib/accounts/mailPage'
import { relationId } from '../../../lib/api/fieldShapes'
import { REVIEW_ACTION_LABELS, type ReviewAction } from '../../../lib/review/states'
import { EDITOR_ROLES } from '../../../lib/roles'
import type { Article } from '../../../payload-types'
import { USERS_SLUG } from '../../../slugs'

/**
 * Tells the people concerned: a submission goes to the responsible editor (or, without one, every
 * editor); changes requested and approvals go to the article's writer. Nobody hears of their own act.
 */
export async function notifyReviewTransition(req: PayloadRequest, article: Article, action: ReviewAction, note: string | null): Promise<void> {
  const recipients = await recipientsFor(req, article, action)
  const emails = recipients.filter((user) => user.id !== req.user?.id).map((user) => user.email)
  if (emails.length === 0) return
  const actionLabel = REVIEW_ACTION_LABELS[action].zh
  const actor = (req.user as { name?: string } | null)?.name ?? ''
  const link = `${req.payload.config.serverURL}/admin/collections/articles/${article.id}`
  // In the newsroom's language: who receives it is known, not which language their admin is in.
  await req.payload.sendEmail({
    to: emails,
    subject: `【${actionLabel}】${article.title}`,
    html: mailPage('zh', {
      title: `【${actionLabel}】${escapeHtml(article.title)}`,
      lines: [`${escapeHtml(actor)}：${actionLabel}《${escapeHtml(article.title)}》`, ...(note ? [{ quote: note }] : []), `<a href="${link}">${link}</a>`],
    }),
  })
}

async function recipientsFor(req: PayloadRequest, article: Article, action: ReviewAction): Promise<{ id: number; email: string }[]> {
  const find = (where: Where) =>
    req.payload
      .find({ collection: USERS_SLUG, where, select: { email: true }, pagination: false, depth: 0, overrideAccess: true, req })
      .then(({ docs }) => docs)
  if (action === 'submit') {
    const editorId = relationId(article.responsibleEditor)
    const editor = editorId ? await find({ id: { equals: editorId } }) : []
    return editor.length > 0 ? editor : find({ roles: { in: [...EDITOR_ROLES] } })
  }
  const writerId = relationId(article.createdBy)
  return writerId ? find({ id: { equals: writerId } }) : []
}
