/**
 * Webhooks against a local receiver: which changes fire which events, the signature a receiver
 * checks, retries with backoff, the slow lane, the delivery log, and who may see any of it.
 */

import { WEBHOOK_EVENTS } from '../../src/lib/webhooks/events'
import { verifyWebhook } from '../../src/lib/webhooks/signature'
import { createStaff, invalidPaths, signUpReader, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { eventually, sleep } from '../helpers/wait'
import { startWebhookReceiver, type ReceivedWebhook } from '../helpers/webhookReceiver'

const SECRET = 'receiver-secret-for-the-tests-0123456789'
const OTHER_ROLES = ['editor-in-chief', 'editor', 'reporter', 'moderator', 'anonymous'] as const

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
let server: TestServer
let staff: Staff
/** Subscribed to every event, at `/main`. */
let mainHook: { id: number }
let counter = 0
const unique = (text: string) => `${text}${++counter}`

async function deliveries(webhookId: number): Promise<any[]> {
  const res = await staff.admin.get(`/api/webhook-deliveries?where[webhook][equals]=${webhookId}&sort=id&limit=200&depth=0`)
  expect(res.status).toBe(200)
  return res.body.docs
}

let seen = 0
/** The events logged for the main webhook since the last call: deliveries are logged in the change's own transaction. */
async function newEvents(): Promise<{ event: string; data: any }[]> {
  const docs = await deliveries(mainHook.id)
  const fresh = docs.slice(seen)
  seen = docs.length
  return fresh.map((doc) => ({ event: doc.event, data: doc.requestBody.data }))
}

async function createWebhook(data: Record<string, unknown>): Promise<any> {
  const res = await staff.admin.post('/api/webhooks', { name: unique('接收端'), events: [...WEBHOOK_EVENTS], ...data })
  expect(res.status).toBe(201)
  return res.body.doc
}

async function publishedArticle(title: string): Promise<any> {
  const res = await staff['editor-in-chief'].post('/api/articles', { title, _status: 'published' })
  expect(res.status).toBe(201)
  return res.body.doc
}

async function saveSiteSettings(): Promise<void> {
  expect((await staff['editor-in-chief'].post('/api/globals/site-settings', { siteName: unique('财经新闻网') })).status).toBe(200)
}

function expectSigned(request: ReceivedWebhook, secret = SECRET) {
  expect(verifyWebhook(secret, request.headers, request.body)).toEqual({ ok: true })
  expect(request.headers['content-type']).toBe('application/json')
  expect(request.headers['x-newsroom-event']).toBe(request.json.event)
  expect(request.headers['x-newsroom-delivery']).toBe(request.json.id)
  expect(Math.abs(Number(request.headers['x-newsroom-timestamp']) - request.at / 1000)).toBeLessThan(5)
}

/** WEBHOOK_MAX_ATTEMPTS for this file's server: the give-up test counts on it. */
const MAX_ATTEMPTS = 4

beforeAll(async () => {
  receiver = await startWebhookReceiver()
  // The receiver is on 127.0.0.1, which only an explicit setting lets a webhook reach (SSRF).
  server = await startServer({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_RETRY_DELAY_MS: '200', WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS), WEBHOOK_TIMEOUT_MS: '1000' })
  staff = await createStaff(server)
  mainHook = await createWebhook({ name: 'CDN', url: receiver.url('/main'), secret: SECRET })
})
afterAll(async () => {
  await server?.stop()
  await receiver?.close()
})

