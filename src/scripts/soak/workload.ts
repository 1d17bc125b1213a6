/**
 * The soak's traffic: anonymous readers, logged-in commenters, correction reporters and an editor
 * publishing, all at once against one server. Every answer is recorded by kind; every write the
 * server acknowledged (2xx) is remembered, to be looked up in the database afterwards; every article
 * a reader is shown is checked for the draft marker, which only unpublished text carries.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { query } from '../bench/database'
import type { Outboxes } from '../bench/servers'

/** In every draft's title and nowhere in published text: a reader shown it has seen a draft. */
export const DRAFT_MARK = '【未发布草稿】'

export type Acknowledged = { comments: number[]; corrections: number[]; articles: { id: number; title: string }[] }
export type Answer = { kind: string; status: number; ms: number }

type Client = { url: string; token?: string }
type Response = { status: number; body: any }

async function call(client: Client, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(`${client.url}${route}`, {
    method,
    headers: { ...(client.token ? { authorization: `JWT ${client.token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let parsed: unknown = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = text
  }
  return { status: res.status, body: parsed }
}

function expectStatus(res: Response, status: number, what: string): any {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
  return res.body
}

/** A different client address per request, as a front-end proxy would pass them on (the server trusts loopback proxies). */
const someAddress = () => `198.18.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`

export type Cast = { admin: Client; readers: Client[]; articles: { id: number; slug: string }[] }

/**
 * Published articles to read and comment on, and readers to comment with, each verified by email and
 * with a mobile number bound (后台实名, on in production) as a real reader would.
 */
export async function setUpCast(url: string, admin: { email: string; password: string }, outboxes: Outboxes, sizes: { articles: number; readers: number }): Promise<Cast> {
  const token = expectStatus(await call({ url }, 'POST', '/api/users/login', admin), 200, 'admin login').token as string
  const editor = { url, token }
  // Established commenters are published at once; the rate limits per reader stay as configured.
  expectStatus(await call(editor, 'POST', '/api/globals/moderation-settings', { newCommenterHold: 0, mode: 'post' }), 200, 'moderation settings')
  const articles: Cast['articles'] = []
  for (let n = 1; n <= sizes.articles; n++) {
    const doc = expectStatus(
      await call(editor, 'POST', '/api/articles', { title: `央行公开市场操作第${n}期`, summary: `流动性观察第${n}期：利率与降准。`, _status: 'published' }),
      201,
      'publishing an article',
    ).doc
    articles.push({ id: doc.id, slug: doc.slug })
  }
  const readers: Client[] = []
  for (let n = 1; n <= sizes.readers; n++) readers.push(await signUpReader(url, outboxes, n))
  return { admin: editor, readers, articles }
}

async function signUpReader(url: string, outboxes: Outboxes, n: number): Promise<Client> {
  const email = `soak-reader-${n}@soak.newsroom`
  const password = 'soak-reader-password-1'
  expectStatus(await call({ url }, 'POST', '/api/readers', { email, password, displayName: `读者${n}` }, { 'x-forwarded-for': someAddress() }), 201, `signing up ${email}`)
  const mail = await latestMessage<{ to: string; html: string }>(outboxes.mailDir, (message) => message.to === email)
  const token = mail?.html.match(/verify-email\?token=([A-Za-z0-9]+)/)?.[1]
  if (!token) throw new Error(`no verification email for ${email}`)
  expectStatus(await call({ url }, 'POST', `/api/readers/verify/${token}`), 200, `verifying ${email}`)
  const login = expectStatus(await call({ url }, 'POST', '/api/readers/login', { email, password }, { 'x-forwarded-for': someAddress() }), 200, `logging in ${email}`)
  const reader = { url, token: login.token as string }
  const phone = `+86139${String(n).padStart(8, '0')}`
  expectStatus(await call(reader, 'POST', '/api/readers/phone/code', { phone }, { 'x-forwarded-for': someAddress() }), 200, `sending ${email} a code`)
  const sms = await latestMessage<{ to: string; code: string }>(outboxes.smsDir, (message) => message.to === phone)
  if (!sms) throw new Error(`no verification code for ${email}`)
  expectStatus(await call(reader, 'POST', '/api/readers/phone/verify', { phone, code: sms.code }, { 'x-forwarded-for': someAddress() }), 200, `binding ${email}'s number`)
  return reader
}

/** The newest message in an outbox folder (one JSON file each, named by time) that `matches`. */
async function latestMessage<T>(dir: string, matches: (message: T) => boolean): Promise<T | undefined> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => file.endsWith('.json')).sort().reverse()
  for (const file of files) {
    const message = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as T
    if (matches(message)) return message
  }
  return undefined
}

export type Limits = { until: number; maxRequests: number }

/** Runs every worker until the time is up or the request cap is reached. */
export async function runWorkload(url: string, cast: Cast, limits: Limits, counts: { readers: number; commenters: number; reporters: number }) {
  const answers: Answer[] = []
  const acknowledged: Acknowledged = { comments: [], corrections: [], articles: [] }
  const draftsSeen: string[] = []
  const failures: string[] = []
  const going = () => Date.now() < limits.until && answers.length < limits.maxRequests
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]

  const timed = async (kind: string, send: () => Promise<Response>): Promise<Response | null> => {
    const started = performance.now()
    try {
      const res = await send()
      answers.push({ kind, status: res.status, ms: performance.now() - started })
      return res
    } catch (error) {
      answers.push({ kind, status: 0, ms: performance.now() - started })
      failures.push(`${kind}: ${(error as Error).cause ?? error}`)
      return null
    }
  }
  const lookForDrafts = (kind: string, body: unknown) => {
    const text = JSON.stringify(body)
    if (text.includes(DRAFT_MARK)) draftsSeen.push(`${kind}: ${text.slice(0, 300)}`)
  }

  const anonymous = { url }
  const reader = async () => {
    while (going()) {
      const article = pick(cast.articles)
      const routes: [string, string][] = [
        ['list', '/api/articles?limit=10&sort=-publishedAt&depth=0'],
        ['article', `/api/articles?where[slug][equals]=${encodeURIComponent(article.slug)}&depth=1`],
        ['search', `/api/search?q=${encodeURIComponent(pick(['央行', '降准', '利率', '流动性']))}`],
        ['comments', `/api/comments?where[article][equals]=${article.id}&sort=-createdAt&limit=20`],
      ]
      const [kind, route] = pick(routes)
      const res = await timed(`read ${kind}`, () => call(anonymous, 'GET', route))
      if (res) lookForDrafts(kind, res.body)
    }
  }
  const commenter = async (index: number) => {
    // Each reader comments at the pace the per-reader limit allows (one every 15 s by default).
    const mine = cast.readers.filter((_, n) => n % counts.commenters === index)
    while (going()) {
      for (const account of mine) {
        if (!going()) return
        const res = await timed('comment', () =>
          call(account, 'POST', '/api/comments', { article: pick(cast.articles).id, body: `降准之后存款利率会调整吗？${Math.random().toString(36).slice(2, 8)}` }, { 'x-forwarded-for': someAddress() }),
        )
        if (res && res.status === 201) acknowledged.comments.push(res.body.doc.id)
      }
      await pause(16_000, going)
    }
  }
  const reporter = async () => {
    while (going()) {
      const article = pick(cast.articles)
      const res = await timed('correction', () =>
        call(anonymous, 'POST', '/api/correction-requests', { article: article.id, errorType: 'typo', quote: '流动性观察', suggestion: '流动性观测', reporterName: '热心读者' }, { 'x-forwarded-for': someAddress() }),
      )
      if (res && res.status === 201) acknowledged.corrections.push(res.body.doc.id)
      await pause(500, going)
    }
  }
  const editor = async () => {
    for (let n = 1; going(); n++) {
      // A new article saved as a draft first, then published under its final title.
      const draft = await timed('editor draft', () => call(cast.admin, 'POST', '/api/articles', { title: `${DRAFT_MARK}稿件${n}`, summary: `${DRAFT_MARK}摘要` }))
      if (!draft || draft.status !== 201) continue
      const title = `降准观察第${n}篇`
      const published = await timed('editor publish', () => call(cast.admin, 'PATCH', `/api/articles/${draft.body.doc.id}`, { title, summary: '已发布的摘要', _status: 'published' }))
      if (published?.status === 200) acknowledged.articles.push({ id: draft.body.doc.id, title })
      // A draft edit of a live article: readers must keep seeing the published version.
      const live = pick(cast.articles)
      await timed('editor draft edit', () => call(cast.admin, 'PATCH', `/api/articles/${live.id}?draft=true`, { title: `${DRAFT_MARK}改稿${n}`, _status: 'draft' }))
      await pause(300, going)
    }
  }

  await Promise.all([
    ...Array.from({ length: counts.readers }, reader),
    ...Array.from({ length: counts.commenters }, (_, index) => commenter(index)),
    ...Array.from({ length: counts.reporters }, reporter),
    editor(),
  ])
  return { answers, acknowledged, draftsSeen, failures }
}

async function pause(ms: number, going: () => boolean): Promise<void> {
  for (const end = Date.now() + ms; going() && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, Math.min(200, end - Date.now())))
}

/** Each acknowledged write looked up by itself: the ids (and published titles) missing from the database. */
export async function missingWrites(databaseUrl: string, acknowledged: Acknowledged): Promise<string[]> {
  const missing: string[] = []
  for (const id of acknowledged.comments) {
    if ((await query(databaseUrl, 'select 1 from comments where id = $1', [id])).length === 0) missing.push(`comment ${id}`)
  }
  for (const id of acknowledged.corrections) {
    if ((await query(databaseUrl, 'select 1 from correction_requests where id = $1', [id])).length === 0) missing.push(`correction request ${id}`)
  }
  for (const { id, title } of acknowledged.articles) {
    const rows = await query(databaseUrl, `select 1 from _articles_v where parent_id = $1 and version_title = $2 and version__status = 'published'`, [id, title])
    if (rows.length === 0) missing.push(`published article ${id} "${title}"`)
  }
  return missing
}

/** The server's resident memory (Linux) and the database's open connections. */
export async function resources(pid: number, databaseUrl: string, database: string): Promise<{ rssMiB: number | null; connections: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1])
  const [row] = await query(databaseUrl, 'select count(*)::int as connections from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database])
  return { rssMiB: Number.isFinite(rssKiB) ? Math.round(rssKiB / 1024) : null, connections: Number(row.connections) }
}
