import { randomInt } from 'node:crypto'

import { checkAllowances, type RateLimitDecision, type RateLimitStore } from '../http/rateLimit'
import { positiveInteger, wholeNumber } from '../runtime/envNumbers'

export type PhoneVerificationSettings = {
  /** Whether a reader needs a bound number to comment or to send a correction request under their account. */
  required: boolean
  /** How long a sent code works. */
  codeTtlMs: number
  /** Wrong entries of one code before it is dead. */
  maxTries: number
  /** Accounts one number may be bound to. */
  maxAccountsPerNumber: number
  limits: { perNumber: number; perReader: number; perAddress: number; windowMs: number }
}

export const DEFAULT_PHONE_SETTINGS: Omit<PhoneVerificationSettings, 'required'> = {
  codeTtlMs: 5 * 60 * 1000,
  maxTries: 5,
  maxAccountsPerNumber: 1,
  limits: { perNumber: 5, perReader: 5, perAddress: 20, windowMs: 60 * 60 * 1000 },
}

/**
 * COMMENT_REQUIRE_PHONE (on|off; unset: on when NODE_ENV=production, as mainland rules ask of a
 * portal; off for portals abroad), PHONE_CODE_TTL_SECONDS, PHONE_MAX_ACCOUNTS, and
 * PHONE_CODE_LIMIT_PER_NUMBER|_PER_READER|_PER_ADDRESS per PHONE_CODE_WINDOW_SECONDS.
 */
export function phoneSettingsFrom(env: Record<string, string | undefined>): PhoneVerificationSettings {
  const switched = (env.COMMENT_REQUIRE_PHONE ?? '').trim().toLowerCase()
  const required = ['on', 'true', '1'].includes(switched) || (!['off', 'false', '0'].includes(switched) && env.NODE_ENV === 'production')
  const defaults = DEFAULT_PHONE_SETTINGS
  return {
    required,
    codeTtlMs: positiveInteger(env.PHONE_CODE_TTL_SECONDS, defaults.codeTtlMs / 1000, 24 * 60 * 60) * 1000,
    maxTries: defaults.maxTries,
    maxAccountsPerNumber: positiveInteger(env.PHONE_MAX_ACCOUNTS, defaults.maxAccountsPerNumber, 1000),
    limits: {
      perNumber: wholeNumber(env.PHONE_CODE_LIMIT_PER_NUMBER, defaults.limits.perNumber),
      perReader: wholeNumber(env.PHONE_CODE_LIMIT_PER_READER, defaults.limits.perReader),
      perAddress: wholeNumber(env.PHONE_CODE_LIMIT_PER_ADDRESS, defaults.limits.perAddress),
      windowMs: positiveInteger(env.PHONE_CODE_WINDOW_SECONDS, defaults.limits.windowMs / 1000, 7 * 24 * 60 * 60) * 1000,
    },
  }
}

/** Six digits, leading zeros kept, from the system's cryptographic generator. */
export const newPhoneCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0')

export const isPhoneCodeShape = (code: unknown): code is string => typeof code === 'string' && /^\d{6}$/.test(code)

/**
 * Counts one code sent against the number's, the reader's and the address's allowance (a number
 * flooded from many accounts, one account trying many numbers, one address doing either). The number
 * is counted by its keyed hash, so the store (Redis) never holds it either.
 */
export async function checkPhoneCodeSend(
  store: RateLimitStore,
  limits: PhoneVerificationSettings['limits'],
  attempt: { numberHash: string; reader: string | number; address: string },
): Promise<RateLimitDecision> {
  return checkAllowances(store, limits.windowMs, [
    { key: `phone-code:number:${attempt.numberHash}`, limit: limits.perNumber },
    { key: `phone-code:reader:${attempt.reader}`, limit: limits.perReader },
    { key: `phone-code:ip:${attempt.address}`, limit: limits.perAddress },
  ])
}

/** The text of the message, for the providers that take a whole text and for the file a demo reads. */
export const phoneCodeText = (code: string, ttlMs: number): string => `您的验证码为 ${code}，${Math.round(ttlMs / 60000)} 分钟内有效。如非本人操作，请忽略本短信。`