describe('managing webhooks', () => {
  it('an admin adds one; an empty secret becomes a random one, and clearing it rotates it', async () => {
    const doc = await createWebhook({ url: 'https://cdn.example.com/purge', events: ['article.published'] })
    expect(doc).toMatchObject({ active: true, events: ['article.published'], secret: expect.stringMatching(/^[0-9a-f]{64}$/) })
    const renamed = await staff.admin.patch(`/api/webhooks/${doc.id}`, { name: '改名' })
    expect(renamed.body.doc.secret).toBe(doc.secret)
    const rotated = await staff.admin.patch(`/api/webhooks/${doc.id}`, { secret: '' })
    expect(rotated.body.doc.secret).toMatch(/^[0-9a-f]{64}$/)
    expect(rotated.body.doc.secret).not.toBe(doc.secret)
    expect((await staff.admin.delete(`/api/webhooks/${doc.id}`)).status).toBe(200)
  })

  it.each([
    ['another scheme', { url: 'ftp://cdn.example.com/purge' }, 'url'],
    ['not a URL', { url: 'cdn.example.com/purge' }, 'url'],
    ['credentials in the URL', { url: 'https://user:pass@cdn.example.com/purge' }, 'url'],
    ['no URL', { url: undefined }, 'url'],
    ['a URL that is not text', { url: 42 }, 'url'],
    ['no events', { events: [] }, 'events'],
    ['an unknown event', { events: ['article.exploded'] }, 'events'],
  ])('bad input: %s is a 400 naming the field', async (_label, data, field) => {
    const res = await staff.admin.post('/api/webhooks', { name: '坏的', url: 'https://cdn.example.com/purge', events: ['article.published'], ...data })
    expect(res.status).toBe(400)
    expect(invalidPaths(res.body)).toContain(field)
  })

  it.each(OTHER_ROLES)('%s may not read, add, change or delete webhooks, nor read the delivery log', async (who) => {
    const client = staff[who]
    for (const res of [
      await client.get('/api/webhooks'),
      await client.get(`/api/webhooks/${mainHook.id}`),
      await client.post('/api/webhooks', { name: '偷偷加的', url: receiver.url('/sneaky'), events: ['article.published'] }),
      await client.patch(`/api/webhooks/${mainHook.id}`, { url: receiver.url('/sneaky') }),
      await client.delete(`/api/webhooks/${mainHook.id}`),
      await client.get('/api/webhook-deliveries'),
    ]) {
      expect(res.status).toBe(403)
      expect(JSON.stringify(res.body)).not.toContain(SECRET)
    }
    const query = '{ Webhooks { docs { url secret } } WebhookDeliveries { docs { requestBody } } }'
    const gql = await client.graphql(query)
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    expect(gql.body.data?.Webhooks ?? null).toBeNull()
    expect(JSON.stringify(gql.body)).not.toContain(SECRET)
    expect((await staff.admin.graphql(query)).body.data.Webhooks.docs).toContainEqual({ url: receiver.url('/main'), secret: SECRET })
    const stored = await staff.admin.get(`/api/webhooks/${mainHook.id}`)
    expect(stored.body).toMatchObject({ url: receiver.url('/main'), secret: SECRET })
  })

  it('nobody, not even an admin, writes the delivery log through the API', async () => {
    await saveSiteSettings()
    const [logged] = (await deliveries(mainHook.id)).slice(-1)
    const forged = { deliveryId: 'forged', webhook: mainHook.id, event: 'article.published', url: receiver.url('/main'), status: 'delivered' }
    expect((await staff.admin.post('/api/webhook-deliveries', forged)).status).toBe(403)
    expect((await staff.admin.patch(`/api/webhook-deliveries/${logged.id}`, { status: 'failed' })).status).toBe(403)
    expect((await staff.admin.delete(`/api/webhook-deliveries/${logged.id}`)).status).toBe(403)
    expect((await staff.admin.get('/api/webhook-deliveries?where[deliveryId][equals]=forged')).body.docs).toEqual([])
    expect((await staff.admin.get(`/api/webhook-deliveries/${logged.id}`)).body.id).toBe(logged.id)
    await newEvents()
  })
})

