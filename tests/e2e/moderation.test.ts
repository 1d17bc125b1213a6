import type { Page } from 'playwright-core'

import { type Api, signUpReader } from '../helpers/api'
import { setUpBrowserTests } from '../helpers/browser'
import { answerTo, eventually, logIntoAdmin, type Newsroom, publishArticle, seedNewsroom, STAFF_EMAIL, STAFF_NAME } from './newsroom'

/**
 * The moderator's day in the Chinese admin: the pending queue from the navigation with the count
 * beside it, the columns a moderator decides by, a bulk approval, and the moderation data read as
 * people read it (the screening summary, log rows, professions by name).
 */
const browser = setUpBrowserTests()
let newsroom: Newsroom
const suffix = Date.now().toString(36)
/** Bodies in the order they were posted: the first one approved over the API, the three others waiting. */
const BODIES = {
  approved: `降准释放流动性，银行股应声上涨 ${suffix}`,
  byLawyer: `请问这次降准对房贷利率的影响有多大？${suffix}`,
  withWord: `听说有内幕消息，下周还会再降息 ${suffix}`,
  latest: `希望后续能出一篇详细解读 ${suffix}`,
}
const comments: Record<keyof typeof BODIES, number> = { approved: 0, byLawyer: 0, withWord: 0, latest: 0 }

beforeAll(async () => {
  newsroom = await seedNewsroom(browser.server())
  const { moderator, admin } = newsroom.staff
  const article = await publishArticle(newsroom, { title: `央行下调存款准备金率 ${suffix}`, paragraphs: ['中国人民银行决定下调金融机构存款准备金率0.5个百分点。'] })
  const word = await admin.post('/api/screening-words', { phrase: '内幕消息', action: 'review', note: '疑似内幕交易' })
  if (word.status !== 201) throw new Error(`adding the screening word failed: ${JSON.stringify(word.body)}`)

  const comment = async (reader: Api, key: keyof typeof BODIES) => {
    const res = await reader.post('/api/comments', { article: article.id, body: BODIES[key] })
    if (res.status !== 201) throw new Error(`commenting failed: ${res.status} ${JSON.stringify(res.body)}`)
    comments[key] = res.body.doc.id
  }
  const reader = (displayName: string, mailbox: string, profession?: string) =>
    signUpReader(browser.server(), { email: `${mailbox}.${suffix}@readers.example`, displayName, profession })
  // Each reader's first comment is held (a new commenter); the lawyer's profession is verified first.
  await comment(await reader('远山', 'yuanshan'), 'approved')
  const lawyer = await reader('林律', 'linlv', 'legal-assistant')
  const verified = await moderator.patch(`/api/readers/${lawyer.id}`, { professionVerified: true })
  if (verified.status !== 200) throw new Error(`verifying the profession failed: ${JSON.stringify(verified.body)}`)
  await comment(lawyer, 'byLawyer')
  await comment(await reader('半夏', 'banxia'), 'withWord')
  await comment(await reader('青禾', 'qinghe'), 'latest')
  const approved = await moderator.patch(`/api/comments/${comments.approved}`, { status: 'approved' })
  if (approved.status !== 200) throw new Error(`approving failed: ${JSON.stringify(approved.body)}`)
}, 120_000)

/** The list's rows, top to bottom, by the comment bodies they show. */
async function listedBodies(page: Page): Promise<string[]> {
  const rows = await page.locator('tbody tr').allInnerTexts()
  return rows.map((row) => Object.values(BODIES).find((body) => row.includes(body)) ?? row)
}
const row = (page: Page, body: string) => page.locator('tbody tr').filter({ hasText: body })

/** Opens the admin's navigation (closed by default below 1440 px wide) with its menu button. */
async function openNavigation(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^打开\s*菜单$/ }).and(page.locator('.template-default__nav-toggler')).click()
  await page.locator('.template-default__nav-toggler.nav-toggler--is-open').waitFor()
}

