import type { Metadata } from 'next'

import { ResetPasswordForm } from '../../../portal/client/AccountForms'

export const metadata: Metadata = { title: '重置密码', robots: { index: false }, referrer: 'no-referrer' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Where the password-reset email links (`?token=…`). */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const token = (await searchParams).token
  return (
    <div className="account">
      <h1>重置密码</h1>
      <ResetPasswordForm token={typeof token === 'string' ? token : ''} />
    </div>
  )
}
