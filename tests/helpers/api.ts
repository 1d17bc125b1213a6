import type { StaffRole } from '../../src/lib/roles'
import { ADMIN, type TestServer } from './server'

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers }

/**
 * A REST and GraphQL client for one identity: anonymous, or logged in with a JWT; it asks for
 * answers in `language` when given (the server's own default is Chinese).
 */
export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
    readonly language?: string,
  ) {}

  /** The same identity asking for answers in another language (its Accept-Language). */
  inLanguage(language: string): Api {
    return new Api(this.baseUrl, this.token, language)
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...this.authHeader(), ...(this.language && { 'accept-language': this.language }), ...headers } }
    if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof FormData ? (body as string) : JSON.stringify(body)
      if (!(body instanceof FormData)) (init.headers as Record<string, string>)['content-type'] ??= 'application/json'
    }
    const res = await fetch(`${this.baseUrl}${path}`, init)
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON: the raw text is returned for the test to inspect
    }
    return { status: res.status, body: parsed as T, headers: res.headers }
  }

  /** The same credentials against another instance of the server. */
  at(baseUrl: string): Api {
    return new Api(baseUrl, this.token, this.language)
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path)
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers)
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers)
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path)
  }

  async graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<ApiResponse<{ data?: T; errors?: { message: string; extensions?: any }[] }>> {
    return this.post('/api/graphql', { query, variables })
  }

  async login(email: string, password: string): Promise<Api> {
    const res = await new Api(this.baseUrl).post('/api/users/login', { email, password })
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
    return new Api(this.baseUrl, res.body.token)
  }

  private authHeader(): Record<string, string> {
    return this.token ? { authorization: `JWT ${this.token}` } : {}
  }
}

export type Staff = Record<StaffRole, Api> & { anonymous: Api; ids: Record<StaffRole, number> }

export const STAFF_PASSWORD = 'staff-password-123'

/** Logs in the bootstrap admin and creates one account per role, each logged in. */
export async function createStaff(server: TestServer): Promise<Staff> {
  const anonymous = new Api(server.url)
  const admin = await anonymous.login(ADMIN.email, ADMIN.password)
  const me = await admin.get('/api/users/me')
  const roles = ['editor-in-chief', 'editor', 'reporter', 'moderator'] as const
  const names: Record<(typeof roles)[number], string> = {
    'editor-in-chief': '王总编',
    editor: '李编辑',
    reporter: '张记者',
    moderator: '赵审核',
  }
  const staff = { anonymous, admin, ids: { admin: me.body.user.id } } as Staff
  for (const role of roles) {
    const email = `${role}@test.newsroom`
    const created = await admin.post('/api/users', { name: names[role], email, password: STAFF_PASSWORD, roles: [role] })
    if (created.status !== 201) throw new Error(`creating ${role} failed: ${JSON.stringify(created.body)}`)
    staff.ids[role] = created.body.doc.id
    staff[role] = await anonymous.login(email, STAFF_PASSWORD)
  }
  return staff
}

/** The field paths a Payload validation error names. */
export function invalidPaths(body: any): string[] {
  return (body?.errors ?? []).flatMap((error: any) => (error.data?.errors ?? []).map((e: any) => e.path))
}

export type Mail = { to: string; subject: string; html: string }

/** The emails the server has written to its mail folder, oldest first. */
export async function sentMail(mailDir: string): Promise<Mail[]> {
  const { readdir, readFile } = await import('node:fs/promises')
  const files = (await readdir(mailDir).catch(() => [] as string[])).filter((file) => file.endsWith('.json')).sort()
  return Promise.all(files.map(async (file) => JSON.parse(await readFile(`${mailDir}/${file}`, 'utf8')) as Mail))
}

export const READER_PASSWORD = 'reader-password-123'

/** Signs a reader up over REST, follows the verification email's link, and logs them in. */
export async function signUpReader(server: TestServer, data: { email: string; displayName: string; profession?: string }): Promise<Api & { id: number }> {
  const anonymous = new Api(server.url)
  const created = await anonymous.post('/api/readers', { ...data, password: READER_PASSWORD })
  if (created.status !== 201) throw new Error(`sign-up of ${data.email} failed: ${created.status} ${JSON.stringify(created.body)}`)
  const mail = (await sentMail(server.mailDir)).filter((m) => m.to === data.email).at(-1)
  const token = mail?.html.match(/verify-email\?token=([A-Za-z0-9]+)/)?.[1]
  if (!token) throw new Error(`no verification email for ${data.email}`)
  const verified = await anonymous.post(`/api/readers/verify/${token}`)
  if (verified.status !== 200) throw new Error(`verification of ${data.email} failed: ${verified.status} ${JSON.stringify(verified.body)}`)
  const login = await anonymous.post('/api/readers/login', { email: data.email, password: READER_PASSWORD })
  if (login.status !== 200) throw new Error(`login of ${data.email} failed: ${login.status} ${JSON.stringify(login.body)}`)
  return Object.assign(new Api(server.url, login.body.token), { id: login.body.user.id as number })
}

export type Sms = { to: string; code: string; text: string }

/** The text messages the server has written to its SMS folder, oldest first. */
export async function sentSms(smsDir: string): Promise<Sms[]> {
  const { readdir, readFile } = await import('node:fs/promises')
  const files = (await readdir(smsDir).catch(() => [] as string[])).filter((file) => file.endsWith('.json')).sort()
  return Promise.all(files.map(async (file) => JSON.parse(await readFile(`${smsDir}/${file}`, 'utf8')) as Sms))
}

/** Binds `phone` (E.164) to the reader through the real endpoints, reading the code from the SMS folder. */
export async function bindReaderPhone(server: TestServer, reader: Api, phone: string, address = '203.0.113.250'): Promise<void> {
  const sent = await reader.post('/api/readers/phone/code', { phone }, { 'x-forwarded-for': address })
  if (sent.status !== 200) throw new Error(`no code sent to the reader: ${sent.status} ${JSON.stringify(sent.body)}`)
  const code = (await sentSms(server.smsDir)).filter((message) => message.to === phone).at(-1)?.code
  const bound = await reader.post('/api/readers/phone/verify', { phone, code }, { 'x-forwarded-for': address })
  if (bound.status !== 200) throw new Error(`binding failed: ${bound.status} ${JSON.stringify(bound.body)}`)
}
