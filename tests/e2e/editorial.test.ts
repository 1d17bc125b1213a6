import type { Page, Response } from 'playwright-core'

import { signUpReader } from '../helpers/api'
import { seriousA11yViolations, setUpBrowserTests } from '../helpers/browser'
import {
  answerTo,
  chartJpeg,
  choose,
  eventually,
  logIntoAdmin,
  type Newsroom,
  openFromList,
  publishArticle,
  REQUESTED_CHANGES,
  reviewedDraft,
  seedNewsroom,
  STAFF_EMAIL,
  STAFF_NAME,
} from './newsroom'

/**
 * The newsroom's side in a real browser: an editor writes an article in the admin, the editor-in-chief
 * approves and publishes it, readers find it on the portal; and a reader's 纠错 becomes a notice.
 */
const browser = setUpBrowserTests()
let newsroom: Newsroom

beforeAll(async () => {
  newsroom = await seedNewsroom(browser.server())
}, 60_000)

/** A channel as the admin names it: its path from the root. */
const channelPath = () => `${newsroom.channel.parent.name} > ${newsroom.channel.name}`

const articleApi = (id: number) => newsroom.staff.editor.get(`/api/articles/${id}?draft=true&depth=0`).then((res) => res.body)

/** A time as the Chinese admin writes it, in Beijing time: 2026年12月7日 03:18. */
function inBeijing(iso: string): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return `${part('year')}年${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`
}

/** The texts of one column of the admin's list, row by row, found by its header. */
async function columnOf(page: Page, header: string): Promise<string[]> {
  const headers = await page.locator('.table thead th').allInnerTexts()
  const index = headers.findIndex((text) => text.trim() === header)
  if (index < 0) throw new Error(`no column「${header}」among ${JSON.stringify(headers)}`)
  return page.locator('.table tbody tr').evaluateAll((rows, column) => rows.map((row) => row.children[column]?.textContent?.trim() ?? ''), index)
}

