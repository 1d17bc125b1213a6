import { bindReaderPhone, READER_PASSWORD, sentMail, sentSms, signUpReader } from '../helpers/api'
import { type Visitor, setUpBrowserTests } from '../helpers/browser'
import { ADMIN } from '../helpers/server'
import { answerTo, choose, eventually, logIntoAdmin, type Newsroom, openFromList, publishArticle, seedNewsroom, STAFF_EMAIL } from './newsroom'

/**
 * The readers' side in a real browser: signing up, binding a mobile number (后台实名, on as in
 * production) and commenting, the moderator's work in the admin showing up as 精彩评论 with the
 * verified badge, and the portal's footer, search, 404 page and refusals.
 */
const browser = setUpBrowserTests({ COMMENT_REQUIRE_PHONE: 'on' })
let phones = 0
/** A mainland number of the test's own, bound over the API for readers whose binding is not the point. */
const bindPhone = (reader: Parameters<typeof bindReaderPhone>[1]) => bindReaderPhone(browser.server(), reader, `+86136${String(++phones).padStart(8, '0')}`)
let newsroom: Newsroom
let article: { id: number; slug: string; title: string }

beforeAll(async () => {
  newsroom = await seedNewsroom(browser.server())
  const title = `央行下调存款准备金率 ${Date.now().toString(36)}`
  article = { title, ...(await publishArticle(newsroom, { title, paragraphs: ['中国人民银行决定于下月初下调金融机构存款准备金率0.5个百分点。', '央行表示，此次降准，释放长期资金约1万亿元。'] })) }
}, 60_000)

/** Logs a reader in through the portal's login form, landing back on `next`. */
async function logInAsReader(visitor: Visitor, email: string, next: string): Promise<void> {
  const { page } = visitor
  await page.goto(`/account/login?next=${encodeURIComponent(next)}`)
  await page.getByLabel('邮箱').fill(email)
  await page.getByLabel('密码').fill(READER_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => url.pathname === next)
}

