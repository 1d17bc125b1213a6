import { authAttemptKind, authRateLimitsFrom, checkAuthAttempt, DEFAULT_AUTH_RATE_LIMITS } from '../../src/lib/accounts/authRateLimit'
import { contentSecurityPolicy } from '../../src/lib/http/contentSecurityPolicy'
import { everyFieldFailedWith } from '../../src/lib/graphql/status'
import { imageTypeOf, safeUploadName } from '../../src/lib/media/imageFiles'
import { isPrivateAddress, notPublicReason } from '../../src/lib/net/publicAddresses'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../src/lib/accounts/passwordRules'
import { translate } from '../../src/lib/i18n/translate'
import { MemoryRateLimitStore } from '../../src/lib/http/rateLimit'
import { unsafeLinkTargets } from '../../src/lib/richText/links'
import { isSafeLink } from '../../src/lib/richText/safeLinks'
import { checkWebhookDestination } from '../../src/lib/webhooks/url'

describe('public addresses', () => {
  it.each(['127.0.0.1', '10.0.0.1', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '[::1]', 'not-an-ip'])(
    '%s is not public',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  )

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => expect(isPrivateAddress(address)).toBe(false))

  const resolver = (answers: Record<string, string[]>) => async (hostname: string) => {
    if (!(hostname in answers)) throw new Error('ENOTFOUND')
    return answers[hostname]
  }

  it('judges a name by every address it resolves to', async () => {
    const resolve = resolver({ 'good.example': ['93.184.216.34'], 'mixed.example': ['93.184.216.34', '10.0.0.7'], 'v6.example': ['::1'] })
    expect(await notPublicReason('good.example', resolve)).toBeNull()
    expect(await notPublicReason('mixed.example', resolve)).toMatch(/resolves to 10\.0\.0\.7/)
    expect(await notPublicReason('v6.example', resolve)).toMatch(/resolves to ::1/)
  })

  it('refuses localhost by name and address literals by value, without asking DNS', async () => {
    const resolve = async () => {
      throw new Error('DNS must not be asked')
    }
    for (const host of ['localhost', 'LOCALHOST', 'api.localhost', 'localhost.']) expect(await notPublicReason(host, resolve)).toMatch(/this machine/)
    for (const host of ['127.0.0.1', '[::1]', '169.254.169.254']) expect(await notPublicReason(host, resolve)).toMatch(/not a public address/)
    expect(await notPublicReason('8.8.8.8', resolve)).toBeNull()
  })

  it('leaves a name that does not resolve now to the check at connection time', async () => {
    expect(await notPublicReason('nowhere.example', resolver({}))).toBeNull()
  })
})

describe('webhook destinations', () => {
  const resolve = async (hostname: string) => (hostname === 'inside.example' ? ['192.168.0.9'] : ['93.184.216.34'])

  it('refuses inside addresses unless private receivers are allowed', async () => {
    for (const url of ['http://127.0.0.1:8080/x', 'http://inside.example/x', 'http://[::1]/x', 'http://2130706433/', 'http://0x7f.1/']) {
      const check = await checkWebhookDestination(url, { allowPrivate: false, resolve })
      expect(check).toEqual({ ok: false, message: { code: 'URL_NOT_PUBLIC', values: { host: new URL(url).hostname } } })
      expect(await checkWebhookDestination(url, { allowPrivate: true, resolve })).toEqual({ ok: true })
    }
    expect(await checkWebhookDestination('https://cdn.example.com/purge', { allowPrivate: false, resolve })).toEqual({ ok: true })
  })

  it('still checks the form first', async () => {
    expect(await checkWebhookDestination('ftp://cdn.example.com/', { allowPrivate: true, resolve })).toEqual({ ok: false, message: { code: 'URL_NOT_HTTP' } })
  })
})

