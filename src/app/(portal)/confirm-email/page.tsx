import type { Metadata } from 'next'

import { STAFF_ACCOUNT_PARAM } from '../../../lib/accounts/emailChangeMail'
import { ConfirmEmail } from '../../../portal/client/AccountForms'

export const metadata: Metadata = { title: '确认新邮箱', robots: { index: false }, referrer: 'no-referrer' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Where the link sent to a new account address leads (`?token=…`, and `&account=staff` for staff). */
export default async function ConfirmEmailPage({ searchParams }: Props) {
  const { token, account } = await searchParams
  return (
    <div className="account">
      <h1>确认新邮箱</h1>
      <ConfirmEmail token={typeof token === 'string' ? token : ''} staff={account === STAFF_ACCOUNT_PARAM} />
    </div>
  )
}
