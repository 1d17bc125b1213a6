import {
  buildScreener,
  type ScreeningHit,
  strongestAction,
  type WordListEntry,
} from '../../../../src/lib/screening'

const screen = (entries: WordListEntry[], text: string, allowList?: string[]) => buildScreener(entries, allowList).scan(text)
const reject = (phrase: string, note?: string | null): WordListEntry => ({ phrase, action: 'reject', note })
const review = (phrase: string): WordListEntry => ({ phrase, action: 'review' })
const mask = (phrase: string): WordListEntry => ({ phrase, action: 'mask' })
const spans = (hits: ScreeningHit[]) => hits.map(({ phrase, start, end, matched }) => [phrase, start, end, matched])

describe('buildScreener: Chinese text without spaces', () => {
  it('finds a word inside a sentence, where a \\b-style boundary never matches', () => {
    const text = '这个网站涉及赌博内容'
    expect(screen([reject('赌博')], text)).toEqual([
      { phrase: '赌博', action: 'reject', start: 6, end: 8, matched: '赌博' },
    ])
  })

  it('finds a word at the very start and the very end of the text, and as the whole text', () => {
    expect(spans(screen([reject('赌博')], '赌博网站'))).toEqual([['赌博', 0, 2, '赌博']])
    expect(spans(screen([reject('赌博')], '网站赌博'))).toEqual([['赌博', 2, 4, '赌博']])
    expect(spans(screen([reject('赌博')], '赌博'))).toEqual([['赌博', 0, 2, '赌博']])
  })

  it('reports nothing for clean text, and nothing for half a word', () => {
    expect(screen([reject('赌博')], '央行宣布降准0.5个百分点')).toEqual([])
    expect(screen([reject('赌博')], '赌')).toEqual([])
  })

  it('keeps the entry note on the hit', () => {
    const [hit] = screen([reject('代开发票', '虚开发票广告')], '专业代开发票，联系微信')
    expect(hit).toMatchObject({ phrase: '代开发票', note: '虚开发票广告', matched: '代开发票' })
  })
})

describe('buildScreener: Latin words', () => {
  it('is case-insensitive', () => {
    expect(spans(screen([review('Casino')], 'best CASINO online, casino, CaSiNo'))).toEqual([
      ['Casino', 5, 11, 'CASINO'],
      ['Casino', 20, 26, 'casino'],
      ['Casino', 28, 34, 'CaSiNo'],
    ])
  })

  it('does not match a pure-letter word in the middle of a longer Latin word', () => {
    const entries = [mask('ass'), mask('sex')]
    expect(screen(entries, 'a class in Essex, assess the passage, sexy, unisex')).toEqual([])
  })

  it('does match it as a word of its own, next to punctuation, digits or Chinese', () => {
    const entries = [mask('ass'), review('sex')]
    expect(spans(screen(entries, 'sex'))).toEqual([['sex', 0, 3, 'sex']])
    expect(spans(screen(entries, '看sex视频'))).toEqual([['sex', 1, 4, 'sex']])
    expect(spans(screen(entries, 'what an ass!'))).toEqual([['ass', 8, 11, 'ass']])
    expect(spans(screen(entries, '(sex)'))).toEqual([['sex', 1, 4, 'sex']])
    expect(spans(screen(entries, 'sex123'))).toEqual([['sex', 0, 3, 'sex']])
  })

  it('sees a word as longer across invisible characters and accents, not across spaces', () => {
    expect(screen([mask('ass')], 'cl\u200bass')).toEqual([])
    expect(screen([mask('ass')], 'clé\u0301ass')).toEqual([])
    expect(screen([mask('ass')], 'cafés\u0301ass')).toEqual([])
    expect(spans(screen([review('sex')], 'a sex shop'))).toEqual([['sex', 2, 5, 'sex']])
  })

  it('does not glue the end of one word to the start of the next', () => {
    // folded, `house xylophone` reads `housexylophone`, which contains `sex`
    expect(screen([review('sex')], 'house xylophone, mass exodus')).toEqual([])
  })

  it('still catches the word spelt out with separators', () => {
    expect(spans(screen([review('sex')], '看 s.e.x 视频'))).toEqual([['sex', 2, 7, 's.e.x']])
    expect(spans(screen([review('sex')], 'S E X'))).toEqual([['sex', 0, 5, 'S E X']])
  })

  it('matches phrases with Chinese or digits anywhere, with no word rule', () => {
    expect(spans(screen([review('qq群')], '加我的abcqq群123'))).toEqual([['qq群', 6, 9, 'qq群']])
    expect(spans(screen([review('v8')], 'av8x'))).toEqual([['v8', 1, 3, 'v8']])
  })

  it('applies the word rule to the words of a Latin phrase with spaces as a whole', () => {
    expect(spans(screen([review('free money')], 'get FREE-MONEY now'))).toEqual([['free money', 4, 14, 'FREE-MONEY']])
    expect(screen([review('free money')], 'carefree moneyless')).toEqual([])
  })
})

