import { buildScreener, hitContext, maskText, type ScreeningHit, type WordListEntry } from '../../../../src/lib/screening'

const maskWith = (entries: WordListEntry[], text: string, allowList?: string[]) =>
  maskText(text, buildScreener(entries, allowList).scan(text))
const masked = (phrase: string): WordListEntry => ({ phrase, action: 'mask' })
const hitAt = (text: string, start: number, end: number): ScreeningHit => ({
  phrase: text.slice(start, end),
  action: 'mask',
  start,
  end,
  matched: text.slice(start, end),
})

describe('maskText', () => {
  it('replaces each character of the word with a visible *, leaving the rest of the text as it was', () => {
    expect(maskWith([masked('赌博')], '这个网站涉及赌博内容')).toBe('这个网站涉及**内容')
    expect(maskWith([masked('sex')], '看SEX视频')).toBe('看***视频')
  })

  it('never deletes: the masked text has a character for every character of the word (the "holes" defect)', () => {
    const text = '作为一款广受欢迎的赌博产品'
    const result = maskWith([masked('赌博')], text)
    expect(result).toBe('作为一款广受欢迎的**产品')
    expect(result).toHaveLength(text.length)
    expect(result).not.toContain('的 产品')
  })

  it('keeps spaces, punctuation and invisible characters inserted inside the word', () => {
    expect(maskWith([masked('赌博')], '赌 博')).toBe('* *')
    expect(maskWith([masked('赌博')], '赌-博')).toBe('*-*')
    expect(maskWith([masked('赌博')], '赌\u200b博')).toBe('*\u200b*')
    expect(maskWith([masked('赌博')], '赌💰博')).toBe('*💰*')
    expect(maskWith([masked('sex')], 's.e.x!')).toBe('*.*.*!')
  })

  it('masks full-width letters and digits', () => {
    expect(maskWith([masked('qq123')], '加ＱＱ１２３')).toBe('加*****')
  })

  it('masks a character together with its combining marks, and a surrogate pair as one *', () => {
    expect(maskWith([masked('赌博')], '赌\u0336博\u0336!')).toBe('**!')
    expect(maskWith([masked('cafe')], 'cafe\u0301 au lait')).toBe('**** au lait')
    expect(maskWith([masked('𠀀𠀁')], '前𠀀𠀁后')).toBe('前**后')
  })

  it('masks overlapping hits once and separate hits each', () => {
    expect(maskWith([masked('网络赌博'), masked('赌博网站')], '网络赌博网站和赌博')).toBe('******和赌博')
    expect(maskWith([masked('赌博')], '赌博，又是赌博')).toBe('**，又是**')
  })

  it('leaves allowed phrases alone', () => {
    expect(maskWith([masked('博彩')], '博彩业监管与博彩', ['博彩业监管'])).toBe('博彩业监管与**')
  })

  it('returns the text unchanged without hits, and survives hits past the ends of the text', () => {
    expect(maskText('赌博', [])).toBe('赌博')
    expect(maskText('', [])).toBe('')
    expect(maskText('赌博', [hitAt('赌博xx', 1, 4)])).toBe('赌*')
    expect(maskText('赌博', [{ ...hitAt('赌博', 0, 2), start: -3 }])).toBe('**')
    expect(maskText('赌博', [{ ...hitAt('赌博', 0, 2), start: 2, end: 1 }])).toBe('赌博')
  })

  it('gives text that no longer screens', () => {
    const screener = buildScreener([masked('赌博'), masked('sex')])
    const once = maskText('赌 博 and sex', screener.scan('赌 博 and sex'))
    expect(screener.scan(once)).toEqual([])
  })
})

describe('hitContext', () => {
  const text = '今天的财经新闻提到，有人在网上宣传赌博网站，并称可以稳赚不赔，监管部门已介入调查。'
  const [hit] = buildScreener([masked('赌博')]).scan(text)

  it('shows about ten characters each side of the hit, marking the cuts', () => {
    expect(hitContext(text, hit)).toBe('…提到，有人在网上宣传赌博网站，并称可以稳赚不…')
  })

  it('takes another radius', () => {
    expect(hitContext(text, hit, 2)).toBe('…宣传赌博网站…')
    expect(hitContext(text, hit, 0)).toBe('…赌博…')
  })

  it('does not mark a cut at the start or end of the text', () => {
    const short = '涉及赌博'
    const [shortHit] = buildScreener([masked('赌博')]).scan(short)
    expect(hitContext(short, shortHit)).toBe('涉及赌博')
  })

  it('counts characters, not UTF-16 units, and never splits a pair or leaves a mark behind', () => {
    const emoji = '😀😀😀赌博😀😀😀'
    const [emojiHit] = buildScreener([masked('赌博')]).scan(emoji)
    expect(hitContext(emoji, emojiHit, 2)).toBe('…😀😀赌博😀😀…')
    const accented = 'xe\u0301\u0301赌博'
    const [accentHit] = buildScreener([masked('赌博')]).scan(accented)
    expect(hitContext(accented, accentHit, 1)).toBe('…e\u0301\u0301赌博')
  })

  it('puts line breaks and runs of spaces on one line', () => {
    const multiline = '第一段\n\n赌博\t  内容'
    const [lineHit] = buildScreener([masked('赌博')]).scan(multiline)
    expect(hitContext(multiline, lineHit)).toBe('第一段 赌博 内容')
  })
})
