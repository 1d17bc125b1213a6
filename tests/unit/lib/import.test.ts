import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { archiveEntry as archiveEntryOf, type ArchiveArticle, type ArchiveComment, parseArchiveDate } from '../../../src/lib/import/archive'
import { htmlText, type ImagePlacement, parseBody } from '../../../src/lib/import/htmlToLexical'
import { imageTypeOf } from '../../../src/lib/media/imageFiles'
import { imageSourceOf } from '../../../src/lib/import/images'
import { parseJsonLines as parseJsonLinesOf } from '../../../src/lib/import/jsonl'
import { comparableBody, type LexicalNode } from '../../../src/lib/import/lexicalBody'
import { isPrivateAddress } from '../../../src/lib/net/publicAddresses'
import { isSafeLink } from '../../../src/lib/richText/safeLinks'
import { WxrItemSplitter } from '../../../src/lib/import/wxrItems'
import { emptyReport, formatSummary, type ImportReport, progressLine, recordOutcome } from '../../../src/lib/import/report'
import { MESSAGES } from '../../../src/lib/i18n/messages'
import { type Language, type Message, translate } from '../../../src/lib/i18n/translate'
import { parseWxr as parseWxrOf, wordpressParagraphs } from '../../../src/lib/import/wxr'

/** What the importer says of an archive, as an operator reads it in `language`: every message put in words. */
type Read<T> = T extends Message ? string : T extends Date ? Date : T extends readonly (infer U)[] ? Read<U>[] : T extends object ? { [K in keyof T]: Read<T[K]> } : T
const isMessage = (value: object): value is Message => typeof (value as Message).code === 'string' && (value as Message).code in MESSAGES
function read<T>(value: T, language: Language = 'en'): Read<T> {
  if (Array.isArray(value)) return value.map((item) => read(item, language)) as Read<T>
  if (value === null || typeof value !== 'object' || value instanceof Date) return value as Read<T>
  if (isMessage(value)) return translate(value, language) as Read<T>
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, read(item, language)])) as Read<T>
}
const parseJsonLines = (text: string) => read(parseJsonLinesOf(text))
const parseWxr = (text: string) => read(parseWxrOf(text))
const AT_LINE_1: Message = { code: 'IMPORT_AT_LINE', values: { line: 1 } }
const archiveEntry = (...args: Parameters<typeof archiveEntryOf>) => read(archiveEntryOf(...args))

const samples = fileURLToPath(new URL('../../../samples/import', import.meta.url))
const line = (fields: Record<string, unknown>) => JSON.stringify({ title: '央行开展逆回购操作', ...fields })
const archiveArticle = (fields: Partial<ArchiveArticle>): ArchiveArticle => ({
  title: '',
  authors: [],
  categoryPath: [],
  tags: [],
  status: 'published',
  html: '',
  images: [],
  comments: [],
  ...fields,
})

describe('parseArchiveDate', () => {
  it('reads ISO dates with an offset as given, and without one as Beijing time', () => {
    expect(parseArchiveDate('2024-04-18T02:15:00Z')?.toISOString()).toBe('2024-04-18T02:15:00.000Z')
    expect(parseArchiveDate('2024-04-12T09:30:00+08:00')?.toISOString()).toBe('2024-04-12T01:30:00.000Z')
    expect(parseArchiveDate('2024-04-15 14:00')?.toISOString()).toBe('2024-04-15T06:00:00.000Z')
    expect(parseArchiveDate('2024-04-15')?.toISOString()).toBe('2024-04-14T16:00:00.000Z')
  })
  it.each(['2024-02-30', '2024-04-15T25:00', '15/04/2024', 'yesterday', ''])('refuses %p', (text) => {
    expect(parseArchiveDate(text)).toBeNull()
  })
})