it('a moderator opens 评论 on the pending queue with its count in the navigation, approves two together, and reads screening and log in Chinese', async () => {
  const moderator = await browser.visit('moderator')
  const { page } = moderator
  await logIntoAdmin(page, STAFF_EMAIL.moderator)

  // The count of pending comments is in the navigation, linking to the queue.
  await openNavigation(page)
  const pending = page.locator('#nav-pending-comments')
  expect(await pending.innerText()).toMatch(/待审核评论\s*3/)

  // 评论 in the navigation opens on the pending ones only, newest first, with the moderator's columns.
  await page.locator('#nav-comments').click()
  await page.waitForURL((url) => url.pathname === '/admin/collections/comments' && url.search.includes('pending'))
  await page.waitForLoadState('networkidle')
  expect(await listedBodies(page)).toEqual([BODIES.latest, BODIES.withWord, BODIES.byLawyer])
  for (const [column, heading] of [['commenter', '评论者'], ['article', '文章'], ['screening', '筛查结果'], ['reportCount', '被举报次数']]) {
    expect(await page.locator(`#heading-${column}`).innerText()).toContain(heading)
  }
  // Read as people read them: the screening verdict, and a profession by its name, never its code.
  expect(await row(page, BODIES.withWord).locator('.cell-screening').innerText()).toBe('待审核：待审词「内幕消息」；新读者')
  expect(await row(page, BODIES.byLawyer).locator('.cell-commenter').innerText()).toBe('林律 · 法务助理')

  // Two selected, approved together; the confirmation, the shorter queue and the lower count follow.
  await row(page, BODIES.byLawyer).locator('input[type="checkbox"]').check()
  await row(page, BODIES.latest).locator('input[type="checkbox"]').check()
  const bulk = page.getByRole('group', { name: '批量处理所选评论' })
  await bulk.getByLabel(/处理备注/).fill('内容正常')
  await answerTo(page, (res) => res.url().includes('/api/comments?') && res.request().method() === 'PATCH', () => bulk.getByRole('button', { name: '通过', exact: true }).click())
  await eventually(async () => expect(await page.locator('.comment-bulk-actions [role="status"]').innerText()).toBe('已将 2 条评论设为「已通过」'))
  await eventually(async () => expect(await listedBodies(page)).toEqual([BODIES.withWord]))
  await eventually(async () => expect(await pending.innerText()).toMatch(/待审核评论\s*1/))

  // The server took both through the normal update: approved, each with its log entry and the note.
  for (const id of [comments.byLawyer, comments.latest]) {
    const { body } = await newsroom.staff.moderator.get(`/api/comments/${id}?depth=0`)
    expect(body.status).toBe('approved')
    expect(body.moderationLog).toEqual([
      expect.objectContaining({ field: 'status', from: 'pending', to: 'approved', by: newsroom.staff.ids.moderator, note: '内容正常' }),
    ])
  }

  // The filter stays the moderator's to change: the approved ones, the earlier one among them.
  await page.goto('/admin/collections/comments?where[status][equals]=approved', { waitUntil: 'networkidle' })
  expect(new URL(page.url()).searchParams.get('where[status][equals]')).toBe('approved')
  expect(await listedBodies(page)).toEqual([BODIES.latest, BODIES.byLawyer, BODIES.approved])

  // The log row reads when, who and what in Chinese, not Payload's "Moderation Log 01"; the
  // commenter's profession is named, its code nowhere on the page.
  await page.goto(`/admin/collections/comments/${comments.byLawyer}`, { waitUntil: 'networkidle' })
  const log = page.locator('#field-moderationLog')
  const rowLabel = await log.locator('.log-row-label').first().innerText()
  expect(rowLabel).toMatch(new RegExp(`^\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} · ${STAFF_NAME.moderator} · 状态：待审核 → 已通过$`))
  expect(await log.innerText()).not.toMatch(/Moderation Log/i)
  expect(await page.locator('.profession-view').innerText()).toContain('法务助理')
  const shownValues = await page.locator('input, textarea').evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value))
  expect([await page.locator('body').innerText(), ...shownValues].join('\n')).not.toContain('legal-assistant')

  // The held comment's screening reads in Chinese, its raw record folded away.
  await page.goto(`/admin/collections/comments/${comments.withWord}`, { waitUntil: 'networkidle' })
  expect(await page.getByTestId('screening-summary').innerText()).toBe('待审核：待审词「内幕消息」；新读者')
  const raw = page.locator('.screening-summary details')
  expect(await raw.getAttribute('open')).toBeNull()
  expect(await raw.locator('pre').isVisible()).toBe(false)
}, 240_000)

it('an editor, who reads comments without their status, gets the plain list and neither the count nor the buttons', async () => {
  const editor = await browser.visit('editor')
  const { page } = editor
  await logIntoAdmin(page, STAFF_EMAIL.editor)
  await openNavigation(page)
  expect(await page.locator('#nav-pending-comments').count()).toBe(0)
  await page.locator('#nav-comments').click()
  await page.waitForURL((url) => url.pathname === '/admin/collections/comments')
  await page.waitForLoadState('networkidle')
  expect(page.url()).not.toContain('pending')
  expect(await listedBodies(page)).toEqual([BODIES.latest, BODIES.withWord, BODIES.byLawyer, BODIES.approved])
  await row(page, BODIES.withWord).locator('input[type="checkbox"]').check()
  expect(await page.getByRole('button', { name: '通过', exact: true }).count()).toBe(0)
}, 120_000)
