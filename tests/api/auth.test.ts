import { Api, createStaff, STAFF_PASSWORD, type Staff } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { sleep } from '../helpers/wait'

let server: TestServer
let staff: Staff

beforeAll(async () => {
  server = await startServer()
  staff = await createStaff(server)
})
afterAll(() => server.stop())

it('locks an account after five failed logins, even against the right password', async () => {
  const email = 'moderator@test.newsroom'
  for (let attempt = 0; attempt < 5; attempt++) {
    expect((await staff.anonymous.post('/api/users/login', { email, password: `wrong-${attempt}` })).status).toBe(401)
  }
  const locked = await staff.anonymous.post('/api/users/login', { email, password: STAFF_PASSWORD })
  expect(locked.status).toBe(401)
  expect(JSON.stringify(locked.body)).toMatch(/locked|锁定/)

  const unlocked = await staff.admin.post('/api/users/unlock', { email })
  expect(unlocked.status).toBe(200)
  expect((await staff.anonymous.post('/api/users/login', { email, password: STAFF_PASSWORD })).status).toBe(200)
})

it('lets only an admin unlock an account', async () => {
  const res = await staff.editor.post('/api/users/unlock', { email: 'reporter@test.newsroom' })
  expect(res.status).toBe(403)
})

it('ends the session on logout: the token stops working', async () => {
  const reporter = await new Api(server.url).login('reporter@test.newsroom', STAFF_PASSWORD)
  expect((await reporter.get('/api/users/me')).body.user?.email).toBe('reporter@test.newsroom')
  expect((await reporter.post('/api/users/logout')).status).toBe(200)
  expect((await reporter.get('/api/users/me')).body.user).toBeNull()
  expect((await reporter.post('/api/articles', { title: '登出后' })).status).toBe(403)
})

it('refuses a token signed with another secret', async () => {
  const [header, body] = staff.admin.token!.split('.')
  const forged = new Api(server.url, `${header}.${body}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)
  expect((await forged.get('/api/users/me')).body.user).toBeNull()
  expect((await forged.get('/api/users')).status).toBe(403)
})

it('logs each request as one JSON line with its id, method, path, status and duration', async () => {
  await fetch(`${server.url}/api/tags?limit=1`, { headers: { 'x-request-id': 'log-check-1' } })
  await sleep(200)
  const line = server
    .output()
    .split('\n')
    .find((candidate) => candidate.includes('log-check-1'))
  expect(line).toBeDefined()
  const entry = JSON.parse(line!)
  expect(entry).toMatchObject({ req: { id: 'log-check-1', method: 'GET', path: '/api/tags' }, res: { status: 200 }, msg: 'GET /api/tags 200 ' + entry.responseTime + 'ms' })
  expect(typeof entry.responseTime).toBe('number')
  expect(line).not.toContain('authorization')
})

it('keeps tokens out of the request log: no query, no email-verification token', async () => {
  const token = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed'
  await fetch(`${server.url}/api/readers/verify/${token}`, { method: 'POST', headers: { 'x-request-id': 'log-check-2' } })
  await fetch(`${server.url}/api/articles/preview?token=${token}`, { headers: { 'x-request-id': 'log-check-3' } })
  await sleep(200)
  const lines = server.output().split('\n').filter((line) => line.includes('log-check-2') || line.includes('log-check-3'))
  expect(lines.map((line) => JSON.parse(line).req.path)).toEqual(['/api/readers/verify/…', '/api/articles/preview'])
  expect(server.output()).not.toContain(token)
})

it('does not let a visitor register the first user of a production database', async () => {
  const empty = await startServer({ ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined })
  try {
    const res = await new Api(empty.url).post('/api/users/first-register', {
      name: '路人',
      email: 'visitor@example.com',
      password: 'visitor-password-1',
      roles: ['admin'],
    })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/ADMIN_EMAIL/)
    expect((await new Api(empty.url).post('/api/users/login', { email: 'visitor@example.com', password: 'visitor-password-1' })).status).toBe(401)
  } finally {
    await empty.stop()
  }
})