it('a reader signs up, verifies, comments and is told it awaits moderation; the moderator approves, features and verifies them; the comment shows under 精彩评论 with the badge', async () => {
  const email = `qinglan.${Date.now()}@readers.example`
  const displayName = '青岚'
  const body = '降准之后，房贷利率会不会跟着下调？希望后续能有解读。'

  const reader = await browser.visit('reader')
  const { page } = reader
  await page.goto('/account/signup')
  await page.getByLabel('邮箱').fill(email)
  await page.getByLabel('密码').fill(READER_PASSWORD)
  await page.getByLabel('昵称').fill(displayName)
  await page.getByLabel(/^职业/).selectOption({ label: '法务助理' })
  await page.getByRole('button', { name: '注册' }).click()
  await eventually(async () => expect(await page.getByTestId('account-status').innerText()).toContain('验证邮件已发送'))

  // The link in the verification email opens the portal, which verifies the address.
  const mail = (await sentMail(browser.server().mailDir)).filter((m) => m.to === email).at(-1)
  const link = mail?.html.match(/href="([^"]*\/verify-email\?token=[^"]+)"/)?.[1]
  expect(link).toBeDefined()
  await page.goto(new URL(link!).pathname + new URL(link!).search)
  await eventually(async () => expect(await page.getByTestId('account-status').innerText()).toContain('邮箱已验证'))

  await logInAsReader(reader, email, `/articles/${article.slug}`)
  expect(await page.getByTestId('reader-name').innerText()).toContain(displayName)
  // No number bound yet: the 纠错 form and the comment form send the reader to bind one, and back.
  await page.getByTestId('correction-open').click()
  expect(await page.locator('.correction').getByTestId('phone-required').innerText()).toContain('提交纠错前请先绑定手机号')
  expect(await page.getByTestId('correction-form').count()).toBe(0)
  await page.getByTestId('comments').getByTestId('phone-required').getByRole('link', { name: '绑定手机号' }).click()
  await page.waitForURL((url) => url.pathname === '/account/phone')
  await page.getByLabel('手机号').fill('139 1234 5678')
  await page.getByTestId('phone-send').click()
  await eventually(async () => expect(await page.getByTestId('phone-status').innerText()).toBe('验证码已发送，5 分钟内有效（139****5678）'))
  expect(await page.getByTestId('phone-send').innerText()).toMatch(/^\d+ 秒后可重新获取$/)
  const code = (await sentSms(browser.server().smsDir)).filter((message) => message.to === '+8613912345678').at(-1)?.code
  expect(code).toMatch(/^\d{6}$/)
  await page.getByLabel('验证码').fill(code!)
  await page.getByTestId('phone-bind').click()
  await page.waitForURL((url) => url.pathname === `/articles/${article.slug}`)
  await page.getByTestId('comment-form').getByLabel('发表评论').fill(body)
  await page.getByTestId('comment-form').getByRole('button', { name: '发表' }).click()
  await eventually(async () => expect(await page.getByTestId('comment-status').innerText()).toContain('审核'))
  const [comment] = (await newsroom.staff.moderator.get(`/api/comments?where[article][equals]=${article.id}`)).body.docs
  expect(comment).toMatchObject({ body, status: 'pending' })
  // Held for review: the reader sees it marked 审核中, among no one else's comments; nobody else sees it at all.
  await page.reload()
  const held = page.getByTestId('own-held-comments')
  await eventually(async () => expect(await held.innerText()).toContain(body))
  expect(await held.innerText()).toContain('审核中')
  expect(await page.getByTestId('comments').getByTestId('comment').getByText(body).count()).toBe(0)
  const passerBy = await browser.visit('anonymous')
  await passerBy.page.goto(`/articles/${article.slug}`, { waitUntil: 'networkidle' })
  expect([await passerBy.page.getByText(body).count(), await passerBy.page.getByTestId('own-held-comments').count()]).toEqual([0, 0])

  // The moderator approves and features the comment, and verifies the reader's profession, in the admin.
  const moderator = await browser.visit('moderator')
  await logIntoAdmin(moderator.page, STAFF_EMAIL.moderator)
  await openFromList(moderator.page, '/admin/collections/comments', body)
  expect(moderator.page.url()).toMatch(new RegExp(`/comments/${comment.id}$`))
  await choose(moderator.page, 'status', '已通过')
  await moderator.page.getByLabel('精彩评论').check()
  // The note is typed into the sidebar and kept in the comment's log with the change.
  await moderator.page.getByLabel('处理备注').fill('观点清楚，设为精彩')
  await answerTo(moderator.page, (res) => res.url().includes(`/api/comments/${comment.id}`) && res.request().method() === 'PATCH', () =>
    moderator.page.getByRole('button', { name: '保存' }).click(),
  )
  const logged = (await newsroom.staff.moderator.get(`/api/comments/${comment.id}?depth=0`)).body.moderationLog
  expect(logged).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'status', to: 'approved', note: '观点清楚，设为精彩' })]))
  // Featured, but the profession is only claimed: the name alone, no badge.
  await page.reload()
  const featured = page.getByTestId('featured-comments')
  const shown = featured.getByTestId('comment').filter({ hasText: body })
  expect(await shown.getByTestId('comment-author').innerText()).toBe(displayName)
  expect(await shown.getByTestId('verified-badge').count()).toBe(0)

  // The approval waits in the reader's account: unread, counted in the header, linking to the comment.
  await page.goto('/account')
  const notice = page.getByTestId('notification').filter({ hasText: `您在《${article.title}》下的评论已通过审核` })
  await eventually(async () => expect(await notice.count()).toBe(1))
  expect(await notice.getAttribute('data-unread')).toBe('true')
  expect(await notice.getByRole('link').getAttribute('href')).toBe(`/articles/${article.slug}#comment-${comment.id}`)
  await eventually(async () => expect(await page.getByTestId('notification-badge').innerText()).toBe('通知1'))
  await page.getByTestId('mark-all-read').click()
  await eventually(async () => expect(await notice.getAttribute('data-unread')).toBeNull())
  expect(await page.getByTestId('notification-badge').innerText()).toBe('通知')
  // Emails about them are the reader's choice, off until made.
  const byEmail = page.getByTestId('notify-by-email')
  expect(await byEmail.isChecked()).toBe(false)
  await byEmail.click()
  await eventually(async () => expect((await newsroom.staff.admin.get(`/api/readers/${comment.reader}`)).body.notifyByEmail).toBe(true))
  expect(await byEmail.isChecked()).toBe(true)
  await page.goto(`/articles/${article.slug}`)

  await openFromList(moderator.page, '/admin/collections/readers', displayName)
  await moderator.page.getByLabel('职业已认证').check()
  await answerTo(moderator.page, (res) => /\/api\/readers\/\d+/.test(res.url()) && res.request().method() === 'PATCH', () =>
    moderator.page.getByRole('button', { name: '保存' }).click(),
  )

  await page.reload()
  expect(await featured.getByRole('heading', { level: 2 }).innerText()).toBe('精彩评论')
  expect(await shown.count()).toBe(1)
  expect(await shown.getByTestId('comment-author').innerText()).toBe(`${displayName}-法务助理`)
  expect(await shown.getByTestId('verified-badge').getAttribute('aria-label')).toBe('认证')
  expect(await shown.getByTestId('comment-text').innerText()).toBe(body)
  expect(await page.getByTestId('comments').getByText(body).count()).toBe(1)
}, 240_000)