describe('links', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' \t javascript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript&#58;alert(1)',
    'javascript&#0000058alert(1)',
    'javascript&#x3a;alert(1)',
    'javascript&colon;alert(1)',
    'javascript&amp;colon;alert(1)',
    'jav&#x09;ascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '',
  ])('refuses %j', (href) => expect(isSafeLink(href)).toBe(false))

  it.each(['https://example.com/a', 'HTTP://example.com', 'mailto:a@example.com', 'tel:+8610123', '/relative/path', '#top', '?q=1', 'javascript-guide.html'])('allows %j', (href) =>
    expect(isSafeLink(href)).toBe(true),
  )

  it('finds unsafe link and autolink targets anywhere in a Lexical document, skipping internal links', () => {
    const link = (type: string, url: unknown, linkType = 'custom') => ({ type, fields: { url, linkType }, children: [{ type: 'text', text: 'x' }] })
    const document = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [link('link', 'https://ok.example'), link('link', 'javascript:a()')] },
          { type: 'list', children: [{ type: 'listitem', children: [{ type: 'quote', children: [link('autolink', 'data:text/html,x')] }] }] },
          { type: 'paragraph', children: [link('link', 'javascript:ignored()', 'internal'), link('link', ''), link('link', 42)] },
        ],
      },
    }
    expect(unsafeLinkTargets(document)).toEqual(['javascript:a()', 'data:text/html,x', '42'])
    expect(unsafeLinkTargets(null)).toEqual([])
    expect(unsafeLinkTargets({ root: { children: 'not an array' } })).toEqual([])
  })

  it('leaves a link still being made alone (the admin autosaves while its drawer shows `https://`), and a reader never follows it', () => {
    const linked = (url: string) => ({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', fields: { url, linkType: 'custom' }, children: [] }] }] } })
    for (const unfinished of ['', ' ', 'https://', 'HTTP://', 'mailto:', 'tel:']) expect(unsafeLinkTargets(linked(unfinished))).toEqual([])
    for (const unfinished of ['', 'https://', 'HTTP://']) expect(isSafeLink(unfinished)).toBe(false)
    for (const unsafe of ['javascript://', 'https:// javascript:x']) expect(unsafeLinkTargets(linked(unsafe))).toEqual([unsafe])
  })
})

describe('passwords', () => {
  it('asks for 10 to 128 characters, not one repeated, not the email', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10)
    expect(PASSWORD_MAX_LENGTH).toBe(128)
    const inEnglish = (password: unknown, email?: string) => {
      const problem = passwordProblem(password, email)
      return problem && translate(problem, 'en')
    }
    expect(passwordProblem('a-fine-password')).toBeNull()
    expect(passwordProblem('中文密码也可以用的吧')).toBeNull()
    expect(inEnglish('123456789')).toMatch(/at least 10/)
    expect(inEnglish('x'.repeat(129))).toMatch(/at most 128/)
    expect(inEnglish('zzzzzzzzzzzz')).toMatch(/repeated/)
    expect(inEnglish('Long.Name@Example.com', 'long.name@example.com')).toMatch(/email/)
    expect(inEnglish('long.name.', 'long.name.@example.com')).toMatch(/email/)
    expect(passwordProblem('long.name.x', 'long.name.@example.com')).toBeNull()
    expect(inEnglish(undefined)).toMatch(/required/)
    expect(inEnglish(1234567890)).toMatch(/required/)
  })
})

describe('login, sign-up and reset rate limits', () => {
  it('knows which operations are attempts', () => {
    expect(authAttemptKind('login', false)).toBe('login')
    expect(authAttemptKind('login', true)).toBe('login')
    expect(authAttemptKind('forgotPassword', false)).toBe('password-reset')
    expect(authAttemptKind('resetPassword', true)).toBe('password-reset')
    expect(authAttemptKind('create', false)).toBe('sign-up')
    // Staff creating an account is work, not a sign-up.
    expect(authAttemptKind('create', true)).toBeNull()
    for (const operation of ['read', 'update', 'delete', 'refresh', 'unlock', 'count']) expect(authAttemptKind(operation, false)).toBeNull()
  })

  it('reads its settings from the environment', () => {
    expect(authRateLimitsFrom({})).toEqual(DEFAULT_AUTH_RATE_LIMITS)
    expect(authRateLimitsFrom({ AUTH_RATE_LIMIT_PER_ADDRESS: '0', AUTH_RATE_LIMIT_PER_EMAIL: '4', AUTH_RATE_WINDOW_SECONDS: '60' })).toEqual({ perAddress: 0, perEmail: 4, windowMs: 60_000 })
    expect(authRateLimitsFrom({ AUTH_RATE_LIMIT_PER_ADDRESS: 'many', AUTH_RATE_WINDOW_SECONDS: '-1' })).toEqual(DEFAULT_AUTH_RATE_LIMITS)
  })

  it('counts per address and per email (ignoring case and spacing), and says how long to wait', async () => {
    let now = 0
    const store = new MemoryRateLimitStore(() => now)
    const limits = { perAddress: 3, perEmail: 2, windowMs: 60_000 }
    const attempt = (address: string, email?: string) => checkAuthAttempt(store, limits, { kind: 'login', address, email })
    expect((await attempt('1.1.1.1', 'a@x.cn')).allowed).toBe(true)
    expect((await attempt('2.2.2.2', ' A@X.CN ')).allowed).toBe(true)
    const third = await attempt('3.3.3.3', 'a@x.cn')
    expect(third).toMatchObject({ allowed: false, retryAfterSeconds: 60 })
    expect((await attempt('1.1.1.1', 'b@x.cn')).allowed).toBe(true)
    expect((await attempt('1.1.1.1', 'c@x.cn')).allowed).toBe(true)
    expect((await attempt('1.1.1.1', 'd@x.cn')).allowed).toBe(false)
    now = 60_000
    expect((await attempt('1.1.1.1', 'a@x.cn')).allowed).toBe(true)
  })

  it('counts sign-ups per address only, and each kind apart', async () => {
    const store = new MemoryRateLimitStore()
    const limits = { perAddress: 1, perEmail: 1, windowMs: 60_000 }
    expect((await checkAuthAttempt(store, limits, { kind: 'sign-up', address: 'a', email: 'x@x.cn' })).allowed).toBe(true)
    expect((await checkAuthAttempt(store, limits, { kind: 'login', address: 'a', email: 'x@x.cn' })).allowed).toBe(true)
    expect((await checkAuthAttempt(store, limits, { kind: 'sign-up', address: 'b', email: 'x@x.cn' })).allowed).toBe(true)
    expect((await checkAuthAttempt(store, limits, { kind: 'sign-up', address: 'a', email: 'y@x.cn' })).allowed).toBe(false)
  })
})

