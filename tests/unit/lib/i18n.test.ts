import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { MESSAGES } from '../../../src/lib/i18n/messages'
import { LANGUAGES, placeholdersOf, translate, type MessageCode } from '../../../src/lib/i18n/translate'
import { ROOT_DIR } from '../../helpers/server'

const CODES = Object.keys(MESSAGES) as MessageCode[]
const HAN = /\p{Script=Han}/u
/** Codes whose refusals still carry a two-language text of their own (src/lib/accounts/authFields.ts). */
const NOT_YET_IN_THE_CATALOGUE = ['AUTH_FIELD_FORBIDDEN', 'INTERNAL_AUTH_FIELD']

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

  it('has a text in every language for every code the source gives a refusal, but the ones still to move here', () => {
    const used = new Set(sources().flatMap(({ text }) => [...text.matchAll(/\bcode: '([A-Z][A-Z_]+)'/g)].map((match) => match[1])))
    expect(used.size).toBeGreaterThan(10)
    const missing = [...used].filter((code) => !LANGUAGES.every((language) => MESSAGES[code as MessageCode]?.[language]))
    expect(missing.sort()).toEqual(NOT_YET_IN_THE_CATALOGUE)
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
})