it('an editor writes an article in the admin, previews it, submits it; the editor-in-chief approves and publishes it; readers find it once, with everything in place', async () => {
  const title = `央行宣布降准0.5个百分点 ${Date.now().toString(36)}`
  const heading = '一、释放长期资金约一万亿元'
  const linkText = '央行公告'
  const alt = '柱形图：四根蓝色柱逐级降低'
  const caption = '存款准备金率调整示意'
  const closing = '分析人士认为，此次降准有助于降低银行资金成本。'

  // The editor writes: title, 来源, bylines, channel, 责任编辑, and a body with a heading, a link and an image.
  const editor = await browser.visit('editor')
  const { page } = editor
  await logIntoAdmin(page, STAFF_EMAIL.editor)
  await page.goto('/admin/collections/articles/create')
  // The admin saves a new article at once (autosave) and moves to its address.
  await page.waitForURL(/\/admin\/collections\/articles\/\d+$/)
  const id = Number(page.url().split('/').at(-1))
  await page.getByLabel('标题').fill(title)
  await page.getByLabel('来源').fill('新华社')
  for (const author of newsroom.authors) await choose(page, 'authors', author.name)
  await choose(page, 'category', channelPath())
  await choose(page, 'responsibleEditor', STAFF_NAME['editor-in-chief'])

  const body = page.locator('.rich-text-lexical [data-lexical-editor="true"]')
  const lead = `中国人民银行决定下调金融机构存款准备金率0.5个百分点，详见${linkText}`
  // Typed in one go from one click: a click or key while the editor is still taking its focus
  // back from a drawer lands in the wrong place on a busy machine, so the link is made last.
  await body.click()
  await page.keyboard.type(`## ${heading}`)
  await page.keyboard.press('Enter')
  await page.keyboard.type(lead)
  await page.keyboard.press('Enter')
  await page.keyboard.type(closing)
  await page.keyboard.press('Enter')
  await page.keyboard.type('/')
  await page.getByRole('listbox', { name: 'Slash menu' }).getByRole('option', { name: '上传' }).click()
  const mediaList = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: '媒体库' }) })
  await mediaList.getByRole('button', { name: /^新增/ }).click()
  const newMedia = page.getByRole('dialog').filter({ hasText: '正在创建新的 媒体' })
  await newMedia.locator('input[type=file]').setInputFiles({ name: 'rrr-chart.jpg', mimeType: 'image/jpeg', buffer: await chartJpeg() })
  await newMedia.locator('#field-alt').fill(alt)
  await answerTo(page, (res) => res.url().includes('/api/media') && res.request().method() === 'POST', () =>
    newMedia.getByRole('button', { name: '保存' }).click(),
  )
  await newMedia.waitFor({ state: 'hidden' })
  await mediaList.waitFor({ state: 'hidden' })
  // This placement's own caption (the same photo may be captioned differently elsewhere), behind
  // the image's edit button, which shows on hover; clicked as an element, as the hover overlay
  // moves while the thumbnail loads.
  const upload = body.locator('.LexicalEditorTheme__upload')
  await upload.hover()
  await upload.locator('.LexicalEditorTheme__upload__upload-drawer-toggler').dispatchEvent('click')
  const captionDrawer = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: '编辑 媒体' }) })
  await captionDrawer.getByRole('textbox').fill(caption)
  await captionDrawer.getByRole('button', { name: '保存更改' }).click()
  await captionDrawer.waitFor({ state: 'hidden' })

  // The link: the last words of the lead selected (as a drag would), then the inline toolbar's link button.
  const linkButton = page.locator('.rich-text-lexical .inline-toolbar-popup .toolbar-popup__button-link')
  await eventually(async () => {
    await body.locator('p').filter({ hasText: lead }).evaluate((paragraph, words) => {
      const text = [...paragraph.querySelectorAll('span')].map((span) => span.firstChild).find((node) => node?.textContent?.endsWith(words))!
      const range = document.createRange()
      range.setStart(text, text.textContent!.length - words.length)
      range.setEnd(text, text.textContent!.length)
      ;(paragraph.closest('[contenteditable="true"]') as HTMLElement).focus()
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
    }, linkText)
    await linkButton.waitFor({ timeout: 2_000 })
  })
  await linkButton.click()
  const linkDrawer = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: '编辑链接' }) })
  await linkDrawer.locator('#field-url').fill('https://www.pbc.gov.cn/')
  await linkDrawer.getByRole('button', { name: '保存更改' }).click()
  await linkDrawer.waitFor({ state: 'hidden' })
  expect(await body.getByRole('link', { name: linkText }).getAttribute('href')).toBe('https://www.pbc.gov.cn/')

  const saved = await eventually(async () => {
    const doc = await articleApi(id)
    expect(doc.title).toBe(title)
    for (const part of [heading, closing, 'https://www.pbc.gov.cn/', caption]) expect(JSON.stringify(doc.body)).toContain(part)
    return doc
  })
  expect(saved).toMatchObject({
    _status: 'draft',
    source: '新华社',
    authors: newsroom.authors.map((author) => author.id),
    category: newsroom.channel.id,
    responsibleEditor: newsroom.staff.ids['editor-in-chief'],
  })

  // The draft preview: the portal's article page from the signed link, never shown to readers.
  const [preview] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: '预览' }).click()])
  await preview.waitForLoadState()
  expect(await preview.getByTestId('preview-banner').innerText()).toContain('草稿预览')
  expect(await preview.getByTestId('article-title').innerText()).toBe(title)
  // By its name: typing in the editor on a busy machine can leave an empty heading beside it.
  expect(await preview.getByTestId('article-body').getByRole('heading', { level: 2, name: heading }).innerText()).toBe(heading)
  await preview.close()

  // Editors save drafts only: the admin offers them no publish button.
  expect(await page.getByRole('button', { name: '发布修改' }).count()).toBe(0)
  await answerTo(page, (res) => res.url().endsWith(`/api/articles/${id}/review`), () => page.getByRole('button', { name: '提交审核' }).click())
  expect((await articleApi(id)).reviewState).toBe('in-review')
  // The panel says what happened and where the article stands, and offers only what is left to do.
  const panel = page.locator('.review-panel')
  expect(await panel.getByRole('status').innerText()).toBe('已完成：提交审核')
  expect(await panel.getByTestId('review-state').innerText()).toBe('审核状态：待审核')
  // Its latest entry, newest first: when (Beijing time), who, what, from which state to which.
  await eventually(async () =>
    expect(await panel.getByTestId('review-history').locator('li').first().innerText()).toMatch(
      new RegExp(`^\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} · ${STAFF_NAME.editor} · 提交审核 · 草稿 → 待审核$`),
    ),
  )
  expect(await panel.getByRole('button').allInnerTexts()).toEqual(['退回修改', '审核通过', '撤回'])
  await page.goto('/admin/collections/articles', { waitUntil: 'networkidle' })

  // The editor-in-chief approves and publishes (editors may not publish). The editor's last moves
  // in the document may have locked it for a few minutes more; the chief takes it over then.
  const chief = await browser.visit('editor-in-chief')
  await logIntoAdmin(chief.page, STAFF_EMAIL['editor-in-chief'])
  await chief.page.goto(`/admin/collections/articles/${id}`, { waitUntil: 'networkidle' })
  await chief.page.locator('.review-panel button:enabled').first().waitFor()
  const takeOver = chief.page.getByRole('button', { name: '接管' })
  if (await takeOver.isVisible()) await takeOver.click()
  // Sending it back needs a note: the server's refusal shows in Chinese, with no English in it.
  chief.expectError(400, new RegExp(`/api/articles/${id}/review$`))
  await Promise.all([chief.page.waitForResponse((res) => res.url().endsWith(`/api/articles/${id}/review`)), chief.page.getByRole('button', { name: '退回修改' }).click()])
  expect(await chief.page.locator('.review-panel [role=alert]').innerText()).toBe('退回修改时请写明需要修改的地方')
  await answerTo(chief.page, (res) => res.url().endsWith(`/api/articles/${id}/review`), () => chief.page.getByRole('button', { name: '审核通过' }).click())
  await answerTo(chief.page, (res) => res.url().includes(`/api/articles/${id}`) && res.request().method() === 'PATCH', () =>
    chief.page.getByRole('button', { name: '发布修改' }).click(),
  )
  const published = await newsroom.staff.anonymous.get(`/api/articles/${id}?depth=0`)
  expect(published.status).toBe(200)
  expect(published.body).toMatchObject({ _status: 'published', title, responsibleEditorName: STAFF_NAME['editor-in-chief'] })
  expect((await articleApi(id)).reviewState).toBe('approved')

  // A reader finds it exactly once in each list it belongs to (no draft or version beside it), and reads it.
  const reader = await browser.visit('reader')
  await reader.page.goto('/')
  for (const list of ['最新文章', newsroom.channel.parent.name]) {
    expect(await reader.page.getByRole('region', { name: list }).getByRole('link', { name: title }).count()).toBe(1)
  }
  await reader.page.goto(`/channels/${newsroom.channel.slug}`)
  expect(await reader.page.getByRole('link', { name: title }).count()).toBe(1)
  await reader.page.getByRole('link', { name: title }).click()
  await reader.page.waitForURL(`**/articles/${published.body.slug}`)

  const article = reader.page
  expect(await article.getByTestId('article-title').innerText()).toBe(title)
  expect(await article.getByTestId('article-source').innerText()).toBe('来源：新华社')
  expect(await article.getByTestId('article-time').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  const bylines = article.getByTestId('bylines').getByRole('link')
  expect(await bylines.count()).toBe(2)
  for (const [index, author] of newsroom.authors.entries()) {
    expect(await bylines.nth(index).innerText()).toContain(author.name)
    expect(await bylines.nth(index).getAttribute('href')).toBe(`/authors/${author.slug}`)
  }
  const breadcrumb = article.getByRole('navigation', { name: '面包屑' })
  expect(await breadcrumb.getByRole('link', { name: newsroom.channel.parent.name }).getAttribute('href')).toBe(`/channels/${newsroom.channel.parent.slug}`)
  expect(await breadcrumb.getByRole('link', { name: newsroom.channel.name }).getAttribute('href')).toBe(`/channels/${newsroom.channel.slug}`)
  const articleBody = article.getByTestId('article-body')
  expect(await articleBody.getByRole('heading', { level: 2, name: heading }).innerText()).toBe(heading)
  expect(await articleBody.getByRole('link', { name: linkText }).getAttribute('href')).toBe('https://www.pbc.gov.cn/')
  const figure = articleBody.locator('figure')
  await figure.getByRole('img', { name: alt }).waitFor()
  expect(await figure.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  expect(await figure.locator('figcaption').innerText()).toContain(caption)
  expect(await articleBody.innerText()).toContain(closing)
  expect(await article.getByTestId('responsible-editor').innerText()).toBe(`【责任编辑:${STAFF_NAME['editor-in-chief']}】`)

  // The font size control changes the body's size and says which is chosen.
  const fontSize = () => articleBody.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
  const sizes = article.getByTestId('font-size-control')
  const pick = async (size: string) => {
    await sizes.getByRole('button', { name: size, exact: true }).click()
    await eventually(async () => expect(await sizes.getByRole('button', { name: size, exact: true }).getAttribute('aria-pressed')).toBe('true'))
    return fontSize()
  }
  expect(await pick('小')).toBeLessThan(await pick('大'))

  expect(await seriousA11yViolations(article)).toEqual([])
}, 240_000)

