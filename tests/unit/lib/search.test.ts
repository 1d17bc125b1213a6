import { highlightSnippet, parseSearchParams, searchTotalLimitFrom, SEGMENTATION, searchWords, toTsQuery } from '../../../src/lib/search'
import { FINANCE_WORD_FREQUENCY, FINANCE_WORDS } from '../../../src/lib/search/financeWords'

describe('searchWords', () => {
  it('cuts Chinese into words, with the shorter words inside long ones', () => {
    expect(searchWords('央行宣布降准0.5个百分点')).toEqual(expect.arrayContaining(['央行', '降准', '百分点', '百分']))
  })
  it('folds case and full-width forms, and drops punctuation and spaces', () => {
    expect(searchWords('ＰＭＩ 数据，')).toEqual(['pmi', '数据'])
  })
})

describe('toTsQuery', () => {
  const tsQueryOf = (query: string) => toTsQuery(searchWords(query))
  it('asks for every word as a prefix', () => {
    expect(tsQueryOf('降准 PMI')).toBe("'降准':* & 'pmi':*")
  })
  it('leaves out a word that begins another of the query\'s words, which the longer one implies', () => {
    expect(tsQueryOf('存款准备金率')).toBe("'存款':* & '准备金率':*")
  })
  it('gives nothing to search for when there are no words', () => {
    expect(tsQueryOf('')).toBeNull()
    expect(tsQueryOf('，。！ ')).toBeNull()
  })
  it('cannot be broken out of with quotes or operators', () => {
    const query = tsQueryOf("a' | b:* & !c")!
    expect(query).not.toMatch(/[|!]/)
    expect(query.split(' & ').every((part) => /^'[^']*(?:''[^']*)*':\*$/.test(part))).toBe(true)
  })
  it('keeps the finance words jieba lacks whole, so their own search matches them in any sentence', () => {
    expect(searchWords('央行降准将释放长期资金')).toEqual(expect.arrayContaining(['降准', '将']))
    expect(searchWords('央行降准将释放长期资金')).not.toContain('准将')
    expect(tsQueryOf('城投债')).toBe("'城投债':*")
    expect(searchWords('此次城投后续')).toContain('城投')
    // A general word beside one of them stays a word.
    expect(searchWords('长城投资者')).toEqual(expect.arrayContaining(['长城', '投资者']))
  })
  it('quotes whatever words it is given', () => {
    expect(toTsQuery(["it's", 'a\\b'])).toBe("'it''s':* & 'ab':*")
  })
})

describe('highlightSnippet', () => {
  it('marks every occurrence around the first, escaping the rest', () => {
    expect(highlightSnippet('前文央行<b>宣布降准，降准幅度0.5个百分点', ['降准'], 5)).toBe('…&lt;b&gt;宣布<mark>降准</mark>，<mark>降准</mark>幅度0.5…')
  })
  it('starts at the beginning when no word occurs', () => {
    expect(highlightSnippet('没有匹配的文字', ['降准'], 3)).toBe('没有匹配的文…')
  })
  it('ends with … when told the text was cut, though the excerpt reaches its end', () => {
    expect(highlightSnippet('央行宣布降准', ['降准'], 3, true)).toBe('…行宣布<mark>降准</mark>…')
    expect(highlightSnippet('央行宣布降准', ['降准'], 3)).toBe('…行宣布<mark>降准</mark>')
  })
})

describe('parseSearchParams', () => {
  it('reads defaults and numbers', () => {
    expect(parseSearchParams({ q: ' 降准 ', page: '2', category: 3 })).toEqual({ ok: true, value: { q: '降准', page: 2, limit: 10, category: 3 } })
  })
  it.each([
    [{ q: 5 }, 'q'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ page: '0' }, 'page'],
    [{ limit: '51' }, 'limit'],
    [{ tag: '-1' }, 'tag'],
    [{ to: 'someday' }, 'to'],
  ])('refuses %j naming %s', (input, path) => {
    expect(parseSearchParams(input)).toMatchObject({ ok: false, path })
  })
})

describe('searchTotalLimitFrom', () => {
  it('counts 1,000 matches unless SEARCH_TOTAL_LIMIT says otherwise, and never more than 100,000', () => {
    expect(searchTotalLimitFrom({})).toBe(1_000)
    expect(searchTotalLimitFrom({ SEARCH_TOTAL_LIMIT: '250' })).toBe(250)
    expect(searchTotalLimitFrom({ SEARCH_TOTAL_LIMIT: '5000000' })).toBe(100_000)
    for (const wrong of ['0', '-3', '1.5', 'all', '']) expect(searchTotalLimitFrom({ SEARCH_TOTAL_LIMIT: wrong })).toBe(1_000)
  })
})

describe('SEGMENTATION', () => {
  it('names the dictionary the stored rows were cut with, so changing the words means raising it', () => {
    // A change to the added words fails here: raise SEGMENTATION (src/lib/search/segment.ts), so the
    // server re-indexes the rows cut the earlier way, and record the new pair below.
    expect({ SEGMENTATION, FINANCE_WORDS, FINANCE_WORD_FREQUENCY }).toEqual({
      SEGMENTATION: 2,
      FINANCE_WORDS: ['降准', '城投', '城投债', '定增', '资管新规', '农商行', '险资', '保交楼', '化债', '两融'],
      FINANCE_WORD_FREQUENCY: 5000,
    })
  })
})