it('refuses a comment with a banned word, with the server\'s message', async () => {
  const email = `lanshan.${Date.now()}@readers.example`
  await bindPhone(await signUpReader(browser.server(), { email, displayName: '蓝山' }))
  const reader = await browser.visit('reader')
  await logInAsReader(reader, email, `/articles/${article.slug}`)
  // Refused either at the door (a 400 with the reason) or stored as rejected: the reader is told either way.
  reader.expectError(400, /\/api\/comments$/)
  const body = `有人在评论区推荐${newsroom.bannedWord}网站，大家不要上当。`
  const form = reader.page.getByTestId('comment-form')
  await form.getByLabel('发表评论').fill(body)
  await form.getByRole('button', { name: '发表' }).click()
  const status = reader.page.getByTestId('comment-status')
  await eventually(async () => expect(await status.innerText()).not.toBe(''))
  expect(await status.innerText()).not.toContain('审核通过后')
  expect(await status.innerText()).toMatch(/禁用词|违禁|不能发表|未能发表|不予发表|拒绝/)
  const stored = (await newsroom.staff.moderator.get(`/api/comments?where[body][equals]=${encodeURIComponent(body)}`)).body.docs
  expect(stored.every((comment: { status: string }) => comment.status === 'rejected')).toBe(true)
  await reader.page.reload()
  expect(await reader.page.getByTestId('comments').getByText(body).count()).toBe(0)
}, 120_000)

it('shows the footer\'s filings with their links, finds a Chinese word, and answers an unknown address with the 404 page', async () => {
  const visitor = await browser.visit('visitor')
  const { page } = visitor
  const settings = (await newsroom.staff.anonymous.get('/api/globals/site-settings')).body
  await page.goto('/')

  const footer = page.getByTestId('site-footer')
  const shanghaiYear = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())
  expect(await footer.innerText()).toContain(`${newsroom.settings.copyrightStartYear}`)
  expect(await footer.innerText()).toContain(shanghaiYear)
  expect(await footer.innerText()).toContain(newsroom.settings.copyrightHolder)
  expect(await footer.getByRole('link', { name: newsroom.settings.icpNumber }).getAttribute('href')).toBe(settings.icpUrl)
  const publicSecurity = footer.getByRole('link', { name: newsroom.settings.publicSecurityNumber })
  expect(await publicSecurity.getAttribute('href')).toBe(settings.publicSecurityUrl)
  const badge = publicSecurity.getByRole('img', { name: '公安备案' })
  expect(await badge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  expect(await footer.innerText()).toContain(newsroom.settings.newsLicenceNumber)

  await page.getByRole('search').first().getByRole('searchbox').fill('降准')
  await page.getByRole('search').first().getByRole('searchbox').press('Enter')
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === '降准')
  const hit = page.getByTestId('search-result').filter({ hasText: article.title })
  expect(await hit.count()).toBe(1)
  expect(await hit.getByRole('link', { name: article.title }).getAttribute('href')).toBe(`/articles/${article.slug}`)
  expect(await hit.locator('mark').first().innerText()).toBe('降准')

  visitor.expectError(404, /\/no-such-page$/)
  const missing = await page.goto('/no-such-page')
  expect(missing?.status()).toBe(404)
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('页面不存在')
  await page.getByTestId('site-footer').waitFor()
}, 120_000)

it('tells a reader who comments too soon how long to wait, counting down in Chinese, and lets them send once it has passed', async () => {
  const { admin } = newsroom.staff
  const interval = 4
  const before = (await admin.get('/api/globals/moderation-settings')).body.readerIntervalSeconds
  expect((await admin.post('/api/globals/moderation-settings', { readerIntervalSeconds: interval })).status).toBe(200)
  try {
    const email = `qiushui.${Date.now()}@readers.example`
    await bindPhone(await signUpReader(browser.server(), { email, displayName: '秋水' }))
    const reader = await browser.visit('reader')
    await logInAsReader(reader, email, `/articles/${article.slug}`)
    reader.expectError(429, /\/api\/comments$/)
    const form = reader.page.getByTestId('comment-form')
    const send = form.getByRole('button', { name: '发表' })
    const status = reader.page.getByTestId('comment-status')
    await form.getByLabel('发表评论').fill('降准之后，房贷利率会不会跟着下调？')
    await send.click()
    await eventually(async () => expect(await status.innerText()).toContain('审核'))

    await form.getByLabel('发表评论').fill('再补充一句：存款利率大概也会调整。')
    await send.click()
    const waitShown = /^评论太频繁，请 (\d) 秒后再试$/
    await eventually(async () => expect(await status.innerText()).toMatch(waitShown))
    const first = Number(waitShown.exec(await status.innerText())![1])
    expect(first).toBeLessThanOrEqual(interval)
    expect(await send.isDisabled()).toBe(true)
    // One language, counting down: the same sentence with a smaller number a second or so later.
    await eventually(async () => expect(Number(waitShown.exec(await status.innerText())?.[1] ?? first)).toBeLessThan(first))
    await eventually(async () => expect(await send.isEnabled()).toBe(true))
    expect(await status.innerText()).toBe('')
    await send.click()
    await eventually(async () => expect(await status.innerText()).toContain('审核'))
  } finally {
    expect((await admin.post('/api/globals/moderation-settings', { readerIntervalSeconds: before })).status).toBe(200)
  }
}, 120_000)

