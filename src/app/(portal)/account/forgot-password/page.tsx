import type { Metadata } from 'next'

import { ForgotPasswordForm } from '../../../../portal/client/AccountForms'

export const metadata: Metadata = { title: '找回密码', robots: { index: false } }

export default function ForgotPasswordPage() {
  return (
    <div className="account">
      <h1>找回密码</h1>
      <p>输入注册时使用的邮箱，我们会发送一封重置密码的邮件。</p>
      <ForgotPasswordForm />
    </div>
  )
}
