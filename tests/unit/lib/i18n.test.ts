import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { MESSAGES } from '../../../src/lib/i18n/messages'
import { LANGUAGES, languageOfLocale, placeholdersOf, translate, type MessageCode } from '../../../src/lib/i18n/translate'
import { ROOT_DIR } from '../../helpers/server'

const CODES = Object.keys(MESSAGES) as MessageCode[]
const HAN = /\p{Script=Han}/u

/** Every TypeScript file under src/, with its text. */
function sources(dir = path.join(ROOT_DIR, 'src')): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(full)
    return /\.tsx?$/.test(entry.name) ? [{ file: path.relative(ROOT_DIR, full), text: readFileSync(full, 'utf8') }] : []
  })
}

describe('the message catalogue', () => {
  it.each(CODES)('%s has a Chinese and an English text naming the same values', (code) => {
    const { zh, en } = MESSAGES[code]
    expect(zh.trim()).not.toBe('')
    expect(en.trim()).not.toBe('')
    expect(zh).toMatch(HAN)
    expect(en).not.toMatch(HAN)
    expect(placeholdersOf(zh)).toEqual(placeholdersOf(en))
  })

  it('has a text in every language for every code the source gives a refusal', () => {
    const used = new Set(sources().flatMap(({ text }) => [...text.matchAll(/\bcode: '([A-Z][A-Z_]+)'/g)].map((match) => match[1])))
    expect(used.size).toBeGreaterThan(10)
    const missing = [...used].filter((code) => !LANGUAGES.every((language) => MESSAGES[code as MessageCode]?.[language]))
    expect(missing).toEqual([])
  })

  it('is where two-language text lives: no string in the source says one thing in Chinese and English at once', () => {
    // "中文 / English" or "中文 (English …)", written out or put together from a label's two texts
    // (`${label.zh} / ${label.en}`): what a person reads is chosen by their language instead.
    const bilingual = /[\p{Script=Han}。）]\s*(?:\/|\()\s*[A-Z][a-z]+[ ,:][^'`"\n]*|\$\{[^}]*\.zh\}[^`\n]*\$\{[^}]*\.en\}/u
    const offenders = sources()
      .filter(({ file }) => !file.endsWith('messages.ts'))
      .flatMap(({ file, text }) =>
        text.split('\n').flatMap((line, index) => (!/^\s*(\/\/|\*)/.test(line) && bilingual.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      )
    expect(offenders).toEqual([])
  })
})

describe('translate', () => {
  it('quotes a label as each language quotes a name, and reads a list as "a, b or c"', () => {
    const one = { zh: '待审', en: 'In review' }
    const two = { zh: '已审核', en: 'Approved' }
    const three = { zh: '草稿', en: 'Draft' }
    const message = { code: 'REVIEW_WRONG_STATE', values: { state: one, action: two, from: [one, two, three] } } as const
    expect(translate(message, 'zh')).toBe('文章当前为「待审」，不能「已审核」：只有「待审」、「已审核」或「草稿」的文章可以这样操作')
    expect(translate(message, 'en')).toContain('only an article that is "In review", "Approved" or "Draft" can')
  })

  it('puts text and numbers in as they are', () => {
    expect(translate({ code: 'REVIEW_NOTE_TOO_LONG', values: { max: 2000 } }, 'zh')).toBe('审核意见不能超过 2000 个字符')
    expect(translate({ code: 'CORRECTION_STATUS_UNKNOWN', values: { status: '{{x}}', known: [] } }, 'en')).toBe('Unknown status {{x}}; known statuses: ')
  })

  it('puts a message in as its text in the same language', () => {
    const refusal = { code: 'AUTH_FIELD_FORBIDDEN', values: { field: 'status', who: { code: 'ACCOUNT_SET_BY_MODERATORS' } } } as const
    expect(translate(refusal, 'zh')).toBe('您不能设置字段 status：由审核员或管理员设置')
    expect(translate(refusal, 'en')).toBe('You may not set status: it is set by moderators and admins')
  })
})

describe('languageOfLocale', () => {
  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' }, 'zh'],
    [{ LC_MESSAGES: 'zh_CN', LANG: 'C' }, 'zh'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{}, 'en'],
  ])('%j reads %s', (env, language) => {
    expect(languageOfLocale(env)).toBe(language)
  })
})
