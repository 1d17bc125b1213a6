import type { Metadata } from 'next'

import { safeReturnPath } from '../../../../lib/portal/links'
import { LoginForm } from '../../../../portal/client/AccountForms'

export const metadata: Metadata = { title: '登录', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function LoginPage({ searchParams }: Props) {
  const next = safeReturnPath((await searchParams).next)
  return (
    <div className="account">
      <h1>读者登录</h1>
      <LoginForm next={next} />
    </div>
  )
}