it('a reader reports an error in a sentence they select; the editor-in-chief accepts it and publishes a notice, shown on the article and in the corrections log', async () => {
  const wrong = '上半年社会融资规模增量累计为18.2万亿元。'
  const { id, slug } = await publishArticle(newsroom, {
    title: `上半年金融数据出炉 ${Date.now().toString(36)}`,
    paragraphs: ['人民银行发布上半年金融统计数据报告。', wrong, '广义货币余额同比增长6.2%。'],
  })
  const notice = '本文原称上半年社会融资规模增量为18.2万亿元，应为18.22万亿元，特此更正。'

  // The reader selects the sentence; 【纠错】 starts from it.
  const reader = await browser.visit('reader')
  await reader.page.goto(`/articles/${slug}`)
  await reader.page.getByTestId('article-body').getByText(wrong).selectText()
  await reader.page.getByTestId('correction-open').click()
  const form = reader.page.getByTestId('correction-form')
  expect(await form.locator('textarea[name="quote"]').inputValue()).toBe(wrong)
  await form.locator('textarea[name="suggestion"]').fill('应为18.22万亿元')
  await form.getByRole('button', { name: '提交' }).click()
  await eventually(async () => expect(await reader.page.getByTestId('correction-status').innerText()).toContain('感谢'))
  const request = (await newsroom.staff.editor.get(`/api/correction-requests?where[article][equals]=${id}`)).body.docs[0]
  expect(request).toMatchObject({ quote: wrong, suggestion: '应为18.22万亿元', status: 'new', quoteFound: true })

  // The editor-in-chief triages and accepts it in the admin, then adds the notice and publishes.
  const chief = await browser.visit('editor-in-chief')
  const { page } = chief
  await logIntoAdmin(page, STAFF_EMAIL['editor-in-chief'])
  await openFromList(page, '/admin/collections/correction-requests', wrong)
  expect(page.url()).toMatch(new RegExp(`/correction-requests/${request.id}$`))
  for (const status of ['已分诊', '已采纳']) {
    await choose(page, 'status', status)
    await answerTo(page, (res) => res.url().includes(`/api/correction-requests/${request.id}`) && res.request().method() === 'PATCH', () =>
      page.getByRole('button', { name: '保存' }).click(),
    )
  }
  expect((await newsroom.staff.editor.get(`/api/correction-requests/${request.id}`)).body.status).toBe('accepted')

  await page.goto(`/admin/collections/articles/${id}`, { waitUntil: 'networkidle' })
  await page.getByRole('button', { name: '添加 更正说明' }).click()
  const row = page.locator('#field-corrections .array-field__row').last()
  await row.locator('textarea').fill(notice)
  await choose(page, 'corrections__0__request', request.title)
  await answerTo(page, (res) => res.url().includes(`/api/articles/${id}`) && res.request().method() === 'PATCH', () =>
    page.getByRole('button', { name: '发布修改' }).click(),
  )

  await reader.page.reload()
  const notices = reader.page.getByTestId('correction-notices')
  expect(await notices.innerText()).toContain(notice)
  expect(await notices.innerText()).toContain('更正')
  await reader.page.goto('/corrections')
  expect(await reader.page.getByText(notice).count()).toBe(1)
}, 240_000)

