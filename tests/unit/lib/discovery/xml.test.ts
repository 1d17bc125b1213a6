import fc from 'fast-check'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { xmlElement, xmlText } from '../../../../src/lib/discovery/xml'

/** What XML 1.0 cannot carry, and the C1 controls and DEL: none may reach a document. */
const UNFIT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/u
const isUnfit = (character: string) => UNFIT.test(character)
const read = (xml: string) => new XMLParser({ trimValues: false, parseTagValue: false, ignoreAttributes: false, htmlEntities: false }).parse(xml)

describe('xmlText', () => {
  it('escapes the five characters XML gives meaning to', () => {
    expect(xmlText(`<b>A & B</b> "q" 'a'`)).toBe('&lt;b&gt;A &amp; B&lt;/b&gt; &quot;q&quot; &apos;a&apos;')
  })

  it('leaves no `]]>` that could end a CDATA section, nor a `<` that could open a tag', () => {
    expect(xmlText('央行]]><script>')).toBe('央行]]&gt;&lt;script&gt;')
  })

  it('drops what XML cannot carry (C0 controls, lone surrogates, U+FFFE, U+FFFF) and the C1 controls, and keeps tab and line breaks', () => {
    expect(xmlText('a\u0000b\u0001c\u0008d\u000be\u001ff\u007fg\u0085h\ud800i\uffffj\ufffek')).toBe('abcdefghijk')
    expect(xmlText('一\t二\n三\r四')).toBe('一\t二\n三\r四')
  })

  it('keeps Chinese, full-width punctuation and characters beyond the BMP', () => {
    expect(xmlText('央行宣布降准：释放长期资金约1万亿元 📈 𠀀')).toBe('央行宣布降准：释放长期资金约1万亿元 📈 𠀀')
  })

  it('makes any text (control characters, lone surrogates, markup) a well-formed element and attribute that read back as the text without the unfit characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('<', '>', '&', '"', "'", ']]>', '\r'), fc.string({ unit: 'binary', maxLength: 1 })) }), (text) => {
        const xml = `<r>${xmlElement('t', text)}<a v="${xmlText(text)}"/></r>`
        expect(XMLValidator.validate(xml)).toBe(true)
        expect(xml).not.toMatch(UNFIT)
        // A parser reads a line break written as \r\n or \r as \n (XML 1.0, 2.11).
        const expected = [...text].filter((character) => !isUnfit(character)).join('').replace(/\r\n?/g, '\n')
        const parsed = read(xml).r
        expect(parsed.t).toBe(expected)
      }),
      { numRuns: 500 },
    )
  })
})