describe('parseJsonLines', () => {
  it('reads every field of the sample, reports its malformed line, and titles its line without a title from the body', () => {
    const { entries, problems } = parseJsonLines(readFileSync(path.join(samples, 'archive.jsonl'), 'utf8'))
    expect(entries.map((entry) => entry.at)).toEqual(['line 1', 'line 2', 'line 3', 'line 5', 'line 6', 'line 7'])
    expect(problems).toEqual([{ at: 'line 4', reason: expect.stringMatching(/^not valid JSON/) }])
    expect(entries[0].article).toEqual({
      originalId: 'cj-2024-0412',
      title: '一季度居民消费价格温和回升',
      source: '财经观察网',
      summary: expect.stringContaining('核心通胀'),
      authors: ['陈静'],
      categoryPath: ['财经', '宏观'],
      tags: ['CPI', '物价'],
      publishedAt: new Date('2024-04-12T01:30:00Z'),
      status: 'published',
      html: expect.stringContaining('<h2>食品与服务价格走势分化</h2>'),
      images: ['images/cpi-chart.png'],
      comments: [],
    })
    expect(entries[0].warnings).toEqual([])
    expect(entries[2].article.categoryPath).toEqual(['财经', '证券'])
    expect(entries[4]).toMatchObject({
      article: { title: '四月制造业采购经理指数回落至荣枯线下方，…', status: 'draft', tags: ['PMI'] },
      warnings: ['no title: imported as a draft titled "四月制造业采购经理指数回落至荣枯线下方，…"'],
    })
    expect(entries[5].article).toMatchObject({ status: 'draft', publishedAt: undefined })
  })

  it('reads HTML in a title as text', () => {
    const [entry] = parseJsonLines(line({ title: '<strong>降准</strong>落地 &amp; 银行&#8220;开门红&#8221;' })).entries
    expect(entry.article).toMatchObject({ title: '降准落地 & 银行“开门红”', status: 'published' })
    expect(entry.warnings).toEqual([])
  })

  it.each([
    ['missing', {}],
    ['empty', { title: '' }],
    ['white space', { title: ' \u3000 ' }],
    ['markup alone', { title: '<br>' }],
  ])('imports a line whose title is %s as a draft titled from its body', (_, fields) => {
    const [entry] = parseJsonLines(JSON.stringify({ html: '<p>银行间市场资金面整体平稳。</p>', ...fields })).entries
    expect(entry.article).toMatchObject({ title: '银行间市场资金面整体平稳。', status: 'draft' })
    expect(entry.warnings).toEqual(['no title: imported as a draft titled "银行间市场资金面整体平稳。"'])
  })

  it.each([
    ['title', { title: 42 }, 'Expected text'],
    ['title', { title: '长'.repeat(201) }, 'At most 200 characters'],
    ['title', { title: `<b>${'长'.repeat(201)}</b>` }, 'At most 200 characters'],
    ['authors', { authors: '陈静' }, 'expected a list of text'],
    ['tags', { tags: ['好'.repeat(41)] }, `"${'好'.repeat(41)}" is longer than 40 characters`],
    ['publishedAt', { publishedAt: '2024-13-01' }, '"2024-13-01" is not an ISO 8601 date or date-time'],
    ['status', { status: 'publish' }, 'Expected one of: "published" or "draft"'],
    ['slug', { slug: 'Not A Slug' }, 'only lower-case letters, digits and single hyphens'],
  ])('names the field %s when it is wrong', (field, fields, reason) => {
    expect(parseJsonLines(line(fields)).problems).toEqual([{ at: 'line 1', field, reason }])
  })

  it('goes on after a bad line, ignores blank lines and a byte-order mark, and counts lines from 1', () => {
    const { entries, problems } = parseJsonLines(`\uFEFF${line({ id: 7 })}\n\n[1, 2]\r\n${line({ category: '行业资讯/保险', status: 'draft' })}\n`)
    expect(entries.map((entry) => [entry.at, entry.article.originalId, entry.article.categoryPath])).toEqual([
      ['line 1', '7', []],
      ['line 4', undefined, ['行业资讯', '保险']],
    ])
    expect(problems).toEqual([{ at: 'line 3', reason: 'not a JSON object' }])
  })
})

