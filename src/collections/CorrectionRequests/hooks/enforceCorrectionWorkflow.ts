import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { checkTransition, type CorrectionStatus } from '../../../lib/corrections'
import { relationId } from '../../../lib/api/fieldShapes'
import type { CorrectionRequest } from '../../../payload-types'
import { ARTICLES_SLUG, CORRECTION_REQUESTS_SLUG, USERS_SLUG } from '../../../slugs'

/**
 * Status moves only along the allowed transitions, each recorded in the history (who, when, from,
 * to, note). Marking a request corrected needs a correction notice on its article that names it,
 * or a reason why none is needed.
 */
export const enforceCorrectionWorkflow: CollectionBeforeChangeHook<CorrectionRequest> = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || !data.status || data.status === originalDoc.status) return data
  const from = originalDoc.status as CorrectionStatus
  const to = data.status as CorrectionStatus
  const transition = checkTransition(from, to)
  if (!transition.ok) throw new ValidationError({ collection: CORRECTION_REQUESTS_SLUG, errors: [{ path: 'status', message: transition.reason }], req })

  if (to === 'corrected' && !(data.noNoticeReason ?? originalDoc.noNoticeReason)) {
    const articleId = relationId(originalDoc.article)
    const { totalDocs } = await req.payload.count({
      collection: ARTICLES_SLUG,
      where: { id: { equals: articleId }, 'corrections.request': { equals: originalDoc.id } },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) {
      throw new ValidationError({
        collection: CORRECTION_REQUESTS_SLUG,
        errors: [
          {
            path: 'noNoticeReason',
            message: '文章上还没有对应此纠错的更正说明：请先添加，或写明无需更正说明的理由 (add a correction notice naming this request to the article first, or say why none is needed)',
          },
        ],
        req,
      })
    }
  }
  const note = typeof data.statusNote === 'string' && data.statusNote.trim() ? data.statusNote.trim().slice(0, 500) : null
  const by = req.user?.collection === USERS_SLUG ? (req.user.id as number) : null
  data.history = [...(originalDoc.history ?? []), { at: new Date().toISOString(), by, from, to, note }]
  return data
}