it('shows dates in the Chinese admin one way, in Beijing time, even in a browser set to another time zone', async () => {
  const title = `人民币汇率中间价调升 ${Date.now().toString(36)}`
  // 19:18 on 6 December in UTC is 03:18 on the 7th in Beijing.
  const created = await newsroom.staff.editor.post('/api/articles', { title, publishedAt: '2026-12-06T19:18:00.000Z' })
  expect(created.status).toBe(201)
  const { page } = await browser.visit('editor-abroad', { timezoneId: 'Europe/London' })
  await logIntoAdmin(page, STAFF_EMAIL.editor)
  await page.goto(`/admin/collections/articles?search=${encodeURIComponent(title)}`)
  const row = page.locator('tbody tr', { hasText: title })
  await row.waitFor()
  // The admin writes dates once its date library for the language has loaded (加载中... until then).
  await eventually(async () => expect(await row.locator('.cell-publishedAt').innerText()).toBe('2026年12月7日 03:18'))

  await page.goto(`/admin/collections/articles/${created.body.doc.id}`)
  const publishedAt = page.locator('#field-publishedAt input').first()
  await eventually(async () => expect(await publishedAt.inputValue()).toBe('2026年12月7日 03:18'))
  // The timestamps the admin writes itself use the same pattern.
  const stamps = page.locator('.doc-controls__list-item', { hasText: /修改时间|创建时间/ })
  for (const text of await stamps.allInnerTexts()) expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)
  expect(await stamps.count()).toBeGreaterThan(0)
}, 120_000)

