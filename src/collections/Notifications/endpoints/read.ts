import type { Endpoint, PayloadRequest, Where } from 'payload'

import { loggedInReaderId, privateJson as json } from '../../../endpoints/readerOwn'
import { fieldRefusalBody, refusalBody } from '../../../i18n/requestMessages'
import { MAX_READ_IDS, readRequestFrom } from '../../../lib/notifications'
import { NOTIFICATIONS_SLUG } from '../../../slugs'

const readerIdOf = (req: PayloadRequest) => loggedInReaderId(req, { login: 'NOTIFICATIONS_LOGIN_REQUIRED', readersOnly: 'NOTIFICATIONS_READERS_ONLY' })

const unreadOf = (readerId: number): Where => ({ reader: { equals: readerId }, readAt: { exists: false } })

async function unreadCount(req: PayloadRequest, readerId: number): Promise<number> {
  const { totalDocs } = await req.payload.count({ collection: NOTIFICATIONS_SLUG, where: unreadOf(readerId), overrideAccess: true, req })
  return totalDocs
}

/** `GET /api/notifications/unread-count`: `{ unread }`, the logged-in reader's notices not yet read. */
const unreadCountEndpoint: Endpoint = {
  path: '/unread-count',
  method: 'get',
  handler: async (req) => {
    const reader = readerIdOf(req)
    if (reader instanceof Response) return reader
    return json(200, { unread: await unreadCount(req, reader) })
  },
}

/**
 * `POST /api/notifications/read` with `{ ids: [1, 2] }` or `{ all: true }`: marks the logged-in
 * reader's notices read (others' ids are passed over, as if absent) and answers `{ marked, unread }`.
 * Marking one read again changes nothing.
 */
const markReadEndpoint: Endpoint = {
  path: '/read',
  method: 'post',
  handler: async (req) => {
    const reader = readerIdOf(req)
    if (reader instanceof Response) return reader
    const asked = readRequestFrom(await req.json?.().catch(() => null))
    if (!asked) {
      const field = { path: 'ids', label: { zh: '通知 ID 列表', en: 'Notification ids' } }
      return json(400, fieldRefusalBody(req, field, { code: 'NOTIFICATION_READ_INVALID', values: { max: MAX_READ_IDS } }))
    }
    const where: Where = 'ids' in asked ? { and: [unreadOf(reader), { id: { in: asked.ids } }] } : unreadOf(reader)
    const marked = await req.payload.db.updateMany({ collection: NOTIFICATIONS_SLUG, where, data: { readAt: new Date().toISOString() }, req })
    return json(200, { marked: marked?.length ?? 0, unread: await unreadCount(req, reader) })
  },
}

export const notificationEndpoints: Endpoint[] = [unreadCountEndpoint, markReadEndpoint]
