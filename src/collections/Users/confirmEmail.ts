import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { refusalBody, say } from '../../i18n/requestMessages'
import { ACCOUNT_FIELD_LABELS } from '../../lib/accounts/authFields'
import { hashLookupToken as hashToken } from '../../lib/corrections/token'
import { type READERS_SLUG, type USERS_SLUG } from '../../slugs'

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })

/** A confirmation link that no longer works: a 400 naming the token, as the link carries it. */
const refusal = (req: PayloadRequest, code: 'EMAIL_CHANGE_LINK_INVALID' | 'EMAIL_CHANGE_LINK_EXPIRED') =>
  json(400, refusalBody(req, { code, values: { field: ACCOUNT_FIELD_LABELS.token } }, { field: 'token' }))

const CLEARED: Record<string, null> = { pendingEmail: null, pendingEmailTokenHash: null, pendingEmailExpiresAt: null }

/**
 * `POST /api/<accounts>/confirm-email` with `{ token }` from the link sent to a new address: the
 * account's email becomes that address, once. An expired link, or an address another account took
 * meanwhile, ends the pending change; the old address stays in use.
 */
export const confirmEmailEndpoint = (slug: typeof USERS_SLUG | typeof READERS_SLUG): Endpoint => ({
  path: '/confirm-email',
  method: 'post',
  handler: async (req) => {
    const body = (await req.json?.().catch(() => null)) as { token?: unknown } | null
    const token = typeof body?.token === 'string' ? body.token : ''
    const found = /^[A-Za-z0-9_-]{20,100}$/.test(token)
      ? (await req.payload.find({
          collection: slug as CollectionSlug,
          where: { pendingEmailTokenHash: { equals: hashToken(token) } },
          limit: 1,
          depth: 0,
          overrideAccess: true,
          showHiddenFields: true,
          req,
        })).docs[0] as { id: number; pendingEmail?: string | null; pendingEmailExpiresAt?: string | null } | undefined
      : undefined
    if (!found?.pendingEmail) {
      return refusal(req, 'EMAIL_CHANGE_LINK_INVALID')
    }
    const clear = () => req.payload.update({ collection: slug as CollectionSlug, id: found.id, data: CLEARED, overrideAccess: true, req })
    if (!found.pendingEmailExpiresAt || new Date(found.pendingEmailExpiresAt).getTime() <= Date.now()) {
      await clear()
      return refusal(req, 'EMAIL_CHANGE_LINK_EXPIRED')
    }
    const { totalDocs } = await req.payload.count({
      collection: slug as CollectionSlug,
      where: { email: { equals: found.pendingEmail }, id: { not_equals: found.id } },
      overrideAccess: true,
      req,
    })
    if (totalDocs > 0) {
      await clear()
      return json(409, refusalBody(req, { code: 'EMAIL_IN_USE', values: { field: ACCOUNT_FIELD_LABELS.email } }, { field: 'email' }))
    }
    await req.payload.update({ collection: slug as CollectionSlug, id: found.id, data: { email: found.pendingEmail, ...CLEARED } as Record<string, unknown>, overrideAccess: true, req })
    return json(200, { message: say(req, { code: 'EMAIL_CHANGED' }), email: found.pendingEmail })
  },
})
