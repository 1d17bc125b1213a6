import { buildAutomaton } from '../../../../src/lib/screening/ahoCorasick'
import { foldPhrase, foldText } from '../../../../src/lib/screening/normalise'
import { seededRandom as mulberry32 } from '../../../../src/lib/seededRandom'


const codes = (text: string) => [...text].map((char) => char.codePointAt(0)!)

function allMatches(patterns: string[], input: string): [number, number, number][] {
  const found: [number, number, number][] = []
  buildAutomaton(patterns.map(codes)).scan(codes(input), (pattern, start, end) => found.push([pattern, start, end]))
  return found
}

describe('buildAutomaton (Aho–Corasick)', () => {
  it('finds nested and overlapping patterns, in order of where they end', () => {
    // the classic example: he, she, his, hers over "ushers"
    expect(allMatches(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([
      [1, 1, 4],
      [0, 2, 4],
      [3, 2, 6],
    ])
  })

  it('follows failure links through several levels', () => {
    expect(allMatches(['a', 'aa', 'aaa'], 'aaaa').length).toBe(4 + 3 + 2)
    expect(allMatches(['abcd', 'bcx', 'c'], 'abcxabcd')).toEqual([
      [2, 2, 3],
      [1, 1, 4],
      [2, 6, 7],
      [0, 4, 8],
    ])
  })

  it('agrees with a brute-force search on random patterns and texts', () => {
    const random = mulberry32(20250320)
    const alphabet = ['赌', '博', '彩', 'a', 'b', '𠀀']
    const word = (max: number) =>
      Array.from({ length: 1 + Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
    for (let round = 0; round < 200; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + Math.floor(random() * 8) }, () => word(4)))]
      const input = codes(word(40))
      const expected: [number, number, number][] = []
      patterns.forEach((pattern, index) => {
        const p = codes(pattern)
        for (let start = 0; start + p.length <= input.length; start++) {
          if (p.every((c, k) => input[start + k] === c)) expected.push([index, start, start + p.length])
        }
      })
      const actual = allMatches(patterns, String.fromCodePoint(...input))
      const order = (a: number[], b: number[]) => a[2] - b[2] || a[1] - b[1]
      expect(actual.sort(order)).toEqual(expected.sort(order))
    }
  })

  it('refuses empty and repeated patterns, which the screener filters out before', () => {
    expect(() => buildAutomaton([[]])).toThrow(RangeError)
    expect(() => buildAutomaton([[1, 2], [1, 2]])).toThrow(RangeError)
  })

  it('finds nothing with no patterns', () => {
    expect(allMatches([], 'abc')).toEqual([])
  })
})

describe('foldText', () => {
  it('keeps letters and digits, lower-cased and compatibility-folded, with where each came from', () => {
    const folded = foldText('Ａ-b 赌\u200b１😀ﬁ')
    expect(String.fromCodePoint(...folded.codePoints)).toBe('ab赌1fi')
    expect(folded.starts).toEqual([0, 2, 4, 6, 9, 9])
    expect(folded.ends).toEqual([1, 3, 5, 7, 10, 10])
  })

  it('folds a phrase the same way', () => {
    expect(String.fromCodePoint(...foldPhrase(' Ｓ.E.x '))).toBe('sex')
    expect(foldPhrase('…—！')).toEqual([])
  })

  it('drops accents and combining marks, keeps CJK outside the common block', () => {
    expect(String.fromCodePoint(...foldPhrase('Crème Brûlée'))).toBe('cremebrulee')
    expect(String.fromCodePoint(...foldPhrase('𠀀㐀\uf900'))).toBe('𠀀㐀\u8c48') // compatibility ideograph → unified
  })
})
