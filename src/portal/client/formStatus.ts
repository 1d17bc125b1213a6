'use client'

import { useEffect, useState } from 'react'

import { MESSAGES } from '../../lib/i18n/messages'
import { type MessageCode, translate } from '../../lib/i18n/translate'
import type { ApiAnswer } from './browserApi'

export type Status = { tone: 'ok' | 'error'; text: string } | null

type Wait = { code: MessageCode; until: number }

/** A wait's own text when the API named one the catalogue has; every wait message names only `{{seconds}}`. */
const waitCodeOf = (code: string | null): MessageCode => (code && code in MESSAGES ? (code as MessageCode) : 'API_RATE_LIMITED')

/**
 * A form's outcome line. A refusal that asks the reader to wait (a 429 with Retry-After) counts
 * its seconds down in place, and `waiting` keeps the form from being sent again until they pass.
 */
export function useFormStatus() {
  const [status, setStatus] = useState<Status>(null)
  const [wait, setWait] = useState<Wait | null>(null)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!wait) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [wait])
  const seconds = wait ? Math.ceil((wait.until - now) / 1000) : 0
  useEffect(() => {
    if (wait && seconds <= 0) setWait(null)
  }, [wait, seconds])

  const refused = (answer: ApiAnswer) => {
    if (answer.retryAfterSeconds === null) return setStatus({ tone: 'error', text: answer.message })
    setStatus(null)
    // One reading of the clock for both: a millisecond between them showed a wait of 4 seconds as 5.
    const at = Date.now()
    setNow(at)
    setWait({ code: waitCodeOf(answer.code), until: at + answer.retryAfterSeconds * 1000 })
  }
  const shown: Status = wait && seconds > 0 ? { tone: 'error', text: translate({ code: wait.code, values: { seconds } }, 'zh') } : status
  return { status: shown, setStatus, refused, waiting: seconds > 0 }
}