describe('events', () => {
  it("an article's life: published, updated, unpublished, deleted; drafts fire nothing", async () => {
    await newEvents()
    const chief = staff['editor-in-chief']
    const draft = (await staff.reporter.post('/api/articles', { title: '债市收益率创年内新低' })).body.doc
    const { id, slug } = draft
    const ref = { collection: 'articles', id, slug }
    expect(await newEvents()).toEqual([])

    expect((await chief.patch(`/api/articles/${id}`, { _status: 'published' })).status).toBe(200)
    expect(await newEvents()).toEqual([{ event: 'article.published', data: ref }])

    expect((await chief.patch(`/api/articles/${id}`, { summary: '十年期国债收益率跌破2%', _status: 'published' })).status).toBe(200)
    expect(await newEvents()).toEqual([{ event: 'article.updated', data: ref }])

    expect((await staff.editor.patch(`/api/articles/${id}?draft=true`, { summary: '编辑修改中' })).status).toBe(200)
    expect((await chief.patch(`/api/articles/${id}?draft=true&autosave=true`, { summary: '总编自动保存' })).status).toBe(200)
    expect((await staff.anonymous.get(`/api/articles/${id}`)).body.summary).toBe('十年期国债收益率跌破2%')
    expect(await newEvents()).toEqual([])

    expect((await chief.patch(`/api/articles/${id}`, { _status: 'draft' })).status).toBe(200)
    expect(await newEvents()).toEqual([{ event: 'article.unpublished', data: ref }])

    expect((await staff.editor.patch(`/api/articles/${id}?draft=true`, { summary: '撤回后修改' })).status).toBe(200)
    expect(await newEvents()).toEqual([])

    expect((await chief.patch(`/api/articles/${id}`, { _status: 'published' })).status).toBe(200)
    expect((await chief.delete(`/api/articles/${id}`)).status).toBe(200)
    expect(await newEvents()).toEqual([
      { event: 'article.published', data: ref },
      { event: 'article.deleted', data: ref },
    ])

    // Deleting a draft nobody saw tells nobody.
    const unseen = (await staff.reporter.post('/api/articles', { title: '从未发布' })).body.doc
    expect((await chief.delete(`/api/articles/${unseen.id}`)).status).toBe(200)
    expect(await newEvents()).toEqual([])

    const got = await eventually(() => {
      const requests = receiver.at('/main').filter((r) => r.json?.data?.id === id && r.json.data.collection === 'articles')
      return requests.length >= 5 && requests
    }, 'the five deliveries')
    expect(got.map((r) => r.json.event).sort()).toEqual(['article.deleted', 'article.published', 'article.published', 'article.unpublished', 'article.updated'])
    for (const request of got) {
      expectSigned(request)
      expect(request.json).toEqual({ id: expect.any(String), event: request.json.event, occurredAt: expect.any(String), data: ref })
      expect(verifyWebhook('not-the-secret', request.headers, request.body).ok).toBe(false)
    }
    expect(new Set(got.map((r) => r.json.id)).size).toBe(5)
    const logged = await eventually(async () => {
      const docs = (await deliveries(mainHook.id)).filter((doc) => doc.requestBody.data.id === id)
      return docs.every((doc) => doc.status === 'delivered') && docs
    }, 'the log to show them delivered')
    for (const doc of logged) {
      expect(doc).toMatchObject({ attempts: 1, responseCode: 200, error: null, url: receiver.url('/main'), deliveredAt: expect.any(String), lastAttemptAt: expect.any(String) })
    }
  })

  it('a scheduled publication fires article.published when the job publishes it', async () => {
    const { id } = (await staff.editor.post('/api/articles', { title: '定时发布的快讯' })).body.doc
    await newEvents()
    const at = new Date(Date.now() + 1500).toISOString()
    expect((await staff['editor-in-chief'].post(`/api/articles/${id}/schedule`, { action: 'publish', at })).status).toBe(202)
    const events = await eventually(async () => {
      const fresh = await newEvents()
      return fresh.length > 0 && fresh
    }, 'the scheduled publication')
    expect(events).toEqual([{ event: 'article.published', data: expect.objectContaining({ collection: 'articles', id }) }])
  })

  it('a correction notice published on the article fires correction.published, with the notice and no personal data', async () => {
    const article = await publishedArticle('央行宣布降准0.5个百分点')
    const request = await staff.anonymous.post('/api/correction-requests', {
      article: article.id,
      errorType: 'figure',
      quote: '央行宣布降准0.5个百分点',
      reporterName: '读者甲',
      reporterEmail: 'careful-reader@example.com',
    })
    expect(request.status).toBe(201)
    await newEvents()

    const text = '本文此前将释放资金误写为约1万亿元，应为约1.2万亿元。'
    const notice = { kind: 'correction', text, request: request.body.doc.id, date: new Date().toISOString() }
    expect((await staff.editor.patch(`/api/articles/${article.id}?draft=true`, { corrections: [notice] })).status).toBe(200)
    expect(await newEvents()).toEqual([])
    expect((await staff['editor-in-chief'].patch(`/api/articles/${article.id}`, { _status: 'published' })).status).toBe(200)

    const ref = { collection: 'articles', id: article.id, slug: article.slug }
    expect(await newEvents()).toEqual([
      { event: 'article.updated', data: ref },
      { event: 'correction.published', data: { ...ref, corrections: [{ id: expect.any(String), kind: 'correction', date: expect.any(String), text }] } },
    ])
    // Published again with the same notice: an update, no second correction.
    expect((await staff['editor-in-chief'].patch(`/api/articles/${article.id}`, { summary: '释放长期资金约1.2万亿元', _status: 'published' })).status).toBe(200)
    expect((await newEvents()).map((e) => e.event)).toEqual(['article.updated'])

    const delivered = await eventually(() => receiver.at('/main').find((r) => r.json?.event === 'correction.published' && r.json.data.id === article.id), 'the correction')
    expectSigned(delivered)
    expect(delivered.body).not.toMatch(/example\.com|读者甲|request/)
  })

  it("a comment approved by a moderator fires comment.approved, without the reader's details", async () => {
    const article = await publishedArticle('银行理财收益率持续下行')
    await newEvents()
    const reader = await signUpReader(server, { email: 'commenter@readers.test', displayName: '理财小白' })
    const comment = await reader.post('/api/comments', { article: article.id, body: '那存款还有必要吗？' })
    expect(comment.status).toBe(201)
    expect((await staff.moderator.get(`/api/comments/${comment.body.doc.id}`)).body.status).toBe('pending')
    expect(await newEvents()).toEqual([])

    expect((await staff.moderator.patch(`/api/comments/${comment.body.doc.id}`, { status: 'approved' })).status).toBe(200)
    expect(await newEvents()).toEqual([
      { event: 'comment.approved', data: { collection: 'comments', id: comment.body.doc.id, article: article.id, parent: null } },
    ])
    expect((await staff.moderator.patch(`/api/comments/${comment.body.doc.id}`, { featured: true })).status).toBe(200)
    expect(await newEvents()).toEqual([])

    const delivered = await eventually(() => receiver.at('/main').find((r) => r.json?.event === 'comment.approved'), 'the approval')
    expectSigned(delivered)
    expect(delivered.body).not.toMatch(/readers\.test|理财小白|127\.0\.0\.1|screening/)
  })

  it('saving the site settings fires site-settings.changed; a refused save fires nothing', async () => {
    await newEvents()
    await saveSiteSettings()
    expect(await newEvents()).toEqual([{ event: 'site-settings.changed', data: { global: 'site-settings' } }])
    const refused = await staff['editor-in-chief'].post('/api/globals/site-settings', { icpNumber: '不是备案号' })
    expect(refused.status).toBe(400)
    expect(await newEvents()).toEqual([])
  })
})