describe('parseWxr', () => {
  const { entries, problems } = parseWxr(readFileSync(path.join(samples, 'wordpress.xml'), 'utf8'))
  const byId = (id: string) => entries.find((entry) => entry.article.originalId === id)!.article

  it('reads posts only: not pages, attachments or the trash', () => {
    expect(problems).toEqual([])
    expect(entries.map((entry) => entry.at)).toEqual(['item 2 (post 101)', 'item 3 (post 102)', 'item 4 (post 104)', 'item 5 (post 105)', 'item 6 (post 106)'])
  })

  it('reads authors by display name, the deepest category as a path from the channel, tags, dates and the featured image', () => {
    expect(byId('101')).toMatchObject({
      title: '央行开展MLF操作 中期流动性保持合理充裕',
      slug: 'mlf-april',
      summary: expect.stringContaining('中期借贷便利'),
      authors: ['何晓雨'],
      categoryPath: ['财经', '宏观'],
      tags: ['MLF', '流动性'],
      publishedAt: new Date('2024-04-15T01:30:00Z'),
      status: 'published',
      images: ['images/bond-yields.png'],
    })
    expect(byId('102').categoryPath).toEqual(['财经', '银行'])
    expect(byId('104').categoryPath).toEqual(['行业资讯', '保险'])
  })

  it('turns percent-encoded Chinese slugs into pinyin and decodes numeric character references', () => {
    expect(byId('102').slug).toBe('yin-hang-li-cai-jing-zhi-hua')
    expect(byId('105').title).toBe('“稳增长”政策发力 基建投资增速回升')
  })

  it('keeps a draft a draft, without a publication date', () => {
    expect(byId('106')).toMatchObject({ status: 'draft', publishedAt: undefined, slug: undefined })
  })

  it('refuses a file that is not well-formed, or not a WordPress export', () => {
    expect(() => parseWxr('<rss><channel><item></channel></rss>')).toThrow(/not well-formed XML/)
    expect(() => parseWxr('<feed><entry/></feed>')).toThrow(/not a WordPress export/)
  })

  const post = (id: number, fields: string) => `<item><wp:post_id>${id}</wp:post_id><wp:post_type>post</wp:post_type>${fields}</item>`
  const wxr = (...items: string[]) =>
    parseWxr(`<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${items.join('')}</channel></rss>`)
  const published = '<wp:status>publish</wp:status><wp:post_date_gmt>2024-05-06 02:00:00</wp:post_date_gmt>'

  it('publishes only what WordPress published: pending, private and draft posts stay drafts', () => {
    const { entries } = wxr(
      post(1, `<title>已发布</title>${published}`),
      ...['pending', 'private', 'draft'].map((status, index) => post(index + 2, `<title>${status}</title><wp:status>${status}</wp:status>`)),
    )
    expect(entries.map((entry) => [entry.article.title, entry.article.status])).toEqual([
      ['已发布', 'published'],
      ['pending', 'draft'],
      ['private', 'draft'],
      ['draft', 'draft'],
    ])
  })

  it('keeps a password-protected post a draft, saying why, and the password nowhere', () => {
    const { entries } = wxr(
      post(1, `<title>内部参考</title>${published}<wp:post_password><![CDATA[s3cret]]></wp:post_password>`),
      post(2, `<title>公开</title>${published}<wp:post_password><![CDATA[]]></wp:post_password>`),
    )
    expect(entries[0]).toEqual({
      at: 'item 1 (post 1)',
      article: expect.objectContaining({ title: '内部参考', status: 'draft', publishedAt: new Date('2024-05-06T02:00:00Z') }),
      warnings: ['password-protected: imported as a draft, without the password'],
    })
    expect(JSON.stringify(entries[0])).not.toContain('s3cret')
    expect(entries[1]).toMatchObject({ article: { status: 'published' }, warnings: [] })
  })

  it('imports a post without a title as a draft titled from its body, and reads HTML in a title as text', () => {
    const { entries, problems } = wxr(
      post(1, `<title></title>${published}<content:encoded><![CDATA[央行今日开展7天期逆回购操作，中标利率持平。]]></content:encoded>`),
      post(2, `<title><![CDATA[ <em>降准</em>落地 &amp; 银行&#8220;开门红&#8221; ]]></title>${published}`),
      post(3, `<title>&lt;b&gt;&amp;amp; 旧版导出&lt;/b&gt;</title>${published}`),
    )
    expect(problems).toEqual([])
    expect(entries.map((entry) => [entry.article.title, entry.article.status, entry.warnings])).toEqual([
      ['央行今日开展7天期逆回购操作，中标利率持…', 'draft', ['no title: imported as a draft titled "央行今日开展7天期逆回购操作，中标利率持…"']],
      ['降准落地 & 银行“开门红”', 'published', []],
      ['& 旧版导出', 'published', []],
    ])
  })
})

