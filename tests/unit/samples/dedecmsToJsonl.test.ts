import { dedecmsLines, readMysqlBatch, type Row } from '../../../samples/dedecms/to-jsonl.mjs'

const types: Row[] = [
  { id: '1', reid: '0', typename: '财经', typedir: '{cmspath}/caijing' },
  { id: '2', reid: '1', typename: '宏观', typedir: '{cmspath}/caijing/hongguan' },
  { id: '3', reid: '2', typename: '货币政策', typedir: '{cmspath}/caijing/hongguan/huobi' },
]

const archive = (fields: Row): Row => ({
  id: '7',
  typeid: '3',
  title: '央行开展逆回购操作',
  writer: '钱多多',
  source: '财经观察网',
  pubdate: '1718343000',
  senddate: '1718340000',
  description: '公开市场净投放资金。',
  keywords: '逆回购,流动性',
  litpic: '',
  arcrank: '0',
  ismake: '1',
  flag: 'h',
  ...fields,
})

const convert = (archives: Row[], addons: Row[] = []) => dedecmsLines({ archives, addons, types })

describe('reading `mysql --batch` output', () => {
  it('takes the header line as column names, undoes the client escapes and reads NULL as null', () => {
    expect(readMysqlBatch('aid\ttypeid\tbody\n7\t3\t<p>一</p>\\n<p>C:\\\\temp\\t二</p>\n8\t3\tNULL\n')).toEqual([
      { aid: '7', typeid: '3', body: '<p>一</p>\n<p>C:\\temp\t二</p>' },
      { aid: '8', typeid: '3', body: null },
    ])
  })

  it('keeps the carriage returns of Windows line ends, which the client writes as they are', () => {
    expect(readMysqlBatch('aid\tbody\n7\t<p>一</p>\r\\n<p>二</p>\n')).toEqual([{ aid: '7', body: '<p>一</p>\r\n<p>二</p>' }])
  })
})

describe('a DedeCMS article as a JSON Lines object', () => {
  it('maps title, writer, source, description, keywords, channel path, Beijing publication time, body and id', () => {
    const { lines, notes } = convert([archive({})], [{ aid: '7', typeid: '3', body: '<p>正文</p>' }])
    expect(notes).toEqual([])
    expect(lines).toEqual([
      {
        id: 7,
        title: '央行开展逆回购操作',
        source: '财经观察网',
        summary: '公开市场净投放资金。',
        authors: ['钱多多'],
        category: ['财经', '宏观', '货币政策'],
        tags: ['逆回购', '流动性'],
        publishedAt: '2024-06-14T13:30:00+08:00',
        status: 'published',
        html: '<p>正文</p>',
      },
    ])
  })

  it('splits keywords at ASCII and full-width commas, and falls back to senddate without a pubdate', () => {
    const [line] = convert([archive({ keywords: '逆回购， 流动性,,', pubdate: '0' })]).lines
    expect(line.tags).toEqual(['逆回购', '流动性'])
    expect(line.publishedAt).toBe('2024-06-14T12:40:00+08:00')
  })

  it('leaves out what the site did not give, and takes litpic as the cover image', () => {
    const [line] = convert([archive({ writer: '', source: '', description: '', keywords: '', litpic: '/uploads/allimg/240614/1-1.jpg' })]).lines
    expect(line).not.toHaveProperty('authors')
    expect(line).not.toHaveProperty('source')
    expect(line).not.toHaveProperty('summary')
    expect(line).not.toHaveProperty('tags')
    expect(line).not.toHaveProperty('html')
    expect(line.images).toEqual(['/uploads/allimg/240614/1-1.jpg'])
  })

  it('makes awaiting review (-1) and members-only (above 0) drafts, and leaves the recycle bin (-2) out, saying so', () => {
    const { lines, notes } = convert([archive({ id: '1', arcrank: '-1' }), archive({ id: '2', arcrank: '10' }), archive({ id: '3', arcrank: '-2' })])
    expect(lines.map((line) => [line.id, line.status])).toEqual([
      [1, 'draft'],
      [2, 'draft'],
    ])
    expect(notes).toEqual(['2: members-only (arcrank 10): imported as a draft', '3: in the recycle bin (arcrank -2): left out'])
  })

  it('imports an article whose channel is gone without one, saying so', () => {
    const { lines, notes } = convert([archive({ typeid: '99' })])
    expect(lines[0]).not.toHaveProperty('category')
    expect(notes).toEqual(['7: channel 99 not in dede_arctype: imported without a channel'])
  })

  it('turns page breaks into headings of their subtitles, dropping the untouched placeholder', () => {
    const body = '<p>一</p><p>#p#市场反应#e#</p><p>二</p>#p#副标题#e#<p>三</p>'
    const [line] = convert([archive({})], [{ aid: '7', typeid: '3', body }]).lines
    expect(line.html).toBe('<p>一</p><h2>市场反应</h2><p>二</p><p>三</p>')
  })
})