describe('delivery', () => {
  it('retries with backoff until the receiver answers, logging every attempt', async () => {
    const hook = await createWebhook({ url: receiver.url('/flaky'), events: ['site-settings.changed'] })
    await saveSiteSettings()
    const [delivery] = await eventually(async () => {
      const docs = await deliveries(hook.id)
      return docs[0]?.status === 'delivered' && docs
    }, 'a delivery on the third attempt')
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, responseCode: 200, error: null, event: 'site-settings.changed' })
    const requests = receiver.at('/flaky')
    expect(requests).toHaveLength(3)
    for (const request of requests) expectSigned(request, hook.secret)
    expect(new Set(requests.map((r) => r.body)).size).toBe(1)
    expect(requests[0].json.id).toBe(delivery.deliveryId)
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(200)
    expect(requests[2].at - requests[1].at).toBeGreaterThanOrEqual(400)
    // Delivered means done: no further attempts.
    await sleep(2500)
    expect(receiver.at('/flaky')).toHaveLength(3)
  })

  it('gives up after WEBHOOK_MAX_ATTEMPTS, marking the delivery failed with the last answer', async () => {
    const hook = await createWebhook({ url: receiver.url('/down'), events: ['site-settings.changed'] })
    await saveSiteSettings()
    // The receiver hears an attempt before the job records its answer; a retry may follow quickly.
    const [afterFirst] = await eventually(async () => {
      const docs = await deliveries(hook.id)
      return docs[0]?.attempts >= 1 && docs
    }, 'a first failed attempt')
    expect(afterFirst).toMatchObject({ responseCode: 500, error: 'HTTP 500' })
    expect(afterFirst.status).toBe(afterFirst.attempts < MAX_ATTEMPTS ? 'pending' : 'failed')
    const [delivery] = await eventually(async () => {
      const docs = await deliveries(hook.id)
      return docs[0]?.status === 'failed' && docs
    }, 'the delivery to fail')
    expect(delivery).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, responseCode: 500, error: 'HTTP 500', deliveredAt: null })
    await sleep(2500)
    expect(receiver.at('/down')).toHaveLength(MAX_ATTEMPTS)
  })

  it('logs a receiver that does not answer in time, and stops once the webhook is switched off', async () => {
    const hook = await createWebhook({ url: receiver.url('/hang'), events: ['site-settings.changed'] })
    await saveSiteSettings()
    const [first] = await eventually(async () => {
      const docs = await deliveries(hook.id)
      return docs[0]?.attempts === 1 && docs
    }, 'a timed-out attempt')
    expect(first).toMatchObject({ status: 'pending', responseCode: null, error: 'No answer within 1000 ms' })
    expect((await staff.admin.patch(`/api/webhooks/${hook.id}`, { active: false })).status).toBe(200)
    const [stopped] = await eventually(async () => {
      const docs = await deliveries(hook.id)
      return docs[0]?.status === 'failed' && docs
    }, 'the delivery to stop')
    expect(stopped.error).toMatch(/switched off/)
  })

  it('a time-out puts the receiver in the slow lane, for retries and new deliveries, until it answers in time', async () => {
    receiver.delay('/sleepy', Infinity)
    const hook = await createWebhook({ url: receiver.url('/sleepy'), events: ['site-settings.changed'] })
    const timedOutAt = async () => (await staff.admin.get(`/api/webhooks/${hook.id}`)).body.timedOutAt
    // Completed jobs are deleted; one for a receiver that takes its time is there until its attempt ends.
    const queuesOf = async (delivery: { id: number }) => {
      const res = await staff.admin.get('/api/payload-jobs?where[taskSlug][equals]=deliverWebhook&limit=1000&depth=0')
      expect(res.status).toBe(200)
      return res.body.docs.filter((job: any) => job.input.delivery === delivery.id && !job.completedAt).map((job: any) => job.queue)
    }
    expect(hook.timedOutAt ?? null).toBeNull()

    await saveSiteSettings()
    const [first] = await deliveries(hook.id)
    expect(await queuesOf(first)).toEqual(['webhooks'])
    const noted = await eventually(timedOutAt, 'the time-out to be noted')
    expect((await deliveries(hook.id))[0]).toMatchObject({ attempts: 1, error: 'No answer within 1000 ms' })
    expect(Date.parse(noted)).toBeGreaterThan(Date.parse(first.createdAt))
    // The retry was queued with the attempt's log, in the slow lane (the first job completes just after).
    await eventually(async () => JSON.stringify(await queuesOf(first)) === '["webhooks-slow"]', 'the retry alone, in the slow lane')
    await saveSiteSettings()
    const [, second] = await deliveries(hook.id)
    expect(await queuesOf(second)).toEqual(['webhooks-slow'])
    // Only the delivery job writes it.
    expect((await staff.admin.patch(`/api/webhooks/${hook.id}`, { timedOutAt: null, name: unique('改名') })).status).toBe(200)
    expect(Date.parse(await timedOutAt())).toBeGreaterThanOrEqual(Date.parse(noted))

    // Slow but in time: any answer in time clears it (here the retry's 200).
    receiver.delay('/sleepy', 300)
    await eventually(async () => (await timedOutAt()) === null, 'an answer in time to clear it')
    await saveSiteSettings()
    const [, , third] = await deliveries(hook.id)
    expect(await queuesOf(third)).toEqual(['webhooks'])
    const settled = await eventually(async () => {
      const docs = await deliveries(hook.id)
      return docs.every((doc) => doc.status !== 'pending') && docs
    }, 'the three deliveries to settle')
    expect(settled.map((doc) => doc.status)).toEqual(['delivered', 'delivered', 'delivered'])
    expect(settled[2]).toMatchObject({ attempts: 1, responseCode: 200 })
  })

  it('a new URL takes the webhook out of the slow lane', async () => {
    const hook = await createWebhook({ url: receiver.url('/hang'), events: ['site-settings.changed'] })
    const read = async () => (await staff.admin.get(`/api/webhooks/${hook.id}`)).body
    await saveSiteSettings()
    await eventually(async () => (await read()).timedOutAt, 'the time-out to be noted')
    expect((await staff.admin.patch(`/api/webhooks/${hook.id}`, { name: unique('改名') })).status).toBe(200)
    expect((await read()).timedOutAt).toEqual(expect.any(String))
    expect((await staff.admin.patch(`/api/webhooks/${hook.id}`, { url: receiver.url('/moved') })).status).toBe(200)
    expect((await read()).timedOutAt ?? null).toBeNull()
    expect((await staff.admin.patch(`/api/webhooks/${hook.id}`, { active: false })).status).toBe(200)
  })

  it('an inactive webhook gets nothing', async () => {
    const hook = await createWebhook({ url: receiver.url('/inactive'), active: false })
    await newEvents()
    await saveSiteSettings()
    const [{ data }] = await newEvents()
    expect(data).toEqual({ global: 'site-settings' })
    const mainDelivery = (await deliveries(mainHook.id)).at(-1)
    await eventually(() => receiver.at('/main').some((r) => r.json?.id === mainDelivery.deliveryId), 'the active webhook to get it')
    expect(receiver.at('/inactive')).toEqual([])
    expect(await deliveries(hook.id)).toEqual([])
  })
})