describe('comments in an archive', () => {
  const fixture = fileURLToPath(new URL('../../fixtures/wordpressComments.xml', import.meta.url))

  it('reads the approved and held comments of a WordPress post, leaving out spam, trash and pingbacks, each reply after its parent', () => {
    const { entries, problems } = parseWxr(readFileSync(fixture, 'utf8'))
    expect(problems).toEqual([])
    expect(entries[0].article.comments).toEqual([
      {
        originalId: '11',
        author: '王磊',
        body: '分析很到位。\n想请教一下：化债政策对利差的影响会持续多久？',
        createdAt: new Date('2024-06-03T02:10:00Z'),
        status: 'approved',
        ip: '203.0.113.7',
      },
      expect.objectContaining({ originalId: '12', parent: '11', author: '林晓', status: 'approved', createdAt: new Date('2024-06-03T03:05:00Z') }),
      expect.objectContaining({ originalId: '13', parent: undefined, author: '赵青', status: 'pending' }),
      // Its parent was spam: the reply stands on its own.
      expect.objectContaining({ originalId: '17', parent: undefined, author: '陈默', body: '楼上是广告，大家别理。' }),
    ])
    expect(JSON.stringify(entries[0].article.comments)).not.toContain('@')
  })

  it('reads the comments of a JSON Lines article, approved unless held, with their thread', () => {
    const [entry] = parseJsonLines(
      line({
        comments: [
          { id: 2, parent: 1, author: '李想', body: '补充一点：\n逆回购利率没有变。', date: '2024-04-18T10:00', status: 'pending' },
          { id: 1, author: '周立', body: '终于等到了。' },
          { id: 3, parent: 99, author: '吴涛', body: '原评论已经不在了。' },
        ],
      }),
    ).entries
    expect(entry.article.comments).toEqual([
      { originalId: '1', parent: undefined, author: '周立', body: '终于等到了。', createdAt: undefined, status: 'approved' },
      { originalId: '2', parent: '1', author: '李想', body: '补充一点：\n逆回购利率没有变。', createdAt: new Date('2024-04-18T02:00:00Z'), status: 'pending' },
      { originalId: '3', parent: undefined, author: '吴涛', body: '原评论已经不在了。', createdAt: undefined, status: 'approved' },
    ])
  })

  it.each([
    [{ comments: '好文章' }, 'comments', 'expected a list of comments'],
    [{ comments: [{ body: '没有编号' }] }, 'comments[0].id', expect.stringMatching(/^required/)],
    [{ comments: [{ id: 1, body: '已删除', status: 'trash' }] }, 'comments[0].status', 'Expected one of: "approved" or "pending"'],
    [{ comments: [{ id: 1, body: '时间不对', date: '昨天' }] }, 'comments[0].date', expect.stringContaining('not an ISO 8601 date')],
    [{ comments: [{ id: 1, body: 42 }] }, 'comments[0].body', 'Expected text'],
  ])('refuses a line whose comments are malformed: %j', (fields, field, reason) => {
    expect(parseJsonLines(line(fields)).problems).toEqual([{ at: 'line 1', field, reason }])
  })

  it('leaves out an empty, overlong or repeated comment with a warning, and breaks a thread that loops', () => {
    const comment = (originalId: string, fields: Partial<ArchiveComment> = {}): ArchiveComment => ({ originalId, author: '', body: '评论', status: 'approved', ...fields })
    const { article, warnings } = archiveEntry(
      AT_LINE_1,
      archiveArticle({
        title: '标题',
        comments: [
          comment('1', { parent: '2' }),
          comment('2', { parent: '1' }),
          comment('3', { body: '' }),
          comment('4', { body: '长'.repeat(2001) }),
          comment('1', { body: '重复' }),
        ],
      }),
    )
    expect(article.comments.map((kept) => [kept.originalId, kept.parent])).toEqual([
      ['2', undefined],
      ['1', '2'],
    ])
    expect(warnings).toEqual([
      'comment 3: no text, left out',
      'comment 4: longer than 2000 characters, left out',
      'comment 1: a second comment with this id, left out',
    ])
  })
})

