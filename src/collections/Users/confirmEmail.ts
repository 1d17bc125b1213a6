import type { CollectionSlug, Endpoint } from 'payload'

import { refusalBody } from '../../i18n/requestMessages'
import { ACCOUNT_FIELD_LABELS } from '../../lib/accounts/authFields'
import { hashLookupToken as hashToken } from '../../lib/corrections/token'
import { type READERS_SLUG, type USERS_SLUG } from '../../slugs'

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })

const refusal = (status: number, code: string, message: string) => json(status, { errors: [{ message, data: { code, field: 'token' } }] })

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
      return refusal(400, 'EMAIL_CHANGE_LINK_INVALID', '确认链接的 token 无效或已使用过 / The confirmation link\'s token is invalid or was used already')
    }
    const clear = () => req.payload.update({ collection: slug as CollectionSlug, id: found.id, data: CLEARED, overrideAccess: true, req })
    if (!found.pendingEmailExpiresAt || new Date(found.pendingEmailExpiresAt).getTime() <= Date.now()) {
      await clear()
      return refusal(400, 'EMAIL_CHANGE_LINK_EXPIRED', '确认链接的 token 已过期，请重新申请更换邮箱 / The confirmation link\'s token has expired; ask for the change again')
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
    return json(200, { message: '邮箱已更改 / The email was changed', email: found.pendingEmail })
  },
})
