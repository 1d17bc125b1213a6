import path from 'node:path'

import type { Endpoint, PayloadRequest } from 'payload'

import { isAdminUser } from '../../../access/roleChecks'
import { accountsBoundTo, bindPhone, dropPhoneCode, phoneCiphertextOf, savePhoneCode, spendPhoneCodeTry } from '../../../db/readerPhones'
import { loggedInReaderId, privateJson as json } from '../../../endpoints/readerOwn'
import { recordAudit } from '../../../hooks/everywhere/recordAuditTrail'
import { fieldRefusalBody, refusalBody, say } from '../../../i18n/requestMessages'
import { CLIENT_IP_HEADER } from '../../../lib/http/clientIp'
import { MemoryRateLimitStore, type RateLimitStore } from '../../../lib/http/rateLimit'
import { maskPhoneNumber, parsePhoneNumber } from '../../../lib/phone/number'
import { decryptPhoneNumber, hashPhoneCode, hashPhoneNumber, PhoneDecryptionError, phoneKeysFrom, sameHash, sealPhoneNumber } from '../../../lib/phone/secrets'
import { checkPhoneCodeSend, isPhoneCodeShape, newPhoneCode, phoneCodeText, phoneSettingsFrom } from '../../../lib/phone/verification'
import { PROJECT_ROOT } from '../../../lib/runtime/projectRoot'
import { SmsNotSent, smsSenderFrom } from '../../../lib/sms'
import { READERS_SLUG } from '../../../slugs'