describe('archiveEntry', () => {
  const titleOf = (html: string) => archiveEntry(AT_LINE_1, archiveArticle({ html })).article.title

  it('titles an untitled article with its first 20 characters, whole ones, never half of one', () => {
    expect(titleOf('<p>短讯</p>')).toBe('短讯')
    expect(titleOf(`<p>${'涨'.repeat(20)}</p>`)).toBe('涨'.repeat(20))
    expect(titleOf(`<p>${'涨'.repeat(19)}😀之后</p>`)).toBe(`${'涨'.repeat(19)}😀…`)
    expect(titleOf(`<p>${'涨'.repeat(19)}🇨🇳之后</p>`)).toBe(`${'涨'.repeat(19)}🇨🇳…`)
    expect(titleOf(`<p>${'𠀀'.repeat(25)}</p>`)).toBe(`${'𠀀'.repeat(20)}…`)
    expect(titleOf('<h2>一季度</h2><p>GDP 同比增长</p>')).toBe('一季度 GDP 同比增长')
    // A character of 60 code units: three fit the title's 200.
    const piled = `a${'\u0301'.repeat(59)}`
    expect(titleOf(piled.repeat(5))).toBe(`${piled.repeat(3)}…`)
  })

  it('titles an article with no text at all （无标题）', () => {
    expect(titleOf('')).toBe('（无标题）')
    expect(titleOf('<p> </p><img src="a.png" alt="图"><script>x()</script>')).toBe('（无标题）')
  })

  it('says each reason an article is a draft', () => {
    expect(archiveEntry({ code: 'IMPORT_AT_ITEM', values: { item: 1, post: '9' } }, archiveArticle({}), { passwordProtected: true })).toEqual({
      at: 'item 1 (post 9)',
      article: archiveArticle({ title: '（无标题）', status: 'draft' }),
      warnings: ['password-protected: imported as a draft, without the password', 'no title: imported as a draft titled "（无标题）"'],
    })
    expect(archiveEntry(AT_LINE_1, archiveArticle({ title: '标题' }))).toEqual({ at: 'line 1', article: archiveArticle({ title: '标题' }), warnings: [] })
  })

  it('holds for a moderator the comments of a post the old site kept from the public, which readers would otherwise list', () => {
    const comments: ArchiveComment[] = [
      { originalId: '1', author: '甲', body: '密码文章下的评论', status: 'approved' },
      { originalId: '2', author: '乙', body: '回复', status: 'approved', parent: '1' },
    ]
    for (const kept of [{ passwordProtected: true }, { privatePost: true }]) {
      const { article, warnings } = archiveEntry(AT_LINE_1, archiveArticle({ title: '内部参考', comments }), kept)
      expect(article.comments.map((comment) => [comment.originalId, comment.status, comment.parent])).toEqual([
        ['1', 'pending', undefined],
        ['2', 'pending', '1'],
      ])
      expect(warnings).toContain('comments held for moderation: the post was not public')
    }
    expect(archiveEntry(AT_LINE_1, archiveArticle({ title: '公开', comments })).article.comments.map((comment) => comment.status)).toEqual(['approved', 'approved'])
  })
})

describe('htmlText', () => {
  it('drops tags and what scripts and styles hold, decodes references, and keeps blocks apart', () => {
    expect(htmlText('<em>降准</em> &amp; &#8220;降息&#8221;&nbsp;&lt;b&gt;')).toBe('降准 & “降息” <b>')
    expect(htmlText('<p>第一段</p><p>第二段<br>换行</p><style>p{}</style><script>alert(1)</script>')).toBe('第一段 第二段 换行')
    expect(htmlText('PMI<50')).toBe('PMI<50')
  })
})

describe('wordpressParagraphs', () => {
  it('makes paragraphs of blank-line separated text, line breaks of single newlines, and leaves blocks alone', () => {
    expect(wordpressParagraphs('第一段\n第二行\n\n<h2>标题</h2>\n正文：\n<ul>\n<li>一</li>\n</ul>')).toBe(
      '<p>第一段<br>\n第二行</p>\n<h2>标题</h2>\n<p>正文：</p>\n<ul>\n<li>一</li>\n</ul>',
    )
  })
  it('keeps the image of a [caption] shortcode', () => {
    expect(wordpressParagraphs('[caption id="a" width="640"]<img src="a.png" alt="图"> 图注[/caption]')).toBe('<p><img src="a.png" alt="图"> 图注</p>')
  })
})

