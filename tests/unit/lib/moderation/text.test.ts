import { codePointLength, countLinks, normaliseForRepeat, trimComment } from '../../../../src/lib/moderation/text'

describe('trimComment', () => {
  it('trims spaces, line breaks, the ideographic space and zero-width characters at both ends only', () => {
    expect(trimComment('  \n\t央行降准\u3000\u200b\ufeff')).toBe('央行降准')
    expect(trimComment('\u200b央行 \u200b 降准\u2060')).toBe('央行 \u200b 降准')
    expect(trimComment(' \u200b\u200c\u200d ')).toBe('')
  })
})

describe('codePointLength', () => {
  it('counts an emoji or a character outside the BMP once', () => {
    expect(codePointLength('😀')).toBe(1)
    expect('😀'.length).toBe(2)
    expect(codePointLength('好😀𠀀')).toBe(3)
    expect(codePointLength('')).toBe(0)
  })
})

describe('normaliseForRepeat', () => {
  it('ignores case, full-width forms, runs of whitespace and the ends', () => {
    expect(normaliseForRepeat('  Hello   WORLD ')).toBe('hello world')
    expect(normaliseForRepeat('ＡＢＣ１２３')).toBe('abc123')
    expect(normaliseForRepeat('央行\u3000\u3000降准\n\t利好')).toBe('央行 降准 利好')
    expect(normaliseForRepeat('降准！')).toBe(normaliseForRepeat('降准!'))
  })

  it('drops zero-width characters, which would otherwise make the same text look new', () => {
    expect(normaliseForRepeat('央\u200b行降\u200d准')).toBe('央行降准')
  })

  it('keeps what makes texts different: words, punctuation, spaces between words', () => {
    expect(normaliseForRepeat('央行降准')).not.toBe(normaliseForRepeat('央行加息'))
    expect(normaliseForRepeat('降准。')).not.toBe(normaliseForRepeat('降准'))
  })
})

describe('countLinks', () => {
  it('counts nothing in plain text', () => {
    expect(countLinks('')).toBe(0)
    expect(countLinks('央行宣布降准0.5个百分点，利好A股')).toBe(0)
  })

  it('counts http and https URLs, with or without a path', () => {
    expect(countLinks('https://example.com')).toBe(1)
    expect(countLinks('see http://example.com/a/b?c=1#d and https://example.org')).toBe(2)
  })

  it('counts a URL set in Chinese text without spaces once', () => {
    expect(countLinks('详见https://example.com/news/1.html很不错')).toBe(1)
    expect(countLinks('来源：https://zh.wikipedia.org/wiki/股票市场')).toBe(1)
  })

  it('ends a URL at Chinese punctuation, so what follows counts on its own', () => {
    expect(countLinks('看https://a.com/x，还有https://b.com/y。再看c.com')).toBe(3)
    expect(countLinks('（https://a.com）【www.b.com】《c.cn》')).toBe(3)
    expect(countLinks('“https://a.com”、“https://b.com”')).toBe(2)
  })

  it('counts two URLs written together twice', () => {
    expect(countLinks('https://a.comhttps://b.com')).toBe(2)
  })

  it('counts www. hosts, and a URL with www. once', () => {
    expect(countLinks('www.example.com')).toBe(1)
    expect(countLinks('上www.example.xyzzy看看')).toBe(1)
    expect(countLinks('http://www.example.com/x')).toBe(1)
  })

  it('counts bare domains, Latin or Chinese, inside Chinese text', () => {
    expect(countLinks('example.com / 例子.cn')).toBe(2)
    expect(countLinks('请访问example.com了解详情')).toBe(1)
    expect(countLinks('关注sina.com.cn和bbs.example.cn')).toBe(2)
    expect(countLinks('网址是例子.中国')).toBe(1)
    expect(countLinks('http://例子.cn')).toBe(1)
  })

  it('counts full-width letters and dots as their ASCII forms', () => {
    expect(countLinks('ｅｘａｍｐｌｅ．ｃｏｍ')).toBe(1)
    expect(countLinks('ＨＴＴＰＳ：／／ＥＸＡＭＰＬＥ．ＣＯＭ／Ａ')).toBe(1)
    expect(countLinks('加我 example。com 领取')).toBe(1)
    expect(countLinks('加我 example｡com 领取')).toBe(1)
  })

  it('does not take a sentence-ending 。 for a dot', () => {
    expect(countLinks('今天大涨。Com 这个词不算')).toBe(0)
    expect(countLinks('我看好。明天见')).toBe(0)
  })

  it('is case-insensitive', () => {
    expect(countLinks('Example.COM and WWW.Example.Org and HTTPS://X.IO')).toBe(3)
  })

  it('does not count numbers, abbreviations and file names', () => {
    expect(countLinks('上涨3.5%，市盈率12.8倍')).toBe(0)
    expect(countLinks('e.g. i.e. U.S. Ph.D a.m.')).toBe(0)
    expect(countLinks('node.js、report.pdf、v1.2.3')).toBe(0)
    expect(countLinks('Huawei Technologies Co.,Ltd. and Co.Ltd')).toBe(0)
    expect(countLinks('example.community')).toBe(0)
  })

  it('counts an e-mail address by its domain', () => {
    expect(countLinks('联系 support@example.com')).toBe(1)
  })

  it('stays fast on a long comment of Chinese without dots', () => {
    const text = '央行宣布降准利好股市'.repeat(200)
    const started = performance.now()
    expect(countLinks(text)).toBe(0)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
