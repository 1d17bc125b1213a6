import type { Metadata } from 'next'

import { safeReturnPath } from '../../../../lib/portal/links'
import { PhoneBindingForm } from '../../../../portal/client/PhoneBinding'

export const metadata: Metadata = { title: '绑定手机号', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function PhonePage({ searchParams }: Props) {
  const given = (await searchParams).next
  const next = given ? safeReturnPath(given) : null
  return (
    <div className="account">
      <h1>绑定手机号</h1>
      <p>根据《互联网跟帖评论服务管理规定》，发表评论或提交纠错前须绑定手机号（后台实名、前台自愿）。号码加密保存，页面上只显示昵称，不会公开号码。</p>
      <PhoneBindingForm next={next} />
    </div>
  )
}