describe('parseBody', () => {
  /** The body's blocks in brief: each a type with its text, links and uploads, enough to see what was kept. */
  const outline = (html: string, placeOf: (src: string) => ImagePlacement = () => null) => {
    const brief = (node: LexicalNode): unknown => {
      if (node.type === 'text') return node.text
      if (node.type === 'link') return { link: (node.fields as { url: string }).url, children: node.children?.map(brief) }
      if (node.type === 'upload') return { upload: node.value }
      return { [String(node.tag ?? node.type)]: node.children?.map(brief) }
    }
    return (parseBody(html).toLexical(placeOf).root.children ?? []).map(brief)
  }

  it('drops scripts, styles, frames, comments and event handlers', () => {
    const html = '<p onclick="steal()">正文<script>alert(1)</script></p><style>p{}</style><iframe src="https://x"></iframe><!-- note --><img src="a.png" onerror="steal()" alt="图">'
    expect(parseBody(html).images).toEqual([{ src: 'a.png', alt: '图' }])
    expect(outline(html)).toEqual([{ paragraph: ['正文'] }])
  })

  it('unwraps links that are not http(s), mailto or tel, however they are disguised', () => {
    const html = '<p><a href="javascript:alert(1)">甲</a><a href=" JaVa&#x0A;script:alert(1)">乙</a><a href="data:text/html,x">丙</a><a href="https://example.com/a">丁</a><a href="/2024/04/x">戊</a><a name="top">己</a></p>'
    expect(outline(html)).toEqual([{ paragraph: ['甲乙丙', { link: 'https://example.com/a', children: ['丁'] }, { link: '/2024/04/x', children: ['戊'] }, '己'] }])
    expect(isSafeLink('mailto:news@example.com')).toBe(true)
    expect(isSafeLink('vbscript:msgbox')).toBe(false)
  })

  it('fits headings to h2–h4 and keeps a linked picture as the picture', () => {
    const html = '<h1>大标题</h1><h5>小标题</h5><a href="https://x/full.png"><img src=" thumb.png " alt="缩略图"></a>'
    expect(parseBody(html).images).toEqual([{ src: 'thumb.png', alt: '缩略图' }])
    expect(outline(html, (src) => (src === 'thumb.png' ? { mediaId: 3 } : null))).toEqual([{ h2: ['大标题'] }, { h4: ['小标题'] }, { upload: 3 }])
  })

  it('makes an image an upload of its own, a link named by its alt text or address, or nothing', () => {
    const html = '<p>前<img src="a.png" alt="甲"> <img src="https://example.com/b.png" alt="乙"><img src="https://example.com/c.png"><img src="d.png">后</p>'
    const placeOf = (src: string): ImagePlacement => (src === 'a.png' ? { mediaId: 7 } : src.startsWith('https:') ? { link: src } : null)
    expect(outline(html, placeOf)).toEqual([
      { paragraph: ['前'] },
      { upload: 7 },
      { paragraph: [{ link: 'https://example.com/b.png', children: ['乙'] }, { link: 'https://example.com/c.png', children: ['https://example.com/c.png'] }, '后'] },
    ])
  })

  it('compares bodies without the random node ids', () => {
    const text = (value: string): LexicalNode => ({ type: 'text', text: value })
    const a = { root: { type: 'root', children: [{ type: 'link', id: 'aaa', children: [text('甲')], fields: { url: 'https://x' } }] } }
    const b = { root: { type: 'root', children: [{ type: 'link', id: 'bbb', children: [text('甲')], fields: { url: 'https://x' } }] } }
    expect(comparableBody(a)).toEqual(comparableBody(b))
  })
})

