import { checkPreviewToken, signPreviewToken } from '../../../../src/lib/publishing/previewTokens'

const SECRET = 'preview-test-secret'

describe('preview tokens', () => {
  const token = signPreviewToken({ articleId: 42, expiresAt: 2_000 }, SECRET)

  it('names the one article until it expires', () => {
    expect(checkPreviewToken(token, SECRET, 1_000)).toEqual({ ok: true, claims: { articleId: 42, expiresAt: 2_000 } })
    expect(checkPreviewToken(token, SECRET, 2_000)).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses a token signed with another secret, or altered to name another article', () => {
    expect(checkPreviewToken(token, 'another-secret', 1_000)).toEqual({ ok: false, reason: 'signature' })
    const [, signature] = token.split('.')
    const forged = `${Buffer.from(JSON.stringify({ a: 43, e: 2_000 })).toString('base64url')}.${signature}`
    expect(checkPreviewToken(forged, SECRET, 1_000)).toEqual({ ok: false, reason: 'signature' })
  })

  it.each([undefined, '', 'abc', 'a.b.c', 'x'.repeat(600), 42])('calls %p malformed or unsigned, never throws', (value) => {
    expect(checkPreviewToken(value, SECRET, 1_000).ok).toBe(false)
  })
})
