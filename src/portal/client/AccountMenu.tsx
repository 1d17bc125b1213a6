'use client'

import Link from '../Link'

import { NotificationBadge } from './Notifications'
import { useReader } from './ReaderContext'

export function AccountMenu() {
  const { reader, logout } = useReader()
  // data-reader says whether the browser has heard back from /api/readers/me yet (for tests and styling).
  if (reader === undefined) return <div className="account-menu" data-reader="unknown" aria-hidden="true" />
  if (!reader) {
    return (
      <div className="account-menu" data-reader="anonymous">
        <Link href="/account/login">登录</Link>
        <Link href="/account/signup">注册</Link>
      </div>
    )
  }
  return (
    <div className="account-menu" data-reader="signed-in">
      <span data-testid="reader-name">{reader.displayName}</span>
      <NotificationBadge />
      <Link href="/account/phone">{reader.phoneMasked ? '手机号' : '绑定手机号'}</Link>
      <button type="button" onClick={() => void logout()}>
        退出
      </button>
    </div>
  )
}