it('a reader likes a comment (赞 n), sees it pressed after a reload, and takes it back; anyone else sees the count', async () => {
  const author = await signUpReader(browser.server(), { email: `zanzhe.${Date.now()}@readers.example`, displayName: '写评论的人' })
  await bindPhone(author)
  const body = '数据解读很到位，点个赞。'
  const posted = await author.post('/api/comments', { article: article.id, body })
  expect((await newsroom.staff.moderator.patch(`/api/comments/${posted.body.doc.id}`, { status: 'approved' })).status).toBe(200)
  const email = `dianzan.${Date.now()}@readers.example`
  await signUpReader(browser.server(), { email, displayName: '点赞的人' })

  const reader = await browser.visit('reader')
  await logInAsReader(reader, email, `/articles/${article.slug}`)
  const likes = () => reader.page.getByTestId('comments').getByTestId('comment').filter({ hasText: body }).getByTestId('comment-likes')
  await eventually(async () => expect(await likes().getAttribute('aria-pressed')).toBe('false'))
  expect(await likes().innerText()).toBe('赞 0')
  await likes().click()
  await eventually(async () => expect([await likes().innerText(), await likes().getAttribute('aria-pressed')]).toEqual(['赞 1', 'true']))
  await reader.page.reload()
  await eventually(async () => expect([await likes().innerText(), await likes().getAttribute('aria-pressed')]).toEqual(['赞 1', 'true']))

  const visitor = await browser.visit('anonymous')
  await visitor.page.goto(`/articles/${article.slug}`)
  const shown = visitor.page.getByTestId('comments').getByTestId('comment').filter({ hasText: body }).getByTestId('comment-likes')
  expect([await shown.innerText(), await shown.evaluate((node) => node.tagName)]).toEqual(['赞 1', 'SPAN'])

  await likes().click()
  await eventually(async () => expect([await likes().innerText(), await likes().getAttribute('aria-pressed')]).toEqual(['赞 0', 'false']))
  expect((await newsroom.staff.anonymous.get(`/api/comments/${posted.body.doc.id}?depth=0`)).body.likeCount).toBe(0)
}, 120_000)

it("an admin shows a reader's whole number in the admin, for a reason the audit log keeps; a moderator sees it masked, with no way to more", async () => {
  const reader = await signUpReader(browser.server(), { email: `shiming.${Date.now()}@readers.example`, displayName: '实名读者' })
  await bindReaderPhone(browser.server(), reader, '+8613687654321')
  const masked = (page: Visitor['page']) => page.getByLabel('手机号', { exact: true })

  const moderator = await browser.visit('moderator')
  await logIntoAdmin(moderator.page, STAFF_EMAIL.moderator)
  await moderator.page.goto(`/admin/collections/readers/${reader.id}`, { waitUntil: 'networkidle' })
  await eventually(async () => expect(await masked(moderator.page).inputValue()).toBe('136****4321'))
  expect(await moderator.page.getByTestId('reveal-phone').count()).toBe(0)

  const admin = await browser.visit('admin')
  await logIntoAdmin(admin.page, ADMIN.email, ADMIN.password)
  await admin.page.goto(`/admin/collections/readers/${reader.id}`, { waitUntil: 'networkidle' })
  await eventually(async () => expect(await masked(admin.page).inputValue()).toBe('136****4321'))
  const panel = admin.page.getByTestId('reveal-phone')
  await panel.getByRole('textbox').fill('公安机关调取函 2026-119 号')
  await panel.getByRole('button', { name: '查看完整手机号' }).click()
  await eventually(async () => expect(await admin.page.getByTestId('reveal-phone-result').innerText()).toBe('+8613687654321'))
  const log = await newsroom.staff.admin.get(`/api/audit-log?where[action][equals]=reveal-phone&where[targetId][equals]=${reader.id}`)
  expect(log.body.docs.map((entry: { summary: string }) => entry.summary)).toEqual([expect.stringContaining('公安机关调取函 2026-119 号')])
}, 120_000)
