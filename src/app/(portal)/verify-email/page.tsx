import type { Metadata } from 'next'

import { VerifyEmail } from '../../../portal/client/AccountForms'

export const metadata: Metadata = { title: '验证邮箱', robots: { index: false }, referrer: 'no-referrer' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Where the verification email links (`?token=…`). */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const token = (await searchParams).token
  return (
    <div className="account">
      <h1>验证邮箱</h1>
      <VerifyEmail token={typeof token === 'string' ? token : ''} />
    </div>
  )
}
