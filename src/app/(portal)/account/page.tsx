import type { Metadata } from 'next'

import { AccountHome } from '../../../portal/client/AccountHome'

export const metadata: Metadata = { title: '我的账号', robots: { index: false } }

/** The same HTML for everyone: what is the reader's own is asked for by their browser, with their login. */
export default function AccountPage() {
  return (
    <div className="account">
      <h1>我的账号</h1>
      <AccountHome />
    </div>
  )
}
