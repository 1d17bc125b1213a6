'use client'

import Link from '../Link'
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react'

import { PROFESSIONS } from '../../lib/accounts/readers'
import { callApi, formFields } from './browserApi'
import { type Status, useFormStatus } from './formStatus'
import { type Reader, useReader } from './ReaderContext'


/** A form that posts its fields to one API path and reports the outcome in `account-status`. */
function AccountForm({
  path,
  fields,
  extra = {},
  submitLabel,
  onSuccess,
  children,
}: {
  path: string
  fields: string[]
  extra?: Record<string, string>
  submitLabel: string
  onSuccess: (data: any, form: HTMLFormElement) => string | void
  children: ReactNode
}) {
  const { status, setStatus, refused, waiting } = useFormStatus()
  const [sending, setSending] = useState(false)
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    setSending(true)
    const answer = await callApi(path, 'POST', { ...formFields(form, fields), ...extra })
    setSending(false)
    if (!answer.ok) return refused(answer)
    const text = onSuccess(answer.data, form)
    if (text) setStatus({ tone: 'ok', text })
  }
  return (
    <form className="account-form" onSubmit={submit}>
      {children}
      <button type="submit" disabled={sending || waiting}>
        {submitLabel}
      </button>
      <p role="status" data-testid="account-status" className={status ? `status-${status.tone}` : undefined}>
        {status?.text}
      </p>
    </form>
  )
}

const Field = ({ name, label, ...input }: { name: string; label: string } & React.InputHTMLAttributes<HTMLInputElement>) => (
  <>
    <label htmlFor={`account-${name}`}>{label}</label>
    <input id={`account-${name}`} name={name} {...input} />
  </>
)

export function LoginForm({ next }: { next: string }) {
  const { setReader } = useReader()
  return (
    <AccountForm
      path="/api/readers/login"
      fields={['email', 'password']}
      submitLabel="登录"
      onSuccess={(data: { user: Reader }) => {
        setReader(data.user)
        window.location.assign(next)
        return `已登录：${data.user.displayName}`
      }}
    >
      <Field name="email" label="邮箱" type="email" required autoComplete="email" />
      <Field name="password" label="密码" type="password" required autoComplete="current-password" />
      <p className="form-links">
        <Link href="/account/forgot-password">忘记密码？</Link> <Link href="/account/signup">注册新账号</Link>
      </p>
    </AccountForm>
  )
}

export function SignupForm() {
  return (
    <AccountForm
      path="/api/readers"
      fields={['email', 'password', 'displayName', 'profession']}
      submitLabel="注册"
      onSuccess={(_data, form) => {
        const email = String(new FormData(form).get('email'))
        form.reset()
        return `注册成功。验证邮件已发送到 ${email}，请打开邮件中的链接完成验证后登录。`
      }}
    >
      <Field name="email" label="邮箱" type="email" required autoComplete="email" />
      <Field name="password" label="密码" type="password" required autoComplete="new-password" />
      <Field name="displayName" label="昵称" required maxLength={30} autoComplete="nickname" />
      <label htmlFor="account-profession">职业（选填，经审核认证后显示）</label>
      <select id="account-profession" name="profession" defaultValue="">
        <option value="">不填写</option>
        {Object.entries(PROFESSIONS).map(([value, label]) => (
          <option key={value} value={value}>
            {label.zh}
          </option>
        ))}
      </select>
    </AccountForm>
  )
}

export function ForgotPasswordForm() {
  return (
    <AccountForm
      path="/api/readers/forgot-password"
      fields={['email']}
      submitLabel="发送重置邮件"
      onSuccess={() => '如果该邮箱已注册，重置密码的邮件已经发出，请在一小时内打开邮件中的链接。'}
    >
      <Field name="email" label="邮箱" type="email" required autoComplete="email" />
    </AccountForm>
  )
}

export function ResetPasswordForm({ token }: { token: string }) {
  if (!token) return <p data-testid="account-status" role="status">链接不完整：请从邮件中的链接打开本页。</p>
  return (
    <AccountForm
      path="/api/readers/reset-password"
      fields={['password']}
      extra={{ token }}
      submitLabel="重置密码"
      onSuccess={(_data, form) => {
        form.reset()
        return '密码已重置，请用新密码登录。'
      }}
    >
      <Field name="password" label="新密码" type="password" required autoComplete="new-password" />
      <p className="form-links">
        <Link href="/account/login">去登录</Link>
      </p>
    </AccountForm>
  )
}

/** Verifies on opening the emailed link; done in the browser, so a mail scanner's fetch spends nothing. */
/** A page opened from an emailed link: it passes the link's token to the API once and says how that went. */
function FollowEmailLink({
  token,
  send,
  succeeded,
  failed,
  next,
}: {
  token: string
  send: (token: string) => ReturnType<typeof callApi>
  succeeded: string
  failed: string
  next: ReactNode
}) {
  const [status, setStatus] = useState<Status>(token ? null : { tone: 'error', text: '链接不完整：请从邮件中的链接打开本页。' })
  const started = useRef(false)
  useEffect(() => {
    if (!token || started.current) return
    started.current = true
    void send(token).then((answer) =>
      setStatus(answer.ok ? { tone: 'ok', text: succeeded } : { tone: 'error', text: `${failed} (${answer.message})` }),
    )
  }, [token, send, succeeded, failed])
  return (
    <>
      <p role="status" data-testid="account-status" className={status ? `status-${status.tone}` : undefined}>
        {status ? status.text : '正在验证……'}
      </p>
      {status?.tone === 'ok' && <p>{next}</p>}
    </>
  )
}

const verify = (token: string) => callApi(`/api/readers/verify/${encodeURIComponent(token)}`, 'POST')

export function VerifyEmail({ token }: { token: string }) {
  return (
    <FollowEmailLink
      token={token}
      send={verify}
      succeeded="邮箱已验证，现在可以登录了。"
      failed="验证未成功：链接无效或已使用过"
      next={<Link href="/account/login">去登录</Link>}
    />
  )
}

const confirmReaderEmail = (token: string) => callApi('/api/readers/confirm-email', 'POST', { token })
const confirmStaffEmail = (token: string) => callApi('/api/users/confirm-email', 'POST', { token })

/** Where the link sent to a new address leads; a staff account's link says so (`account=staff`). */
export function ConfirmEmail({ token, staff }: { token: string; staff: boolean }) {
  return (
    <FollowEmailLink
      token={token}
      send={staff ? confirmStaffEmail : confirmReaderEmail}
      succeeded="新邮箱已确认，今后请用新邮箱登录。"
      failed="确认未成功：链接无效、已使用过或已过期"
      next={staff ? <a href="/admin">去后台登录</a> : <Link href="/account/login">去登录</Link>}
    />
  )
}
