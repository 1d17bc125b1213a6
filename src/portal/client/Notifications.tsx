'use client'

import { useCallback, useEffect, useState } from 'react'

import { commentPath, type ModerationOutcome, type NotificationKind, noticeHeadline } from '../../lib/notifications'
import { shanghaiDateTime } from '../../lib/portal/time'
import Link from '../Link'
import { callApi } from './browserApi'
import { useReader } from './ReaderContext'

type Notice = {
  id: number
  kind: NotificationKind
  outcome?: ModerationOutcome | null
  articleTitle?: string | null
  articleSlug?: string | null
  comment?: number | null
  commentExcerpt?: string | null
  replierName?: string | null
  readAt?: string | null
  createdAt: string
}

/** How many of the newest notices the account page lists. */
const SHOWN = 50

/**
 * The reader's notices, newest first, the unread marked (未读). The browser asks for them with the
 * reader's login: the API forces the list to the reader's own and no shared cache holds it. Opening
 * one marks it read; 全部标为已读 marks them all.
 */
export function AccountNotifications() {
  const { reader } = useReader()
  const [notices, setNotices] = useState<Notice[] | null>(null)
  const [failed, setFailed] = useState('')
  const load = useCallback(async () => {
    const answer = await callApi<{ docs?: Notice[] }>(`/api/notifications?depth=0&sort=-createdAt&limit=${SHOWN}`, 'GET')
    if (!answer.ok) return setFailed(answer.message)
    setNotices(answer.data?.docs ?? [])
  }, [])
  useEffect(() => {
    if (reader) void load()
  }, [reader, load])
  const markRead = async (body: { all: true } | { ids: number[] }) => {
    const answer = await callApi<{ unread: number }>('/api/notifications/read', 'POST', body)
    if (!answer.ok) return setFailed(answer.message)
    announceUnread(answer.data?.unread ?? 0)
    await load()
  }
  if (!reader) return null
  const unread = (notices ?? []).filter((notice) => !notice.readAt).length
  return (
    <section className="notifications" aria-labelledby="notifications-heading" data-testid="notifications">
      <div className="notifications-head">
        <h2 id="notifications-heading">我的通知</h2>
        <button type="button" onClick={() => void markRead({ all: true })} disabled={unread === 0} data-testid="mark-all-read">
          全部标为已读
        </button>
      </div>
      {failed && <p role="alert" className="status-error">{failed}</p>}
      {notices?.length === 0 && <p className="notifications-empty">暂无通知。有人回复您的评论，或您待审核的评论有了结果时，会在这里告诉您。</p>}
      <ul>
        {(notices ?? []).map((notice) => (
          <li key={notice.id} data-testid="notification" data-unread={notice.readAt ? undefined : 'true'} className={notice.readAt ? 'notification' : 'notification unread'}>
            {!notice.readAt && <span className="unread-badge">未读</span>}
            <Link
              href={notice.articleSlug && notice.comment ? commentPath(notice.articleSlug, notice.comment) : '/'}
              onClick={(event) => {
                if (notice.readAt) return
                // Marked read before the page is left: a request still under way would be abandoned.
                event.preventDefault()
                const href = event.currentTarget.href
                void markRead({ ids: [notice.id] }).finally(() => window.location.assign(href))
              }}
            >
              {noticeHeadline({ kind: notice.kind, outcome: notice.outcome, articleTitle: notice.articleTitle ?? '', commentExcerpt: '', replierName: notice.replierName })}
            </Link>
            {notice.commentExcerpt && <q className="notification-excerpt">{notice.commentExcerpt}</q>}
            <time dateTime={notice.createdAt}>{shanghaiDateTime(notice.createdAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  )
}

const UNREAD_EVENT = 'newsroom:unread-notifications'

/** Tells the header's badge the new unread count, without asking the API again. */
const announceUnread = (unread: number) => window.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: unread }))

/** The header's link to the account page, with the number of unread notices when there are any. */
export function NotificationBadge() {
  const [unread, setUnread] = useState(0)
  useEffect(() => {
    let live = true
    void callApi<{ unread: number }>('/api/notifications/unread-count', 'GET').then((answer) => {
      if (live && answer.ok) setUnread(answer.data?.unread ?? 0)
    })
    const heard = (event: Event) => setUnread(Number((event as CustomEvent).detail) || 0)
    window.addEventListener(UNREAD_EVENT, heard)
    return () => {
      live = false
      window.removeEventListener(UNREAD_EVENT, heard)
    }
  }, [])
  return (
    <Link href="/account" className="notification-link" data-testid="notification-badge" aria-label={unread > 0 ? `我的通知，${unread} 条未读` : '我的通知'}>
      通知
      {unread > 0 && <span className="unread-count">{unread > 99 ? '99+' : unread}</span>}
    </Link>
  )
}

/** 评论通知邮件: the reader's own choice, saved on their account at once. */
export function NotifyByEmailToggle() {
  const { reader, setReader } = useReader()
  const [saving, setSaving] = useState(false)
  const [message, setMessage] = useState('')
  if (!reader) return null
  const change = async (on: boolean) => {
    setSaving(true)
    const answer = await callApi<{ doc?: { notifyByEmail?: boolean } }>(`/api/readers/${reader.id}`, 'PATCH', { notifyByEmail: on })
    setSaving(false)
    if (!answer.ok) return setMessage(answer.message)
    setReader({ ...reader, notifyByEmail: answer.data?.doc?.notifyByEmail === true })
    setMessage(on ? '已开启：有新通知时会同时发邮件给您（仅限已验证的邮箱）' : '已关闭评论通知邮件')
  }
  return (
    <p className="notify-by-email">
      <label>
        <input type="checkbox" data-testid="notify-by-email" checked={reader.notifyByEmail === true} disabled={saving} onChange={(event) => void change(event.currentTarget.checked)} />
        有人回复我的评论或评论审核有结果时，同时发邮件通知我
      </label>
      <span role="status">{message}</span>
    </p>
  )
}