describe('image sources', () => {
  const dir = '/archives/wp'
  it('takes paths inside the archive folder, URLs as URLs, and refuses other schemes and ways out', () => {
    expect(imageSourceOf('images/a%20b.png', dir)).toEqual({ kind: 'file', path: '/archives/wp/images/a b.png' })
    expect(imageSourceOf('/wp-content/uploads/a.png', dir)).toEqual({ kind: 'file', path: '/archives/wp/wp-content/uploads/a.png' })
    expect(imageSourceOf('//cdn.example.com/a.png', dir)).toEqual({ kind: 'url', url: new URL('https://cdn.example.com/a.png') })
    expect(() => imageSourceOf('../../etc/passwd', dir)).toThrow("outside the archive's folder")
    expect(() => imageSourceOf('data:image/png;base64,AAAA', dir)).toThrow('data: addresses are not imported')
    expect(() => imageSourceOf('file:///etc/passwd', dir)).toThrow('file: addresses are not imported')
  })

  it('tells image formats by their first bytes', () => {
    expect(imageTypeOf(readFileSync(path.join(samples, 'images/cpi-chart.png')))).toEqual({ mimeType: 'image/png', extension: 'png' })
    expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ mimeType: 'image/jpeg', extension: 'jpg' })
    expect(imageTypeOf(Buffer.from('<html>not found</html>'))).toBeNull()
  })

  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', '[::1]', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '64:ff9b::a00:1', 'not-an-address'])(
    '%s is not a public address',
    (address) => {
      expect(isPrivateAddress(address)).toBe(true)
    },
  )
  it.each(['8.8.8.8', '203.0.114.1', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false)
  })
})

describe('the summary', () => {
  const at = (line: number): Message => ({ code: 'IMPORT_AT_LINE', values: { line } })
  const report: ImportReport = {
    file: 'archive.jsonl',
    format: 'jsonl',
    system: 'jsonl',
    dryRun: false,
    outcomes: { created: 1, updated: 0, skipped: 1, failed: 1 },
    articles: [
      { at: at(1), title: '甲', outcome: 'created' },
      { at: at(2), title: '乙', outcome: 'skipped' },
      { at: at(3), outcome: 'failed', field: 'title', reason: { code: 'TEXT_TOO_LONG', values: { max: 200 } } },
      { at: at(4), outcome: 'failed', reason: 'duplicate key value violates unique constraint' },
    ],
    comments: { created: 3, skipped: 2, failed: 1 },
    created: { authors: ['陈静'], categories: ['财经', '财经 > 宏观'], tags: [], images: ['a.png'] },
    warnings: [{ at: at(2), reason: { code: 'IMPORT_IMAGE_LINKED', values: { src: 'https://x/a.png', reason: { code: 'IMPORT_HTTP_STATUS', values: { status: 404 } } } } }],
    elapsedMs: 1234,
  }

  it('counts outcomes on one line and lists failures and warnings where they are', () => {
    const summary = formatSummary(report, 'en')
    expect(summary).toMatch(/^Imported archive\.jsonl \(jsonl, system "jsonl"\) in 1\.2 s\.\n/)
    expect(summary).toContain('articles: 1 created, 0 updated, 1 skipped, 1 failed\ncomments: 3 created, 2 skipped, 1 failed\n')
    expect(summary).toContain('new: 1 authors, 2 categories, 0 tags, 1 images\nnew authors: 陈静\nnew categories: 财经, 财经 > 宏观\n')
    expect(summary).toContain('failed:\n  line 3: title: At most 200 characters\n  line 4: duplicate key value violates unique constraint\n')
    expect(summary).toContain('warnings:\n  line 2: image https://x/a.png: HTTP 404; left as a link')
  })

  it('says it all in Chinese to an operator whose locale is Chinese, text from elsewhere as it came', () => {
    const summary = formatSummary(report, 'zh')
    expect(summary).toMatch(/^已导入 archive\.jsonl（jsonl，来源系统“jsonl”），用时 1\.2 秒。\n/)
    expect(summary).toContain('文章：新建 1，更新 0，跳过 1，失败 1\n评论：新建 3，跳过 2，失败 1\n')
    expect(summary).toContain('新作者：陈静\n新频道：财经、财经 > 宏观\n')
    expect(summary).toContain('失败：\n  第 3 行：title：最多 200 个字符\n  第 4 行：duplicate key value violates unique constraint\n')
    expect(summary).toContain('警告：\n  第 2 行：图片 https://x/a.png：服务器返回 HTTP 404；保留为链接')
    expect(summary).not.toMatch(/created|skipped|warnings|line \d/)
  })

  it('says a dry run wrote nothing and what it would do with each article', () => {
    expect(formatSummary({ ...report, dryRun: true }, 'en')).toMatch(/^Dry run of archive\.jsonl .*nothing was written[^]*\narticles:\n  created line 1: 甲\n  skipped line 2: 乙\n/)
    expect(formatSummary({ ...report, dryRun: true }, 'zh')).toMatch(/^试运行 archive\.jsonl.*未写入任何内容[^]*\n各篇文章：\n  新建 第 1 行：甲\n/)
  })

  it("never passes an archive's control characters or reordering marks on to the operator's terminal", () => {
    const hostile = '\u001b]0;owned\u0007清屏\u001b[2J\r换行\n\u202e反转\u009b'
    const summary = formatSummary({ ...report, dryRun: true, articles: [{ at: at(1), title: hostile, outcome: 'failed', reason: `not valid JSON: "${hostile}"` }] }, 'en')
    expect(summary).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/)
    expect(summary).toContain('  failed  line 1: \\x1b]0;owned\\x07清屏\\x1b[2J\\x0d换行\\x0a\\u202e反转\\x9b\n')
    // The title's own line break does not cut its lines: each line that starts it also ends it.
    const quoting = summary.split('\n').filter((line) => line.includes('清屏'))
    expect(quoting).toHaveLength(2)
    for (const line of quoting) expect(line).toContain('反转')
  })

  it('draws progress through the file with a rate and the time left', () => {
    expect(progressLine({ articles: 5, bytesRead: 500, totalBytes: 1000, elapsedMs: 2000 }, 'en', 10)).toBe('[#####.....] 50%  5 articles  2.5/s  ETA 2 s')
    expect(progressLine({ articles: 12_345, bytesRead: 1, totalBytes: 100, elapsedMs: 10_000 }, 'en', 4)).toBe('[....] 1%  12,345 articles  1234.5/s  ETA 17 min')
    expect(progressLine({ articles: 0, bytesRead: 0, totalBytes: 0, elapsedMs: 0 }, 'en', 4)).toBe('[####] 100%  0 articles  0.0/s  ETA 0 s')
    expect(progressLine({ articles: 0, bytesRead: 0, totalBytes: 10, elapsedMs: 0 }, 'en', 4)).toBe('[....] 0%  0 articles  0.0/s  ETA ?')
    expect(progressLine({ articles: 12_345, bytesRead: 1, totalBytes: 1000, elapsedMs: 10_000 }, 'zh', 4)).toBe('[....] 0%  12,345 篇  每秒 1234.5 篇  剩余 2.8 小时')
  })

  it('keeps the failed articles, and every article only in a dry run', () => {
    const run = emptyReport({ file: 'a.jsonl', format: 'jsonl', system: 'jsonl', dryRun: false })
    recordOutcome(run, { at: at(1), outcome: 'created' })
    recordOutcome(run, { at: at(2), outcome: 'failed', reason: 'x' })
    expect(run.outcomes).toEqual({ created: 1, updated: 0, skipped: 0, failed: 1 })
    expect(run.articles).toEqual([{ at: at(2), outcome: 'failed', reason: 'x' }])
    const dry = emptyReport({ file: 'a.jsonl', format: 'jsonl', system: 'jsonl', dryRun: true })
    recordOutcome(dry, { at: at(1), outcome: 'created' })
    expect(dry.articles).toHaveLength(1)
  })
})