it('an editor picks a notice\'s source among the article\'s own requests, sees who sent one by name, and picks channels by their path', async () => {
  const paragraphs = ['央行公布11月外汇储备规模为3.2万亿美元。', '黄金储备连续第十三个月增加。']
  const [own, other] = [
    await publishArticle(newsroom, { title: `外汇储备规模 ${Date.now().toString(36)}`, paragraphs }),
    await publishArticle(newsroom, { title: `黄金储备增加 ${Date.now().toString(36)}`, paragraphs }),
  ]
  const reader = await signUpReader(browser.server(), { email: 'careful@readers.test', displayName: '细心的读者' })
  const sent = await reader.post('/api/correction-requests', { article: own.id, errorType: 'fact', quote: paragraphs[1] })
  expect(sent.status).toBe(201)
  expect((await newsroom.staff.anonymous.post('/api/correction-requests', { article: other.id, errorType: 'figure', quote: paragraphs[0] })).status).toBe(201)
  const request = (await newsroom.staff.editor.get(`/api/correction-requests/${sent.body.doc.id}`)).body
  const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(new Date(request.createdAt))

  const editor = await browser.visit('editor')
  const { page } = editor
  await logIntoAdmin(page, STAFF_EMAIL.editor)

  // The request: its reader by display name (editors may not open readers' accounts, and nothing asks
  // for one: any 403 fails the test).
  await page.goto(`/admin/collections/correction-requests/${request.id}`, { waitUntil: 'networkidle' })
  expect(await page.locator('#field-readerName').inputValue()).toBe('细心的读者')
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`#${request.id} · ${day} · 事实错误 · 「${paragraphs[1]}」`)

  // A notice on the article: its source is one of this article's requests, named by number, day and error type.
  await page.goto(`/admin/collections/articles/${own.id}`, { waitUntil: 'networkidle' })
  await page.getByRole('button', { name: '添加 更正说明' }).click()
  const source = page.locator('#field-corrections__0__request')
  await source.locator('.rs__control').click()
  await eventually(async () => expect(await source.getByRole('option').allInnerTexts()).toEqual([`#${request.id} · ${day} · 事实错误 · 「${paragraphs[1]}」`]))
  await page.keyboard.press('Escape')

  // The channel picker names each channel by its path.
  const channel = page.locator('#field-category')
  await channel.locator('.rs__control').click()
  await eventually(async () => expect(await channel.getByRole('option').allInnerTexts()).toEqual(expect.arrayContaining([newsroom.channel.parent.name, channelPath()])))
  expect(await channel.getByRole('option', { name: newsroom.channel.name, exact: true }).count()).toBe(0)
  await page.keyboard.press('Escape')
}, 240_000)