describe('GraphQL answers refused as a whole', () => {
  const refusal = (alias: string) => ({ message: 'too many attempts', path: [alias], extensions: { statusCode: 429 } })

  it('is one whose every field failed with the status', () => {
    expect(everyFieldFailedWith(429, { data: { a: null, b: null }, errors: [refusal('a'), refusal('b')] })).toBe(true)
    // A non-null field's failure leaves no data at all.
    expect(everyFieldFailedWith(429, { data: null, errors: [refusal('a')] })).toBe(true)
  })

  it('is not one with a field answered, or failed otherwise', () => {
    expect(everyFieldFailedWith(429, { data: { a: { token: null }, b: null }, errors: [refusal('b')] })).toBe(false)
    expect(everyFieldFailedWith(429, { data: { a: null, b: null }, errors: [refusal('a'), { ...refusal('b'), extensions: { statusCode: 401 } }] })).toBe(false)
    expect(everyFieldFailedWith(429, { data: { a: true } })).toBe(false)
    expect(everyFieldFailedWith(429, { data: null, errors: [] })).toBe(false)
    expect(everyFieldFailedWith(429, null)).toBe(false)
  })
})

describe('upload names', () => {
  const png = { mimeType: 'image/png', extension: 'png' }

  it.each([
    ['../../etc/passwd.png', 'passwd.png'],
    ['..\\..\\boot.ini', 'boot.png'],
    ['/abs/path/photo.jpeg', 'photo.png'],
    ['page.html', 'page.png'],
    ['bad\u0000na\u001fme\r\n.png', 'bad-na-me.png'],
    ['.htaccess', 'htaccess.png'],
    ['..', 'image.png'],
    ['', 'image.png'],
    ['季度 报告（终稿）.png', '季度-报告-终稿.png'],
  ])('stores %j as %j', (given, expected) => expect(safeUploadName(given, png)).toBe(expected))

  it('keeps names short', () => expect(safeUploadName(`${'长'.repeat(300)}.png`, png)).toBe(`${'长'.repeat(100)}.png`))

  it('tells images by content only', () => {
    expect(imageTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(imageTypeOf(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull()
    expect(imageTypeOf(Buffer.from('GIF89a......'))).toEqual({ mimeType: 'image/gif', extension: 'gif' })
  })
})

describe('content security policy', () => {
  it('allows eval and the hot-reload socket in development only', () => {
    const production = contentSecurityPolicy({ production: true, https: false })
    const development = contentSecurityPolicy({ production: false, https: false })
    expect(production['script-src']).not.toContain("'unsafe-eval'")
    expect(development['script-src']).toContain("'unsafe-eval'")
    expect(production['connect-src']).toEqual(["'self'"])
    expect(development['connect-src']).toEqual(["'self'", 'ws:', 'wss:'])
    expect(production['upgrade-insecure-requests']).toBeUndefined()
    expect(contentSecurityPolicy({ production: true, https: true })['upgrade-insecure-requests']).toEqual([])
    for (const policy of [production, development]) {
      expect(policy['object-src']).toEqual(["'none'"])
      expect(Object.values(policy).flat()).not.toContain('*')
    }
  })

  it('lets images alone come from the uploads’ public origin (S3_PUBLIC_URL), when there is one', () => {
    const policy = contentSecurityPolicy({ production: true, https: true, imageOrigin: 'https://img.example.cn' })
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://img.example.cn'])
    const elsewhere = Object.entries(policy).filter(([directive]) => directive !== 'img-src').flatMap(([, sources]) => sources)
    expect(elsewhere).not.toContain('https://img.example.cn')
  })

  it('lets nothing load from another origin', () => {
    for (const production of [true, false]) {
      const sources = Object.values(contentSecurityPolicy({ production, https: false })).flat()
      expect(sources.filter((source) => /^(https?:)?\/\//.test(source) || source.includes('.'))).toEqual([])
    }
  })
})
