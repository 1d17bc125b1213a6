import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'

import { ConfigurationError } from '../runtime/configurationError'
import { maskPhoneNumber, type PhoneNumber } from './number'

/**
 * How a bound number is kept: a keyed hash (HMAC-SHA256) to find the accounts one number is bound
 * to, and an AES-256-GCM ciphertext only an admin's audited action opens. Neither reads back as
 * the number without its key, so a database dump or backup holds no number in clear.
 */
export type PhoneKeys = {
  hashKey: Buffer
  encryptionKey: Buffer
}

const derive = (secret: string, purpose: string) => Buffer.from(hkdfSync('sha256', secret, 'newsroom-phone', purpose, 32))

/**
 * PHONE_HASH_KEY (any text) and PHONE_ENCRYPTION_KEY (32 bytes as 64 hex digits or base64), each
 * derived from PAYLOAD_SECRET when unset. A malformed encryption key stops the start.
 */
export function phoneKeysFrom(env: Record<string, string | undefined>): PhoneKeys {
  const secret = env.PAYLOAD_SECRET ?? ''
  const hashKey = env.PHONE_HASH_KEY ? Buffer.from(env.PHONE_HASH_KEY, 'utf8') : derive(secret, 'hash')
  return { hashKey, encryptionKey: env.PHONE_ENCRYPTION_KEY ? encryptionKeyOf(env.PHONE_ENCRYPTION_KEY) : derive(secret, 'encryption') }
}

function encryptionKeyOf(raw: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64')
  if (key.length !== 32) throw new ConfigurationError('PHONE_ENCRYPTION_KEY will not do: give 32 bytes as 64 hex digits or in base64 (e.g. `openssl rand -hex 32`).')
  return key
}

/** The number's keyed hash (hex), the same for the same number and key: what uniqueness is checked on. */
export const hashPhoneNumber = (keys: PhoneKeys, e164: string): string => createHmac('sha256', keys.hashKey).update(`phone:${e164}`).digest('hex')

/** A sent code's keyed hash, bound to the reader and the number it was sent to. */
export const hashPhoneCode = (keys: PhoneKeys, reader: string | number, numberHash: string, code: string): string =>
  createHmac('sha256', keys.hashKey).update(`code:${reader}:${numberHash}:${code}`).digest('hex')

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right)
}

/** Which key sealed a ciphertext: its hash's first bytes, so a wrong key is told apart from tampering. */
const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8)

const VERSION = 'v1'

/** `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url), a fresh 96-bit IV each time. */
export function encryptPhoneNumber(keys: PhoneKeys, e164: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, iv)
  const sealed = Buffer.concat([cipher.update(e164, 'utf8'), cipher.final()])
  return [VERSION, keyIdOf(keys.encryptionKey), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.')
}

export class PhoneDecryptionError extends Error {
  constructor(readonly reason: 'other-key' | 'malformed') {
    super(reason === 'other-key' ? 'the number was encrypted with another PHONE_ENCRYPTION_KEY' : 'the stored ciphertext is damaged')
  }
}

export function decryptPhoneNumber(keys: PhoneKeys, sealed: string): string {
  const [version, keyId, iv, tag, body] = sealed.split('.')
  if (version !== VERSION || !body) throw new PhoneDecryptionError('malformed')
  if (keyId !== keyIdOf(keys.encryptionKey)) throw new PhoneDecryptionError('other-key')
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    throw new PhoneDecryptionError('malformed')
  }
}

/** Everything an account keeps of a bound number: its keyed hash, its ciphertext, its masked form. */
export const sealPhoneNumber = (keys: PhoneKeys, number: PhoneNumber) => ({
  numberHash: hashPhoneNumber(keys, number.e164),
  ciphertext: encryptPhoneNumber(keys, number.e164),
  masked: maskPhoneNumber(number),
})