describe('buildScreener: folding and evasions', () => {
  it.each([
    ['赌 博', 0, 3],
    ['赌*博', 0, 3],
    ['赌-博', 0, 3],
    ['赌.博', 0, 3],
    ['赌\u200b博', 0, 3],
    ['赌\u200c博', 0, 3],
    ['赌\u200d博', 0, 3],
    ['赌\u2060博', 0, 3],
    ['赌\ufeff博', 0, 3],
    ['赌\u3000博', 0, 3], // ideographic (full-width) space
    ['赌，。、博', 0, 5], // Chinese punctuation
    ['赌 * - 博', 0, 7],
    ['赌\n博', 0, 3],
    ['赌\u00ad博', 0, 3], // soft hyphen
    ['赌\u3164博', 0, 3], // Hangul filler, an invisible "letter"
    ['赌\u202e博', 0, 3], // right-to-left override
    ['赌💰博', 0, 4], // emoji: two UTF-16 units
    ['赌\u0336博\u0336', 0, 4], // strike-through combining marks, the last one kept with its character
    ['【赌】【博】', 1, 5],
  ])('reads %j as 赌博', (text, start, end) => {
    expect(spans(screen([reject('赌博')], `网站${text}内容`))).toEqual([['赌博', start + 2, end + 2, text.slice(start, end)]])
  })

  it('folds full-width letters and digits (NFKC) both in the text and in the phrase', () => {
    expect(spans(screen([review('abc')], 'ＡＢＣ'))).toEqual([['abc', 0, 3, 'ＡＢＣ']])
    expect(spans(screen([review('ＡＢＣ')], 'abc'))).toEqual([['ＡＢＣ', 0, 3, 'abc']])
    expect(spans(screen([review('6合彩')], '买６合彩'))).toEqual([['6合彩', 1, 4, '６合彩']])
    expect(spans(screen([review('qq123')], 'ＱＱ：１２３'))).toEqual([['qq123', 0, 6, 'ＱＱ：１２３']])
  })

  it('folds other compatibility forms and accents', () => {
    expect(spans(screen([review('fix')], 'ﬁx'))).toEqual([['fix', 0, 2, 'ﬁx']]) // ligature: one character, two letters
    expect(spans(screen([review('cafe')], 'café'))).toEqual([['cafe', 0, 4, 'café']])
    expect(spans(screen([review('cafe')], 'cafe\u0301'))).toEqual([['cafe', 0, 5, 'cafe\u0301']])
    expect(spans(screen([review('cafe')], 'CAFÉ'))).toEqual([['cafe', 0, 4, 'CAFÉ']])
    expect(spans(screen([review('123')], '①②③'))).toEqual([['123', 0, 3, '①②③']])
  })

  it('normalises phrases like text: spaced, punctuated or full-width entries still match', () => {
    expect(spans(screen([reject(' 赌 博 ')], '赌博'))).toEqual([[' 赌 博 ', 0, 2, '赌博']])
    expect(spans(screen([reject('赌-博')], '赌博'))).toEqual([['赌-博', 0, 2, '赌博']])
  })
})