describe('a WordPress export read in pieces', () => {
  const header = '<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>站点</title>'
  const items = [
    '<item><title>甲</title><content:encoded><![CDATA[<p>正文里写着 </item> 和 <item> 也无妨</p>]]></content:encoded></item>',
    '<item>\n<title>乙</title></item>',
    '<item xml:lang="zh"><title>丙</title></item>',
  ]
  const file = `${header}\n${items.join('\n')}\n<itemized>not an item</itemized></channel></rss>`

  it.each([1, 2, 3, 7, 64, file.length])('cuts the same header and items wherever the pieces end (%i characters a piece)', (size) => {
    const splitter = new WxrItemSplitter()
    const found: string[] = []
    for (let start = 0; start < file.length; start += size) found.push(...splitter.push(file.slice(start, start + size)))
    splitter.end()
    expect(splitter.header).toBe(`${header}\n`)
    expect(found).toEqual(items)
  })

  it('refuses a file that ends inside an item, or has no channel', () => {
    const open = new WxrItemSplitter()
    open.push(`${header}<item><title>断`)
    expect(() => open.end()).toThrow(/not well-formed XML/)
    const feed = new WxrItemSplitter()
    feed.push('<feed><entry/></feed>')
    expect(() => feed.end()).toThrow(/not a WordPress export/)
  })
})
