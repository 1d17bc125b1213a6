import type { Endpoint } from 'payload'

import { hashLookupToken } from '../../../lib/corrections'
import { CORRECTION_REQUESTS_SLUG } from '../../../slugs'
import { refusalBody } from '../../../i18n/requestMessages'

/**
 * `GET /api/correction-requests/lookup?token=…`: how a reporter without an account follows their
 * request. It shows the status and the newsroom's reply, nothing else.
 */
export const lookupCorrectionRequest: Endpoint = {
  path: '/lookup',
  method: 'get',
  handler: async (req) => {
    const token = typeof req.query?.token === 'string' ? req.query.token : ''
    const headers = { 'cache-control': 'no-store' }
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return Response.json(refusalBody(req, { code: 'LOOKUP_TOKEN_INVALID' }), { status: 400, headers })
    const { docs } = await req.payload.find({
      collection: CORRECTION_REQUESTS_SLUG,
      where: { lookupTokenHash: { equals: hashLookupToken(token) } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { status: true, replyToReporter: true, updatedAt: true, createdAt: true },
      req,
    })
    const found = docs[0]
    if (!found) return Response.json(refusalBody(req, { code: 'CORRECTION_REQUEST_NOT_FOUND' }), { status: 404, headers })
    return Response.json(
      { id: found.id, status: found.status, replyToReporter: found.replyToReporter ?? null, createdAt: found.createdAt, updatedAt: found.updatedAt },
      { headers },
    )
  },
}