describe('buildScreener: overlaps, repeats, duplicates', () => {
  it('reports overlapping and nested words, ordered by start', () => {
    const entries = [review('网络赌博'), reject('赌博'), review('博彩'), mask('赌博网站')]
    expect(spans(screen(entries, '网络赌博彩票和赌博网站'))).toEqual([
      ['网络赌博', 0, 4, '网络赌博'],
      ['赌博', 2, 4, '赌博'],
      ['博彩', 3, 5, '博彩'],
      ['赌博', 7, 9, '赌博'],
      ['赌博网站', 7, 11, '赌博网站'],
    ])
  })

  it('reports every repetition, including overlapping ones of the same word', () => {
    expect(spans(screen([review('哈哈')], '哈哈哈'))).toEqual([
      ['哈哈', 0, 2, '哈哈'],
      ['哈哈', 1, 3, '哈哈'],
    ])
    expect(screen([reject('赌博')], '赌博赌博，赌 博').map((hit) => hit.start)).toEqual([0, 2, 5])
  })

  it('keeps the strictest action for a word listed twice, whichever comes first', () => {
    expect(screen([mask('赌博'), reject('赌博', '严禁'), review('赌博')], '赌博')).toEqual([
      { phrase: '赌博', action: 'reject', note: '严禁', start: 0, end: 2, matched: '赌博' },
    ])
    expect(screen([reject('赌博'), mask('赌博')], '赌博').map((hit) => hit.action)).toEqual(['reject'])
  })

  it('treats spellings that fold alike as the same word', () => {
    const screener = buildScreener([mask('SEX'), review('ｓｅｘ'), mask('s e x')])
    expect(screener.size).toBe(1)
    expect(screener.scan('sex').map((hit) => [hit.phrase, hit.action])).toEqual([['ｓｅｘ', 'review']])
  })

  it('counts distinct usable words in size', () => {
    expect(buildScreener([reject('赌博'), review('博彩'), mask('赌博'), review(''), review('   '), review('，。!')]).size).toBe(2)
  })
})

describe('buildScreener: allow-list', () => {
  it('drops a hit lying inside an allowed phrase, keeps the others', () => {
    const hits = screen([review('博彩')], '博彩业监管趋严，但境外博彩仍需警惕', ['博彩业监管'])
    expect(spans(hits)).toEqual([['博彩', 11, 13, '博彩']])
  })

  it('matches the allowed phrase with the same folding', () => {
    expect(screen([review('博彩')], '博彩 业·监管', ['博彩业监管'])).toEqual([])
    expect(screen([review('博彩')], '博彩业监管', ['博彩 业 监管'])).toEqual([])
  })

  it('keeps a hit that only partly overlaps an allowed phrase', () => {
    // 代开 is listed; 开发票 is allowed, but 代开 sticks out of it
    expect(spans(screen([reject('代开')], '代开发票', ['开发票']))).toEqual([['代开', 0, 2, '代开']])
  })

  it('drops every listed word inside the allowed phrase, whichever the action', () => {
    const entries = [reject('法轮'), review('轮功')]
    expect(screen(entries, '齿轮功率', ['轮功率'])).toEqual([])
    expect(spans(screen([reject('传销')], '打击传销犯罪，警惕传销', ['打击传销']))).toEqual([['传销', 9, 11, '传销']])
  })

  it('handles overlapping allowed phrases and a word listed both ways', () => {
    const entries = [review('股票'), review('内幕')]
    const allow = ['股票内幕交易罪', '内幕交易']
    expect(screen(entries, '股票内幕交易罪的构成', allow)).toEqual([])
    expect(screen([review('内幕')], '内幕', ['内幕'])).toEqual([])
  })

  it('ignores empty allowed phrases, and an allow-list with no words builds an empty screener', () => {
    expect(spans(screen([reject('赌博')], '赌博', ['', '  ', '…']))).toEqual([['赌博', 0, 2, '赌博']])
    const screener = buildScreener([], ['博彩业监管'])
    expect(screener.size).toBe(0)
    expect(screener.scan('博彩业监管')).toEqual([])
  })
})

