import type { Metadata } from 'next'

import { SignupForm } from '../../../../portal/client/AccountForms'

export const metadata: Metadata = { title: '注册', robots: { index: false } }

export default function SignupPage() {
  return (
    <div className="account">
      <h1>注册读者账号</h1>
      <p>注册后可以发表评论。填写的职业经审核认证后，才会显示在您的昵称旁。</p>
      <SignupForm />
    </div>
  )
}
