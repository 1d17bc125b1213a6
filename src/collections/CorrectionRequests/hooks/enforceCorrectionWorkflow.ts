import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { fieldRefusal } from '../../../i18n/requestMessages'
import { checkTransition, CORRECTION_FIELD_LABELS, type CorrectionStatus } from '../../../lib/corrections'
import { relationId } from '../../../lib/api/fieldShapes'
import type { Message } from '../../../lib/i18n/translate'
import type { CorrectionRequest } from '../../../payload-types'
import { ARTICLES_SLUG, CORRECTION_REQUESTS_SLUG, USERS_SLUG } from '../../../slugs'

/**
 * Status moves only along the allowed transitions, each recorded in the history (who, when, from,
 * to, note). Marking a request corrected needs a published correction notice on its article that
 * names it, or a reason why none is needed.
 */
export const enforceCorrectionWorkflow: CollectionBeforeChangeHook<CorrectionRequest> = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || !data.status || data.status === originalDoc.status) return data
  const from = originalDoc.status as CorrectionStatus
  const to = data.status as CorrectionStatus
  const transition = checkTransition(from, to)
  if (!transition.ok) throw refusal(req, 'status', transition.message)

  if (to === 'corrected' && !(data.noNoticeReason ?? originalDoc.noNoticeReason)) {
    const missing = await missingNotice(req, originalDoc)
    if (missing) throw refusal(req, 'noNoticeReason', missing)
  }
  const note = typeof data.statusNote === 'string' && data.statusNote.trim() ? data.statusNote.trim().slice(0, 500) : null
  const by = req.user?.collection === USERS_SLUG ? (req.user.id as number) : null
  data.history = [...(originalDoc.history ?? []), { at: new Date().toISOString(), by, from, to, note }]
  return data
}

const refusal = (req: PayloadRequest, path: keyof typeof CORRECTION_FIELD_LABELS, message: Message) =>
  fieldRefusal(req, CORRECTION_REQUESTS_SLUG, { path, label: CORRECTION_FIELD_LABELS[path] }, message)

/**
 * What stands between the request and 已更正: no notice naming it on the live article, and whether
 * one waits in the article's draft (then only publishing is missing, which the editor-in-chief does).
 */
async function missingNotice(req: PayloadRequest, request: CorrectionRequest): Promise<Message | null> {
  const articleId = relationId(request.article)
  const namesRequest = { id: { equals: articleId }, 'corrections.request': { equals: request.id } }
  const live = await req.payload.count({ collection: ARTICLES_SLUG, where: { ...namesRequest, _status: { equals: 'published' } }, overrideAccess: true, req })
  if (live.totalDocs > 0) return null
  const draft = await req.payload.find({ collection: ARTICLES_SLUG, where: namesRequest, draft: true, limit: 1, depth: 0, select: {}, overrideAccess: true, req })
  if (draft.totalDocs > 0) return { code: 'CORRECTION_NOTICE_UNPUBLISHED' }
  return { code: 'CORRECTION_NOTICE_MISSING', values: { field: CORRECTION_FIELD_LABELS.noNoticeReason } }
}
