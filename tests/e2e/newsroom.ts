import type { Page, Response } from 'playwright-core'
import sharp from 'sharp'

import { createStaff, type Staff, STAFF_PASSWORD } from '../helpers/api'
import type { TestServer } from '../helpers/server'

/**
 * What the browser journeys start from, set up over the API (none of it is what they test): staff
 * for every role, a channel tree, two bylines, the footer's settings and a banned word.
 */
export type Newsroom = {
  staff: Staff
  channel: { id: number; name: string; slug: string; parent: { name: string; slug: string } }
  authors: { id: number; name: string; slug: string }[]
  settings: typeof SITE_SETTINGS
  bannedWord: string
}

export const STAFF_EMAIL = {
  'editor-in-chief': 'editor-in-chief@test.newsroom',
  editor: 'editor@test.newsroom',
  moderator: 'moderator@test.newsroom',
} as const
export const STAFF_NAME = { 'editor-in-chief': '王总编', editor: '李编辑', moderator: '赵审核' } as const

export const SITE_SETTINGS = {
  siteName: '楚天财经网',
  copyrightHolder: '楚天财经网络有限公司',
  copyrightStartYear: 2003,
  icpNumber: '鄂ICP备14010628号-2',
  publicSecurityNumber: '鄂公网安备 42010602000123号',
  newsLicenceNumber: '10120190017',
  newsLicenceHolder: '楚天财经网络有限公司',
  newsLicenceCategory: '互联网新闻信息转载服务',
}

export async function seedNewsroom(server: TestServer): Promise<Newsroom> {
  const staff = await createStaff(server)
  const { admin } = staff
  const created = async (path: string, data: object) => {
    const res = await admin.post(path, data)
    if (res.status !== 201) throw new Error(`POST ${path} failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.doc
  }
  const finance = await created('/api/categories', { name: '财经', slug: 'caijing' })
  const macro = await created('/api/categories', { name: '宏观', slug: 'hongguan', parent: finance.id })
  const authors = [
    await created('/api/authors', { name: '宋一禾', slug: 'song-yihe', title: '本网记者' }),
    await created('/api/authors', { name: '顾怀瑾', slug: 'gu-huaijin', title: '特约撰稿人' }),
  ]
  const settings = await admin.post('/api/globals/site-settings', SITE_SETTINGS)
  if (settings.status !== 200) throw new Error(`saving the site settings failed: ${JSON.stringify(settings.body)}`)
  const bannedWord = '赌博'
  await created('/api/screening-words', { phrase: bannedWord, action: 'reject', note: '违法内容' })
  return {
    staff,
    channel: { id: macro.id, name: macro.name, slug: macro.slug, parent: { name: finance.name, slug: finance.slug } },
    authors: authors.map(({ id, name, slug }) => ({ id, name, slug })),
    settings: SITE_SETTINGS,
    bannedWord,
  }
}

/** A published article made over the API, for journeys that start from one. */
export async function publishArticle(newsroom: Newsroom, data: { title: string; paragraphs: string[] }): Promise<{ id: number; slug: string }> {
  const res = await newsroom.staff['editor-in-chief'].post('/api/articles', {
    title: data.title,
    source: '本网',
    category: newsroom.channel.id,
    authors: [newsroom.authors[0].id],
    body: lexicalParagraphs(data.paragraphs),
    _status: 'published',
  })
  if (res.status !== 201) throw new Error(`publishing「${data.title}」failed: ${res.status} ${JSON.stringify(res.body)}`)
  return { id: res.body.doc.id, slug: res.body.doc.slug }
}

/**
 * A draft an editor writes over the API, then taken through review `steps` (`submit` by the editor,
 * `request-changes` and `approve` by the editor-in-chief): articles waiting in each review state.
 */
export async function reviewedDraft(
  newsroom: Newsroom,
  data: { title: string; responsibleEditor?: number },
  steps: ('submit' | 'request-changes' | 'approve')[] = [],
): Promise<number> {
  const res = await newsroom.staff.editor.post('/api/articles', { ...data, source: '本网', _status: 'draft' })
  if (res.status !== 201) throw new Error(`drafting「${data.title}」failed: ${res.status} ${JSON.stringify(res.body)}`)
  const id: number = res.body.doc.id
  for (const action of steps) {
    const by = action === 'submit' ? newsroom.staff.editor : newsroom.staff['editor-in-chief']
    const step = await by.post(`/api/articles/${id}/review`, { action, note: action === 'request-changes' ? REQUESTED_CHANGES : undefined })
    if (step.status !== 200) throw new Error(`${action} of「${data.title}」failed: ${step.status} ${JSON.stringify(step.body)}`)
  }
  return id
}

/** The note with which `reviewedDraft` sends an article back. */
export const REQUESTED_CHANGES = '请补充数据来源'

function lexicalParagraphs(paragraphs: string[]) {
  const text = (value: string) => ({ type: 'text', text: value, detail: 0, format: 0, mode: 'normal', style: '', version: 1 })
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((paragraph) => ({ type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, children: [text(paragraph)] })),
    },
  }
}

/** A small JPEG chart for the upload journey. */
export async function chartJpeg(): Promise<Buffer> {
  const bars = [120, 90, 70, 50]
    .map((height, index) => `<rect x="${40 + index * 70}" y="${200 - height}" width="40" height="${height}" fill="#1f5fa8"/>`)
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="220"><rect width="360" height="220" fill="#fff"/>${bars}</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}

/** Logs into the admin through its login form. */
export async function logIntoAdmin(page: Page, email: string, password = STAFF_PASSWORD): Promise<void> {
  await page.goto('/admin/login', { waitUntil: 'networkidle' })
  await page.getByLabel('电子邮件').fill(email)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => url.pathname === '/admin')
}

/** Opens a document from an admin list by its title link, once the list page has settled (hydrated). */
export async function openFromList(page: Page, listPath: string, title: string): Promise<void> {
  await page.goto(listPath, { waitUntil: 'networkidle' })
  await page.getByRole('link', { name: title }).click()
  await page.waitForURL((url) => url.pathname.startsWith(`${listPath}/`))
}

/** Picks an option in one of the admin's relationship or select fields (react-select). */
export async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.locator(`#field-${field} .rs__control`).click()
  await page.locator(`#field-${field}`).getByRole('option', { name: option, exact: true }).click()
}

/** Waits for the answer to a request the next action makes, and checks it succeeded. */
export async function answerTo(page: Page, matches: (response: Response) => boolean, action: () => Promise<void>): Promise<Response> {
  const [response] = await Promise.all([page.waitForResponse(matches), action()])
  if (!response.ok()) throw new Error(`${response.request().method()} ${response.url()} answered ${response.status()}: ${await response.text()}`)
  return response
}

/**
 * Retries `attempt` until it stops throwing (an assertion on what the page or the server is still
 * doing, such as the admin's autosave or a status line filled in after a request) and returns its result.
 */
export async function eventually<T>(attempt: () => Promise<T>, withinMs = 20_000): Promise<T> {
  const deadline = Date.now() + withinMs
  for (;;) {
    try {
      return await attempt()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}
