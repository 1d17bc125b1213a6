import {
  attemptOutcome,
  backoffMs,
  DEFAULT_DELIVERY_SETTINGS,
  deliveryQueue,
  deliverySettingsFrom,
  describeRequestError,
  SLOW_WEBHOOKS_QUEUE,
  timedOutAtAfter,
  WEBHOOKS_QUEUE,
  webhookBody,
} from '../../../src/lib/webhooks/delivery'
import { articleEvents, commentEvents, type LiveArticle, siteSettingsEvents, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from '../../../src/lib/webhooks/events'
import { generateWebhookSecret, signWebhook, verifyWebhook } from '../../../src/lib/webhooks/signature'
import { checkWebhookUrl } from '../../../src/lib/webhooks/url'

describe('signing', () => {
  const body = '{"id":"d1","event":"article.published"}'

  it('is HMAC-SHA256 over "<timestamp>.<body>" (known answer, from openssl)', () => {
    // printf '%s' '1767225600.{"id":"d1","event":"article.published"}' | openssl dgst -sha256 -hmac whsec-test
    expect(signWebhook('whsec-test', 1767225600, body)).toBe('sha256=3413c02e9da05bd92c72aecb2e2eb801020e1ce54480a039f4ce5a5eed0ef6b1')
    expect(signWebhook('whsec-test', '1767225600', body)).toBe(signWebhook('whsec-test', 1767225600, body))
  })

  const now = new Date(1767225600 * 1000)
  const headersFor = (secret: string, timestamp: number, signed = body) => ({
    'x-newsroom-timestamp': String(timestamp),
    'x-newsroom-signature': signWebhook(secret, timestamp, signed),
  })

  it('verifies a delivery from Node headers or fetch Headers', () => {
    expect(verifyWebhook('whsec-test', headersFor('whsec-test', 1767225600), body, now)).toEqual({ ok: true })
    expect(verifyWebhook('whsec-test', new Headers(headersFor('whsec-test', 1767225600)), body, now)).toEqual({ ok: true })
  })

  it.each([
    ['another secret', headersFor('other-secret', 1767225600), body, /does not match/],
    ['a changed body', headersFor('whsec-test', 1767225600), body.replace('d1', 'd2'), /does not match/],
    ['a changed timestamp', { ...headersFor('whsec-test', 1767225600), 'x-newsroom-timestamp': '1767225601' }, body, /does not match/],
    ['no signature', { 'x-newsroom-timestamp': '1767225600' }, body, /signature/],
    ['a malformed signature', { ...headersFor('whsec-test', 1767225600), 'x-newsroom-signature': 'sha256=abc' }, body, /signature/],
    ['no timestamp', { 'x-newsroom-signature': signWebhook('whsec-test', 1767225600, body) }, body, /timestamp/],
    ['a timestamp that is not a number', { ...headersFor('whsec-test', 1767225600), 'x-newsroom-timestamp': 'soon' }, body, /timestamp/],
  ])('refuses %s', (_label, headers, received, reason) => {
    const result = verifyWebhook('whsec-test', headers as Record<string, string>, received, now)
    expect(result.ok).toBe(false)
    expect(result.ok === false && result.reason).toMatch(reason)
  })

  it('accepts a timestamp within the tolerance either way and refuses one outside it', () => {
    expect(verifyWebhook('whsec-test', headersFor('whsec-test', 1767225600 - 300), body, now).ok).toBe(true)
    expect(verifyWebhook('whsec-test', headersFor('whsec-test', 1767225600 + 300), body, now).ok).toBe(true)
    expect(verifyWebhook('whsec-test', headersFor('whsec-test', 1767225600 - 301), body, now)).toEqual({ ok: false, reason: 'timestamp outside the tolerance' })
    expect(verifyWebhook('whsec-test', headersFor('whsec-test', 1767225600 - 3600), body, now, 7200).ok).toBe(true)
  })

  it('generates long random secrets', () => {
    const secrets = new Set(Array.from({ length: 20 }, generateWebhookSecret))
    expect(secrets.size).toBe(20)
    for (const secret of secrets) expect(secret).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('events', () => {
  it('labels every event in Chinese and English', () => {
    expect(Object.keys(WEBHOOK_EVENT_LABELS)).toEqual([...WEBHOOK_EVENTS])
    for (const label of Object.values(WEBHOOK_EVENT_LABELS)) {
      expect(label.zh).toMatch(/\p{Script=Han}/u)
      expect(label.en).toMatch(/^[A-Z][a-z ]+$/)
    }
  })

  const T1 = '2026-11-29T10:00:00.000Z'
  const T2 = '2026-11-29T11:00:00.000Z'
  const notice = { id: 'n1', kind: 'correction', date: '2026-11-29T09:00:00.000Z', text: '应为约1.2万亿元。' }
  const live = (status: 'draft' | 'published', updatedAt: string, extra: Partial<LiveArticle> = {}): LiveArticle => ({
    id: 7,
    slug: 'jiang-zhun',
    _status: status,
    updatedAt,
    corrections: [],
    ...extra,
  })
  const ref = { collection: 'articles', id: 7, slug: 'jiang-zhun' }

  // (live row before, live row after) → events. before null: created; after null: deleted.
  it.each<[string, LiveArticle | null, LiveArticle | null, string[]]>([
    ['a new draft', null, live('draft', T1), []],
    ['a new article published at once', null, live('published', T1), ['article.published']],
    ['a draft saved on a never-published article', live('draft', T1), live('draft', T1), []],
    ['a draft published', live('draft', T1), live('published', T2), ['article.published']],
    ['an edit of the live article', live('published', T1), live('published', T2), ['article.updated']],
    ['a draft saved over the live article (live row untouched)', live('published', T1), live('published', T1), []],
    ['unpublishing', live('published', T1), live('draft', T2), ['article.unpublished']],
    ['a draft saved on an unpublished article', live('draft', T2), live('draft', T2), []],
    ['republishing an unpublished article', live('draft', T1), live('published', T2), ['article.published']],
    ['deleting a live article', live('published', T1), null, ['article.deleted']],
    ['deleting a draft nobody saw', live('draft', T1), null, []],
    ['a notice added to the live article', live('published', T1), live('published', T2, { corrections: [notice] }), ['article.updated', 'correction.published']],
    ['republishing with the same notice', live('published', T1, { corrections: [notice] }), live('published', T2, { corrections: [notice] }), ['article.updated']],
    ['a notice removed', live('published', T1, { corrections: [notice] }), live('published', T2), ['article.updated']],
    ['a notice on a draft', live('draft', T1), live('draft', T1, { corrections: [notice] }), []],
    ['a notice published with the first publication', live('draft', T1), live('published', T2, { corrections: [notice] }), ['article.published', 'correction.published']],
  ])('%s', (_label, before, after, events) => {
    expect(articleEvents(before, after).map((message) => message.event)).toEqual(events)
  })

  it('names the article by id and slug, and the slug readers knew when it goes away or moves', () => {
    expect(articleEvents(null, live('published', T1))[0].data).toEqual(ref)
    expect(articleEvents(live('published', T1), live('draft', T2, { slug: 'renamed' }))[0].data).toEqual(ref)
    expect(articleEvents(live('published', T1), null)[0].data).toEqual(ref)
    expect(articleEvents(live('published', T1), live('published', T2, { slug: 'renamed' }))[0].data).toEqual({ ...ref, slug: 'renamed', previousSlug: 'jiang-zhun' })
  })

  it('sends the new notices only, without the reader\'s request', () => {
    const older = { ...notice, id: 'n0', text: '旧的说明' }
    const added = { ...notice, request: 12 }
    const [, correction] = articleEvents(live('published', T1, { corrections: [older] }), live('published', T2, { corrections: [older, added] }))
    expect(correction).toEqual({ event: 'correction.published', data: { ...ref, corrections: [notice] } })
  })

  it('fires comment.approved when a comment becomes approved, and only then', () => {
    const comment = (status: string) => ({ id: 3, status, article: { id: 7, title: '…' }, parent: 2 })
    expect(commentEvents(comment('approved'), null)).toEqual([{ event: 'comment.approved', data: { collection: 'comments', id: 3, article: 7, parent: 2 } }])
    expect(commentEvents(comment('approved'), comment('pending')).map((m) => m.event)).toEqual(['comment.approved'])
    expect(commentEvents(comment('approved'), comment('approved'))).toEqual([])
    expect(commentEvents(comment('pending'), null)).toEqual([])
    expect(commentEvents(comment('rejected'), comment('approved'))).toEqual([])
    expect(commentEvents({ id: 4, status: 'approved', article: 7, parent: null }, null)[0].data).toEqual({ collection: 'comments', id: 4, article: 7, parent: null })
  })

  it('fires site-settings.changed on every save', () => {
    expect(siteSettingsEvents()).toEqual([{ event: 'site-settings.changed', data: { global: 'site-settings' } }])
  })
})

describe('deliveries', () => {
  it('builds the body: delivery id, event, when, data', () => {
    const [message] = siteSettingsEvents()
    expect(webhookBody('c0ffee', message, new Date(Date.UTC(2026, 10, 29, 8)))).toEqual({
      id: 'c0ffee',
      event: 'site-settings.changed',
      occurredAt: '2026-11-29T08:00:00.000Z',
      data: { global: 'site-settings' },
    })
  })

  const answered = (responseCode: number) => ({ responseCode, error: null, timedOut: false })
  const noAnswer = { responseCode: null, error: 'No answer within 5000 ms', timedOut: true }
  const refused = { responseCode: null, error: 'connect ECONNREFUSED 127.0.0.1:9', timedOut: false }

  it.each([
    ['a 200', answered(200), 1, { status: 'delivered', error: null }],
    ['a 204 on the last attempt', answered(204), 5, { status: 'delivered', error: null }],
    ['a 500 with attempts left', answered(500), 1, { status: 'pending', error: 'HTTP 500' }],
    ['a redirect', answered(301), 2, { status: 'pending', error: 'HTTP 301' }],
    ['a 404 on the last attempt', answered(404), 5, { status: 'failed', error: 'HTTP 404' }],
    ['no answer on the last attempt', noAnswer, 5, { status: 'failed', error: 'No answer within 5000 ms' }],
  ])('after %s', (_label, result, attempt, outcome) => {
    expect(attemptOutcome(result, attempt, 5)).toEqual(outcome)
  })

  it('waits the retry delay after the first failure, doubling after each further one', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(DEFAULT_DELIVERY_SETTINGS, attempt))).toEqual([10_000, 20_000, 40_000, 80_000])
  })

  it('notes a time-out until an answer in time, and sends deliveries through the slow queue meanwhile', () => {
    const at = new Date('2026-11-29T08:00:00.000Z')
    const earlier = '2026-11-29T07:00:00.000Z'
    expect(timedOutAtAfter(noAnswer, null, at)).toBe(at.toISOString())
    expect(timedOutAtAfter(noAnswer, earlier, at)).toBe(at.toISOString())
    expect(timedOutAtAfter(answered(500), earlier, at)).toBeNull()
    expect(timedOutAtAfter(answered(200), null, at)).toBeNull()
    // A refused connection says nothing about how long the receiver takes to answer.
    expect(timedOutAtAfter(refused, earlier, at)).toBe(earlier)
    expect(timedOutAtAfter(refused, null, at)).toBeNull()
    expect([deliveryQueue(earlier), deliveryQueue(null), deliveryQueue(undefined)]).toEqual([SLOW_WEBHOOKS_QUEUE, WEBHOOKS_QUEUE, WEBHOOKS_QUEUE])
    expect(SLOW_WEBHOOKS_QUEUE).not.toBe(WEBHOOKS_QUEUE)
  })

  it('describes time-outs and network errors for the log', () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' })
    expect(describeRequestError(timeout, 5000)).toBe('No answer within 5000 ms')
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) })
    expect(describeRequestError(refused, 5000)).toBe('fetch failed (ECONNREFUSED)')
    expect(describeRequestError(new Error('boom'), 5000)).toBe('boom')
  })

  it('reads its settings from the environment, with defaults for anything but a positive integer', () => {
    expect(deliverySettingsFrom({})).toEqual(DEFAULT_DELIVERY_SETTINGS)
    expect(DEFAULT_DELIVERY_SETTINGS).toEqual({ maxAttempts: 5, retryDelayMs: 10_000, timeoutMs: 5_000 })
    expect(deliverySettingsFrom({ WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_RETRY_DELAY_MS: '200', WEBHOOK_TIMEOUT_MS: '1500' })).toEqual({ maxAttempts: 3, retryDelayMs: 200, timeoutMs: 1500 })
    expect(deliverySettingsFrom({ WEBHOOK_MAX_ATTEMPTS: '0', WEBHOOK_RETRY_DELAY_MS: '-5', WEBHOOK_TIMEOUT_MS: 'fast' })).toEqual(DEFAULT_DELIVERY_SETTINGS)
  })
})

describe('webhook URLs', () => {
  it.each(['https://cdn.example.com/hooks/newsroom', 'http://127.0.0.1:8080/purge', 'http://localhost/rebuild?site=cn'])('accepts %s', (url) => {
    expect(checkWebhookUrl(url)).toEqual({ ok: true })
  })

  it.each([
    ['nothing', '', 'URL_REQUIRED'],
    ['not a URL', 'cdn.example.com/purge', 'URL_NOT_ABSOLUTE'],
    ['another scheme', 'ftp://cdn.example.com/purge', 'URL_NOT_HTTP'],
    ['javascript', 'javascript:alert(1)', 'URL_NOT_HTTP'],
    ['credentials', 'https://user:pass@cdn.example.com/purge', 'URL_HAS_CREDENTIALS'],
    ['a very long URL', `https://cdn.example.com/${'a'.repeat(2000)}`, 'URL_TOO_LONG'],
    ['not text', 42, 'URL_REQUIRED'],
  ])('refuses %s', (_label, url, code) => {
    const check = checkWebhookUrl(url)
    expect(check.ok === false && check.message.code).toBe(code)
  })
})