it('the article list filters by 审核状态 and sorts by it in the order of the workflow', async () => {
  const tag = Date.now().toString(36)
  const [draft, inReview, sentBack, approved] = [`筛选草稿 ${tag}`, `筛选待审 ${tag}`, `筛选退回 ${tag}`, `筛选通过 ${tag}`]
  // Created in another order than the workflow's, so neither the ids nor the titles sort like it.
  await reviewedDraft(newsroom, { title: approved }, ['submit', 'approve'])
  await reviewedDraft(newsroom, { title: inReview }, ['submit'])
  await reviewedDraft(newsroom, { title: draft })
  await reviewedDraft(newsroom, { title: sentBack }, ['submit', 'request-changes'])

  const { page } = await browser.visit('editor-in-chief')
  await logIntoAdmin(page, STAFF_EMAIL['editor-in-chief'])
  await page.goto('/admin/collections/articles', { waitUntil: 'networkidle' })
  // 审核状态 is offered in the list's filters (server-written and read-only as it is), with its states by their names.
  await page.getByRole('button', { name: '过滤条件' }).click()
  await page.getByRole('button', { name: '添加过滤条件' }).click()
  const condition = page.locator('.where-builder .condition').first()
  await condition.locator('.condition__field .rs__control').click()
  await page.locator('.rs__option', { hasText: /^审核状态$/ }).click()
  await condition.locator('.condition__value .rs__control').click()
  expect(await condition.locator('.rs__option').allInnerTexts()).toEqual(['草稿', '待审核', '需修改', '已通过'])
  await condition.locator('.rs__option', { hasText: /^待审核$/ }).click()
  await page.waitForURL(/reviewState.*=in-review/)
  await eventually(async () => {
    const titles = await columnOf(page, '标题')
    expect(titles).toContain(inReview)
    expect(titles.filter((title) => title.endsWith(tag))).toEqual([inReview])
    expect(new Set(await columnOf(page, '审核状态'))).toEqual(new Set(['待审核']))
  })

  // Sorted by 审核状态: 草稿, 待审核, 需修改, 已通过 (the workflow's order, not the alphabet's), and back.
  await page.goto(`/admin/collections/articles?search=${tag}`, { waitUntil: 'networkidle' })
  const sortBy = (direction: 'asc' | 'desc') => page.locator('.table thead th', { hasText: '审核状态' }).locator(`.sort-column__${direction}`).click()
  await sortBy('asc')
  await eventually(async () => expect(await columnOf(page, '标题')).toEqual([draft, inReview, sentBack, approved]))
  await sortBy('desc')
  await eventually(async () => expect(await columnOf(page, '标题')).toEqual([approved, sentBack, inReview, draft]))
}, 120_000)

