import { lexicalToPlainText, normaliseQuote, quoteOccursIn } from '../../../../src/lib/corrections'

describe('normaliseQuote', () => {
  it('folds full-width letters and digits and lower-cases', () => {
    expect(normaliseQuote('ＣＰＩ同比上涨２％')).toBe('cpi同比上涨2')
    expect(normaliseQuote('GDP')).toBe(normaliseQuote('ｇｄｐ'))
  })

  it('removes every kind of whitespace, ideographic space and line breaks included', () => {
    expect(normaliseQuote(' 央行\u3000宣布\t降准\n0.5 个百分点\u00a0')).toBe('央行宣布降准0.5个百分点')
  })

  it('removes Chinese punctuation and quotation marks', () => {
    expect(normaliseQuote('“降准”‘落地’，市场！为何？、：；（）《人民日报》「」『』——……·')).toBe('降准落地市场为何人民日报')
  })

  it('removes ASCII punctuation and quotes', () => {
    expect(normaliseQuote(`"A-share" (A股) isn't: up; down! [ok]? {x} <y> $1 +2 =3 ~4 | ^ \` @ # & * _ / \\`)).toBe(
      'asharea股isntupdownokxy1234',
    )
  })

  it('removes zero-width and other invisible characters', () => {
    expect(normaliseQuote('降\u200b准\u200c落\u200d地\u2060了\ufeff\u00ad')).toBe('降准落地了')
  })

  it('keeps a decimal point between digits, so 5.2% and 52% stay different, but drops thousands separators', () => {
    expect(normaliseQuote('增长5.2%')).toBe('增长5.2')
    expect(normaliseQuote('增长５．２％')).toBe('增长5.2')
    expect(normaliseQuote('增长52%')).toBe('增长52')
    expect(normaliseQuote('1,000亿元')).toBe('1000亿元')
    expect(normaliseQuote('截至2024年3月。5日起')).toBe('截至2024年3月5日起')
    expect(normaliseQuote('第3. 5条')).toBe('第35条')
  })

  it('returns the empty string for text that is only punctuation and space, and for non-strings', () => {
    expect(normaliseQuote('，。 “” \u200b')).toBe('')
    expect(normaliseQuote(undefined as unknown as string)).toBe('')
  })
})

describe('quoteOccursIn', () => {
  const article = [
    '央行宣布全面降准0.5个百分点',
    '中国人民银行决定，于2024年2月5日下调金融机构存款准备金率0.5个百分点。',
    '此次降准共计释放长期资金约1万亿元，“稳增长”信号明确。',
    '金融机构加权平均存款准备金率历次调整示意',
  ].join('\n')

  it('finds a Chinese quote copied exactly', () => {
    expect(quoteOccursIn(article, '释放长期资金约1万亿元')).toBe(true)
  })

  it('finds a quote whose punctuation and spacing differ from the article', () => {
    expect(quoteOccursIn(article, '中国人民银行决定 于2024年2月5日下调')).toBe(true)
    expect(quoteOccursIn(article, '约1万亿元,"稳增长"信号')).toBe(true)
    expect(quoteOccursIn(article, '约１万亿元　稳增长信号明确！')).toBe(true)
  })

  it('finds a quote spanning a paragraph break and a caption', () => {
    expect(quoteOccursIn(article, '信号明确。金融机构加权')).toBe(true)
  })

  it('does not find a passage that is not there, or a different figure', () => {
    expect(quoteOccursIn(article, '释放长期资金约2万亿元')).toBe(false)
    expect(quoteOccursIn(article, '存款准备金率05个百分点')).toBe(false)
  })

  it('never matches an empty or punctuation-only quote', () => {
    expect(quoteOccursIn(article, '')).toBe(false)
    expect(quoteOccursIn(article, '   ')).toBe(false)
    expect(quoteOccursIn(article, '，。“”')).toBe(false)
    expect(quoteOccursIn('', '降准')).toBe(false)
  })
})

