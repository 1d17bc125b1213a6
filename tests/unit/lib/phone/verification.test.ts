import { MemoryRateLimitStore } from '../../../../src/lib/http/rateLimit'
import { checkPhoneCodeSend, DEFAULT_PHONE_SETTINGS, isPhoneCodeShape, newPhoneCode, phoneCodeText, phoneSettingsFrom } from '../../../../src/lib/phone/verification'

describe('phoneSettingsFrom', () => {
  it('requires a bound number by default in production, and not elsewhere', () => {
    expect(phoneSettingsFrom({ NODE_ENV: 'production' }).required).toBe(true)
    expect(phoneSettingsFrom({ NODE_ENV: 'development' }).required).toBe(false)
    expect(phoneSettingsFrom({}).required).toBe(false)
  })

  it('is switched off (portals abroad) or on whatever the environment', () => {
    for (const off of ['off', 'false', '0', 'OFF']) expect(phoneSettingsFrom({ NODE_ENV: 'production', COMMENT_REQUIRE_PHONE: off }).required).toBe(false)
    for (const on of ['on', 'true', '1', 'On']) expect(phoneSettingsFrom({ NODE_ENV: 'development', COMMENT_REQUIRE_PHONE: on }).required).toBe(true)
  })

  it('defaults to five-minute codes, five tries, one account per number', () => {
    expect(phoneSettingsFrom({})).toMatchObject({ codeTtlMs: 300_000, maxTries: 5, maxAccountsPerNumber: 1, limits: DEFAULT_PHONE_SETTINGS.limits })
    expect(phoneSettingsFrom({ PHONE_CODE_TTL_SECONDS: '2', PHONE_MAX_ACCOUNTS: '3', PHONE_CODE_LIMIT_PER_NUMBER: '0' })).toMatchObject({
      codeTtlMs: 2000,
      maxAccountsPerNumber: 3,
      limits: { perNumber: 0 },
    })
    expect(phoneSettingsFrom({ PHONE_CODE_TTL_SECONDS: 'soon', PHONE_MAX_ACCOUNTS: '0' })).toMatchObject({ codeTtlMs: 300_000, maxAccountsPerNumber: 1 })
  })
})

describe('codes', () => {
  it('are six digits, leading zeros kept', () => {
    const codes = Array.from({ length: 2000 }, newPhoneCode)
    expect(codes.every(isPhoneCodeShape)).toBe(true)
    expect(new Set(codes).size).toBeGreaterThan(1900)
    expect(codes.some((code) => code.startsWith('0'))).toBe(true)
    for (const bad of ['12345', '1234567', '12345a', ' 123456', 123456, null]) expect(isPhoneCodeShape(bad)).toBe(false)
  })

  it('go out in a text that says how long they work', () => {
    expect(phoneCodeText('012345', 300_000)).toBe('您的验证码为 012345，5 分钟内有效。如非本人操作，请忽略本短信。')
  })
})

describe('checkPhoneCodeSend', () => {
  const limits = { perNumber: 2, perReader: 3, perAddress: 4, windowMs: 60_000 }

  it('counts per number, per reader and per address apart, refusing when any is over', async () => {
    const store = new MemoryRateLimitStore()
    const send = (numberHash: string, reader: number, address: string) => checkPhoneCodeSend(store, limits, { numberHash, reader, address })
    expect((await send('n1', 1, 'a1')).allowed).toBe(true)
    expect((await send('n1', 2, 'a2')).allowed).toBe(true)
    expect((await send('n1', 3, 'a3')).allowed).toBe(false)
    expect((await send('n2', 4, 'a4')).allowed).toBe(true)
    expect((await send('n3', 4, 'a5')).allowed).toBe(true)
    expect((await send('n4', 4, 'a6')).allowed).toBe(true)
    expect((await send('n5', 4, 'a7')).allowed).toBe(false)
    for (let i = 0; i < 4; i++) expect((await send(`m${i}`, 10 + i, 'shared')).allowed).toBe(true)
    const refused = await send('m9', 99, 'shared')
    expect(refused.allowed).toBe(false)
    expect(refused.retryAfterSeconds).toBeGreaterThan(0)
  })
})