const settings = phoneSettingsFrom(process.env)
const keys = phoneKeysFrom(process.env)
const sms = smsSenderFrom(process.env, path.resolve(process.env.SMS_DIR || path.join(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'), 'sms')))
// Until the server hands over the store every instance shares (scripts that load the config never do).
let store: RateLimitStore = new MemoryRateLimitStore()

/** Where codes sent are counted against their limits from now on: src/server.ts hands over the shared store. */
export function countPhoneCodesIn(shared: RateLimitStore): void {
  store = shared
}

const PHONE_LABEL = { zh: '手机号', en: 'Mobile number' }
const CODE_LABEL = { zh: '验证码', en: 'Code' }

const readerIdOf = (req: PayloadRequest) => loggedInReaderId(req, { login: 'PHONE_LOGIN_REQUIRED', readersOnly: 'PHONE_READERS_ONLY' })

async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown>> {
  const body = await req.json?.().catch(() => null)
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

const invalidNumber = (req: PayloadRequest) => json(400, fieldRefusalBody(req, { path: 'phone', label: PHONE_LABEL }, { code: 'PHONE_NUMBER_INVALID' }))
const numberTaken = (req: PayloadRequest) => json(409, refusalBody(req, { code: 'PHONE_NUMBER_TAKEN' }, { field: 'phone' }))

/**
 * `POST /api/readers/phone/code` with `{ phone }`: sends the logged-in reader a six-digit code for
 * that number, replacing any earlier one. Limited per number, per reader and per client address
 * (PHONE_CODE_LIMIT_*), counted before anything else is looked at.
 */
const sendCode: Endpoint = {
  path: '/phone/code',
  method: 'post',
  handler: async (req) => {
    const reader = readerIdOf(req)
    if (reader instanceof Response) return reader
    const number = parsePhoneNumber((await bodyOf(req)).phone)
    if (!number) return invalidNumber(req)
    const numberHash = hashPhoneNumber(keys, number.e164)
    const decision = await checkPhoneCodeSend(store, settings.limits, { numberHash, reader, address: req.headers.get(CLIENT_IP_HEADER) || 'unknown' })
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds
      return json(429, refusalBody(req, { code: 'PHONE_CODE_RATE_LIMITED', values: { seconds } }, { retryAfterSeconds: seconds }), { 'retry-after': String(seconds) })
    }
    // Refused before a message is paid for; checked again, under a lock, when the code comes back.
    if ((await accountsBoundTo(req.payload, numberHash, reader)) >= settings.maxAccountsPerNumber) return numberTaken(req)
    const code = newPhoneCode()
    await savePhoneCode(req.payload, reader, hashPhoneCode(keys, reader, numberHash, code), new Date(Date.now() + settings.codeTtlMs))
    try {
      await sms.send({ to: number.e164, code, text: phoneCodeText(code, settings.codeTtlMs) })
    } catch (error) {
      if (!(error instanceof SmsNotSent)) throw error
      await dropPhoneCode(req.payload, reader)
      req.payload.logger.warn({ reader, provider: sms.name, reason: error.message }, 'a verification code could not be sent')
      return json(502, refusalBody(req, { code: 'PHONE_CODE_NOT_SENT' }))
    }
    req.payload.logger.info({ reader, to: maskPhoneNumber(number), provider: sms.name }, 'verification code sent')
    const minutes = Math.round(settings.codeTtlMs / 60000)
    return json(200, { message: say(req, { code: 'PHONE_CODE_SENT', values: { minutes } }), phoneMasked: maskPhoneNumber(number), expiresInSeconds: settings.codeTtlMs / 1000 })
  },
}

const UNUSABLE_CODE = { none: 'PHONE_CODE_NONE', expired: 'PHONE_CODE_EXPIRED', dead: 'PHONE_CODE_DEAD' } as const

/**
 * `POST /api/readers/phone/verify` with `{ phone, code }`: binds the number to the logged-in
 * reader when the code sent to it is right, in time, and within its tries. Answers the masked
 * number and the binding time; nothing else of the number ever leaves the server.
 */
const verifyCode: Endpoint = {
  path: '/phone/verify',
  method: 'post',
  handler: async (req) => {
    const reader = readerIdOf(req)
    if (reader instanceof Response) return reader
    const body = await bodyOf(req)
    const number = parsePhoneNumber(body.phone)
    if (!number) return invalidNumber(req)
    if (!isPhoneCodeShape(body.code)) return json(400, fieldRefusalBody(req, { path: 'code', label: CODE_LABEL }, { code: 'PHONE_CODE_SHAPE' }))
    const numberHash = hashPhoneNumber(keys, number.e164)
    const attempt = await spendPhoneCodeTry(req.payload, reader, settings.maxTries)
    const refuse = (message: Parameters<typeof refusalBody>[1]) => json(400, refusalBody(req, message, { field: 'code' }))
    if (attempt.outcome !== 'tried') return refuse({ code: UNUSABLE_CODE[attempt.outcome] })
    // The hash covers the reader and the number too: the right code for another number is wrong here.
    if (!sameHash(attempt.codeHash, hashPhoneCode(keys, reader, numberHash, body.code))) {
      return attempt.triesLeft > 0 ? refuse({ code: 'PHONE_CODE_WRONG', values: { tries: attempt.triesLeft } }) : refuse({ code: 'PHONE_CODE_DEAD' })
    }
    const binding = sealPhoneNumber(keys, number)
    const verifiedAt = await bindPhone(req.payload, reader, binding, settings.maxAccountsPerNumber)
    if (!verifiedAt) return numberTaken(req)
    return json(200, { message: say(req, { code: 'PHONE_BOUND' }), phoneMasked: binding.masked, phoneVerifiedAt: verifiedAt.toISOString() })
  },
}

const REASON_MAX = 200

/**
 * `POST /api/readers/:id/phone/reveal` with `{ reason }`: the reader's number in full, for an
 * admin answering a lawful request. Each reading is a `reveal-phone` entry in the audit log, with
 * the admin, the reader and the reason, written before the number is answered.
 */
const revealNumber: Endpoint = {
  path: '/:id/phone/reveal',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return json(401, refusalBody(req, { code: 'PHONE_REVEAL_ADMINS_ONLY' }))
    if (!isAdminUser(req.user)) return json(403, refusalBody(req, { code: 'PHONE_REVEAL_ADMINS_ONLY' }))
    const rawId = req.routeParams?.id
    const id = typeof rawId === 'string' && /^[0-9]{1,10}$/.test(rawId) ? Number(rawId) : NaN
    if (!Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1) return json(400, fieldRefusalBody(req, { path: 'id', label: { zh: '读者 ID', en: 'Reader id' } }, { code: 'READER_ID_INVALID' }))
    const reason = (await bodyOf(req)).reason
    if (typeof reason !== 'string' || reason.trim() === '' || reason.length > REASON_MAX) {
      return json(400, fieldRefusalBody(req, { path: 'reason', label: { zh: '理由', en: 'Reason' } }, { code: 'PHONE_REVEAL_REASON', values: { max: REASON_MAX } }))
    }
    const found = await phoneCiphertextOf(req.payload, id)
    if (!found) return json(404, refusalBody(req, { code: 'READER_NOT_FOUND' }))
    if (!found.ciphertext) return json(404, refusalBody(req, { code: 'PHONE_NOT_BOUND' }))
    let phone: string
    try {
      phone = decryptPhoneNumber(keys, found.ciphertext)
    } catch (error) {
      if (!(error instanceof PhoneDecryptionError)) throw error
      req.payload.logger.error({ reader: id, reason: error.message }, 'a bound number could not be decrypted')
      return json(500, refusalBody(req, { code: 'PHONE_KEY_MISMATCH' }))
    }
    await recordAudit(req, { action: 'reveal-phone', target: { collection: READERS_SLUG, id, title: found.displayName }, detail: reason.trim() })
    return json(200, { id, phone })
  },
}

/** 后台实名 (docs/api.md): binding a number with an SMS code, and an admin's audited reading of one. */
export const phoneEndpoints: Endpoint[] = [sendCode, verifyCode, revealNumber]