describe('buildScreener: odd input', () => {
  it('handles an empty list and empty text', () => {
    expect(buildScreener([]).scan('赌博')).toEqual([])
    expect(buildScreener([reject('赌博')]).scan('')).toEqual([])
    expect(buildScreener([]).size).toBe(0)
  })

  it('gives UTF-16 indices past emoji and surrogate pairs, never splitting one', () => {
    const text = '😀👨‍👩‍👧𠀀赌博🎉'
    const [hit] = screen([reject('赌博')], text)
    expect(hit.matched).toBe('赌博')
    expect(text.slice(hit.start, hit.end)).toBe('赌博')
    expect(hit.start).toBe(text.indexOf('赌博'))
  })

  it('matches words made of characters outside the BMP', () => {
    const text = '前𠀀𠀁后'
    expect(spans(screen([review('𠀀𠀁')], text))).toEqual([['𠀀𠀁', 1, 5, '𠀀𠀁']])
  })

  it('handles lone surrogates without crashing', () => {
    expect(spans(screen([reject('赌博')], '\ud800赌\udc00博\ud83d'))).toEqual([['赌博', 1, 4, '赌\udc00博']])
  })

  it('handles right-to-left text and bidi marks', () => {
    const text = 'مرحبا \u200fقمار\u200e 赌博'
    expect(spans(screen([review('قمار'), reject('赌博')], text))).toEqual([
      ['قمار', 7, 11, 'قمار'],
      ['赌博', 13, 15, '赌博'],
    ])
  })

  it('handles combining marks on the listed word and in the text', () => {
    expect(spans(screen([review('zalgo')], 'z\u0351a\u0352l\u0353g\u0354o\u0355!'))).toEqual([
      ['zalgo', 0, 10, 'z\u0351a\u0352l\u0353g\u0354o\u0355'],
    ])
  })

  it('handles text made only of symbols, and a long text', () => {
    expect(screen([reject('赌博')], '！？……😀😀\u200b')).toEqual([])
    const long = '财经新闻'.repeat(50_000) + '赌博'
    expect(screen([reject('赌博')], long).map((hit) => hit.start)).toEqual([200_000])
  })

  it('refuses an unknown action instead of silently ignoring the word', () => {
    expect(() => buildScreener([{ phrase: '赌博', action: 'delete' as 'reject' }])).toThrow(/unknown action/)
  })

  it('does not change the entries it was given, and can be reused', () => {
    const entries = Object.freeze([Object.freeze(reject('赌博'))])
    const screener = buildScreener(entries, Object.freeze(['赌博罪']))
    expect(screener.scan('赌博').length).toBe(1)
    expect(screener.scan('赌博罪').length).toBe(0)
    expect(screener.scan('赌博').length).toBe(1)
  })
})

describe('strongestAction', () => {
  const hit = (action: ScreeningHit['action']): ScreeningHit => ({ phrase: 'x', action, start: 0, end: 1, matched: 'x' })

  it('is null without hits', () => {
    expect(strongestAction([])).toBeNull()
  })

  it('ranks reject over review over mask', () => {
    expect(strongestAction([hit('mask')])).toBe('mask')
    expect(strongestAction([hit('mask'), hit('review')])).toBe('review')
    expect(strongestAction([hit('review'), hit('reject'), hit('mask')])).toBe('reject')
    expect(strongestAction([hit('reject'), hit('mask')])).toBe('reject')
  })
})
