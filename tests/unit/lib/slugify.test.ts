import { firstFreeSlug, isValidSlug, MAX_SLUG_LENGTH, slugify } from '../../../src/lib/slugify'

describe('slugify', () => {
  it('turns Chinese into toneless pinyin, one hyphen between syllables', () => {
    expect(slugify('行业资讯')).toBe('hang-ye-zi-xun')
    expect(slugify('网贷')).toBe('wang-dai')
    expect(slugify('银行行长')).toBe('yin-hang-hang-zhang')
    expect(slugify('重庆')).toBe('chong-qing')
  })

  // 央行 (the central bank) is yāng háng. The module's own doc comment promises `yang-hang-jiang-zhun`;
  // pinyin-pro's default dictionary reads this 行 as xíng, which would put `yang-xing` in every URL about
  // the central bank, a headline topic of a finance portal.
  it('reads 行 in 央行 as hang, as the module documents', () => {
    expect(slugify('央行降准')).toBe('yang-hang-jiang-zhun')
    expect(slugify('央行宣布降准')).toBe('yang-hang-xuan-bu-jiang-zhun')
  })

  it('writes ü as v', () => {
    expect(slugify('绿色金融')).toBe('lv-se-jin-rong')
    expect(slugify('女性')).toBe('nv-xing')
  })

  it('keeps Latin letters (lower-cased) and digits between Chinese words', () => {
    expect(slugify('2025行业资讯：A股IPO 新规')).toBe('2025-hang-ye-zi-xun-a-gu-ipo-xin-gui')
    expect(slugify('iPhone 17 发布')).toBe('iphone-17-fa-bu')
    expect(slugify('降准0.5个百分点')).toBe('jiang-zhun-0-5-ge-bai-fen-dian')
  })

  it('collapses runs of punctuation and spaces into one hyphen, with none at either end', () => {
    expect(slugify('  Hello,,, World!! ')).toBe('hello-world')
    expect(slugify('A股——大涨！')).toBe('a-gu-da-zhang')
    expect(slugify('“降准”？来了')).toBe('jiang-zhun-lai-le')
    expect(slugify('--a--b--')).toBe('a-b')
  })

  it('normalises full-width characters and strips accents', () => {
    expect(slugify('ＡＢＣ１２３')).toBe('abc123')
    expect(slugify('Café Ünïcödé')).toBe('cafe-unicode')
  })

  it('gives an empty slug when nothing is left', () => {
    expect(slugify('')).toBe('')
    expect(slugify('😀🎉')).toBe('')
    expect(slugify('！？。，')).toBe('')
    expect(slugify('   ')).toBe('')
  })

  it(`cuts a long headline at a hyphen, at most ${MAX_SLUG_LENGTH} characters`, () => {
    const title = '中国人民银行发布2025年第一季度货币政策执行报告，称将继续实施适度宽松的货币政策，保持流动性合理充裕'
    const slug = slugify(title)
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(slug).toBe('zhong-guo-ren-min-yin-hang-fa-bu-2025-nian-di-yi-ji-du-huo-bi-zheng-ce-zhi-xing')
    expect(isValidSlug(slug)).toBe(true)
  })

  it('keeps a slug of exactly the maximum length whole, and cuts before a syllable that would overflow', () => {
    const exact = Array.from({ length: 16 }, () => 'abcd').join('-') // 16*4 + 15 = 79
    expect(slugify(`${exact}x`)).toBe(`${exact}x`) // 80
    expect(slugify(`${exact}x`).length).toBe(80)
    expect(slugify(`${exact}-yz`)).toBe(exact) // 82 → cut at the hyphen
  })

  it('cuts a single overlong word at the maximum length', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(MAX_SLUG_LENGTH))
  })

  it('always produces a valid slug', () => {
    for (const title of ['央行宣布降准', '“双11”电商大战', 'A股 & 港股：今日收盘', 'ETF基金-规模创新高', '5G/6G']) {
      const slug = slugify(title)
      expect(isValidSlug(slug)).toBe(true)
    }
  })
})

describe('isValidSlug', () => {
  it.each([['yang-hang'], ['a'], ['2025'], ['a-1-b'], ['x'.repeat(80)]])('accepts %s', (slug) => {
    expect(isValidSlug(slug)).toBe(true)
  })

  it.each([[''], ['Yang-Hang'], ['yang_hang'], ['yang--hang'], ['-yang'], ['yang-'], ['yang hang'], ['央行'], ['x'.repeat(81)], ['a/b']])(
    'refuses %j',
    (slug) => {
      expect(isValidSlug(slug)).toBe(false)
    },
  )
})

describe('firstFreeSlug', () => {
  const takenIn = (taken: string[]) => {
    const asked: string[] = []
    const isTaken = async (candidate: string) => {
      asked.push(candidate)
      return taken.includes(candidate)
    }
    return { isTaken, asked }
  }

  it('keeps the base when it is free', async () => {
    const { isTaken, asked } = takenIn([])
    await expect(firstFreeSlug('jiang-zhun', isTaken)).resolves.toBe('jiang-zhun')
    expect(asked).toEqual(['jiang-zhun'])
  })

  it('numbers from -2 upwards', async () => {
    expect(await firstFreeSlug('jiang-zhun', takenIn(['jiang-zhun']).isTaken)).toBe('jiang-zhun-2')
    const { isTaken, asked } = takenIn(['jiang-zhun', 'jiang-zhun-2'])
    expect(await firstFreeSlug('jiang-zhun', isTaken)).toBe('jiang-zhun-3')
    expect(asked).toEqual(['jiang-zhun', 'jiang-zhun-2', 'jiang-zhun-3'])
  })

  it('skips only the taken numbers, not the free gap after them', async () => {
    expect(await firstFreeSlug('a', takenIn(['a', 'a-2', 'a-3', 'a-5']).isTaken)).toBe('a-4')
  })

  it('keeps a numbered slug of a maximum-length base within the limit, cut at a hyphen', async () => {
    const base = Array.from({ length: 16 }, () => 'abcd').join('-') + 'x' // 80 characters
    const slug = await firstFreeSlug(base, takenIn([base]).isTaken)
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(slug).toBe(`${Array.from({ length: 15 }, () => 'abcd').join('-')}-2`)
    expect(isValidSlug(slug)).toBe(true)
  })
})