// In exactly the shape the admin saves (see src/seed/lexical.ts).
const el = { direction: 'ltr', format: '', indent: 0, version: 1 }
const text = (value: string, format = 0) => ({ type: 'text', detail: 0, format, mode: 'normal', style: '', text: value, version: 1 })
const body = {
  root: {
    type: 'root',
    ...el,
    children: [
      { type: 'paragraph', ...el, textFormat: 0, textStyle: '', children: [text('中国人民银行决定'), text('下调', 1), text('存款准备金率。')] },
      { type: 'heading', tag: 'h2', ...el, children: [text('市场影响')] },
      {
        type: 'list',
        listType: 'bullet',
        start: 1,
        tag: 'ul',
        ...el,
        children: [
          { type: 'listitem', value: 1, ...el, children: [text('释放资金约1万亿元')] },
          { type: 'listitem', value: 2, ...el, children: [text('利好'), text('银行股')] },
        ],
      },
      { type: 'quote', ...el, children: [text('“稳增长”信号明确'), { type: 'linebreak', version: 1 }, text('——某分析师')] },
      {
        type: 'paragraph',
        ...el,
        children: [
          text('详见'),
          { type: 'link', id: 'abc', fields: { url: 'https://www.pbc.gov.cn', newTab: true, linkType: 'custom' }, ...el, version: 3, children: [text('央行公告')] },
          text('全文。'),
        ],
      },
      { type: 'upload', id: 'u1', relationTo: 'media', value: 7, fields: { caption: '存款准备金率调整示意图' }, format: '', version: 3 },
      { type: 'upload', id: 'u2', relationTo: 'media', value: 8, fields: {}, format: '', version: 3 },
      { type: 'paragraph', ...el, children: [] },
      { type: 'horizontalrule', version: 1 },
      { type: 'paragraph', ...el, children: [text('（完）')] },
    ],
  },
}

describe('lexicalToPlainText', () => {
  it('reads a realistic article body: paragraphs, heading, list, quote, link, uploads with and without caption', () => {
    expect(lexicalToPlainText(body)).toBe(
      [
        '中国人民银行决定下调存款准备金率。',
        '市场影响',
        '释放资金约1万亿元',
        '利好银行股',
        '“稳增长”信号明确',
        '——某分析师',
        '详见央行公告全文。',
        '存款准备金率调整示意图',
        '（完）',
      ].join('\n'),
    )
  })

  it('puts each item of a nested list on its own line', () => {
    const nested = {
      root: {
        type: 'root',
        children: [
          {
            type: 'list',
            children: [
              { type: 'listitem', children: [text('一')] },
              { type: 'listitem', children: [{ type: 'list', children: [{ type: 'listitem', children: [text('一之一')] }] }] },
              { type: 'listitem', children: [text('二')] },
            ],
          },
        ],
      },
    }
    expect(lexicalToPlainText(nested)).toBe('一\n一之一\n二')
  })

  it('reads a caption that is itself rich text', () => {
    const state = { root: { type: 'root', children: [{ type: 'upload', fields: { caption: { root: { type: 'root', children: [{ type: 'paragraph', children: [text('图：走势')] }] } } } }] } }
    expect(lexicalToPlainText(state)).toBe('图：走势')
  })

  it('lets quoteOccursIn find quotes across nodes and in captions', () => {
    const plain = lexicalToPlainText(body)
    expect(quoteOccursIn(plain, '决定下调存款准备金率')).toBe(true)
    expect(quoteOccursIn(plain, '详见央行公告全文')).toBe(true)
    expect(quoteOccursIn(plain, '调整示意图')).toBe(true)
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty object', {}],
    ['a string', '中国人民银行'],
    ['a JSON string', JSON.stringify(body)],
    ['a number', 42],
    ['an array', [body]],
    ['a root that is not an object', { root: 'x' }],
    ['a root without children', { root: { type: 'root' } }],
    ['a root whose children are not an array', { root: { children: { type: 'text', text: 'x' } } }],
  ])('returns an empty string for %s', (_label, input) => {
    expect(lexicalToPlainText(input)).toBe('')
  })

  it('skips malformed nodes and keeps the rest', () => {
    const state = {
      root: {
        children: [
          null,
          'text',
          7,
          { type: 'paragraph', children: [null, { type: 'text', text: 42 }, { type: 'text', text: '保留' }, { type: 'text' }] },
          { type: 'upload', fields: null },
          { type: 'upload', fields: { caption: 12 } },
          { type: 'paragraph', children: 'nope' },
        ],
      },
    }
    expect(lexicalToPlainText(state)).toBe('保留')
  })

  it('does not overflow the stack on absurdly deep input', () => {
    let node: Record<string, unknown> = { type: 'text', text: 'deep' }
    for (let i = 0; i < 100_000; i++) node = { type: 'paragraph', children: [node] }
    expect(lexicalToPlainText({ root: { type: 'root', children: [node, { type: 'paragraph', children: [text('浅')] }] } })).toBe('浅')
  })
})
