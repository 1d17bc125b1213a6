import type { PayloadRequest, Where } from 'payload'

import { relationId } from '../../../lib/api/fieldShapes'
import { REVIEW_ACTION_LABELS, type ReviewAction } from '../../../lib/review/states'
import { EDITOR_ROLES } from '../../../lib/roles'
import type { Article } from '../../../payload-types'
import { USERS_SLUG } from '../../../slugs'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * Tells the people concerned: a submission goes to the responsible editor (or, without one, every
 * editor); changes requested and approvals go to the article's writer. Nobody hears of their own act.
 */
export async function notifyReviewTransition(req: PayloadRequest, article: Article, action: ReviewAction, note: string | null): Promise<void> {
  const recipients = await recipientsFor(req, article, action)
  const emails = recipients.filter((user) => user.id !== req.user?.id).map((user) => user.email)
  if (emails.length === 0) return
  const label = REVIEW_ACTION_LABELS[action]
  const actor = (req.user as { name?: string } | null)?.name ?? ''
  const link = `${req.payload.config.serverURL}/admin/collections/articles/${article.id}`
  await req.payload.sendEmail({
    to: emails,
    subject: `【${label.zh}】${article.title} / ${label.en}`,
    html: `<!doctype html><html lang="zh-CN"><body><p>${escapeHtml(actor)}：${label.zh}《${escapeHtml(article.title)}》</p>${note ? `<blockquote>${escapeHtml(note)}</blockquote>` : ''}<p><a href="${link}">${link}</a></p></body></html>`,
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
