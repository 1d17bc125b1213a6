'use client'

import Link from '../Link'
import { AccountNotifications, NotifyByEmailToggle } from './Notifications'
import { useReader } from './ReaderContext'

/** The account page's content: a prompt to log in, or the reader's own sections. */
export function AccountHome() {
  const { reader } = useReader()
  if (reader === undefined) return null
  if (!reader) {
    return (
      <p data-testid="account-login-prompt">
        请先<Link href="/account/login?next=/account">登录</Link>。
      </p>
    )
  }
  return (
    <>
      <AccountNotifications />
      <NotifyByEmailToggle />
    </>
  )
}
