'use client'

import Link from '../Link'
import { type FormEvent, useEffect, useState } from 'react'

import { callApi } from './browserApi'
import { useFormStatus } from './formStatus'
import { type Reader, useReader } from './ReaderContext'

/** Seconds before another code may be asked for: the SMS is usually there well before. */
const RESEND_SECONDS = 60

/** Whether this reader must bind a number before writing under their account (后台实名). */
export const needsPhone = (reader: Reader | null | undefined, phoneRequired: boolean): boolean =>
  Boolean(phoneRequired && reader && !reader.phoneVerifiedAt)

/** The line a comment or 纠错 form shows a reader who has not bound a number yet, linking to the binding and back. */
export function PhoneRequiredNotice({ returnPath, action }: { returnPath: string; action: string }) {
  return (
    <p className="phone-required" data-testid="phone-required">
      根据国家规定，{action}前请先<Link href={`/account/phone?next=${encodeURIComponent(returnPath)}`}>绑定手机号</Link>（仅用于后台实名，不会公开）。
    </p>
  )
}

/** 绑定手机号: ask for a code (then wait out a countdown before asking again), enter it, and the number is bound. */
export function PhoneBindingForm({ next }: { next: string | null }) {
  const { reader, setReader } = useReader()
  const { status, setStatus, refused, waiting } = useFormStatus()
  const [phone, setPhone] = useState('')
  const [sending, setSending] = useState(false)
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [resendAt, setResendAt] = useState(0)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (resendAt <= now) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [resendAt, now])
  if (reader === undefined) return null
  if (!reader) {
    return (
      <p>
        <Link href={`/account/login?next=${encodeURIComponent('/account/phone')}`}>请先登录</Link>
      </p>
    )
  }
  const countdown = Math.max(0, Math.ceil((resendAt - now) / 1000))

  const askCode = async () => {
    setSending(true)
    const answer = await callApi<{ message: string; phoneMasked: string }>('/api/readers/phone/code', 'POST', { phone })
    setSending(false)
    if (!answer.ok) return refused(answer)
    setSentTo(phone)
    setResendAt(Date.now() + RESEND_SECONDS * 1000)
    setNow(Date.now())
    setStatus({ tone: 'ok', text: `${answer.data?.message ?? '验证码已发送'}（${answer.data?.phoneMasked ?? ''}）` })
  }
  const bind = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim()
    setSending(true)
    const answer = await callApi<{ phoneMasked: string; phoneVerifiedAt: string }>('/api/readers/phone/verify', 'POST', { phone: sentTo ?? phone, code })
    setSending(false)
    if (!answer.ok) return refused(answer)
    setReader({ ...reader, phoneMasked: answer.data!.phoneMasked, phoneVerifiedAt: answer.data!.phoneVerifiedAt })
    setSentTo(null)
    setStatus({ tone: 'ok', text: `手机号 ${answer.data!.phoneMasked} 已绑定。` })
    if (next) window.location.assign(next)
  }
  return (
    <form className="account-form phone-form" data-testid="phone-form" onSubmit={bind}>
      {reader.phoneMasked && (
        <p data-testid="phone-bound">
          已绑定：{reader.phoneMasked}。可绑定新号码替换。
        </p>
      )}
      <label htmlFor="phone-number">手机号</label>
      <div className="phone-row">
        <input
          id="phone-number"
          name="phone"
          type="tel"
          autoComplete="tel"
          placeholder="11 位手机号，境外号码请以 + 和国家代码开头"
          required
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
        />
        <button type="button" data-testid="phone-send" disabled={sending || waiting || countdown > 0 || phone.trim() === ''} onClick={() => void askCode()}>
          {countdown > 0 ? `${countdown} 秒后可重新获取` : sentTo ? '重新获取' : '获取验证码'}
        </button>
      </div>
      <label htmlFor="phone-code">验证码</label>
      <input id="phone-code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required />
      <button type="submit" data-testid="phone-bind" disabled={sending || !sentTo}>
        绑定
      </button>
      <p role="status" data-testid="phone-status" className={status ? `status-${status.tone}` : undefined}>
        {status?.text}
      </p>
    </form>
  )
}
