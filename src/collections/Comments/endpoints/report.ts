import type { Endpoint } from 'payload'

import { isReaderUser } from '../../../access/roleChecks'
import { fieldRefusalBody, refusalBody, say } from '../../../i18n/requestMessages'
import { COMMENTS_SLUG } from '../../../slugs'

const MAX_REASON_LENGTH = 500

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })

/**
 * `POST /api/comments/:id/report` with `{ reason }`: a logged-in reader flags a published comment
 * for the moderators' "reported" queue. Once per reader and comment; reporting again changes nothing.
 */
export const reportComment: Endpoint = {
  path: '/:id/report',
  method: 'post',
  handler: async (req) => {
    if (!isReaderUser(req.user)) return json(403, refusalBody(req, { code: 'REPORT_READERS_ONLY' }))
    const id = Number(req.routeParams?.id)
    const body = (await req.json?.().catch(() => null)) as { reason?: unknown } | null
    const reason = typeof body?.reason === 'string' ? body.reason.trim() : ''
    if (!reason || reason.length > MAX_REASON_LENGTH) {
      const field = { path: 'reason', label: { zh: '举报理由', en: 'Reason' } }
      return json(400, fieldRefusalBody(req, field, { code: 'REPORT_REASON_LENGTH', values: { max: MAX_REASON_LENGTH } }))
    }
    const comment = Number.isSafeInteger(id)
      ? await req.payload.findByID({ collection: COMMENTS_SLUG, id, depth: 0, disableErrors: true, overrideAccess: true, req })
      : null
    if (!comment || comment.status !== 'approved') return json(404, refusalBody(req, { code: 'COMMENT_NOT_FOUND' }))
    const reports = comment.reports ?? []
    if (reports.some((report) => String(typeof report.reader === 'object' ? report.reader?.id : report.reader) === String(req.user!.id))) {
      return json(200, { message: say(req, { code: 'COMMENT_ALREADY_REPORTED' }), code: 'COMMENT_ALREADY_REPORTED' })
    }
    await req.payload.update({
      collection: COMMENTS_SLUG,
      id,
      data: { reports: [...reports, { reason, reader: req.user!.id as number, at: new Date().toISOString() }], reportCount: reports.length + 1 },
      overrideAccess: true,
      req,
    })
    return json(201, { message: say(req, { code: 'COMMENT_REPORTED' }), code: 'COMMENT_REPORTED' })
  },
}