it("the editor-in-chief's dashboard lists what waits for approval, the longest waiting first, and opens it; an editor's shows their own articles sent back instead", async () => {
  const tag = Date.now().toString(36)
  const [first, second, sentBack] = [`先提交的稿件 ${tag}`, `后提交的稿件 ${tag}`, `被退回的稿件 ${tag}`]
  // Drafted in the other order: the queue goes by when each was submitted, not by when it was made.
  const secondId = await reviewedDraft(newsroom, { title: second })
  const firstId = await reviewedDraft(newsroom, { title: first, responsibleEditor: newsroom.staff.ids['editor-in-chief'] }, ['submit'])
  expect((await newsroom.staff.editor.post(`/api/articles/${secondId}/review`, { action: 'submit' })).status).toBe(200)
  await reviewedDraft(newsroom, { title: sentBack }, ['submit', 'request-changes'])

  const chief = await browser.visit('editor-in-chief')
  await logIntoAdmin(chief.page, STAFF_EMAIL['editor-in-chief'])
  const queue = chief.page.getByRole('region', { name: '待审核' })
  expect(await queue.getByRole('link', { name: tag }).allInnerTexts()).toEqual([first, second])
  const entry = queue.getByRole('listitem').filter({ has: chief.page.getByRole('link', { name: first }) })
  const submittedAt = (await articleApi(firstId)).reviewHistory.find((entry: { action: string }) => entry.action === 'submit').at
  expect(await entry.innerText()).toContain(`责任编辑：${STAFF_NAME['editor-in-chief']} · 创建人：${STAFF_NAME.editor} · 提交于 ${inBeijing(submittedAt)}`)
  await queue.getByRole('link', { name: first }).click()
  await chief.page.waitForURL(new RegExp(`/admin/collections/articles/${firstId}$`))
  // The whole queue is the article list filtered to 待审核.
  await chief.page.goto('/admin', { waitUntil: 'networkidle' })
  await queue.getByRole('link', { name: '在文章列表中查看' }).click()
  await chief.page.waitForURL(/reviewState.*=in-review/)
  await eventually(async () => {
    expect(await columnOf(chief.page, '标题')).toEqual(expect.arrayContaining([first, second]))
    expect(new Set(await columnOf(chief.page, '审核状态'))).toEqual(new Set(['待审核']))
  })

  const editor = await browser.visit('editor')
  await logIntoAdmin(editor.page, STAFF_EMAIL.editor)
  await editor.page.getByRole('region', { name: '需修改' }).getByRole('link', { name: sentBack }).waitFor()
  expect(await editor.page.getByRole('region', { name: '需修改' }).innerText()).toContain(REQUESTED_CHANGES)
  expect(await editor.page.getByRole('region', { name: '待审核' }).count()).toBe(0)
}, 120_000)

it('保存草稿 saves the draft now; leaving with changes not yet saved asks first, and nothing once they are saved', async () => {
  const tag = Date.now().toString(36)
  const id = await reviewedDraft(newsroom, { title: `保存草稿 ${tag}` })
  const { page } = await browser.visit('editor')
  await logIntoAdmin(page, STAFF_EMAIL.editor)
  await page.goto(`/admin/collections/articles/${id}`, { waitUntil: 'networkidle' })
  const title = page.getByLabel('标题')

  // Saved at the click, before autosave would have: the API has the new title once the save answers.
  const saved = `保存草稿 ${tag} 第二稿`
  await title.fill(saved)
  const isSaveDraft = (res: Response) => res.url().includes(`/api/articles/${id}?`) && res.request().method() === 'PATCH' && !res.url().includes('autosave=true')
  await answerTo(page, isSaveDraft, () => page.getByRole('button', { name: '保存草稿' }).click())
  expect((await articleApi(id)).title).toBe(saved)
  await page.getByText('草稿成功保存').waitFor()

  // A change autosave has not taken yet: leaving through the admin's breadcrumbs asks first; staying keeps it, and autosave saves it.
  const unsaved = `保存草稿 ${tag} 第三稿`
  const toArticleList = page.locator('.step-nav').getByRole('link', { name: '文章', exact: true })
  const autosaved = page.waitForResponse((res) => res.url().includes(`/api/articles/${id}?`) && res.url().includes('autosave=true'))
  await title.fill(unsaved)
  await toArticleList.click()
  await page.getByRole('heading', { name: '离开而不保存' }).waitFor()
  await page.getByRole('button', { name: '停留在此页面' }).click()
  expect(page.url()).toMatch(new RegExp(`/admin/collections/articles/${id}$`))
  expect((await autosaved).ok()).toBe(true)
  expect((await articleApi(id)).title).toBe(unsaved)

  // Everything saved: leaving asks nothing.
  await toArticleList.click()
  await page.waitForURL((url) => url.pathname === '/admin/collections/articles')

  // The browser asks too (closing the tab, reloading) while a change waits for autosave; the page stays if told to.
  await openFromList(page, '/admin/collections/articles', unsaved)
  await title.fill(`保存草稿 ${tag} 第四稿`)
  const asked = page.waitForEvent('dialog')
  await page.close({ runBeforeUnload: true })
  const dialog = await asked
  expect(dialog.type()).toBe('beforeunload')
  await dialog.dismiss()
  expect(page.isClosed()).toBe(false)
}, 120_000)
