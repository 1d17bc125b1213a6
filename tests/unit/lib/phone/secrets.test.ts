import { ConfigurationError } from '../../../../src/lib/runtime/configurationError'
import { decryptPhoneNumber, encryptPhoneNumber, hashPhoneCode, hashPhoneNumber, PhoneDecryptionError, phoneKeysFrom, sameHash } from '../../../../src/lib/phone/secrets'

const keys = phoneKeysFrom({ PAYLOAD_SECRET: 'a-secret-of-some-length-0123456789' })
const NUMBER = '+8613812345678'

describe('hashPhoneNumber', () => {
  it('is the same for the same number and key, and differs by number and by key', () => {
    expect(hashPhoneNumber(keys, NUMBER)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashPhoneNumber(keys, NUMBER)).toBe(hashPhoneNumber(phoneKeysFrom({ PAYLOAD_SECRET: 'a-secret-of-some-length-0123456789' }), NUMBER))
    expect(hashPhoneNumber(keys, NUMBER)).not.toBe(hashPhoneNumber(keys, '+8613812345679'))
    expect(hashPhoneNumber(keys, NUMBER)).not.toBe(hashPhoneNumber(phoneKeysFrom({ PAYLOAD_SECRET: 'another-secret-0123456789abcdef' }), NUMBER))
  })

  it('takes PHONE_HASH_KEY over the derived key', () => {
    const own = phoneKeysFrom({ PAYLOAD_SECRET: 'a-secret-of-some-length-0123456789', PHONE_HASH_KEY: 'dedicated' })
    expect(hashPhoneNumber(own, NUMBER)).not.toBe(hashPhoneNumber(keys, NUMBER))
    expect(hashPhoneNumber(own, NUMBER)).toBe(hashPhoneNumber(phoneKeysFrom({ PAYLOAD_SECRET: 'other', PHONE_HASH_KEY: 'dedicated' }), NUMBER))
  })
})

describe('hashPhoneCode', () => {
  it('binds a code to its reader and number', () => {
    const numberHash = hashPhoneNumber(keys, NUMBER)
    const hash = hashPhoneCode(keys, 7, numberHash, '012345')
    expect(sameHash(hash, hashPhoneCode(keys, 7, numberHash, '012345'))).toBe(true)
    expect(sameHash(hash, hashPhoneCode(keys, 8, numberHash, '012345'))).toBe(false)
    expect(sameHash(hash, hashPhoneCode(keys, 7, hashPhoneNumber(keys, '+8613812345679'), '012345'))).toBe(false)
    expect(sameHash(hash, hashPhoneCode(keys, 7, numberHash, '012346'))).toBe(false)
    expect(sameHash(hash, '')).toBe(false)
    expect(sameHash(hash, 'zz')).toBe(false)
  })
})

describe('encryptPhoneNumber', () => {
  it('round-trips, with a fresh IV each time', () => {
    const one = encryptPhoneNumber(keys, NUMBER)
    const two = encryptPhoneNumber(keys, NUMBER)
    expect(one).not.toBe(two)
    expect(one).not.toContain('13812345678')
    expect(one).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(decryptPhoneNumber(keys, one)).toBe(NUMBER)
    expect(decryptPhoneNumber(keys, two)).toBe(NUMBER)
  })

  it('tells a ciphertext sealed under another key from a damaged one', () => {
    const sealed = encryptPhoneNumber(keys, NUMBER)
    const other = phoneKeysFrom({ PAYLOAD_SECRET: 'x', PHONE_ENCRYPTION_KEY: 'ab'.repeat(32) })
    expect(() => decryptPhoneNumber(other, sealed)).toThrow(expect.objectContaining({ reason: 'other-key' }))
    const parts = sealed.split('.')
    const flipped = `${parts[4][0] === 'A' ? 'B' : 'A'}${parts[4].slice(1)}`
    expect(() => decryptPhoneNumber(keys, [...parts.slice(0, 4), flipped].join('.'))).toThrow(PhoneDecryptionError)
    expect(() => decryptPhoneNumber(keys, 'v2.x.y.z.w')).toThrow(expect.objectContaining({ reason: 'malformed' }))
    expect(() => decryptPhoneNumber(keys, 'garbage')).toThrow(PhoneDecryptionError)
  })

  it('takes PHONE_ENCRYPTION_KEY as 64 hex digits or 32 bytes of base64, and refuses any other', () => {
    const hex = phoneKeysFrom({ PHONE_ENCRYPTION_KEY: '0f'.repeat(32) })
    const base64 = phoneKeysFrom({ PHONE_ENCRYPTION_KEY: Buffer.alloc(32, 0x0f).toString('base64') })
    expect(decryptPhoneNumber(base64, encryptPhoneNumber(hex, NUMBER))).toBe(NUMBER)
    for (const bad of ['short', '0f'.repeat(31), Buffer.alloc(16).toString('base64')]) {
      expect(() => phoneKeysFrom({ PHONE_ENCRYPTION_KEY: bad })).toThrow(ConfigurationError)
    }
  })
})
